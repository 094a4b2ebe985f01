/**
 * Marks and the hover index. Marks are drawn with the CSS Custom Highlight API (the page's DOM is
 * never changed); only where the API is missing are mentions wrapped in `<mark data-glossary-term>`.
 * Every mention, drawn or not, is in a per-text-node interval index for hover hit-testing.
 */
import type { TextMap } from './extract';
import { locate } from './extract';

/** Highlight names registered with `CSS.highlights` (all start with "glossary"). */
export const HIGHLIGHT_NAMES = {
  underline: 'glossary-underline',
  highlight: 'glossary-highlight',
  hover: 'glossary-hover',
  focus: 'glossary-focus',
} as const;

/** One mention on the page. */
export interface Mention {
  /** Entry id. */
  id: string;
  /** Where it is. */
  range: Range;
  /** Whether it is the first mention of its entry on the page. */
  first: boolean;
}

interface Interval {
  start: number;
  end: number;
  mention: Mention;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

/** Whether the window has the CSS Custom Highlight API. */
export function hasHighlightApi(win: Window): boolean {
  const w = win as unknown as { Highlight?: HighlightCtor; CSS?: { highlights?: HighlightRegistry } };
  return typeof w.Highlight === 'function' && Boolean(w.CSS?.highlights);
}

/** Mentions of a page: creates ranges, and answers "which mention is here?". */
export class MentionIndex {
  /** All mentions, in the order they were found. */
  mentions: Mention[] = [];
  private readonly byNode = new Map<Text, Interval[]>();
  private readonly seen = new Set<string>();

  /** Adds a mention for [start, end) of the extracted text; returns it, or undefined if unmappable. */
  add(map: TextMap, doc: Document, id: string, start: number, end: number): Mention | undefined {
    const a = locate(map, start);
    const b = locate(map, end - 1);
    // Text the page removed while it was being analyzed gets no mention: nothing would sweep it
    // later, since a removal the watcher has already reported will not be reported again.
    if (!a || !b || !a.node.isConnected || !b.node.isConnected) return undefined;
    const range = doc.createRange();
    try {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset + 1);
    } catch {
      return undefined; // the node changed since extraction
    }
    const first = !this.seen.has(id);
    this.seen.add(id);
    const mention: Mention = { id, range, first };
    this.mentions.push(mention);
    for (let i = a.index; i <= b.index; i++) {
      const node = map.nodes[i] as Text;
      const s = i === a.index ? a.offset : 0;
      const e = i === b.index ? b.offset + 1 : node.data.length;
      const list = this.byNode.get(node);
      const iv = { start: s, end: e, mention };
      if (!list) this.byNode.set(node, [iv]);
      else {
        // Keep intervals of a node sorted by start (incremental scans may add out of order).
        let k = list.length;
        while (k > 0 && (list[k - 1] as Interval).start > s) k--;
        list.splice(k, 0, iv);
      }
    }
    return mention;
  }

  /** The mention covering `offset` in a text node (caret positions count at both edges). */
  at(node: Node, offset: number): Mention | undefined {
    const list = this.byNode.get(node as Text);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Interval).start <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    for (const i of [hi, hi - 1]) {
      const iv = list[i];
      if (iv && offset >= iv.start && offset <= iv.end) return iv.mention;
    }
    return undefined;
  }

  /** Whether a mention already covers the character at `offset` of a text node. */
  covers(node: Text, offset: number): boolean {
    return this.byNode.get(node)?.some((iv) => offset >= iv.start && offset < iv.end) ?? false;
  }

  /** Whether a text node already has mentions. */
  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Removes the mentions touching `nodes`, or every mention whose text left the page; returns them. */
  remove(nodes?: ReadonlySet<Node>): Mention[] {
    const gone = (m: Mention): boolean =>
      nodes ? nodes.has(m.range.startContainer) || nodes.has(m.range.endContainer) : !m.range.startContainer.isConnected;
    const removed = this.mentions.filter(gone);
    if (!removed.length) return removed;
    const dropped = new Set(removed);
    this.mentions = this.mentions.filter((m) => !dropped.has(m));
    for (const [node, list] of this.byNode) {
      const kept = list.filter((iv) => !dropped.has(iv.mention));
      if (kept.length) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
    return removed;
  }

  /** Ids with their mention counts, in order of first mention. */
  counts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const m of this.mentions) out.set(m.id, (out.get(m.id) ?? 0) + 1);
    return out;
  }

  /** Forgets every mention. */
  clear(): void {
    this.mentions = [];
    this.byNode.clear();
    this.seen.clear();
  }
}

/** Draws marks with the CSS Custom Highlight API. */
export class HighlightPainter {
  private readonly highlights: Record<keyof typeof HIGHLIGHT_NAMES, Highlight>;
  private readonly registry: HighlightRegistry;

  constructor(win: Window) {
    const w = win as unknown as { Highlight: HighlightCtor; CSS: { highlights: HighlightRegistry } };
    this.registry = w.CSS.highlights;
    this.highlights = {
      underline: new w.Highlight(),
      highlight: new w.Highlight(),
      hover: new w.Highlight(),
      focus: new w.Highlight(),
    };
    for (const key of Object.keys(HIGHLIGHT_NAMES) as (keyof typeof HIGHLIGHT_NAMES)[])
      this.registry.set(HIGHLIGHT_NAMES[key], this.highlights[key]);
  }

  /** Adds a mention's range: to the hover set always, and drawn in `style` when `drawn`. */
  add(range: Range, style: 'underline' | 'highlight' | 'none', drawn: boolean): void {
    // One add() per range: spreading tens of thousands of ranges into a call throws.
    this.highlights.hover.add(range);
    if (drawn && style !== 'none') this.highlights[style].add(range);
  }

  /** Removes a mention's range from every highlight. */
  remove(range: Range): void {
    for (const h of Object.values(this.highlights)) h.delete(range);
  }

  /** Shows `range` as the focused mention (keyboard navigation), or none. */
  focus(range: Range | undefined): void {
    this.highlights.focus.clear();
    if (range) this.highlights.focus.add(range);
  }

  /** Ranges under the point, where the browser can say (`highlightsFromPoint`). */
  rangesAt(x: number, y: number): AbstractRange[] | undefined {
    const reg = this.registry as HighlightRegistry & {
      highlightsFromPoint?: (x: number, y: number) => { highlight: Highlight; ranges: AbstractRange[] }[];
    };
    if (typeof reg.highlightsFromPoint !== 'function') return undefined;
    return reg.highlightsFromPoint(x, y).find((h) => h.highlight === this.highlights.hover)?.ranges ?? [];
  }

  /** Removes every mark (keeps the highlights registered). */
  clear(): void {
    for (const h of Object.values(this.highlights)) h.clear();
  }

  /** Unregisters the highlights. */
  destroy(): void {
    this.clear();
    for (const name of Object.values(HIGHLIGHT_NAMES)) this.registry.delete(name);
  }
}

/**
 * The fallback where the Highlight API is missing: wraps a mention in
 * `<mark data-glossary-term="ID">`. This changes the DOM, so it is used only there.
 */
export function wrapMention(doc: Document, mention: Mention): HTMLElement | undefined {
  const range = mention.range;
  if (range.startContainer !== range.endContainer) return undefined;
  const mark = doc.createElement('mark');
  mark.dataset.glossaryTerm = mention.id;
  mark.className = 'glossary-mark';
  try {
    range.surroundContents(mark);
  } catch {
    return undefined;
  }
  return mark;
}
