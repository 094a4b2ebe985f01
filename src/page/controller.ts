/**
 * The glossary on one page: reads the text in slices, asks for the mentions, marks them, and
 * answers hover and keyboard with the tooltip. Every listener is bound to one AbortSignal, so
 * turning the glossary off (or an extension reload) leaves nothing behind.
 */
import type { AnalyzeRequest, AnalyzeResponse, PageTerm } from '../extension/protocol';
import type { Settings } from '../extension/settings';
import type { Entry } from '../core/glossary-types';
import { renderEntryCard } from '../ui/entry-card';
import { findArticleDate } from './article-date';
import { extractRootsSteps, extractSteps, findArticleRoot, locate, type ExtractOptions, type TextMap } from './extract';
import { HighlightPainter, hasHighlightApi, MentionIndex, wrapMention, type Mention } from './highlights';
import { mentionAt } from './hover-hit-test';
import { ChangeWatcher, type ChangeBatch } from './observers';
import { Aborted, runSliced } from './scheduler';
import { HOST_TAG, TooltipHost } from './tooltip-host';

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
  /** Told the terms found, after each scan. */
  onTerms?: (terms: PageTerm[]) => void;
}

/** Keys that step through marked terms (with Alt+Shift), unless settings change them. */
export const NAV_KEYS = { next: 'KeyN', previous: 'KeyP' } as const;

/** The settings the page glossary reads. */
type PageSettings = Settings;

const emptyMap = (): TextMap => ({ text: '', nodes: [], starts: [], articleEnd: 0 });
const HIDE_GRACE_MS = 300;

/** The glossary running on one page. */
export class PageGlossary {
  private readonly index = new MentionIndex();
  private painter: HighlightPainter | undefined;
  private readonly tooltip: TooltipHost;
  private entries: Record<string, Entry> = Object.create(null);
  private definitions: AnalyzeResponse['definitions'] = Object.create(null);
  private date: string | undefined;
  private current: Mention | undefined;
  private focusIndex = -1;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private insideTooltip = false;
  /** The mention whose tooltip Escape closed: it stays closed until the pointer leaves it. */
  private dismissed: Mention | undefined;
  private settings: PageSettings;
  private wrapped: HTMLElement[] = [];
  private watcher: ChangeWatcher | undefined;
  private listening = false;
  private scanning: Promise<void> = Promise.resolve();
  /** The article's root (null: the page has none), found once per scan of the whole page. */
  private article: Element | null = null;

