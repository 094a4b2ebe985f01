/**
 * Reading the article right, in Chromium with the built extension (issue #12): a page without
 * <article> (CNN Money) is marked; no corpus page marks its navigation, photo credits or comment
 * widgets by default; the article's date reaches the engine through the real message path (a page
 * of 2014 is not linked to the war that began in 2023, a person's tooltip gives the role held then);
 * link text in the article is marked and a click still follows the link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  centerOfText,
  fixturePage,
  highlightSizes,
  launchWithExtension,
  loadFixturePages,
  servePage,
  settledMarkCount,
  waitForTooltip,
  type ExtensionHarness,
} from './harness';

let h: ExtensionHarness;
beforeAll(async () => {
  h = await launchWithExtension();
});
afterAll(async () => {
  await h?.close();
});

/** For every mark on the page: the page chrome it sits in (navigation, header, footer, aside, credits, comments), if any. */
function marksInChrome(): string[] {
  const chromeClass = /(^|[-_])(credits?|comments?|byline|nav|menu)([-_]|$)/i;
  const isChrome = (el: Element): boolean =>
    ['NAV', 'HEADER', 'FOOTER', 'ASIDE'].includes(el.tagName) ||
    el.getAttribute('role') === 'navigation' ||
    [...el.classList].some((c) => chromeClass.test(c));
  const highlights = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('glossary-hover');
  return [...(highlights ?? [])].flatMap((r) => {
    for (let el = r.startContainer.parentElement; el && el !== document.body; el = el.parentElement)
      if (isChrome(el)) return [`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${r.toString()}`];
    return [];
  });
}

describe('the corpus pages by default', () => {
  it('CNN Money (no <article> with the story in it) gets at least 5 different terms', async () => {
    const p = fixturePage('cnn.html');
    await servePage(h.context, p.url, p.html);
    const page = await h.context.newPage();
    await page.goto(p.url, { waitUntil: 'load' });
    await settledMarkCount(page);
    expect((await highlightSizes(page))['glossary-underline']).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it('no page marks its navigation, photo credits or comment widgets', async () => {
    for (const p of loadFixturePages()) {
      await servePage(h.context, p.url, p.html);
      const page = await h.context.newPage();
      await page.goto(p.url, { waitUntil: 'load' });
      await settledMarkCount(page);
      expect(await page.evaluate(marksInChrome), p.file).toEqual([]);
      await page.close();
    }
  });
});

const dated = (date: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test</title>
   <meta property="article:published_time" content="${date}T08:00:00Z"></head>
   <body><nav><a href="/world">World</a> <a href="/nato">NATO</a></nav><article><h1>Talks</h1>${body}</article></body></html>`;
const PROSE = '<p>' + 'Diplomats from several countries met again to discuss the ceasefire proposal. '.repeat(6) + '</p>';

describe("the article's date, through the real message path", () => {
  it('a page of 2014 does not link "the war in Gaza" to the war that began in 2023; a page of 2024 does', async () => {
    const body = `${PROSE}<p>The war in Gaza entered its third week as talks in Cairo stalled.</p>`;
    const ids: Record<string, string[]> = {};
    for (const [date, url] of [
      ['2014-07-20', 'https://www.bbc.com/news/world-middle-east-28000001'],
      ['2024-01-20', 'https://www.bbc.com/news/world-middle-east-68000001'],
    ] as const) {
      await servePage(h.context, url, dated(date, body));
      const page = await h.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await settledMarkCount(page);
      ids[date] = await page.evaluate(() => {
        const hl = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('glossary-hover');
        return [...(hl ?? [])].map((r) => r.toString());
      });
      await page.close();
    }
    expect(ids['2014-07-20']).toEqual(['Cairo']);
    expect(ids['2024-01-20']).toEqual(['war in Gaza', 'Cairo']);
  });

  it("a person's tooltip gives the role valid on the page's date; link text in the article is marked", async () => {
    const url = 'https://www.theguardian.com/world/2023/may/02/scholz-berlin-talks';
    const body = `${PROSE}<p>Chancellor Olaf Scholz met reporters in Berlin, said a <a href="https://www.theguardian.com/world/nato">NATO</a> official.</p>`;
    await servePage(h.context, url, dated('2023-05-02', body));
    const page = await h.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await settledMarkCount(page);
    const at = await centerOfText(page, 'Olaf Scholz', 'article');
    await page.mouse.move(at.x, at.y, { steps: 2 });
    const tip = await waitForTooltip(page, (t) => t.text.includes('Olaf Scholz'));
    expect(tip.text).toMatch(/Chancellor of Germany at the time \(2021–2025\)/);
    const marks = await page.evaluate(() => {
      const hl = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('glossary-hover');
      return [...(hl ?? [])].map((r) => r.toString());
    });
    expect(marks).toContain('NATO'); // inside the article's link; the menu's "NATO" is not marked
    expect(marks.filter((m) => m === 'NATO')).toHaveLength(1);
    // A click on the marked link still follows it.
    await servePage(h.context, 'https://www.theguardian.com/world/nato', dated('2023-05-02', PROSE));
    await page.mouse.move(0, 0);
    const link = await centerOfText(page, 'NATO', 'article');
    await Promise.all([page.waitForURL('https://www.theguardian.com/world/nato'), page.mouse.click(link.x, link.y)]);
    await page.close();
  });
});
