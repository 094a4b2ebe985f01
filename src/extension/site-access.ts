/**
 * Site access. The default news sites (news-sites.ts) are granted at install and get the manifest's
 * content script. Every other site is opt-in: the popup asks for one site at a time
 * (`requestSiteAccess`, from a click), and the content script is registered at runtime for every
 * origin the user granted (`registerOptInScripts`), kept in sync as permissions change.
 */
import { browser, type Browser, type PublicPath } from 'wxt/browser';
import { sitePattern } from '../core/urls';
import { NEWS_SITE_MATCHES, isDefaultNewsSite } from './news-sites';

/** Id of the runtime-registered content script (one script, all opt-in origins). */
export const OPT_IN_SCRIPT_ID = 'news-glossary-opt-in';

/** The content script's bundle; typed as a build output, so a rename fails the type check. */
const CONTENT_SCRIPT_JS = '/content-scripts/content.js' satisfies Extract<PublicPath, `${string}.js`>;

/** The manifest content script's built files (checked against the built manifest by a test). */
export const CONTENT_SCRIPT_FILES = {
  /** Scripts, in injection order. */
  js: [CONTENT_SCRIPT_JS.slice(1)],
  /** Stylesheets. */
  css: ['content-scripts/content.css'],
} as const;

/** The parts of the extension API that site access uses; tests pass a fake. */
export interface SiteAccessApi {
  /** `browser.permissions`. */
  permissions: Pick<typeof browser.permissions, 'contains' | 'request' | 'remove' | 'getAll' | 'onAdded' | 'onRemoved'>;
  /** `browser.scripting`. */
  scripting: Pick<
    typeof browser.scripting,
    | 'getRegisteredContentScripts'
    | 'registerContentScripts'
    | 'updateContentScripts'
    | 'unregisterContentScripts'
    | 'insertCSS'
    | 'executeScript'
  >;
}

/** Whether the extension may run on `origin` (a default site, or one the user granted). */
export async function hasSiteAccess(origin: string, api: SiteAccessApi = browser): Promise<boolean> {
  const pattern = sitePattern(origin);
  if (!pattern) return false;
  return api.permissions.contains({ origins: [pattern] });
}

/**
 * Asks the user for access to `origin` and, if granted, registers the content script for it.
 * Call it straight from a click handler: the permission request is made before anything is
 * awaited, as Firefox requires. Resolves to whether the extension now has access; the page that
 * is already open gets the glossary on reload, or at once with `injectIntoTab`.
 */
export async function requestSiteAccess(origin: string, api: SiteAccessApi = browser): Promise<boolean> {
  const pattern = sitePattern(origin);
  if (!pattern) return false;
  const granted = await api.permissions.request({ origins: [pattern] });
  if (granted) await registerOptInScripts(api);
  return granted;
}

/**
 * Withdraws access to `origin` and unregisters the content script there. A default news site
 * cannot be withdrawn (its access is part of the install); turn the glossary off there in the
 * settings instead. Resolves to whether the extension no longer has access.
 */
export async function revokeSiteAccess(origin: string, api: SiteAccessApi = browser): Promise<boolean> {
  const pattern = sitePattern(origin);
  if (!pattern) return true;
  if (isDefaultNewsSite(new URL(origin).hostname)) return false;
  await api.permissions.remove({ origins: [pattern] });
  await registerOptInScripts(api);
  // A broader grant (all sites, from the browser's own settings) may still cover the origin.
  return !(await api.permissions.contains({ origins: [pattern] }));
}

/** Runs the content script in a tab that is already open (right after access was granted). */
export async function injectIntoTab(tabId: number, api: SiteAccessApi = browser): Promise<void> {
  await api.scripting.insertCSS({ target: { tabId }, files: [...CONTENT_SCRIPT_FILES.css] });
  await api.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_JS] });
}

/** The opt-in patterns among granted origins: everything but the manifest's default sites, sorted. */
export function optInMatches(grantedOrigins: readonly string[]): string[] {
  const defaults = new Set(NEWS_SITE_MATCHES);
  const out = new Set<string>();
  for (const origin of grantedOrigins) {
    if (defaults.has(origin)) continue;
    if (!/^(\*|https?):\/\//.test(origin) && origin !== '<all_urls>') continue;
    out.add(origin);
  }
  return [...out].sort();
}

type RegisteredScript = Browser.scripting.RegisteredContentScript;

/** The runtime content script for `matches`: the manifest's files, not on the default sites. */
function optInScript(matches: readonly string[]): RegisteredScript {
  return {
    id: OPT_IN_SCRIPT_ID,
    matches: [...matches],
    // The manifest's content script already runs there; never inject a second copy.
    excludeMatches: [...NEWS_SITE_MATCHES],
    js: [...CONTENT_SCRIPT_FILES.js],
    css: [...CONTENT_SCRIPT_FILES.css],
    runAt: 'document_idle',
    allFrames: false,
  };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  (a ?? []).length === b.length && [...(a ?? [])].sort().every((x, i) => x === [...b].sort()[i]);

async function syncOnce(api: SiteAccessApi): Promise<string[]> {
  const { origins = [] } = await api.permissions.getAll();
  const matches = optInMatches(origins);
  const [current] = await api.scripting.getRegisteredContentScripts({ ids: [OPT_IN_SCRIPT_ID] });
  if (matches.length === 0) {
    if (current) await api.scripting.unregisterContentScripts({ ids: [OPT_IN_SCRIPT_ID] });
    return matches;
  }
  const wanted = optInScript(matches);
  if (!current) await api.scripting.registerContentScripts([wanted]);
  else if (!sameList(current.matches, matches) || !sameList(current.excludeMatches, wanted.excludeMatches ?? [])) {
    await api.scripting.updateContentScripts([wanted]);
  }
  return matches;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Registers, updates or removes the runtime content script so that it matches exactly the
 * opt-in origins granted now. Calls in one context run one after another; a call racing one
 * from another context (the popup and the background) is retried once. Resolves to the patterns.
 */
export function registerOptInScripts(api: SiteAccessApi = browser): Promise<string[]> {
  const run = queue.then(() => syncOnce(api).catch(() => syncOnce(api)));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Keeps the runtime content script in sync: now (the background starts) and whenever a
 * permission is granted or withdrawn, from the popup or the browser's own settings. Call it
 * synchronously from the background's start. Returns a function that removes the listeners.
 */
export function watchSiteAccess(api: SiteAccessApi = browser, onError: (err: unknown) => void = reportSyncError): () => void {
  const sync = (): void => {
    registerOptInScripts(api).catch(onError);
  };
  api.permissions.onAdded.addListener(sync);
  api.permissions.onRemoved.addListener(sync);
  sync();
  return () => {
    api.permissions.onAdded.removeListener(sync);
    api.permissions.onRemoved.removeListener(sync);
  };
}

function reportSyncError(err: unknown): void {
  console.warn('[News Glossary] site access:', err instanceof Error ? err.message : String(err));
}
