/** Site access against a fake permissions + scripting API (the browser's behaviour, simplified). */
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { NEWS_SITE_MATCHES } from '../../src/extension/news-sites';
import {
  CONTENT_SCRIPT_FILES,
  hasSiteAccess,
  injectIntoTab,
  OPT_IN_SCRIPT_ID,
  optInMatches,
  registerOptInScripts,
  requestSiteAccess,
  revokeSiteAccess,
  watchSiteAccess,
  type SiteAccessApi,
} from '../../src/extension/site-access';
import { sitePattern } from '../../src/core/urls';

type Script = Browser.scripting.RegisteredContentScript;
type Listener = (p: { origins?: string[] }) => void;

/** Whether granted pattern `g` covers pattern `p` (host patterns of the form *://host/* only). */
function covers(g: string, p: string): boolean {
  if (g === p || g === '*://*/*') return true;
  const gh = /^\*:\/\/\*\.([^/]+)\/\*$/.exec(g)?.[1];
  const ph = /^\*:\/\/([^/]+)\/\*$/.exec(p)?.[1];
  return Boolean(gh && ph && (ph === gh || ph.endsWith(`.${gh}`)));
}

function fakeBrowser(options: { answer?: boolean; granted?: string[] } = {}) {
  const granted = new Set([...NEWS_SITE_MATCHES, ...(options.granted ?? [])]);
  const scripts = new Map<string, Script>();
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  const event = (set: Set<Listener>) => ({
    addListener: (l: Listener) => void set.add(l),
    removeListener: (l: Listener) => void set.delete(l),
    hasListener: (l: Listener) => set.has(l),
  });
  const api = {
    permissions: {
      contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) =>
        origins.every((o) => [...granted].some((g) => covers(g, o))),
      ),
      request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
        if (!(options.answer ?? true)) return false;
        for (const o of origins) granted.add(o);
        for (const l of added) l({ origins });
        return true;
      }),
      remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
        for (const o of origins) granted.delete(o);
        for (const l of removed) l({ origins });
        return true;
      }),
      getAll: vi.fn(async () => ({ origins: [...granted], permissions: ['storage', 'scripting'] })),
      onAdded: event(added),
      onRemoved: event(removed),
    },
    scripting: {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids?: string[] } = {}) =>
        [...scripts.values()].filter((s) => !ids || ids.includes(s.id)).map((s) => structuredClone(s)),
      ),
      registerContentScripts: vi.fn(async (list: Script[]) => {
        for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        for (const s of list) scripts.set(s.id, structuredClone(s));
      }),
      updateContentScripts: vi.fn(async (list: Script[]) => {
        for (const s of list) {
          const old = scripts.get(s.id);
          if (!old) throw new Error(`Script with ID '${s.id}' does not exist or is not fully registered`);
          scripts.set(s.id, { ...old, ...structuredClone(s) });
        }
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids?: string[] } = {}) => {
        for (const id of ids ?? [...scripts.keys()]) scripts.delete(id);
      }),
      insertCSS: vi.fn(async () => {}),
      executeScript: vi.fn(async () => []),
    },
  };
  return { api, asApi: api as unknown as SiteAccessApi, granted, scripts, added, removed };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('sitePattern', () => {
  it.each([
    ['https://www.example.com', '*://www.example.com/*'],
    ['http://example-news.test/article.html?x=1#y', '*://example-news.test/*'],
    ['http://localhost:8080/', '*://localhost/*'],
    ['https://EXAMPLE.com/', '*://example.com/*'],
  ])('%s → %s', (origin, pattern) => {
    expect(sitePattern(origin)).toBe(pattern);
  });

  it.each([
    'about:blank',
    'chrome://extensions',
    'chrome-extension://abc/popup.html',
    'file:///tmp/a.html',
    'moz-extension://x/',
    'not a url',
    '',
  ])('is undefined for %s', (origin) => {
    expect(sitePattern(origin)).toBeUndefined();
  });
});

describe('hasSiteAccess', () => {
  it('is true on a default news site (granted at install) and false elsewhere', async () => {
    const { asApi } = fakeBrowser();
    expect(await hasSiteAccess('https://english.kyodonews.net/news/x.html', asApi)).toBe(true);
    expect(await hasSiteAccess('https://example-news.test', asApi)).toBe(false);
  });

  it('is false for pages the extension can never run on, without asking the browser', async () => {
    const { api, asApi } = fakeBrowser();
    expect(await hasSiteAccess('chrome://newtab', asApi)).toBe(false);
    expect(api.permissions.contains).not.toHaveBeenCalled();
  });
});

describe('requestSiteAccess', () => {
  it('asks the browser before awaiting anything (Firefox needs the click to be on the stack)', async () => {
    const { api, asApi } = fakeBrowser();
    const pending = requestSiteAccess('https://example-news.test/a.html', asApi);
    expect(api.permissions.request).toHaveBeenCalledWith({ origins: ['*://example-news.test/*'] });
    expect(await pending).toBe(true);
  });

  it('registers the content script for the site once granted, never on the default sites', async () => {
    const { asApi, scripts } = fakeBrowser();
    expect(await requestSiteAccess('https://example-news.test', asApi)).toBe(true);
    expect(scripts.get(OPT_IN_SCRIPT_ID)).toEqual({
      id: OPT_IN_SCRIPT_ID,
      matches: ['*://example-news.test/*'],
      excludeMatches: [...NEWS_SITE_MATCHES],
      js: [...CONTENT_SCRIPT_FILES.js],
      css: [...CONTENT_SCRIPT_FILES.css],
      runAt: 'document_idle',
      allFrames: false,
    });
    expect(await hasSiteAccess('https://example-news.test/other.html', asApi)).toBe(true);
  });

  it('registers nothing when the user says no', async () => {
    const { asApi, scripts } = fakeBrowser({ answer: false });
    expect(await requestSiteAccess('https://example-news.test', asApi)).toBe(false);
    expect(scripts.size).toBe(0);
  });

  it('does not ask for pages the extension cannot run on', async () => {
    const { api, asApi } = fakeBrowser();
    expect(await requestSiteAccess('about:blank', asApi)).toBe(false);
    expect(api.permissions.request).not.toHaveBeenCalled();
  });
});

