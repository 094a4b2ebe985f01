/**
 * The walking skeleton end to end: the built extension in real Chromium, on the Kyodo article
 * served at its real address. Terms are marked, hovering explains them, Escape closes.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import {
  centerOfText,
  collectErrors,
  highlightSizes,
  KYODO_URL,
  launchWithExtension,
  loadKyodoHtml,
  PROJECT_ROOT,
  servePage,
  waitForNoTooltip,
  waitForTooltip,
  type ErrorCollector,
  type ExtensionHarness,
} from './harness';
import { join } from 'node:path';

let h: ExtensionHarness;
let page: Page;
let errors: ErrorCollector;

async function marked(p: Page): Promise<number> {
  const sizes = await highlightSizes(p);
  return sizes['glossary-hover'] ?? 0;
}

beforeAll(async () => {
  h = await launchWithExtension();
  await servePage(h.context, KYODO_URL, loadKyodoHtml());
  page = await h.context.newPage();
  errors = collectErrors(page);
  await page.goto(KYODO_URL);
  await vi.waitFor(async () => expect(await marked(page)).toBeGreaterThanOrEqual(5), { timeout: 10_000, interval: 100 });
});

afterAll(async () => {
  await h?.close();
});

describe('the Kyodo article', () => {
  it('marks at least 5 terms without changing the page text', async () => {
    expect(await marked(page)).toBeGreaterThanOrEqual(5);
    const drawn = await highlightSizes(page);
    expect(drawn['glossary-underline']).toBeGreaterThanOrEqual(5);
  });

  const cases: [string, RegExp, string][] = [
    ['ACSA', /Acquisition and Cross-Servicing Agreement/i, 'article'],
    ['IP4', /Japan, South Korea, Australia and New Zealand/, 'article'],
    ['Olaf Scholz', /Chancellor of Germany/, 'article'],
    ['NATO', /North Atlantic Treaty Organization/, 'article'],
  ];
  for (const [term, explains, scope] of cases) {
    it(`hovering ${term} shows a tooltip that explains it, and Escape closes it`, async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await waitForNoTooltip(page);
      // The headline (skipped by default) holds the first NATO.
      const at = await centerOfText(page, term, scope, term === 'NATO' ? 1 : 0);
      await page.mouse.move(at.x, at.y, { steps: 3 });
      const tip = await waitForTooltip(page, (t) => explains.test(t.text));
      expect(tip.text).toContain(term === 'IP4' ? 'IP4' : term);
      if (term === 'ACSA') await page.screenshot({ path: join(PROJECT_ROOT, 'assets/screenshots/tooltip-kyodo.png') });
      await page.keyboard.press('Escape');
      await waitForNoTooltip(page);
    });
  }

  it('reports no errors from the extension', () => {
    expect(errors.errors).toEqual([]);
  });
});
