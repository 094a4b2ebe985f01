/**
 * Settings: one typed, versioned storage item with defaults and migrations. Everything read back
 * from storage is validated field by field, so a damaged value falls back to its default.
 *
 * Versions: 1 (the walking skeleton), 2 (#6: modifier key, shortcuts, kinds shown; sites cleaned),
 * 3 (#13, #12: packs turned off, marking outside the article).
 * Each migration is a file in ./migrations, replayed in tests/unit/settings-migrations.test.ts
 * against one example of every version.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { ENTRY_KINDS, type EntryKind } from '../core/glossary-types';
import { siteHostname } from '../core/urls';
import { v001ToV002 } from './migrations/v001-to-v002';
import { v002ToV003 } from './migrations/v002-to-v003';

/** A key that may be held to show tooltips on hover ('none': hover alone shows them). */
export type ModifierKey = 'none' | 'alt' | 'shift';

/** The user's settings. */
export interface Settings {
  /** The glossary is on. */
  enabled: boolean;
  /** Hostnames where it is off (each also covers its subdomains). */
  disabledSites: string[];
  /** How terms are marked. */
  markStyle: 'underline' | 'highlight' | 'none';
  /** Mark every mention, not only the first of each term. */
  markEveryMention: boolean;
  /** Also read headlines, bylines, link text and navigation. */
  includePageChrome: boolean;
  /** Milliseconds the pointer rests on a term before its tooltip opens. */
  hoverDelayMs: number;
  /** A key that must be held for hovering to open a tooltip. */
  modifierKey: ModifierKey;
  /** Keys (KeyboardEvent.code, pressed with Alt+Shift) that step to the next and previous marked term. */
  shortcuts: { next: string; previous: string };
  /** Kinds of entry that are marked on pages (terms the article itself defines are always marked). */
  kindsShown: EntryKind[];
  /** Names of the bundled packs the reader turned off (the `name` of glossary/*.json); My glossary is always on. */
  packsOff: string[];
  /** Where the page has an article, also mark terms in the rest of the page (off: only the article). */
  markOutsideArticle: boolean;
}

/** The version of the stored shape; bump it with a new file in ./migrations. */
export const SETTINGS_VERSION = 3;

/** Longest hover delay the options allow, in milliseconds. */
export const MAX_HOVER_DELAY_MS = 2000;

/** Defaults for a new install. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  markStyle: 'underline',
  markEveryMention: false,
  includePageChrome: false,
  hoverDelayMs: 150,
  modifierKey: 'none',
  shortcuts: { next: 'KeyN', previous: 'KeyP' },
  kindsShown: [...ENTRY_KINDS],
  packsOff: [],
  markOutsideArticle: false,
};

/** Longest pack name kept, and most names kept, when a stored list is read back. */
const MAX_PACK_NAME = 100;
const MAX_PACKS_OFF = 200;

/** KeyboardEvent.code values that may be shortcuts (with Alt+Shift): letters, digits, punctuation, F-keys. */
export const SHORTCUT_CODE =
  /^(Key[A-Z]|Digit[0-9]|Comma|Period|Slash|Semicolon|Quote|BracketLeft|BracketRight|Backslash|Backquote|Minus|Equal|F([1-9]|1[0-2]))$/;

function sanitizeShortcuts(value: unknown): Settings['shortcuts'] {
  const d = DEFAULT_SETTINGS.shortcuts;
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const next = typeof v.next === 'string' && SHORTCUT_CODE.test(v.next) ? v.next : d.next;
  const previous = typeof v.previous === 'string' && SHORTCUT_CODE.test(v.previous) ? v.previous : d.previous;
  return next === previous ? { ...d } : { next, previous };
}

function sanitizeSites(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.flatMap((s) => (typeof s === 'string' ? (siteHostname(s) ?? []) : [])))];
}

/**
 * The packs turned off, from any stored value: non-empty strings, each once. Where the pack names
 * are known (`known`: the options page and the background have the bundled packs), names of
 * packs that do not exist are dropped; without them (the content script) every name is kept.
 */
