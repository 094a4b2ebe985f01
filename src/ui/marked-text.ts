/** Text with the ranges a search matched in <mark> elements (text nodes only, never HTML). */
import { el } from './dom';

/** Appends `text` to `parent`, with the matched ranges (inclusive) in <mark> (text nodes only). */
export function appendMarked(
  doc: Document,
  parent: HTMLElement,
  text: string,
  ranges: readonly (readonly [number, number])[],
): void {
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at || s >= text.length) continue;
    if (s > at) parent.append(doc.createTextNode(text.slice(at, s)));
    parent.append(el(doc, 'mark', undefined, text.slice(s, Math.min(e + 1, text.length))));
    at = Math.min(e + 1, text.length);
  }
  if (at < text.length) parent.append(doc.createTextNode(text.slice(at)));
}
