// @vitest-environment happy-dom
/**
 * Marks and the hover index (src/page/highlights.ts): mentions become ranges over the page's
 * text, the first of each entry is known, hover finds a mention by text position, and marks are
 * drawn in the chosen style (a fake Highlight registry stands in for `CSS.highlights`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { extractText, type TextMap } from '../../src/page/extract';
import { HIGHLIGHT_NAMES, HighlightPainter, hasHighlightApi, MentionIndex, wrapMention } from '../../src/page/highlights';
import { installHighlightApi, removeHighlightApi, wordsIn } from './page-harness';

/** Puts `html` in the window's document (happy-dom's ranges read no text in a DOMParser document). */
function page(html: string): Document {
  const body = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
  document.body.replaceWith(document.importNode(body, true));
  return document;
}

/** Adds a mention of `word` (its `nth` occurrence in the extracted text) to the index. */
function addWord(index: MentionIndex, map: TextMap, doc: Document, id: string, word: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = map.text.indexOf(word, at + 1);
  return index.add(map, doc, id, at, at + word.length);
}

afterEach(() => removeHighlightApi());

describe('the mention index', () => {
  it('turns offsets of the extracted text into ranges over the page, knowing the first mention of each entry', () => {
    const doc = page('<p>NATO met. Later NATO and <b>the United</b> Nations spoke.</p>');
    const map = extractText(doc);
    const index = new MentionIndex();
    const first = addWord(index, map, doc, 'nato', 'NATO');
    const second = addWord(index, map, doc, 'nato', 'NATO', 1);
    const un = addWord(index, map, doc, 'un', 'United Nations');
    expect([first, second, un].map((m) => m?.range.toString())).toEqual(['NATO', 'NATO', 'United Nations']);
    expect([first, second, un].map((m) => m?.first)).toEqual([true, false, true]);
    expect([...index.counts()]).toEqual([
      ['nato', 2],
      ['un', 1],
    ]);
  });

  it('finds the mention at a text position, edges included, from every text node it spans', () => {
    const doc = page('<p>Leaders of the United <i>Nations</i> met.</p>');
    const map = extractText(doc);
    const index = new MentionIndex();
    const un = addWord(index, map, doc, 'un', 'United Nations')!;
    const [lead, italic] = map.nodes as Text[];
    const start = lead!.data.indexOf('United');
    expect(index.at(lead!, start)).toBe(un);
    expect(index.at(lead!, lead!.data.length)).toBe(un);
    expect(index.at(italic!, 7)).toBe(un);
    expect(index.at(lead!, start - 2)).toBeUndefined();
    expect(index.has(italic!)).toBe(true);
    expect(index.has(map.nodes[2] as Text)).toBe(false);
  });

  it('finds the right one of many mentions in a node, added in any order', () => {
    const doc = page('<p>NATO, Kyiv, NATO and Kyiv again.</p>');
    const map = extractText(doc);
    const index = new MentionIndex();
    const lateKyiv = addWord(index, map, doc, 'kyiv', 'Kyiv', 1)!;
    const nato = addWord(index, map, doc, 'nato', 'NATO')!;
    const kyiv = addWord(index, map, doc, 'kyiv', 'Kyiv')!;
    const node = map.nodes[0] as Text;
    expect(index.at(node, node.data.lastIndexOf('Kyiv') + 2)).toBe(lateKyiv);
    expect(index.at(node, 1)).toBe(nato);
    expect(index.at(node, node.data.indexOf('Kyiv') + 3)).toBe(kyiv);
    expect(index.at(node, node.data.indexOf('again'))).toBeUndefined();
  });

  it('finds a long mention around a shorter one inside it', () => {
    const doc = page('<p>The United Nations Security Council met.</p>');
    const map = extractText(doc);
    const index = new MentionIndex();
    const council = addWord(index, map, doc, 'unsc', 'United Nations Security Council')!;
    const nations = addWord(index, map, doc, 'un', 'Nations')!;
    const node = map.nodes[0] as Text;
    expect(index.at(node, node.data.indexOf('Nations') + 2)).toBe(nations);
    expect(index.at(node, node.data.indexOf('Council') + 2)).toBe(council);
  });

  it('maps nothing where the page changed since its text was read', () => {
    const doc = page('<p>The talks in Kyiv went on.</p>');
    const map = extractText(doc);
    (map.nodes[0] as Text).data = 'Short.';
    expect(addWord(new MentionIndex(), map, doc, 'kyiv', 'Kyiv')).toBeUndefined();
  });

  it('maps nothing in text the page removed while it was being analyzed (an infinite feed dropping old items)', () => {
    const doc = page('<p id="a">NATO in Kyiv.</p><p id="b">Kyiv again.</p>');
    const map = extractText(doc);
    doc.getElementById('a')!.remove();
    const index = new MentionIndex();
    expect(addWord(index, map, doc, 'nato', 'NATO')).toBeUndefined();
    expect(addWord(index, map, doc, 'kyiv', 'Kyiv', 1)?.range.toString()).toBe('Kyiv');
    expect(index.mentions).toHaveLength(1);
  });

  it('forgets the mentions of changed nodes, or of text that left the page', () => {
    const doc = page('<p id="a">NATO in Kyiv.</p><p id="b">NATO again.</p>');
    const map = extractText(doc);
    const index = new MentionIndex();
    addWord(index, map, doc, 'nato', 'NATO');
    addWord(index, map, doc, 'kyiv', 'Kyiv');
    const again = addWord(index, map, doc, 'nato', 'NATO', 1)!;
    expect(index.remove(new Set([map.nodes[0]!])).map((m) => m.range.toString())).toEqual(['NATO', 'Kyiv']);
    expect(index.remove()).toEqual([]);
    doc.getElementById('b')!.remove();
    expect(index.remove()).toEqual([again]);
    expect(index.mentions).toEqual([]);
    expect(index.has(map.nodes[1] as Text)).toBe(false);
  });

  it('starts over after clear(): the next mention is a first mention again', () => {
    const doc = page('<p>NATO and NATO.</p>');
    const map = extractText(doc);
    const index = new MentionIndex();
    addWord(index, map, doc, 'nato', 'NATO');
    index.clear();
    expect(index.mentions).toEqual([]);
    expect(addWord(index, map, doc, 'nato', 'NATO', 1)?.first).toBe(true);
  });
});

