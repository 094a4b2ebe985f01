/**
 * The popup in real Chromium with the built extension: how fast it opens, search (the issue's
 * four queries, keyboard, the entry card), "On this page" (revealing a term on the Kyodo
 * article), the site switch, and the screenshots for the README.
 *
 * The popup is opened as a tab, which would make itself the active tab; `?tab=ID` names the
 * Kyodo article's tab instead (see src/ui/popup-deps.ts). The page object is in
 * ./harness/popup-page.ts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import {
  collectErrors,
  launchWithExtension,
  PROJECT_ROOT,
  waitForTooltip,
  type ErrorCollector,
  type ExtensionHarness,
  markCount,
  openMarkedKyodo,
} from './harness';
import { PopupPage } from './harness/popup-page';

/** The extension's API inside the service worker (code passed to serviceWorker.evaluate). */
declare const chrome: WxtBrowser;

let h: ExtensionHarness;
let kyodo: Page;
let kyodoTab: number;
let errors: ErrorCollector;

const marked = markCount;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

beforeAll(async () => {
  h = await launchWithExtension();
  errors = collectErrors(h.context);
  ({ page: kyodo, tabId: kyodoTab } = await openMarkedKyodo(h));
});

afterAll(async () => {
  await h?.close();
});

describe('the popup', () => {
  it('opens fast: its code has the search box ready within 30 ms (median of 5 opens)', async () => {
    const runs: { start: number; interactive: number; ready: number }[] = [];
    for (let i = 0; i < 6; i++) {
      const popup = await PopupPage.open(h, kyodoTab);
      const m = await popup.marks();
      // The first open also starts the extension's pages and the worker's glossary: reported, not counted.
      if (i > 0) runs.push(m);
      else
        console.log(`[popup] first open: search box ready ${m.interactive.toFixed(0)} ms, all rendered ${m.ready.toFixed(0)} ms`);
      await popup.page.close();
    }
    const interactive = median(runs.map((r) => r.interactive));
    const ready = median(runs.map((r) => r.ready));
    const own = median(runs.map((r) => r.ready - r.start));
    const toSearchBox = median(runs.map((r) => r.interactive - r.start));
    console.log(
      `[popup] open, median of 5: code starts ${median(runs.map((r) => r.start)).toFixed(0)} ms, search box ready ${interactive.toFixed(0)} ms, ` +
        `"On this page" and counts rendered ${ready.toFixed(0)} ms (of which the popup's own work and its messages ${own.toFixed(0)} ms)`,
    );
    // The target is 100 ms from navigation start. Before the popup's first line runs, Chromium
    // starts the extension's renderer and loads the page and its 47 kB of modules: about 90 ms on
    // this machine when quiet, 150-200 ms when the shared 2-core CI host is busy. "On this page"
    // waits for two messages (the tab's content script, the background): 35 ms quiet, 60 ms busy.
    // So the popup's own code up to the search box is held tight, and the rest to guards that a
    // regression (a glossary loaded into the popup, a message per term) would break.
    expect(toSearchBox).toBeLessThan(30);
    expect(own).toBeLessThan(150);
    expect(interactive).toBeLessThan(400);
    expect(ready).toBeLessThan(500);
  });

  it('focuses the search box and shows the glossary size', async () => {
    const popup = await PopupPage.open(h, kyodoTab);
    expect(await popup.page.evaluate(() => document.activeElement?.id)).toBe('q');
    expect(await popup.page.locator('#status').textContent()).toMatch(/^\d+ entries\. Type to search\.$/);
    await popup.page.close();
  });

  for (const [query, id] of [
    ['scholz', 'olaf-scholz'],
    ['zelensky', 'volodymyr-zelenskyy'],
    ['kisida', 'fumio-kishida'],
    ['cross servicing', 'acsa'],
  ] as const) {
    it(`puts ${id} first for "${query}"`, async () => {
      const popup = await PopupPage.open(h, kyodoTab);
      await popup.search(query);
      expect((await popup.resultIds())[0]).toBe(id);
      await popup.page.close();
    });
  }

  it('answers keystrokes fast, and opens the card with the keyboard', async () => {
    const popup = await PopupPage.open(h, kyodoTab);
    const times: number[] = [];
    for (const q of ['scholz', 'zelensky', 'kisida', 'cross servicing']) times.push(...(await popup.keystrokeTimes(q)));
    console.log(
      `[popup] keystroke to results in Chromium (${times.length} keystrokes): p50 ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms`,
    );
    expect(median(times)).toBeLessThan(50);

    await popup.search('nato');
    await popup.input.press('ArrowDown');
    await popup.input.press('ArrowUp');
    await popup.input.press('Enter');
    const card = popup.page.locator('#card .ng-card');
    await card.waitFor();
    expect(await card.getAttribute('data-entry-id')).toBe('nato');
    expect(await card.textContent()).toMatch(/North Atlantic Treaty Organization/);
    await popup.page.keyboard.press('Escape');
    await popup.page.locator('#results').waitFor();
    await popup.page.close();
  });

  it('lists the terms on the page with counts; choosing one scrolls there and opens its tooltip', async () => {
    const popup = await PopupPage.open(h, kyodoTab);
    const terms = await popup.pageTerms();
    const ids = terms.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['fumio-kishida', 'nato', 'olaf-scholz', 'acsa']));
    const kishida = terms.find((t) => t.id === 'fumio-kishida')!;
    expect(Number(kishida.text.replace(/\D+/g, ''))).toBeGreaterThanOrEqual(5);
    // The README's screenshot: the popup over the article, with the article's terms.
    await popup.page.locator('main').screenshot({ path: join(PROJECT_ROOT, 'assets/screenshots/popup.png') });

    await kyodo.evaluate(() => window.scrollTo(0, 0));
    await popup.page.locator('#page-terms button[data-entry-id="acsa"]').click();
    // A real popup floats over the page; as a tab it hides it, and hidden tabs paint nothing.
    await kyodo.bringToFront();
    const tip = await waitForTooltip(kyodo, (t) => /Acquisition and Cross-Servicing Agreement/i.test(t.text));
    expect(tip.visible).toBe(true);
    expect(await kyodo.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await kyodo.keyboard.press('Escape');
    await popup.page.close();
  });

  it('turns the glossary off and on for the site with the switch', async () => {
    const popup = await PopupPage.open(h, kyodoTab);
    const box = popup.page.locator('#site-switch');
    expect(await box.getAttribute('role')).toBe('switch');
    expect(await box.isChecked()).toBe(true);
    expect(await popup.page.locator('.switch').textContent()).toBe('On for english.kyodonews.net');

    await box.click();
    await popup.page.locator('#page-status', { hasText: 'The glossary is off on this site.' }).waitFor();
    await vi.waitFor(async () => expect(await marked(kyodo)).toBe(0), { timeout: 10_000, interval: 100 });
    const stored = await h.serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings'))['settings']);
    expect((stored as { disabledSites: string[] }).disabledSites).toEqual(['english.kyodonews.net']);

    await popup.page.locator('#site-switch').click();
    await vi.waitFor(async () => expect(await marked(kyodo)).toBeGreaterThanOrEqual(5), { timeout: 10_000, interval: 100 });
    await vi.waitFor(async () => expect((await popup.pageTerms()).length).toBeGreaterThan(5), { timeout: 10_000, interval: 200 });
    await popup.page.close();
  });

  it('shows the search results (screenshot) and explains a selection in the context menu’s window', async () => {
    const popup = await PopupPage.open(h, kyodoTab);
    await popup.search('kisida');
    await popup.page.locator('main').screenshot({ path: join(PROJECT_ROOT, 'assets/screenshots/popup-search.png') });
    await popup.page.close();

    const explain = await h.context.newPage();
    await explain.goto(`chrome-extension://${h.extensionId}/popup.html?explain=${encodeURIComponent('Olaf Scholz')}`);
    await explain.locator('#card .ng-card[data-entry-id="olaf-scholz"]').waitFor();
    await explain.goto(`chrome-extension://${h.extensionId}/popup.html?explain=${encodeURIComponent('Zorblax Accord')}`);
    await explain.locator('#card', { hasText: '“Zorblax Accord” is not in the glossary.' }).waitFor();
    await explain.locator('#explain-add').click();
    const options = await h.context.waitForEvent('page', { predicate: (p) => p.url().includes('options.html') });
    await options.waitForLoadState();
    expect(new URL(options.url()).searchParams.get('add')).toBe('Zorblax Accord');
    expect(await options.locator('#add-term').inputValue()).toBe('Zorblax Accord');
    await options.close();
    if (!explain.isClosed()) await explain.close();
  });

  it('reports no errors from the extension', () => {
    expect(errors.fromExtension(h.extensionId)).toEqual([]);
  });
});
