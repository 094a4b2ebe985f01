/**
 * Pages that break similar tools: React re-rendering, infinite scroll, clipping containers,
 * hostile CSS, editable regions. Served at a news address so the content script runs as in
 * production.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import {
  centerOfText,
  collectErrors,
  FIXTURES_DIR,
  highlightSizes,
  launchWithExtension,
  longTasksFromTrace,
  PROJECT_ROOT,
  readTooltip,
  servePage,
  startTracing,
  waitForTooltip,
  type ExtensionHarness,
} from './harness';

const BASE = 'https://english.kyodonews.net/test/';
let h: ExtensionHarness;

const fixture = (name: string): string => readFileSync(join(FIXTURES_DIR, 'robustness', name), 'utf8');

async function open(name: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${BASE}${name}`);
  return page;
}

const hover = async (page: Page): Promise<number> => (await highlightSizes(page))['glossary-hover'] ?? 0;

beforeAll(async () => {
  h = await launchWithExtension();
  for (const name of ['react.html', 'infinite.html', 'clipping.html', 'hostile.html', 'editable.html'])
    await servePage(h.context, `${BASE}${name}`, fixture(name));
  for (const lib of ['react.production.min.js', 'react-dom.production.min.js']) {
    const dir = lib.startsWith('react-dom') ? 'react-dom' : 'react';
    await servePage(
      h.context,
      `https://english.kyodonews.net/vendor/${lib}`,
      readFileSync(join(PROJECT_ROOT, 'node_modules', dir, 'umd', lib), 'utf8'),
      {
        contentType: 'text/javascript',
      },
    );
  }
});

afterAll(async () => {
  await h?.close();
});

describe('a React page that re-renders after marking', () => {
  it('keeps rendering without errors, and its terms stay explained', async () => {
    const page = await open('react.html');
    const errors = collectErrors(page);
    await vi.waitFor(async () => expect(await hover(page)).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    const before = await page.evaluate(() => (window as unknown as { __renders: number }).__renders);
    await page.waitForTimeout(1500);
    const state = await page.evaluate(() => ({
      renders: (window as unknown as { __renders: number }).__renders,
      errors: (window as unknown as { __errors: string[] }).__errors,
      wrapped: document.querySelectorAll('[data-glossary-term]').length,
      firstParagraph: document.getElementById('p0')?.childNodes.length,
    }));
    expect(state.renders).toBeGreaterThan(before + 5);
    expect(state.errors).toEqual([]);
    expect(state.wrapped).toBe(0);
    expect(state.firstParagraph).toBe(1); // React's text node is still alone in its <p>
    const at = await centerOfText(page, 'Olaf Scholz', '#p1');
    await page.mouse.move(at.x, at.y, { steps: 2 });
    await waitForTooltip(page, (t) => t.text.includes('Olaf Scholz'));
    expect(errors.errors).toEqual([]);
    await page.close();
  });
});

describe('an infinite-scroll page adding 100 items a second for 10 s', () => {
  it('marks new items, drops removed ones, and never runs 50 ms at once', async () => {
    const page = await h.context.newPage();
    const tracing = await startTracing(h.context, page);
    await page.goto(`${BASE}infinite.html`);
    const sizes: number[] = [];
    for (let i = 0; i < 12; i++) {
      await page.waitForTimeout(1000);
      sizes.push(await hover(page));
    }
    const done = await page.evaluate(() => (window as unknown as { __done: boolean }).__done);
    const events = await tracing.stop();
    expect(done).toBe(true);
    // New items get marked as they arrive...
    expect(Math.max(...sizes)).toBeGreaterThan(300);
    // ...and marks of removed items are dropped: at most the 300 kept items × 4 terms (+ the intro),
    // once the last batch of changes has been read (the watcher is debounced and budgeted).
    await vi.waitFor(async () => expect(await hover(page)).toBeLessThanOrEqual(300 * 4 + 10), { timeout: 5_000, interval: 200 });
    const long = longTasksFromTrace(events, h.extensionId, { minMs: 50, measure: 'extension' });
    expect(long).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('terms inside overflow: hidden and transformed containers', () => {
  it('shows the whole tooltip, unclipped, inside the viewport', async () => {
    const page = await open('clipping.html');
    await vi.waitFor(async () => expect(await hover(page)).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    for (const [term, scope] of [
      ['NATO', '#clipped'],
      ['Olaf Scholz', '#bar'],
    ] as const) {
      await page.mouse.move(1, 1);
      const at = await centerOfText(page, term, scope);
      await page.mouse.move(at.x, at.y, { steps: 2 });
      const tip = await waitForTooltip(page, (t) => t.text.includes(term === 'NATO' ? 'North Atlantic' : 'Scholz'));
      const vp = page.viewportSize()!;
      expect(tip.rect.height).toBeGreaterThan(40);
      expect(tip.rect.y).toBeGreaterThanOrEqual(0);
      expect(tip.rect.y + tip.rect.height).toBeLessThanOrEqual(vp.height);
      expect(tip.rect.x + tip.rect.width).toBeLessThanOrEqual(vp.width);
      await page.keyboard.press('Escape');
    }
    await page.close();
  });
});

describe('a page with hostile CSS', () => {
  it('cannot restyle the tooltip', async () => {
    const page = await open('hostile.html');
    await vi.waitFor(async () => expect(await hover(page)).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    const at = await centerOfText(page, 'NATO', '#hostile');
    await page.mouse.move(at.x, at.y, { steps: 2 });
    const tip = await waitForTooltip(page, (t) => t.text.includes('North Atlantic'));
    expect(tip.rect.height).toBeLessThan(400); // 40px text everywhere would make it huge
    const cdp = await h.context.newCDPSession(page);
    const font = await cdp.send('Runtime.evaluate', {
      expression:
        'document.querySelector("news-glossary-ui") && getComputedStyle(document.querySelector("news-glossary-ui")).fontSize',
      returnByValue: true,
    });
    expect(font.result.value).not.toBe('40px');
    await cdp.detach();
    await page.close();
  });
});

describe('contenteditable regions', () => {
  it('are left untouched, with the caret where it was', async () => {
    const page = await open('editable.html');
    const before = await page.evaluate(() => ({
      html: document.getElementById('editor')!.innerHTML,
      offset: getSelection()!.anchorOffset,
    }));
    await vi.waitFor(async () => expect(await hover(page)).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => {
      const ed = document.getElementById('editor')!;
      let inside = 0;
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      reg.get('glossary-hover')?.forEach((r) => {
        if (ed.contains(r.startContainer)) inside++;
      });
      return { html: ed.innerHTML, offset: getSelection()!.anchorOffset, focused: document.activeElement === ed, inside };
    });
    expect(after).toEqual({ html: before.html, offset: before.offset, focused: true, inside: 0 });
    expect(await readTooltip(page)).toBeUndefined();
    await page.close();
  });
});

describe('a tab open across an extension reload', () => {
  it('throws nothing and leaves the page working', async () => {
    const page = await open('react.html');
    const errors = collectErrors(page);
    await vi.waitFor(async () => expect(await hover(page)).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    // Reload the extension (as an update does); the old content script's context is invalidated.
    await h.serviceWorker
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => {});
    await page.waitForTimeout(1500);
    // The page keeps rendering; pointer and keys reach the old script's (now stopped) listeners.
    const at = await centerOfText(page, 'Olaf Scholz', '#p1');
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.keyboard.press('Alt+Shift+KeyN');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    const state = await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);
    expect(state).toEqual([]);
    expect(errors.errors.filter((e) => /context invalidated|extension/i.test(e.text))).toEqual([]);
    expect(errors.errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
    await page.close();
  });
});
