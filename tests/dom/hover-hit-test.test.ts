// @vitest-environment happy-dom
/**
 * Hover hit-testing (src/page/hover-hit-test.ts): the caret position under the pointer finds the
 * mention, and the mention's boxes confirm it (a caret snaps to the nearest text, however far).
 * happy-dom has neither caret API nor layout: the caret and the boxes are stubs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractText } from '../../src/page/extract';
import { MentionIndex, type Mention } from '../../src/page/highlights';
import { caretAt, mentionAt, rangeContainsPoint } from '../../src/page/hover-hit-test';

type Caret = { caretPositionFromPoint?: unknown; caretRangeFromPoint?: unknown };

afterEach(() => {
  delete (document as Caret).caretPositionFromPoint;
  delete (document as Caret).caretRangeFromPoint;
  vi.restoreAllMocks();
});

/** A page with "NATO met in Kyiv." whose NATO box is (10, 10)–(50, 30) and Kyiv box (100, 10)–(140, 30). */
function pageWithTwoMentions(): { text: Text; nato: Mention; kyiv: Mention; index: MentionIndex } {
  const body = new DOMParser().parseFromString('<!doctype html><body><p>NATO met in Kyiv.</p></body>', 'text/html').body;
  document.body.replaceWith(document.importNode(body, true));
  const map = extractText(document);
  const index = new MentionIndex();
  const text = map.nodes[0] as Text;
  const nato = index.add(map, document, 'nato', 0, 4)!;
  const at = map.text.indexOf('Kyiv');
  const kyiv = index.add(map, document, 'kyiv', at, at + 4)!;
  boxes(nato.range, [{ left: 10, right: 50, top: 10, bottom: 30 }]);
  boxes(kyiv.range, [{ left: 100, right: 140, top: 10, bottom: 30 }]);
  return { text, nato, kyiv, index };
}

function boxes(range: Range, rects: { left: number; right: number; top: number; bottom: number }[]): void {
  range.getClientRects = () => rects as unknown as DOMRectList;
}

function caretIn(node: Node, offset: number): void {
  (document as Caret).caretPositionFromPoint = () => ({ offsetNode: node, offset });
}

describe('hover hit-testing', () => {
  it('reads the caret position from caretPositionFromPoint, or caretRangeFromPoint, or not at all', () => {
    const { text } = pageWithTwoMentions();
    expect(caretAt(document, 1, 1)).toBeUndefined();
    const range = document.createRange();
    range.setStart(text, 3);
    (document as Caret).caretRangeFromPoint = () => range;
    expect(caretAt(document, 1, 1)).toEqual({ node: text, offset: 3 });
    caretIn(text, 5);
    expect(caretAt(document, 1, 1)).toEqual({ node: text, offset: 5 });
    (document as Caret).caretPositionFromPoint = () => null;
    expect(caretAt(document, 1, 1)).toBeUndefined();
  });

  it('counts a point inside a box, or within a pixel of it', () => {
    const { nato } = pageWithTwoMentions();
    expect(rangeContainsPoint(nato.range, 30, 20)).toBe(true);
    expect(rangeContainsPoint(nato.range, 9, 31)).toBe(true);
    expect(rangeContainsPoint(nato.range, 8, 20)).toBe(false);
    expect(rangeContainsPoint(nato.range, 30, 32)).toBe(false);
  });

  it('finds the mention under the pointer', () => {
    const { text, nato, kyiv, index } = pageWithTwoMentions();
    caretIn(text, 2);
    expect(mentionAt(document, index, 30, 20)).toBe(nato);
    caretIn(text, text.data.indexOf('Kyiv') + 1);
    expect(mentionAt(document, index, 120, 20)).toBe(kyiv);
  });

  it('finds nothing where the caret snapped to a term far from the pointer, or to no text', () => {
    const { text, index } = pageWithTwoMentions();
    caretIn(text, 2);
    expect(mentionAt(document, index, 30, 200)).toBeUndefined();
    caretIn(text, text.data.indexOf('met'));
    expect(mentionAt(document, index, 60, 20)).toBeUndefined();
    caretIn(document.body, 0);
    expect(mentionAt(document, index, 30, 20)).toBeUndefined();
  });

  it('prefers the ranges the browser says are under the point', () => {
    const { text, kyiv, index } = pageWithTwoMentions();
    caretIn(text, 2); // the caret says NATO, but the point is in Kyiv's box
    expect(mentionAt(document, index, 120, 20, [kyiv.range])).toBe(kyiv);
    expect(mentionAt(document, index, 120, 20)).toBeUndefined();
  });

  it("checks the browser's ranges against their boxes too, then falls back to the caret", () => {
    const { text, nato, kyiv, index } = pageWithTwoMentions();
    caretIn(text, 2);
    expect(mentionAt(document, index, 30, 20, [kyiv.range])).toBe(nato);
  });
});
