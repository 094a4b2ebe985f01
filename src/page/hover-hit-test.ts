/**
 * Hover hit-testing: which mention is under the pointer? The caret position at the point
 * (`caretPositionFromPoint`, or `caretRangeFromPoint`) is looked up in the per-node index, then
 * confirmed against the range's client rects (a caret snaps to the nearest text, even far away).
 */
import type { Mention, MentionIndex } from './highlights';

interface CaretDoc {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The text position under a viewport point, or undefined. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const d = doc as unknown as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
  }
  return undefined;
}

/** Whether a viewport point is inside one of the range's boxes (with a pixel of slack). */
export function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  const rects = (range as Range).getClientRects?.();
  if (!rects) return false;
  for (const r of rects) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/** The mention under a viewport point, or undefined. */
export function mentionAt(
  doc: Document,
  index: MentionIndex,
  x: number,
  y: number,
  fromPoint?: AbstractRange[],
): Mention | undefined {
  if (fromPoint) {
    for (const r of fromPoint) {
      const m = index.at(r.startContainer, r.startOffset);
      if (m && rangeContainsPoint(m.range, x, y)) return m;
    }
  }
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  const m = index.at(caret.node, caret.offset);
  return m && rangeContainsPoint(m.range, x, y) ? m : undefined;
}