  constructor(private readonly deps: PageGlossaryDeps) {
    this.settings = deps.settings;
    this.tooltip = new TooltipHost(deps.doc, deps.win);
    this.tooltip.onPointerInside = (inside) => {
      this.insideTooltip = inside;
      if (inside) this.cancelHide();
      else this.scheduleHide();
    };
    deps.signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  private extractOptions(): ExtractOptions {
    return {
      includeChrome: this.settings.includePageChrome,
      wholePage: this.settings.markOutsideArticle,
      article: this.article,
      exclude: (el) => el.tagName.toLowerCase() === HOST_TAG,
      onShadowRoot: (root) => this.watcher?.observe(root),
    };
  }

  /** Reads the page, marks the terms and starts listening. Resolves when the marks are drawn. */
  async start(): Promise<void> {
    const { doc, win } = this.deps;
    if (hasHighlightApi(win)) this.painter ??= new HighlightPainter(win);
    this.date = findArticleDate(doc);
    this.watcher = new ChangeWatcher(win, (batch) => this.enqueue(() => this.scanChanges(batch)), {
      ignore: (node) => this.isOwn(node),
    });
    this.watcher.observe(doc);
    this.listen();
    await this.enqueue(() => this.scanAll());
  }

  /** Forgets every mark and reads the whole page again (an SPA navigation). */
  rescan(): Promise<void> {
    return this.enqueue(async () => {
      this.clearMarks();
      this.date = findArticleDate(this.deps.doc);
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

  private async scanAll(): Promise<void> {
    this.article = findArticleRoot(this.deps.doc) ?? null;
    // What the reader sees first is marked first; the whole page follows.
    const seen = await this.scanVisible();
    const map = emptyMap();
    await runSliced(extractSteps(this.deps.doc, this.extractOptions(), map), this.deps.signal, this.deps.win);
    await this.analyzeAndMark(map, seen);
  }

  /** Reads and marks the paragraphs in the viewport; returns their text nodes. */
  private async scanVisible(): Promise<Set<Text>> {
    const { doc, win } = this.deps;
    const IO = win.IntersectionObserver;
    if (!IO) return new Set();
    const candidates = [...doc.querySelectorAll('p, li, blockquote, figcaption, dd, td')].slice(0, 3000);
    if (!candidates.length) return new Set();
    const visible = await new Promise<Element[]>((resolve) => {
      const io = new IO((records) => {
        io.disconnect();
        resolve(records.filter((r) => r.isIntersecting).map((r) => r.target));
      });
      for (const c of candidates) io.observe(c);
    });
    const roots = visible.filter((el) => !visible.some((o) => o !== el && o.contains(el)));
    const map = emptyMap();
    await runSliced(extractRootsSteps(roots, this.extractOptions(), map), this.deps.signal, this.deps.win);
    await this.analyzeAndMark(map);
    return new Set(map.nodes);
  }

  private async scanChanges(batch: ChangeBatch): Promise<void> {
    // Text changed in place: its old mentions go; the node is read again.
    const changed = new Set<Node>(batch.changedText);
    for (const m of this.index.remove(changed)) this.painter?.remove(m.range);
    // Content removed from the page takes its mentions with it (bounded memory on long pages).
    for (const m of this.index.remove()) this.painter?.remove(m.range);
    const roots = [...batch.roots, ...batch.changedText].filter((n) => !(n.nodeType === 3 && this.index.has(n as Text)));
    const map = emptyMap();
    await runSliced(extractRootsSteps(roots, this.extractOptions(), map), this.deps.signal, this.deps.win);
    await this.analyzeAndMark(map);
  }

  private async analyzeAndMark(map: TextMap, done?: Set<Text>): Promise<void> {
    if (!map.text.trim()) return;
    const res = await this.deps.analyze({ text: map.text, ...(this.date ? { date: this.date } : {}) });
    if (this.deps.signal.aborted) return;
    Object.assign(this.entries, res.entries);
    Object.assign(this.definitions, res.definitions);
    await runSliced(this.markSteps(map, res, done), this.deps.signal, this.deps.win);
    this.deps.onTerms?.(this.pageTerms());
  }

  /** Marks the matches of one analysis; mentions starting in `done` nodes exist already. */
  private *markSteps(map: TextMap, res: AnalyzeResponse, done?: Set<Text>): Generator<void> {
    const { doc } = this.deps;
    const kinds: readonly string[] = this.settings.kindsShown;
    for (const m of res.matches) {
      const entry = this.entries[m.id];
      if (!entry) continue;
      if (kinds && entry.sources.length > 0 && !kinds.includes(entry.kind)) continue;
      if (done?.size) {
        const at = locate(map, m.start);
        if (at && done.has(at.node)) continue;
      }
      const mention = this.index.add(map, doc, m.id, m.start, m.end);
      if (mention) this.paint(mention);
      yield;
    }
  }

  private isOwn(node: Node): boolean {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return Boolean(el?.closest(HOST_TAG)) || (node.nodeType === 1 && (node as Element).tagName.toLowerCase() === HOST_TAG);
  }

  private clearMarks(): void {
    this.hideNow();
    this.painter?.clear();
    for (const mark of this.wrapped) mark.replaceWith(...mark.childNodes);
    this.wrapped = [];
    this.index.clear();
  }

  private paint(mention: Mention): void {
    const drawn = mention.first || this.settings.markEveryMention;
    if (this.painter) this.painter.add(mention.range, this.settings.markStyle, drawn);
    else if (drawn && this.settings.markStyle !== 'none') {
      const mark = wrapMention(this.deps.doc, mention);
      if (mark) this.wrapped.push(mark);
    }
  }

  /** Applies changed settings without reloading the page. */
  applySettings(next: Settings): void {
    const prev = this.settings;
    const n = next;
    const redraw = n.markStyle !== prev.markStyle || n.markEveryMention !== prev.markEveryMention;
    const reread =
      n.includePageChrome !== prev.includePageChrome ||
      n.markOutsideArticle !== prev.markOutsideArticle ||
      JSON.stringify(n.kindsShown) !== JSON.stringify(prev.kindsShown);
    this.settings = n;
    if (reread) {
      void this.rescan();
      return;
    }
    if (redraw && this.painter) {
      this.painter.clear();
      for (const m of this.index.mentions) this.painter.add(m.range, next.markStyle, m.first || next.markEveryMention);
    }
  }

  /** The terms on this page with their mention counts. */
  pageTerms(): PageTerm[] {
    return [...this.index.counts()].map(([id, count]) => ({ id, term: this.entries[id]?.term ?? id, count }));
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const { doc, win, signal } = this.deps;
    let frame = 0;
    let last: PointerEvent | undefined;
    doc.addEventListener(
      'pointermove',
      (e) => {
        last = e;
        if (frame) return;
        frame = win.requestAnimationFrame(() => {
          frame = 0;
          if (last) this.onPointer(last);
        });
      },
      { passive: true, signal },
    );
    doc.addEventListener('keydown', (e) => this.onKey(e), { signal, capture: true });
    win.addEventListener('blur', () => this.hideNow(), { signal });
  }

  private onPointer(e: PointerEvent): void {
    if (this.tooltip.owns(e.target)) return;
    const mod = this.settings.modifierKey;
    if ((mod === 'alt' && !e.altKey) || (mod === 'shift' && !e.shiftKey)) {
      clearTimeout(this.showTimer);
      return;
    }
    const fromPoint = this.painter?.rangesAt(e.clientX, e.clientY);
    const m = mentionAt(this.deps.doc, this.index, e.clientX, e.clientY, fromPoint);
    if (m !== this.dismissed) this.dismissed = undefined;
    if (m && m === this.dismissed) return;
    if (m) {
      this.cancelHide();
      if (m === this.current && this.tooltip.isShown) return;
      clearTimeout(this.showTimer);
      this.showTimer = setTimeout(() => this.open(m), this.settings.hoverDelayMs);
    } else {
      clearTimeout(this.showTimer);
      if (this.tooltip.isShown && !this.insideTooltip) this.scheduleHide();
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      if (this.tooltip.isShown) {
        this.dismissed = this.current;
        this.hideNow();
      }
      return;
    }
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    const keys = this.settings.shortcuts ?? NAV_KEYS;
    const step = e.code === keys.next ? 1 : e.code === keys.previous ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    e.stopPropagation();
    this.step(step);
  }

  /** Moves keyboard focus to the next (1) or previous (-1) marked term and opens its tooltip. */
  step(direction: 1 | -1): Mention | undefined {
    // In reading order (the visible part of the page is marked before the rest).
    const marked = this.index.mentions
      .filter((m) => m.first || this.settings.markEveryMention)
      .sort((a, b) => a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range));
    if (!marked.length) return undefined;
    const pos = this.current ? marked.indexOf(this.current) : -1;
    this.focusIndex = pos < 0 ? (direction > 0 ? 0 : marked.length - 1) : (pos + direction + marked.length) % marked.length;
    const m = marked[this.focusIndex] as Mention;
    this.reveal(m, `${this.focusIndex + 1} of ${marked.length}`);
    return m;
  }

  /** Scrolls to the first mention of an entry and opens its tooltip. */
  revealId(id: string): boolean {
    const m = this.index.mentions.find((x) => x.id === id);
    if (!m) return false;
    this.reveal(m);
    return true;
  }

  private reveal(m: Mention, position?: string): void {
    const el = m.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.painter?.focus(m.range);
    const entry = this.entries[m.id];
    this.open(m, entry ? `${entry.term}${position ? `, ${position}` : ''}: ${entry.summary}` : undefined);
  }

  private open(m: Mention, announce?: string): void {
    const entry = this.entries[m.id];
    if (!entry) return;
    this.current = m;
    this.tooltip.show(this.card(entry), () => m.range.getBoundingClientRect(), announce);
  }

  private card(entry: Entry): HTMLElement {
    const related = (entry.related ?? [])
      .map((id) => this.entries[id])
      .filter((e): e is Entry => Boolean(e))
      .map((e) => ({ id: e.id, term: e.term }));
    return renderEntryCard(this.deps.doc, entry, {
      ...(this.date ? { date: this.date } : {}),
      ...(this.definitions[entry.id] ? { definition: this.definitions[entry.id] } : {}),
      related,
      onRelated: (id) => {
        const r = this.entries[id];
        if (r && this.current) this.tooltip.show(this.card(r), () => this.current!.range.getBoundingClientRect());
      },
    });
  }

  private scheduleHide(): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => {
      if (!this.insideTooltip) this.hideNow();
    }, HIDE_GRACE_MS);
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private hideNow(): void {
    clearTimeout(this.showTimer);
    this.cancelHide();
    this.tooltip.hide();
    this.painter?.focus(undefined);
    this.current = undefined;
  }

  /** Removes every mark, listener and element the glossary added. */
  destroy(): void {
    this.watcher?.disconnect();
    this.clearMarks();
    this.painter?.destroy();
    this.tooltip.destroy();
  }
}