export function sanitizePacksOff(value: unknown, known?: readonly string[]): string[] {
  if (!Array.isArray(value)) return [...DEFAULT_SETTINGS.packsOff];
  const names = value.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= MAX_PACK_NAME);
  const kept = known ? names.filter((s) => known.includes(s)) : names;
  return [...new Set(kept)].slice(0, MAX_PACKS_OFF);
}

/** Normalizes any stored value into valid settings. */
export function sanitizeSettings(value: unknown): Settings {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const d = DEFAULT_SETTINGS;
  const kinds = Array.isArray(v.kindsShown) ? new Set(v.kindsShown) : undefined;
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : d.enabled,
    disabledSites: sanitizeSites(v.disabledSites),
    markStyle: v.markStyle === 'underline' || v.markStyle === 'highlight' || v.markStyle === 'none' ? v.markStyle : d.markStyle,
    markEveryMention: typeof v.markEveryMention === 'boolean' ? v.markEveryMention : d.markEveryMention,
    includePageChrome: typeof v.includePageChrome === 'boolean' ? v.includePageChrome : d.includePageChrome,
    hoverDelayMs:
      typeof v.hoverDelayMs === 'number' && Number.isFinite(v.hoverDelayMs)
        ? Math.round(Math.min(MAX_HOVER_DELAY_MS, Math.max(0, v.hoverDelayMs)))
        : d.hoverDelayMs,
    modifierKey: v.modifierKey === 'alt' || v.modifierKey === 'shift' || v.modifierKey === 'none' ? v.modifierKey : d.modifierKey,
    shortcuts: sanitizeShortcuts(v.shortcuts),
    kindsShown: kinds ? ENTRY_KINDS.filter((k) => kinds.has(k)) : [...d.kindsShown],
    packsOff: sanitizePacksOff(v.packsOff),
    markOutsideArticle: typeof v.markOutsideArticle === 'boolean' ? v.markOutsideArticle : d.markOutsideArticle,
  };
}

/** Migrations by the version they produce. */
export const SETTINGS_MIGRATIONS: Record<number, (value: unknown) => unknown> = {
  2: v001ToV002,
  3: v002ToV003,
};

/** Where the settings live in `storage.local` (WXT keeps the item's version under the key + "$"). */
const SETTINGS_KEY = 'settings';
const SETTINGS_META_KEY = `${SETTINGS_KEY}$`;

/** The settings item in `storage.local`. */
export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/**
 * Current settings, validated. A value already at the current version (or none: a new install)
 * is read in one storage call; the item's own `getValue` waits for its migration check first and
 * reads again, two round trips a page's start would wait for (issue #15). An older value goes
 * through the item, which migrates it.
 */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, SETTINGS_META_KEY]);
  const value: unknown = stored[SETTINGS_KEY];
  const meta = stored[SETTINGS_META_KEY] as { v?: unknown } | undefined;
  if (value == null) return sanitizeSettings(DEFAULT_SETTINGS);
  if (meta?.v === SETTINGS_VERSION) return sanitizeSettings(value);
  return sanitizeSettings(await settingsItem.getValue());
}

/** Saves a change to the settings. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await loadSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** Whether a disabled-site entry covers a hostname (the site itself or a subdomain). */
function covers(site: string, host: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/** Whether the glossary runs on a hostname under these settings. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  const host = hostname.toLowerCase();
  return !settings.disabledSites.some((s) => covers(s, host));
}

/** The settings with the glossary turned on or off for one site (on also lifts an entry for a parent domain). */
export function withSite(settings: Settings, hostname: string, active: boolean): Settings {
  const host = siteHostname(hostname);
  if (!host) return settings;
  if (active) return { ...settings, disabledSites: settings.disabledSites.filter((s) => !covers(s, host)) };
  if (settings.disabledSites.some((s) => covers(s, host))) return settings;
  return { ...settings, disabledSites: [...settings.disabledSites, host] };
}

/** Turns the glossary on or off for one site and saves it. */
export async function setActiveOn(hostname: string, active: boolean): Promise<Settings> {
  const next = withSite(await loadSettings(), hostname, active);
  await settingsItem.setValue(next);
  return next;
}
