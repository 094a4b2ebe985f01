/**
 * The core reader checks, the same in Chromium (the Chrome build) and in Firefox ESR (the Firefox
 * build, installed as a temporary add-on over WebDriver BiDi): the Kyodo article is marked, hovering
 * ACSA explains it, the keys step through the terms, the popup searches, the extension reports no
 * errors and nothing goes to the network. Also the screenshots of the store listings (1280×800,
 * assets/screenshots/store-*-BROWSER.png; docs/store/README.md).
 *
 * The tooltip is in a closed shadow root. Chromium: the DevTools protocol pierces it. Firefox:
 * WebDriver BiDi serializes closed shadow roots when asked (`includeShadowTree: 'all'`). In both, a
 * test also checks what is under the pointer at the tooltip's centre: the extension's own host
 * element, which page scripts see from outside the closed root.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  KYODO_URL,
  launchBrowser,
  loadKyodoHtml,
  PROJECT_ROOT,
  tabCenterOfText,
  tabHighlightSizes,
  waitForNoTabTooltip,
  waitForTabTooltip,
  type BrowserName,
  type ExtensionBrowser,
  type Tab,
} from './harness';

const SCREENSHOTS = join(PROJECT_ROOT, 'assets/screenshots');

describe.each<BrowserName>(['chromium', 'firefox'])('in %s', (name) => {
  let b: ExtensionBrowser;
  let kyodo: Tab;

  const marks = async (): Promise<number> => (await tabHighlightSizes(kyodo))['glossary-hover'] ?? 0;

  beforeAll(async () => {
    b = await launchBrowser(name);
    kyodo = await b.openPage(KYODO_URL, loadKyodoHtml());
    await kyodo.resize(1280, 800); // the stores' screenshot size
    await vi.waitFor(async () => expect(await marks()).toBeGreaterThanOrEqual(5), { timeout: 20_000, interval: 100 });
    // The paragraphs in view are marked first; wait until the count stops changing.
    let last = -1;
    for (let stable = 0; stable < 12;) {
      const n = await marks();
      stable = n === last ? stable + 1 : 0;
      last = n;
      await kyodo.wait(100);
    }
  });

  afterAll(async () => {
    await b?.close();
  });

  it('marks the Kyodo article: at least 25 different terms', async () => {
    const drawn = await tabHighlightSizes(kyodo);
    expect(drawn['glossary-underline']).toBeGreaterThanOrEqual(25);
    expect(await marks()).toBeGreaterThan(drawn['glossary-underline']!);
  });

  it('explains ACSA in a tooltip on hover, the tooltip is what is under the pointer, and Escape closes it', async () => {
    await kyodo.hover(5, 5);
    const at = await tabCenterOfText(kyodo, 'ACSA', 'article');
    await kyodo.hover(at.x, at.y);
    const tip = await waitForTabTooltip(kyodo, (t) => /Acquisition and Cross-Servicing Agreement/i.test(t.text));
    expect(tip.text).toContain('ACSA');
    expect(tip.text).toMatch(/In this article: acquisition and cross-servicing agreement/i);
    const centre = { x: tip.rect.x + tip.rect.width / 2, y: tip.rect.y + tip.rect.height / 2 };
    const under = await kyodo.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName ?? null, centre);
    expect(under).toBe('news-glossary-ui');
    await kyodo.wait(400); // the fade-in
    await kyodo.screenshot(join(SCREENSHOTS, `store-tooltip-${name}.png`));
    await kyodo.press('Escape');
    await waitForNoTabTooltip(kyodo);
  });

  it('steps through the marked terms with Alt+Shift+N and Alt+Shift+P', async () => {
    await kyodo.hover(5, 5);
    await kyodo.press('Alt+Shift+KeyN');
    const first = await waitForTabTooltip(kyodo);
    await kyodo.press('Alt+Shift+KeyN');
    const second = await waitForTabTooltip(kyodo, (t) => t.text !== first.text);
    await kyodo.press('Alt+Shift+KeyP');
    await waitForTabTooltip(kyodo, (t) => t.text === first.text);
    expect(second.text).not.toBe(first.text);
    await kyodo.press('Escape');
    await waitForNoTabTooltip(kyodo);
  });

  it('searches the glossary in the popup ("kisida" finds Fumio Kishida)', async () => {
    const popup = await b.openExtensionPage('popup.html');
    await popup.resize(400, 600);
    await vi.waitFor(
      async () => expect(await popup.evaluate(() => performance.getEntriesByName('ng-popup-ready').length, null)).toBe(1),
      { timeout: 10_000, interval: 50 },
    );
    await popup.type('#q', 'kisida');
    await vi.waitFor(
      async () =>
        expect(
          await popup.evaluate(
            () => [...document.querySelectorAll<HTMLElement>('#results [role=option]')].map((e) => e.dataset['entryId']),
            null,
          ),
        ).toContain('fumio-kishida'),
      { timeout: 5000, interval: 50 },
    );
    await popup.close();
  });

  it('opens the options page (screenshot for the store listing)', async () => {
    const options = await b.openExtensionPage('options.html');
    await options.resize(1280, 800);
    await vi.waitFor(
      async () =>
        expect(await options.evaluate(() => document.getElementById('my-info')?.textContent?.trim() ?? '', null)).not.toBe(''),
      { timeout: 10_000, interval: 50 },
    );
    await options.wait(200);
    await options.screenshot(join(SCREENSHOTS, `store-options-${name}.png`));
    await options.close();
  });

  it('reports no errors from the extension', async () => {
    expect(await b.extensionErrors()).toEqual([]);
  });

  it('makes no network requests', async () => {
    expect(await b.outboundRequests()).toEqual([]);
  });
});
