/**
 * The options page in real Chromium: importing "My glossary" (a broken file refused with a
 * role="alert" message and nothing lost; a good file searchable in the popup and marked on the
 * Kyodo article), removing it, and a setting reaching the page. The page objects are in
 * ./harness/options-page.ts and ./harness/popup-page.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import {
  centerOfText,
  collectErrors,
  highlightSizes,
  launchWithExtension,
  waitForTooltip,
  type ErrorCollector,
  type ExtensionHarness,
  openMarkedKyodo,
} from './harness';
import { OptionsPage } from './harness/options-page';
import { PopupPage } from './harness/popup-page';

/** The extension's API inside the service worker (code passed to serviceWorker.evaluate). */
declare const chrome: WxtBrowser;

/**
 * Whether the content script re-analyzes an open page on the `glossaryChanged` message (issue #6
 * asks the lead to wire it in src/extension/content-main.ts). Until then the test reloads the page.
 */
const CONTENT_SCRIPT_HANDLES_GLOSSARY_CHANGED = true;

const NEW_ID = 'like-minded-countries';

let h: ExtensionHarness;
let kyodo: Page;
let kyodoTab: number;
let errors: ErrorCollector;

/** Opens the popup about the Kyodo tab, types `query`, and returns the result ids. */
function popupSearch(query: string): Promise<string[]> {
  return PopupPage.with(h, kyodoTab, async (popup) => {
    await popup.search(query);
    return popup.resultIds();
  });
}

/** Entry ids the Kyodo tab's content script reports, through the popup's "On this page". */
function pageTermIds(): Promise<string[]> {
  return PopupPage.with(h, kyodoTab, async (popup) => (await popup.pageTerms()).map((t) => t.id));
}

async function storedUserGlossary(): Promise<unknown> {
  return h.serviceWorker.evaluate(async () => (await chrome.storage.local.get('userGlossary'))['userGlossary'] ?? null);
}

beforeAll(async () => {
  h = await launchWithExtension();
  errors = collectErrors(h.context);
  ({ page: kyodo, tabId: kyodoTab } = await openMarkedKyodo(h));
});

afterAll(async () => {
  await h?.close();
});

describe('My glossary', () => {
  it('refuses a truncated file with a role="alert" message; the bundled glossary still searches', async () => {
    const options = await OptionsPage.open(h);
    await options.importFile('truncated.json');
    await options.alert
      .filter({ hasText: 'truncated.json was not imported: it is not valid JSON. Nothing was changed.' })
      .waitFor();
    expect(await options.alert.textContent()).toMatch(
      /not JSON at line \d+, column \d+ \(the file ends too early: truncated\?\)/,
    );
    expect(await storedUserGlossary()).toBeNull();
    expect((await popupSearch('scholz'))[0]).toBe('olaf-scholz');
    await options.page.close();
  });

  it('refuses a 20 MB file by its size, naming the entry and field of other problems', async () => {
    const options = await OptionsPage.open(h);
    await options.importFile('huge.json', Buffer.alloc(20 * 1024 * 1024, 0x20));
    await options.alert.filter({ hasText: 'huge.json was not imported: it is too large.' }).waitFor();
    expect(await options.alert.textContent()).toContain('the file is 21.0 MB; the largest accepted is 16.8 MB');
    await options.importFile('missing-fields.json');
    await options.alert.filter({ hasText: 'Entry 1 (No summary), field summary: required field is missing' }).waitFor();
    expect(await storedUserGlossary()).toBeNull();
    await options.page.close();
  });

  it('imports a valid file: its new entry is first in the reopened popup and marked on the article', async () => {
    const options = await OptionsPage.open(h);
    await options.importFile('valid-new-entry.json');
    await options.status.filter({ hasText: 'valid-new-entry.json imported. Entries: 1.' }).waitFor();
    expect(await options.page.locator('#my-info').textContent()).toMatch(/^“My test glossary”, from valid-new-entry\.json/);
    expect(await options.alert.textContent()).toBe('');
    await options.page.close();

    expect((await popupSearch('like-minded countries'))[0]).toBe(NEW_ID);
    expect((await popupSearch('like-minded'))[0]).toBe(NEW_ID);
    // The bundled glossary is still there.
    expect((await popupSearch('kisida'))[0]).toBe('fumio-kishida');

    if (!CONTENT_SCRIPT_HANDLES_GLOSSARY_CHANGED) await kyodo.reload();
    await vi.waitFor(async () => expect(await pageTermIds()).toContain(NEW_ID), { timeout: 15_000, interval: 300 });
    await kyodo.bringToFront();
    const at = await centerOfText(kyodo, 'like-minded countries', 'article');
    await kyodo.mouse.move(at.x, at.y, { steps: 3 });
    const tip = await waitForTooltip(kyodo, (t) => /From My glossary/.test(t.text));
    expect(tip.text).toContain('Like-minded countries');
    await kyodo.mouse.move(5, 5);
    await kyodo.keyboard.press('Escape');
  });

  it('removes it: the entry is gone from the popup and the page', async () => {
    const options = await OptionsPage.open(h);
    await options.page.locator('#remove').click();
    await options.page.locator('#remove', { hasText: 'Click again to remove.' }).waitFor();
    await options.page.locator('#remove').click();
    await options.status.filter({ hasText: 'My glossary was removed.' }).waitFor();
    expect(await storedUserGlossary()).toBeNull();
    await options.page.close();
    expect(await popupSearch('like-minded countries')).not.toContain(NEW_ID);
    if (!CONTENT_SCRIPT_HANDLES_GLOSSARY_CHANGED) await kyodo.reload();
    await vi.waitFor(async () => expect(await pageTermIds()).toEqual(expect.arrayContaining(['fumio-kishida'])), {
      timeout: 15_000,
      interval: 300,
    });
    expect(await pageTermIds()).not.toContain(NEW_ID);
  });
});

describe('settings', () => {
  it('a mark style chosen in the options reaches the open article', async () => {
    const options = await OptionsPage.open(h);
    await options.page.locator('input[name="mark-style"][value="highlight"]').check();
    await options.page.locator('#saved', { hasText: 'Saved.' }).waitFor();
    await vi.waitFor(async () => expect((await highlightSizes(kyodo))['glossary-highlight'] ?? 0).toBeGreaterThanOrEqual(5), {
      timeout: 10_000,
      interval: 100,
    });
    await options.page.locator('input[name="mark-style"][value="underline"]').check();
    await vi.waitFor(async () => expect((await highlightSizes(kyodo))['glossary-underline'] ?? 0).toBeGreaterThanOrEqual(5), {
      timeout: 10_000,
      interval: 100,
    });
    await options.page.close();
  });

  it('reports no errors from the extension', () => {
    expect(errors.fromExtension(h.extensionId)).toEqual([]);
  });
});