describe('revokeSiteAccess', () => {
  it('keeps one script for all opt-in sites, updated as sites come and go, removed with the last', async () => {
    const { asApi, scripts } = fakeBrowser();
    await requestSiteAccess('https://a.test', asApi);
    await requestSiteAccess('http://b.test', asApi);
    expect(scripts.get(OPT_IN_SCRIPT_ID)?.matches).toEqual(['*://a.test/*', '*://b.test/*']);
    expect(await revokeSiteAccess('https://a.test/page', asApi)).toBe(true);
    expect(scripts.get(OPT_IN_SCRIPT_ID)?.matches).toEqual(['*://b.test/*']);
    expect(await revokeSiteAccess('https://b.test', asApi)).toBe(true);
    expect(scripts.size).toBe(0);
    expect(await hasSiteAccess('https://b.test', asApi)).toBe(false);
  });

  it('cannot take back a default news site (turn it off in the settings instead)', async () => {
    const { api, asApi } = fakeBrowser();
    expect(await revokeSiteAccess('https://www.bbc.co.uk', asApi)).toBe(false);
    expect(api.permissions.remove).not.toHaveBeenCalled();
  });

  it('says so when a broader grant (all sites) still covers the site', async () => {
    const { asApi, scripts } = fakeBrowser({ granted: ['*://*/*'] });
    await registerOptInScripts(asApi);
    expect(scripts.get(OPT_IN_SCRIPT_ID)?.matches).toEqual(['*://*/*']);
    expect(await revokeSiteAccess('https://a.test', asApi)).toBe(false);
  });
});

describe('registerOptInScripts', () => {
  it('ignores the default sites and anything that is not a web page, and sorts', () => {
    expect(
      optInMatches([...NEWS_SITE_MATCHES, 'https://b.test/*', '*://a.test/*', '*://a.test/*', 'file:///*', 'chrome://favicon/*']),
    ).toEqual(['*://a.test/*', 'https://b.test/*']);
  });

  it('changes nothing when the registration is already right', async () => {
    const { api, asApi } = fakeBrowser({ granted: ['*://a.test/*'] });
    await registerOptInScripts(asApi);
    await registerOptInScripts(asApi);
    expect(api.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(api.scripting.updateContentScripts).not.toHaveBeenCalled();
  });

  it('runs calls one after another in one context', async () => {
    const { api, asApi } = fakeBrowser({ granted: ['*://a.test/*'] });
    await Promise.all([registerOptInScripts(asApi), registerOptInScripts(asApi), registerOptInScripts(asApi)]);
    expect(api.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('recovers when another context registered the script first (popup and background racing)', async () => {
    const { api, asApi, scripts } = fakeBrowser({ granted: ['*://a.test/*', '*://b.test/*'] });
    api.scripting.getRegisteredContentScripts.mockImplementationOnce(async () => {
      // The other context registers between our read and our write.
      scripts.set(OPT_IN_SCRIPT_ID, { id: OPT_IN_SCRIPT_ID, matches: ['*://a.test/*'], js: ['content-scripts/content.js'] });
      return [];
    });
    expect(await registerOptInScripts(asApi)).toEqual(['*://a.test/*', '*://b.test/*']);
    expect(scripts.get(OPT_IN_SCRIPT_ID)?.matches).toEqual(['*://a.test/*', '*://b.test/*']);
  });
});

describe('watchSiteAccess', () => {
  it('syncs at start and on every grant or withdrawal, until stopped', async () => {
    const { api, asApi, scripts, added, removed } = fakeBrowser({ granted: ['*://a.test/*'] });
    const stop = watchSiteAccess(asApi);
    await settle();
    expect(scripts.get(OPT_IN_SCRIPT_ID)?.matches).toEqual(['*://a.test/*']);

    // A grant from elsewhere (the browser's own site settings) reaches the background as an event.
    await api.permissions.request({ origins: ['*://c.test/*'] });
    await settle();
    expect(scripts.get(OPT_IN_SCRIPT_ID)?.matches).toEqual(['*://a.test/*', '*://c.test/*']);
    await api.permissions.remove({ origins: ['*://a.test/*', '*://c.test/*'] });
    await settle();
    expect(scripts.size).toBe(0);

    stop();
    expect(added.size + removed.size).toBe(0);
  });

  it('reports a failed sync instead of throwing', async () => {
    const { api, asApi } = fakeBrowser({ granted: ['*://a.test/*'] });
    api.scripting.registerContentScripts.mockRejectedValue(new Error('boom'));
    const onError = vi.fn();
    const stop = watchSiteAccess(asApi, onError);
    await settle();
    await settle();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
    stop();
  });
});

describe('injectIntoTab', () => {
  it('adds the content script and its stylesheet to an open tab', async () => {
    const { api, asApi } = fakeBrowser();
    await injectIntoTab(7, asApi);
    expect(api.scripting.insertCSS).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['content-scripts/content.css'] });
    expect(api.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/content.js'] });
  });
});
