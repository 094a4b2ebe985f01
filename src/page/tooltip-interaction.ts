/**
 * The tooltip on hover and from the keyboard: pointer moves (one hit test per frame), the show
 * delay and the hide grace, Escape, Alt+Shift+N/P stepping through the marked terms with an
 * announcement for screen readers, and revealing a term the popup asks for. Every listener is
 * bound to the page glossary's AbortSignal.
 */
import type { Entry } from '../core/glossary-types';
import type { MessageKey, Substitutions } from '../extension/i18n';
import { renderEntryCard } from '../ui/entry-card';
import type { Mention } from './highlights';
import { mentionAt } from './hover-hit-test';
import { isDrawn, type PageState } from './page-state';
import type { TooltipCodeLoader } from './tooltip-code';
import { TooltipHost } from './tooltip-host';

/** A UI string in the reader's language (the extension's `t`; tests may pass their own). */
export type MessageLookup = (key: MessageKey, subs?: Substitutions) => string;

/** What the hover and keyboard handling needs from its surroundings. */
export interface TooltipInteractionDeps {
  doc: Document;
  win: Window & typeof globalThis;
  /** Removes every listener when aborted. */
  signal: AbortSignal;
  message: MessageLookup;
  /** Loads the tooltip library (tippy.js and its CSS), which the content script leaves out. */
  loadTooltipCode: TooltipCodeLoader;
}

/** How long the pointer may be off a term and its tooltip before the tooltip closes (ms). */
const HIDE_GRACE_MS = 300;

/** Opens and closes the tooltip of the mentions in `state` as the reader points and types. */
export class TooltipInteraction {
  private readonly tooltip: TooltipHost;
  /** The mention whose tooltip is open (or opening). */
  private current: Mention | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private insideTooltip = false;
  /** The mention whose tooltip Escape closed: it stays closed until the pointer leaves it. */
  private dismissed: Mention | undefined;

  constructor(
    private readonly state: PageState,
    private readonly deps: TooltipInteractionDeps,
  ) {
    this.tooltip = new TooltipHost(deps.doc, deps.win, deps.loadTooltipCode);
    this.tooltip.onPointerInside = (inside) => {
      this.insideTooltip = inside;
      if (inside) this.cancelHide();
      else this.scheduleHide();
    };
  }

  /** Starts answering pointer moves (one hit test per frame), keys and the window losing focus. */
  listen(): void {
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
    const { settings, painter, index } = this.state;
    const mod = settings.modifierKey;
    if ((mod === 'alt' && !e.altKey) || (mod === 'shift' && !e.shiftKey)) {
      clearTimeout(this.showTimer);
      return;
    }
    const fromPoint = painter?.rangesAt(e.clientX, e.clientY);
    const m = mentionAt(this.deps.doc, index, e.clientX, e.clientY, fromPoint);
    if (m !== this.dismissed) this.dismissed = undefined;
    if (m && m === this.dismissed) return;
    if (m) {
      this.cancelHide();
      if (m === this.current && this.tooltip.isShown) return;
      // The pointer rests on a term: the tooltip library loads during the show delay.
      this.tooltip.preload().catch(() => {}); // a failed load is reported, and retried, by show()
      clearTimeout(this.showTimer);
      this.showTimer = setTimeout(() => this.open(m), settings.hoverDelayMs);
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
    const keys = this.state.settings.shortcuts;
    const step = e.code === keys.next ? 1 : e.code === keys.previous ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    e.stopPropagation();
    this.step(step);
  }

  /** Moves keyboard focus to the next (1) or previous (-1) marked term and opens its tooltip. */
  private step(direction: 1 | -1): void {
    const { index, settings } = this.state;
    // In reading order (the visible part of the page is marked before the rest).
    const marked = index.mentions
      .filter((m) => isDrawn(m, settings))
      .sort((a, b) => a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range));
    if (!marked.length) return;
    const pos = this.current ? marked.indexOf(this.current) : -1;
    const next = pos < 0 ? (direction > 0 ? 0 : marked.length - 1) : (pos + direction + marked.length) % marked.length;
    this.reveal(marked[next] as Mention, { position: next + 1, total: marked.length });
  }

  /** Scrolls to the first mention of an entry and opens its tooltip; false if the page has none. */
  revealId(id: string): boolean {
    const m = this.state.index.mentions.find((x) => x.id === id);
    if (!m) return false;
    this.reveal(m);
    return true;
  }

  private reveal(m: Mention, place?: { position: number; total: number }): void {
    const el = m.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.state.painter?.focus(m.range);
    const entry = this.state.entries[m.id];
    this.open(m, entry && this.announcement(entry, place));
  }

  /** What a screen reader hears when the keyboard moves to a term: term, place, summary. */
  private announcement(entry: Entry, place?: { position: number; total: number }): string {
    const { message } = this.deps;
    return place
      ? message('page_announceStep', [entry.term, place.position, place.total, entry.summary])
      : message('page_announce', [entry.term, entry.summary]);
  }

  private open(m: Mention, announce?: string): void {
    const entry = this.state.entries[m.id];
    if (!entry) return;
    this.current = m;
    this.tooltip.show(this.card(entry), () => m.range.getBoundingClientRect(), announce);
  }

  private card(entry: Entry): HTMLElement {
    const { entries, definitions, date } = this.state;
    const related = (entry.related ?? [])
      .map((id) => entries[id])
      .filter((e): e is Entry => Boolean(e))
      .map((e) => ({ id: e.id, term: e.term }));
    return renderEntryCard(this.deps.doc, entry, {
      ...(date ? { date } : {}),
      ...(definitions[entry.id] ? { definition: definitions[entry.id] } : {}),
      related,
      onRelated: (id) => {
        const r = entries[id];
        const at = this.current;
        if (r && at) this.tooltip.show(this.card(r), () => at.range.getBoundingClientRect());
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

  /** Closes the tooltip now (and forgets a pending open). */
  hideNow(): void {
    clearTimeout(this.showTimer);
    this.cancelHide();
    this.tooltip.hide();
    this.state.painter?.focus(undefined);
    this.current = undefined;
  }

  /** Removes the tooltip from the page. */
  destroy(): void {
    this.tooltip.destroy();
  }
}
