/**
 * The glossary on one page: reads the text in slices, asks for the mentions and marks them, one
 * scan after another (the visible part first, then the whole page, then whatever the page adds).
 * The tooltip on hover and from the keyboard is tooltip-interaction.ts. Every listener is bound to
 * one AbortSignal, so turning the glossary off (or an extension reload) leaves nothing behind.
 */
import type { AnalyzeRequest, AnalyzeResponse, PageTerm } from '../extension/protocol';
import type { Settings } from '../extension/settings';
import { findArticleDate } from './article-date';
import {
  extractHeadSteps,
  extractRootsSteps,
  extractSteps,
  findArticleRoot,
  locate,
  type ExtractOptions,
  type TextMap,
} from './extract';
import { HighlightPainter, hasHighlightApi, wrapMention, type Mention } from './highlights';
import { ChangeWatcher, type ChangeBatch } from './observers';
import { isDrawn, newPageState, type PageState } from './page-state';
import { Aborted, runSliced } from './scheduler';
import type { TooltipCodeLoader } from './tooltip-code';
import { HOST_TAG } from './tooltip-host';
import { TooltipInteraction, type MessageLookup } from './tooltip-interaction';

/** What the page glossary needs from its surroundings. */
export interface PageGlossaryDeps {
  /** The page's document. */
  doc: Document;
  /** The page's window. */
  win: Window & typeof globalThis;
  /** Asks the background for mentions. */
  analyze: (req: AnalyzeRequest) => Promise<AnalyzeResponse>;
  /** Current settings. */
  settings: Settings;
  /** Ends everything when aborted. */
  signal: AbortSignal;
  /** UI strings (the extension's `t`, which falls back to English outside an extension). */
  message: MessageLookup;
  /** Loads the tooltip library (tooltip-code.ts); the first tooltip waits for it. */
  loadTooltipCode: TooltipCodeLoader;
  /** Told the terms found, after each scan. */
  onTerms?: (terms: PageTerm[]) => void;
  /** The article's root and date as read while the settings were loading (`preparePage`). */
  prepared?: PreparedPage;
}

/** What a page's first scan needs that depends on no setting: read while storage answers. */
export interface PreparedPage {
  article: Element | null;
  date: string | undefined;
}

/** Reads the article's root and date (no layout, nothing changed): work for the wait on settings. */
export function preparePage(doc: Document): PreparedPage {
  return { article: findArticleRoot(doc) ?? null, date: findArticleDate(doc) };
}

/** The elements whose visibility decides what is read first (at most this many of them). */
const VISIBLE_CANDIDATES = 'p, li, blockquote, figcaption, dd, td';
const MAX_VISIBLE_CANDIDATES = 3000;
/**
 * How much of the article's opening is read and marked first, before the viewport is known: about
 * a screenful of article text (the Kyodo article's first screen holds about 1,100 characters).
 */
const HEAD_CHARS = 1500;

const emptyMap = (): TextMap => ({ text: '', nodes: [], starts: [], articleEnd: 0 });

/** The glossary running on one page. */
export class PageGlossary {
  private readonly state: PageState;
  private readonly tooltip: TooltipInteraction;
  /** The `<mark>` elements of the fallback where the Highlight API is missing. */
  private wrapped: HTMLElement[] = [];
  private watcher: ChangeWatcher | undefined;
  private scanning: Promise<void> = Promise.resolve();
  /** The article's root (null: the page has none), found once per scan of the whole page. */
  private article: Element | null = null;

