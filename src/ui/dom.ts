/** Small helpers for the extension's own pages (text only, never HTML). */

/** A new element with an optional class and text content. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The element with this id, or an error naming the page that lacks it. */
export function need<T extends HTMLElement>(doc: Document, id: string, page: string): T {
  const e = doc.getElementById(id);
  if (!e) throw new Error(`${page} lacks #${id}`);
  return e as T;
}

/** What went wrong, as a line of text (an Error's message, else the value itself). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