describe('the highlight painter', () => {
  function twoMentions() {
    const doc = page('<p>NATO met in Kyiv.</p>');
    const map = extractText(doc);
    const index = new MentionIndex();
    return [addWord(index, map, doc, 'nato', 'NATO')!.range, addWord(index, map, doc, 'kyiv', 'Kyiv')!.range] as const;
  }

  it('is used only where the browser has the Highlight API', () => {
    expect(hasHighlightApi(window)).toBe(false);
    installHighlightApi();
    expect(hasHighlightApi(window)).toBe(true);
  });

  it('draws marks in the chosen style, keeps every mention for hover, and shows the focused one', () => {
    const registry = installHighlightApi();
    const painter = new HighlightPainter(window);
    expect([...registry.keys()].sort()).toEqual(Object.values(HIGHLIGHT_NAMES).sort());
    const [nato, kyiv] = twoMentions();
    painter.add(nato, 'underline', true);
    painter.add(kyiv, 'highlight', false);
    expect(wordsIn(registry.get(HIGHLIGHT_NAMES.underline))).toEqual(['NATO']);
    expect(wordsIn(registry.get(HIGHLIGHT_NAMES.highlight))).toEqual([]);
    expect(wordsIn(registry.get(HIGHLIGHT_NAMES.hover))).toEqual(['NATO', 'Kyiv']);
    painter.focus(kyiv);
    expect(wordsIn(registry.get(HIGHLIGHT_NAMES.focus))).toEqual(['Kyiv']);
    painter.focus(undefined);
    expect(wordsIn(registry.get(HIGHLIGHT_NAMES.focus))).toEqual([]);
    painter.remove(nato);
    expect(wordsIn(registry.get(HIGHLIGHT_NAMES.underline))).toEqual([]);
    expect(wordsIn(registry.get(HIGHLIGHT_NAMES.hover))).toEqual(['Kyiv']);
  });

  it('draws nothing in the style "none", but still answers hover', () => {
    const registry = installHighlightApi();
    const painter = new HighlightPainter(window);
    const [nato] = twoMentions();
    painter.add(nato, 'none', true);
    expect(wordsIn(registry.get(HIGHLIGHT_NAMES.underline))).toEqual([]);
    expect(wordsIn(registry.get(HIGHLIGHT_NAMES.hover))).toEqual(['NATO']);
  });

  it('asks the browser which marked ranges are under a point, where the browser can say', () => {
    const registry = installHighlightApi();
    const painter = new HighlightPainter(window);
    const [nato, kyiv] = twoMentions();
    painter.add(nato, 'underline', true);
    painter.add(kyiv, 'underline', true);
    expect(painter.rangesAt(5, 5)).toBeUndefined();
    const hover = registry.get(HIGHLIGHT_NAMES.hover)!;
    const underline = registry.get(HIGHLIGHT_NAMES.underline)!;
    Object.assign(registry, {
      highlightsFromPoint: () => [
        { highlight: underline, ranges: [nato] },
        { highlight: hover, ranges: [kyiv] },
      ],
    });
    expect(painter.rangesAt(5, 5)).toEqual([kyiv]);
  });

  it('clears every mark, and on destroy leaves no highlight registered', () => {
    const registry = installHighlightApi();
    const painter = new HighlightPainter(window);
    const [nato] = twoMentions();
    painter.add(nato, 'underline', true);
    painter.clear();
    expect([...registry.values()].every((h) => h.size === 0)).toBe(true);
    expect(registry.size).toBe(4);
    painter.destroy();
    expect(registry.size).toBe(0);
  });
});

describe('the <mark> fallback', () => {
  it('wraps a mention in <mark data-glossary-term>, but never across elements', () => {
    const doc = page('<p>NATO and the United <i>Nations</i>.</p>');
    const map = extractText(doc);
    const index = new MentionIndex();
    const nato = addWord(index, map, doc, 'nato', 'NATO')!;
    const un = addWord(index, map, doc, 'un', 'United Nations')!;
    const mark = wrapMention(doc, nato);
    expect(mark?.outerHTML).toBe('<mark data-glossary-term="nato" class="glossary-mark">NATO</mark>');
    expect(wrapMention(doc, un)).toBeUndefined();
    expect(doc.querySelector('p')?.textContent).toBe('NATO and the United Nations.');
  });
});