  constructor(private readonly deps: PageGlossaryDeps) {
    this.state = newPageState(deps.settings);
    this.tooltip = new TooltipInteraction(this.state, deps);
    deps.signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  private extractOptions(): ExtractOptions {
    const { settings } = this.state;
    return {
      includeChrome: settings.includePageChrome,
      wholePage: settings.markOutsideArticle,
      article: this.article,
      exclude: (el) => el.tagName.toLowerCase() === HOST_TAG,
      onShadowRoot: (root) => this.watcher?.observe(root),
    };
  }

  /** Reads the page, marks the terms and starts listening (once). Resolves when the marks are drawn. */
  async start(): Promise<void> {
    const { doc, win } = this.deps;
    if (hasHighlightApi(win)) this.state.painter = new HighlightPainter(win);
    const { prepared } = this.deps;
    this.state.date = prepared ? prepared.date : findArticleDate(doc);
    this.watcher = new ChangeWatcher(win, (batch) => this.enqueue(() => this.scanChanges(batch)), {
      ignore: (node) => isOwn(node),
    });
    this.watcher.observe(doc);
    this.tooltip.listen();
    await this.enqueue(() => this.scanAll(prepared ?? true));
  }

  /** Forgets every mark and reads the whole page again (an SPA navigation). */
  rescan(): Promise<void> {
    return this.enqueue(async () => {
      this.clearMarks();
      this.state.date = findArticleDate(this.deps.doc);
      await this.scanAll();
    });
  }

  /** Runs scans one after another, never two at once. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.scanning.then(task).catch((err: unknown) => {
      if (!(err instanceof Aborted)) throw err;
    });
    this.scanning = run.catch(() => {});
    return run;
  }

  /**
   * Reads the whole page; `first`: the page's first scan, when it may open at its top (with the
   * article found already, when the page was prepared).
   */
  private async scanAll(first: PreparedPage | boolean = false): Promise<void> {
    this.article = typeof first === 'object' ? first.article : (findArticleRoot(this.deps.doc) ?? null);
    // The observer reports the viewport only after the next frame: it starts watching now.
    const visible = this.visibleBlocks();
    // A page that opens at its top shows the article's opening: that is marked first, with no
    // layout read and no wait for a frame (issue #15). Then the viewport, when it shows more (a
    // scroll restored on reload, an address with a #fragment), then the whole page. A match is
    // never marked twice (markSteps).
    const read = first !== false && opensAtTop(this.deps.win) ? await this.scanHead() : new Set<Text>();
    await this.scanVisible(await visible, read);
    const map = emptyMap();
    await runSliced(extractSteps(this.deps.doc, this.extractOptions(), map), this.deps.signal, this.deps.win);
    await this.analyzeAndMark(map);
  }

  /** Reads and marks the article's opening; returns its text nodes. */
  private async scanHead(): Promise<Set<Text>> {
    const map = emptyMap();
    await runSliced(extractHeadSteps(this.deps.doc, this.extractOptions(), map, HEAD_CHARS), this.deps.signal, this.deps.win);
    await this.analyzeAndMark(map);
    return new Set(map.nodes);
  }

  /** Reads and marks the paragraphs in the viewport, unless the opening already held all of them. */
  private async scanVisible(visible: Element[], read: ReadonlySet<Text>): Promise<void> {
    const roots = visible.filter((el) => !visible.some((o) => o !== el && o.contains(el)));
    const map = emptyMap();
    await runSliced(extractRootsSteps(roots, this.extractOptions(), map), this.deps.signal, this.deps.win);
    if (map.nodes.every((n) => read.has(n))) return;
    await this.analyzeAndMark(map);
  }

  /** The paragraphs (and list items, cells…) in the viewport, as the IntersectionObserver first reports. */
  private visibleBlocks(): Promise<Element[]> {
    const { doc, win } = this.deps;
    const IO = win.IntersectionObserver;
    if (!IO) return Promise.resolve([]);
    const candidates = [...doc.querySelectorAll(VISIBLE_CANDIDATES)].slice(0, MAX_VISIBLE_CANDIDATES);
    if (!candidates.length) return Promise.resolve([]);
    return new Promise<Element[]>((resolve) => {
      const io = new IO((records) => {
        io.disconnect();
        resolve(records.filter((r) => r.isIntersecting).map((r) => r.target));
      });
      for (const c of candidates) io.observe(c);
    });
  }

  private async scanChanges(batch: ChangeBatch): Promise<void> {
    const { index, painter } = this.state;
    // Text changed in place: its old mentions go; the node is read again.
    for (const m of index.remove(new Set<Node>(batch.changedText))) painter?.remove(m.range);
    // Content removed from the page takes its mentions with it (bounded memory on long pages).
    for (const m of index.remove()) painter?.remove(m.range);
    const roots = [...batch.roots, ...batch.changedText].filter((n) => !(n.nodeType === 3 && index.has(n as Text)));
    const map = emptyMap();
    await runSliced(extractRootsSteps(roots, this.extractOptions(), map), this.deps.signal, this.deps.win);
    await this.analyzeAndMark(map);
  }

  private async analyzeAndMark(map: TextMap): Promise<void> {
    if (!map.text.trim()) return;
    const { date } = this.state;
    // The entries this page holds already are not sent again.
    const known = Object.keys(this.state.entries);
    const res = await this.deps.analyze({ text: map.text, ...(date ? { date } : {}), ...(known.length ? { known } : {}) });
    if (this.deps.signal.aborted) return;
    Object.assign(this.state.entries, res.entries);
    Object.assign(this.state.definitions, res.definitions);
    await runSliced(this.markSteps(map, res), this.deps.signal, this.deps.win);
    this.deps.onTerms?.(this.pageTerms());
  }

  /** Marks the matches of one analysis, except those an earlier one marked (an overlap). */
  private *markSteps(map: TextMap, res: AnalyzeResponse): Generator<void> {
    const { doc } = this.deps;
    const { entries, index, settings } = this.state;
    const kinds: readonly string[] = settings.kindsShown;
    for (const m of res.matches) {
      const entry = entries[m.id];
      if (!entry) continue;
      // Terms the article itself defines (no sources) are marked whatever the kinds shown.
      if (entry.sources.length > 0 && !kinds.includes(entry.kind)) continue;
      const a = locate(map, m.start);
      const b = locate(map, m.end - 1);
      if ((a && index.covers(a.node, a.offset)) || (b && index.covers(b.node, b.offset))) continue;
      const mention = index.add(map, doc, m.id, m.start, m.end);
      if (mention) this.paint(mention);
      yield;
    }
  }

  private clearMarks(): void {
    this.tooltip.hideNow();
    this.state.painter?.clear();
    for (const mark of this.wrapped) mark.replaceWith(...mark.childNodes);
    this.wrapped = [];
    this.state.index.clear();
  }

  private paint(mention: Mention): void {
    const { painter, settings } = this.state;
    const drawn = isDrawn(mention, settings);
    if (painter) painter.add(mention.range, settings.markStyle, drawn);
    else if (drawn && settings.markStyle !== 'none') {
      const mark = wrapMention(this.deps.doc, mention);
      if (mark) this.wrapped.push(mark);
    }
  }

  /** Applies changed settings without reloading the page. */
  applySettings(next: Settings): void {
    const prev = this.state.settings;
    const redraw = next.markStyle !== prev.markStyle || next.markEveryMention !== prev.markEveryMention;
    const reread =
      next.includePageChrome !== prev.includePageChrome ||
      next.markOutsideArticle !== prev.markOutsideArticle ||
      JSON.stringify(next.kindsShown) !== JSON.stringify(prev.kindsShown);
    this.state.settings = next;
    if (reread) void this.rescan();
    else if (redraw) this.redraw();
  }

  /** Draws every mention again in the current style (Highlight API only: wrapped marks stay). */
  private redraw(): void {
    const { painter, index, settings } = this.state;
    if (!painter) return;
    painter.clear();
    for (const m of index.mentions) painter.add(m.range, settings.markStyle, isDrawn(m, settings));
  }

  /** The terms on this page with their mention counts. */
  pageTerms(): PageTerm[] {
    const { index, entries } = this.state;
    return [...index.counts()].map(([id, count]) => ({ id, term: entries[id]?.term ?? id, count }));
  }

  /** Scrolls to the first mention of an entry and opens its tooltip; false if the page has none. */
  revealId(id: string): boolean {
    return this.tooltip.revealId(id);
  }

  /** Removes every mark and element the glossary added (the signal's abort removes the listeners). */
  destroy(): void {
    this.watcher?.disconnect();
    this.clearMarks();
    this.state.painter?.destroy();
    this.tooltip.destroy();
  }
}

/**
 * Whether the page opened at its top: loaded by a new navigation (not a reload or back/forward,
 * which restore the scroll position) to an address without a #fragment. No layout is read.
 */
function opensAtTop(win: Window): boolean {
  const nav = win.performance.getEntriesByType?.('navigation')[0] as { type?: string } | undefined;
  return nav?.type === 'navigate' && !win.location.hash;
}

/** Whether a node is (inside) the extension's own tooltip host. */
function isOwn(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return Boolean(el?.closest(HOST_TAG));
}
