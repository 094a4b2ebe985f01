/**
 * Site access in Chromium: the content script runs on the default news sites from install, not on
 * other sites; once the user grants a site it runs there (registered at runtime by the
 * background's watchSiteAccess), and no longer once the grant is withdrawn.
 *
 * What is and is not covered: headless Chromium cannot show (or accept) the permission prompt, so
 * the grant is made as a user would in chrome://extensions ("Site access: add a site", through
 * `developerPrivate.addHostPermission`), after which the extension's own
 * `permissions.request`, called from a click in the popup, is granted without a prompt. The prompt
 * itself, and the popup's "Enable on this site" button (issue #6), are not exercised here;
 * requestSiteAccess is unit-tested (tests/unit/site-access.test.ts). Withdrawing uses
 * `permissions.remove`, as revokeSiteAccess does.
 */
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  highlightSizes,
  KYODO_URL,
  launchWithExtension,
  loadKyodoHtml,
  openPopup,
  servePage,
  type ExtensionHarness,
} from './harness';

/** The extension API, as seen by code evaluated in the extension's pages and service worker. */
declare const chrome: WxtBrowser;

/** A site that is not on the default list, serving an article with glossary terms. */
const OPT_IN_URL = 'https://example-news.test/article.html';
const OPT_IN_PATTERN = '*://example-news.test/*';
/** How long a page is given to show that the content script did not run. */
const QUIET_MS = 1500;

let h: ExtensionHarness;
let popup: Page;

/**
 * Counts content-script starts in every page: WXT's start event on the document (the content
 * script sends no window message since issue #15; a DOM event crosses from its isolated world).
 */
async function countStarts(): Promise<void> {
  await h.context.addInitScript((type: string) => {
    const w = window as { __ngStarts?: number };
    w.__ngStarts = 0;
    document.addEventListener(type, () => (w.__ngStarts! += 1));
  }, `${h.extensionId}:content:wxt:content-script-started`);
}

/** How many times the content script started in the page since it loaded. */
const starts = (page: Page): Promise<number> => page.evaluate(() => (window as { __ngStarts?: number }).__ngStarts ?? 0);

/** Opens (or reloads) a page and waits for its content script, or for QUIET_MS when it is not expected. */
async function load(page: Page, url: string, expectRun: boolean): Promise<void> {
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  if (expectRun) {
    await vi.waitFor(async () => expect((await highlightSizes(page))['glossary-hover'] ?? 0).toBeGreaterThanOrEqual(5), {
      timeout: 10_000,
      interval: 100,
    });
  } else {
    await page.waitForTimeout(QUIET_MS);
  }
}

/** The background's runtime content scripts. */
function registered(): Promise<{ id: string; matches?: string[] }[]> {
  return h.serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
}

/** Waits until the background has registered (or, with [], unregistered) the opt-in script for `matches`. */
async function waitForRegistration(matches: string[]): Promise<void> {
  await vi.waitFor(
    async () => {
      const scripts = await registered();
      const got = scripts.flatMap((s) => s.matches ?? []).sort();
      expect(
        got,
        'the background keeps the opt-in content script in sync: is watchSiteAccess() called from startBackground()?',
      ).toEqual([...matches].sort());
    },
    { timeout: 5000, interval: 100 },
  );
}

/** Grants `origins` as a user would: allowed in chrome://extensions, then requested from a click in the popup. */
async function grant(origins: string[]): Promise<string> {
  const settings = await h.context.newPage();
  await settings.goto(`chrome://extensions/?id=${h.extensionId}`);
  await settings.evaluate(
    async ([id, list]) => {
      const dp = (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } })
        .developerPrivate;
      for (const host of list) await dp.addHostPermission(id, host);
    },
    [h.extensionId, origins] as const,
  );
  await settings.close();
  await popup.evaluate((list) => {
    document.getElementById('e2e-grant')?.remove();
    const button = document.createElement('button');
    button.id = 'e2e-grant';
    button.textContent = 'Enable';
    button.addEventListener('click', () => {
      (window as { __grant?: Promise<string> }).__grant = chrome.permissions
        .request({ origins: list })
        .then(String, (e: Error) => e.message);
    });
    document.body.prepend(button);
  }, origins);
  await popup.click('#e2e-grant'); // a real click: the request has its user gesture
  return popup.evaluate(() => (window as { __grant?: Promise<string> }).__grant ?? 'no request');
}

beforeAll(async () => {
  h = await launchWithExtension();
  await servePage(h.context, KYODO_URL, loadKyodoHtml());
  await servePage(h.context, OPT_IN_URL, loadKyodoHtml().replace('<title>', '<title>Opt-in copy: '));
  await countStarts();
  popup = await openPopup(h.context, h.extensionId);
});

afterAll(async () => {
  await h?.close();
});

describe('site access', () => {
  let site: Page;
  let kyodo: Page;

  it('runs on a default news site from install', async () => {
    kyodo = await h.context.newPage();
    await load(kyodo, KYODO_URL, true);
    expect(await starts(kyodo)).toBe(1);
  });

  it('does not run on any other site by default, and registers nothing', async () => {
    site = await h.context.newPage();
    await load(site, OPT_IN_URL, false);
    expect(await starts(site)).toBe(0);
    expect(await highlightSizes(site)).toEqual({});
    expect(await registered()).toEqual([]);
    expect(await h.serviceWorker.evaluate((o) => chrome.permissions.contains({ origins: [o] }), OPT_IN_PATTERN)).toBe(false);
  });

  it('runs there once the user grants the site', async () => {
    expect(await grant([OPT_IN_PATTERN])).toBe('true');
    await waitForRegistration([OPT_IN_PATTERN]);
    await load(site, OPT_IN_URL, true);
    expect(await starts(site)).toBe(1);
  });

  it('still starts once on a default site when all sites are granted (no second copy)', async () => {
    expect(await grant(['*://*/*'])).toBe('true');
    await waitForRegistration(['*://*/*', OPT_IN_PATTERN]);
    await load(kyodo, KYODO_URL, true);
    expect(await starts(kyodo)).toBe(1);
    const [script] = await registered();
    expect((script as { excludeMatches?: string[] }).excludeMatches).toContain('*://*.kyodonews.net/*');
  });

  it('stops running there once the grant is withdrawn', async () => {
    await popup.evaluate(() => chrome.permissions.remove({ origins: ['*://*/*', '*://example-news.test/*'] }));
    await waitForRegistration([]);
    await load(site, OPT_IN_URL, false);
    expect(await starts(site)).toBe(0);
    expect(await highlightSizes(site)).toEqual({});
    // The default sites are unaffected.
    await load(kyodo, KYODO_URL, true);
    expect(await starts(kyodo)).toBe(1);
  });

  it('made no network request', () => {
    expect(h.blockedRequests).toEqual([]);
  });
});
