/**
 * Functions the harness runs inside the page (`page.evaluate(fn, arg)` in Playwright and
 * Puppeteer alike). Each is self-contained: it is sent to the page as source text, so it may use
 * nothing from this module's scope.
 */

/** Where to look for a piece of text: its `nth` occurrence inside the element `scope` (a CSS selector). */
export interface TextPlace {
  text: string;
  scope: string;
  nth: number;
}

/** Scrolls the `nth` occurrence of `text` inside `scope` into view; its centre in the viewport, or null. */
export function centerOfTextInPage({ text, scope, nth }: TextPlace): { x: number; y: number } | null {
  const root = document.querySelector(scope);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    for (let at = data.indexOf(text); at >= 0; at = data.indexOf(text, at + 1)) {
      if (seen++ !== nth) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + text.length);
      const box = r.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
  }
  return null;
}

/** Number of ranges in each of the extension's highlights (read from the page's registry). */
export function highlightSizesInPage(): Record<string, number> {
  const out: Record<string, number> = {};
  const reg = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
  reg?.forEach((h, name) => {
    if (name.startsWith('glossary')) out[name] = h.size;
  });
  return out;
}

/** The point of `place`, or an error that names what was not found. */
export function foundPoint(point: { x: number; y: number } | null, { text, scope, nth }: TextPlace): { x: number; y: number } {
  if (!point) throw new Error(`"${text}" (#${nth}) not found in ${scope}`);
  return point;
}
