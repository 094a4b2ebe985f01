/**
 * Topic packs end to end (#13), in real Chromium with the built extension: the options page
 * lists the packs, all on; turning the `people` pack off takes its marks off the open Kyodo
 * article (Fumio Kishida, Olaf Scholz, Volodymyr Zelenskyy, Keir Starmer, Yoon Suk Yeol) and its
 * entries out of the popup's search, without reloading the page; turning it on again brings them
 * back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import {
  collectErrors,
  launchWithExtension,
  markCount,
  openMarkedKyodo,
  openOptions,
  settledMarkCount,
  type ErrorCollector,
  type ExtensionHarness,
} from './harness';

/** The extension's API inside the service worker (code passed to serviceWorker.evaluate). */
declare const chrome: WxtBrowser;

/** Entries of the `people` pack that the Kyodo article mentions. */
const PEOPLE = ['fumio-kishida', 'olaf-scholz', 'volodymyr-zelenskyy', 'keir-starmer', 'yoon-suk-yeol'];
/** Entries of other packs it mentions, which stay. */
const OTHERS = ['nato', 'ip4', 'acsa', 'japan'];
const WAIT = { timeout: 20_000, interval: 300 };

let h: ExtensionHarness;
let kyodo: Page;
let kyodoTab: number;
let errors: ErrorCollector;
let allMarks: number;

/** Opens the popup about the Kyodo tab and returns the entry ids of its "On this page", or of a search. */
async function inPopup(query?: string): Promise<string[]> {
  const popup = await h.context.newPage();
  try {
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${kyodoTab}`);
    await popup.waitForFunction(() => performance.getEntriesByName('ng-popup-ready').length > 0);
    if (query === undefined)
      return await popup
        .locator('#page-terms button')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['entryId'] ?? ''));
    await popup.locator('#q').pressSequentially(query);
    await popup.waitForFunction(
      (q) => performance.getEntriesByName('ng-popup-results').some((m) => (m as PerformanceMark).detail?.query === q),
      query,
    );
    return await popup
      .locator('#results [role=option]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['entryId'] ?? ''));
  } finally {
    await popup.close();
  }
}

/** Opens the options page once its list of packs is shown. */
async function packsPage(): Promise<Page> {
  const page = await openOptions(h.context, h.extensionId);
  await page.locator('#packs-list input[name=packs]').first().waitFor();
  return page;
}

beforeAll(async () => {
  h = await launchWithExtension();
  errors = collectErrors(h.context);
  ({ page: kyodo, tabId: kyodoTab } = await openMarkedKyodo(h));
  allMarks = await settledMarkCount(kyodo);
});

afterAll(async () => {
  await h?.close();
});

describe('topic packs', () => {
  it('lists every pack in the options, each switched on, with its size', async () => {
    const options = await packsPage();
    const switches = options.locator('#packs-list input[name=packs][role=switch]');
    expect(await switches.count()).toBeGreaterThanOrEqual(12);
    expect(await switches.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked))).toBe(true);
    const people = options.locator('#packs-list li', { has: options.locator('input[value=people]') });
    expect(await people.locator('.pack-name').textContent()).toBe('World leaders');
    expect(await people.locator('.pack-size').textContent()).toMatch(/^Entries: \d+$/);
    expect(await options.locator('#packs-summary').textContent()).toMatch(/^Packs on: (\d+) of \1\. Entries on: [\d,]+\.$/);
    await options.close();
    expect(await inPopup()).toEqual(expect.arrayContaining([...PEOPLE, ...OTHERS]));
  });

  it('turning the people pack off takes its marks off the open article and its entries out of the search', async () => {
    // A mark in the page's own world: a reload would drop it.
    await kyodo.evaluate(() => ((window as { ngNotReloaded?: boolean }).ngNotReloaded = true));
    const options = await packsPage();
    await options.locator('#packs-list input[value=people]').uncheck();
    await options.locator('#packs-summary', { hasText: /^Packs on: (\d+) of (?!\1\.)\d+\./ }).waitFor();
    await options.close();
    expect(
      await h.serviceWorker.evaluate(async () => {
        const { settings } = (await chrome.storage.local.get('settings')) as { settings: { packsOff: string[] } };
        return settings.packsOff;
      }),
    ).toEqual(['people']);

    // The page analyzes again on its own (no reload): fewer marks, none of the pack's entries.
    await vi.waitFor(async () => expect(await markCount(kyodo)).toBeLessThan(allMarks), WAIT);
    const fewer = await settledMarkCount(kyodo);
    console.log(`[packs] Kyodo marks: ${allMarks} with every pack on, ${fewer} with people off`);
    // Fewer, though not five fewer per person: people the article introduces with a title
    // ("Chancellor Olaf Scholz") are still explained from its own words, as article entries.
    expect(fewer).toBeLessThan(allMarks);
    expect(await kyodo.evaluate(() => (window as { ngNotReloaded?: boolean }).ngNotReloaded)).toBe(true);
    await vi.waitFor(async () => {
      const ids = await inPopup();
      for (const id of PEOPLE) expect(ids).not.toContain(id);
      expect(ids).toEqual(expect.arrayContaining(OTHERS));
    }, WAIT);
    expect(await inPopup('scholz')).not.toContain('olaf-scholz');
    expect((await inPopup('nato'))[0]).toBe('nato');
  });

  it('turning it on again brings them back', async () => {
    const options = await packsPage();
    expect(await options.locator('#packs-list input[value=people]').isChecked()).toBe(false);
    await options.locator('#packs-list input[value=people]').check();
    await options.locator('#packs-summary', { hasText: /^Packs on: (\d+) of \1\./ }).waitFor();
    await options.close();
    await vi.waitFor(async () => expect(await markCount(kyodo)).toBe(allMarks), WAIT);
    expect(await settledMarkCount(kyodo)).toBe(allMarks);
    await vi.waitFor(async () => expect(await inPopup()).toEqual(expect.arrayContaining([...PEOPLE, ...OTHERS])), WAIT);
    expect((await inPopup('scholz'))[0]).toBe('olaf-scholz');
    expect(await kyodo.evaluate(() => (window as { ngNotReloaded?: boolean }).ngNotReloaded)).toBe(true);
  });

  it('reports no errors from the extension', () => {
    expect(errors.fromExtension(h.extensionId)).toEqual([]);
  });
});
