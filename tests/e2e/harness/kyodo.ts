/** The Kyodo article open in a tab with its terms marked: the starting point of several tests. */
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { expect, vi } from 'vitest';
import { servePage, type ExtensionHarness } from './extension';
import { KYODO_URL, loadKyodoHtml } from './pages';
import { highlightSizes } from './tooltip';

declare const chrome: WxtBrowser;

/** Number of mentions the extension marked on a page (every mention answers hover). */
export async function markCount(page: Page): Promise<number> {
  return (await highlightSizes(page))['glossary-hover'] ?? 0;
}

/** Waits until the number of marks stops changing for 1.2 s (or `timeoutMs` pass); returns it. */
export async function settledMarkCount(page: Page, timeoutMs = 10_000): Promise<number> {
  let last = -1;
  let since = Date.now();
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const n = await markCount(page);
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since > 1200) break;
    await page.waitForTimeout(100);
  }
  return last;
}

/** Serves and opens the Kyodo article, waits until all its marks are drawn; returns the page and its tab id. */
export async function openMarkedKyodo(h: ExtensionHarness): Promise<{ page: Page; tabId: number }> {
  await servePage(h.context, KYODO_URL, loadKyodoHtml());
  const page = await h.context.newPage();
  await page.goto(KYODO_URL);
  await vi.waitFor(async () => expect(await markCount(page)).toBeGreaterThanOrEqual(5), { timeout: 15_000, interval: 100 });
  await settledMarkCount(page); // the paragraphs in view are marked first; wait for the whole page
  const tabId = await h.serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, KYODO_URL);
  return { page, tabId };
}
