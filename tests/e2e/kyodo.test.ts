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
  readTooltip,
  settledMarkCount,
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
  // The paragraphs in view are marked first; wait for the whole page.
  await settledMarkCount(page);
});

afterAll(async () => {
  await h?.close();
});

describe('the Kyodo article', () => {
  it('marks at least 25 different terms, and every mention answers hover', async () => {
    // Only the first mention of each term is drawn by default: drawn = different terms.
    const drawn = await highlightSizes(page);
    expect(drawn['glossary-underline']).toBeGreaterThanOrEqual(25);
    expect(await marked(page)).toBeGreaterThan(drawn['glossary-underline']!);
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
      if (term === 'ACSA') await page.waitForTimeout(400);
      if (term === 'ACSA') await page.screenshot({ path: join(PROJECT_ROOT, 'assets/screenshots/tooltip-kyodo.png') });
      await page.keyboard.press('Escape');
      await waitForNoTooltip(page);
    });
  }

  it('keeps the tooltip open while the pointer is on it, and closes it after the pointer leaves', async () => {
    await page.mouse.move(5, 5);
    const at = await centerOfText(page, 'Olaf Scholz', 'article');
    await page.mouse.move(at.x, at.y, { steps: 2 });
    const tip = await waitForTooltip(page, (t) => t.text.includes('Olaf Scholz'));
    // Move onto the tooltip (its source link must stay reachable).
    await page.mouse.move(tip.rect.x + tip.rect.width / 2, tip.rect.y + tip.rect.height - 8, { steps: 6 });
    await page.waitForTimeout(700);
    expect((await readTooltip(page))?.visible).toBe(true);
    await page.mouse.move(5, 5, { steps: 2 });
    await waitForNoTooltip(page);
  });

  it('shows the period valid on the article’s date (10 July 2024)', async () => {
    const at = await centerOfText(page, 'Fumio Kishida', 'article');
    await page.mouse.move(at.x, at.y, { steps: 2 });
    const tip = await waitForTooltip(page, (t) => t.text.includes('Fumio Kishida'));
    expect(tip.text).toContain('Prime Minister of Japan at the time (2021–2024)');
    expect(tip.text).toContain('In this article: Japanese Prime Minister');
    await page.keyboard.press('Escape');
    await waitForNoTooltip(page);
  });

  it('steps through marked terms with Alt+Shift+N and Alt+Shift+P', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Alt+Shift+KeyN');
    const first = await waitForTooltip(page);
    await page.keyboard.press('Alt+Shift+KeyN');
    const second = await waitForTooltip(page, (t) => t.text !== first.text);
    await page.keyboard.press('Alt+Shift+KeyP');
    await waitForTooltip(page, (t) => t.text === first.text);
    expect(second.text).not.toBe(first.text);
    await page.keyboard.press('Escape');
    await waitForNoTooltip(page);
  });

  it('follows the dark colour scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const at = await centerOfText(page, 'IP4', 'article');
    await page.mouse.move(at.x, at.y, { steps: 2 });
    await waitForTooltip(page, (t) => t.text.includes('IP4'));
    const cdp = await h.context.newCDPSession(page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: unknown };
    const box = JSON.stringify(root).includes('tippy-box');
    await cdp.detach();
    expect(box).toBe(true);
    await page.waitForTimeout(400); // let the fade-in finish
    await page.screenshot({ path: join(PROJECT_ROOT, 'assets/screenshots/tooltip-kyodo-dark.png') });
    const background = await tooltipBackground(page);
    // A dark background: every channel of rgb() below 100.
    expect(
      background
        .match(/\d+/g)!
        .slice(0, 3)
        .every((c) => Number(c) < 100),
    ).toBe(true);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await waitForNoTooltip(page);
  });

  it('reports no errors from the extension', () => {
    expect(errors.errors).toEqual([]);
  });
});

/** The computed background colour of the tooltip box (in the closed shadow root). */
async function tooltipBackground(p: Page): Promise<string> {
  const cdp = await h.context.newCDPSession(p);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const stack: CdpNode[] = [root];
    while (stack.length) {
      const n = stack.pop()!;
      const attrs = n.attributes ?? [];
      if (attrs[attrs.indexOf('role') + 1] === 'tooltip' && attrs.includes('role')) {
        const { object } = await cdp.send('DOM.resolveNode', { nodeId: n.nodeId });
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId!,
          functionDeclaration: 'function () { return getComputedStyle(this).backgroundColor; }',
          returnByValue: true,
        });
        return result.value as string;
      }
      stack.push(...(n.shadowRoots ?? []), ...(n.children ?? []));
    }
    throw new Error('no tooltip');
  } finally {
    await cdp.detach();
  }
}

interface CdpNode {
  nodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}
