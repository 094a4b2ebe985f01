/**
 * The background service worker: the glossary service (bundled entries overridden by the
 * user's), the badge, the context menu, the command that toggles the current site, and telling
 * open tabs when the glossary changes (the user's glossary, or a pack turned on or off). Every listener is registered synchronously at
 * start, as MV3 requires for a worker that is woken by an event.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { pageHostname } from '../core/urls';
import { bundledSource } from './bundled-source';
import { registerContextMenu } from './context-menu';
import { createGlossaryService, type GlossarySnapshot } from './glossary-service';
import { backgroundMessaging, contentMessaging } from './protocol';
import { isActiveOn, loadSettings, sanitizeSettings, setActiveOn, settingsItem } from './settings';
import { watchSiteAccess } from './site-access';
import { STARTUP_MEASURES } from './startup-measures';
import { loadUserGlossary, mergeEntries, userGlossaryItem } from './user-glossary';

/** Name of the command (manifest `commands`) that turns the glossary on or off for the current site. */
const TOGGLE_SITE_COMMAND = 'toggle-site';

/** Badge colour (the marks' blue). */
const BADGE_COLOR = '#2f6fd6';

/**
 * Tabs whose content script has asked for an analysis: they are told when the glossary changes.
 * Kept in session storage, so a worker that was stopped and woken still knows them.
 */
const glossaryTabsItem = storage.defineItem<number[]>('session:glossaryTabs', { fallback: [] });

/**
 * The bundled packs that are on, with the user's entries over them (My glossary is always on).
 * The default (every pack on, no entries of the user's) comes compiled at build time.
 */
export async function loadGlossarySnapshot(): Promise<GlossarySnapshot> {
  const stored = Promise.all([loadUserGlossary(), loadSettings()]);
  const bundled = bundledSource();
  // Read the index while storage answers: most readers have the default glossary.
  const precompiled = bundled.precompiled();
  const [user, settings] = await stored;
  const userEntries = user?.glossary.entries ?? [];
  const userName = user?.glossary.name ? { userName: user.glossary.name } : {};
  const everyPack = !bundled.packs.some((p) => settings.packsOff.includes(p.name));
  if (everyPack && userEntries.length === 0)
    return { entries: precompiled.entries, user: 0, precompiled: precompiled.index, ...userName };
  return {
    entries: mergeEntries(bundled.entries(settings.packsOff), userEntries),
    user: userEntries.length,
    ...userName,
  };
}

/** Whether two stored settings values turn different packs off. */
export function packsOffChanged(next: unknown, previous: unknown): boolean {
  const a = new Set(sanitizeSettings(next).packsOff);
  const b = new Set(sanitizeSettings(previous).packsOff);
  return a.size !== b.size || [...a].some((name) => !b.has(name));
}

async function rememberTab(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  const tabs = await glossaryTabsItem.getValue();
  if (!tabs.includes(tabId)) await glossaryTabsItem.setValue([...tabs, tabId]);
}

async function forgetTab(tabId: number): Promise<void> {
  const tabs = await glossaryTabsItem.getValue();
  if (tabs.includes(tabId)) await glossaryTabsItem.setValue(tabs.filter((id) => id !== tabId));
}

/** Tells every tab with the glossary that it changed; tabs that no longer answer are forgotten. */
async function announceGlossaryChange(): Promise<void> {
  const tabs = await glossaryTabsItem.getValue();
  await Promise.all(
    tabs.map((tabId) => contentMessaging.sendMessage('glossaryChanged', undefined, tabId).catch(() => forgetTab(tabId))),
  );
}

async function setBadge(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
  if (count) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
}

/** Turns the glossary on or off for the site of a tab (the command's handler). */
export async function toggleSiteOf(tab: { id?: number; url?: string } | undefined): Promise<boolean | undefined> {
  const host = pageHostname(tab?.url);
  if (!host) return undefined;
  const active = !isActiveOn(await loadSettings(), host);
  await setActiveOn(host, active);
  if (!active && tab?.id !== undefined) await setBadge(tab.id, 0);
  return active;
}

/** What the worker analyzes once when it starts (an acronym defined, names, a bare surname). */
const WARM_UP_TEXT =
  'The North Atlantic Treaty Organization (NATO) met in Brussels on Monday. Chancellor Olaf Scholz spoke; Scholz said the talks went well.';

/** Records a measure from `start` to now (where the worker has the User Timing API). */
function measure(name: string, start: number): void {
  performance.measure?.(name, { start, end: performance.now() });
}

/** The tooltip library's script (entrypoints/tooltip-library.ts), as the build names it. */
const TOOLTIP_LIBRARY_FILE = '/tooltip-library.js';

/** Runs the tooltip library in the frame that asked for it (and nowhere else). */
async function injectTooltipLibrary(sender: { tab?: { id?: number }; frameId?: number }): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('loadTooltipCode comes from a content script only');
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [TOOLTIP_LIBRARY_FILE],
  });
}

/** Registers the background's message handlers and listeners. */
export function startBackground(): void {
  measure(STARTUP_MEASURES.startUp, 0);
  // Opt-in sites: register the content script where the user granted access, and keep it in sync.
  watchSiteAccess();
  const service = createGlossaryService(async () => {
    const start = performance.now();
    const snapshot = await loadGlossarySnapshot();
    measure(STARTUP_MEASURES.load, start);
    return snapshot;
  });

  let analyses = 0;
  backgroundMessaging.onMessage('analyze', async ({ data, sender }) => {
    rememberTab(sender.tab?.id).catch(() => {});
    const start = performance.now();
    const result = await service.analyze(data);
    if (analyses++ === 0) measure(STARTUP_MEASURES.firstAnalysis, start);
    return result;
  });
  // A worker is woken by a page's first message, or by the page's wake-up call at its start
  // (content-main.ts): compile now, and run the matcher's code once on a short text, so that the
  // page's first analysis finds the glossary ready and that code no longer cold.
  setTimeout(() => {
    const start = performance.now();
    service.analyze({ text: WARM_UP_TEXT }).then(
      () => measure(STARTUP_MEASURES.compile, start),
      () => {},
    );
  }, 0);
  backgroundMessaging.onMessage('reportPageTerms', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await setBadge(tabId, Array.isArray(data) ? data.length : 0);
  });
  backgroundMessaging.onMessage('search', ({ data }) => service.search(data));
  backgroundMessaging.onMessage('getEntries', ({ data }) => service.entries(data));
  backgroundMessaging.onMessage('getGlossaryInfo', () => service.info());
  backgroundMessaging.onMessage('getPacks', () => bundledSource().packs);
  backgroundMessaging.onMessage('loadTooltipCode', ({ sender }) => injectTooltipLibrary(sender));

  // An import, an added term or a removal: recompile, then let open pages analyze again.
  userGlossaryItem.watch(() => {
    service.invalidate();
    announceGlossaryChange().catch(() => {});
  });
  // A pack turned on or off: the same (other settings reach open pages through their own watch).
  settingsItem.watch((next, previous) => {
    if (!packsOffChanged(next, previous)) return;
    service.invalidate();
    announceGlossaryChange().catch(() => {});
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(() => {});
  });

  registerContextMenu();
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_SITE_COMMAND) return;
    const target = tab?.url
      ? Promise.resolve(tab)
      : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active);
    target.then(toggleSiteOf).catch((err: unknown) => console.warn('[News Glossary] toggle site:', err));
  });
}
