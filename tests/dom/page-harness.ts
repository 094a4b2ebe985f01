/**
 * Fakes for testing src/page in happy-dom, which has no CSS Custom Highlight API, no caret
 * hit-testing, no layout and an IntersectionObserver that never reports: a Map-like highlight
 * registry, a caret stub, boxes for ranges, an observer that reports chosen elements as visible,
 * and a fake `analyze` that finds a few glossary terms by their spelling.
 */
import { vi } from 'vitest';
import type { Entry } from '../../src/core/glossary-types';
import type { AnalyzeRequest, AnalyzeResponse } from '../../src/extension/protocol';

/** A Highlight: a set of ranges. */
export class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** Installs a Highlight API on the window; returns its registry. */
export function installHighlightApi(win: Window = window): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  // happy-dom's `CSS` is a getter returning a new object each time: replace it for the test.
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  Object.defineProperty(win, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
  return registry;
}

/** Removes what installHighlightApi added. */
export function removeHighlightApi(win: Window = window): void {
  delete (win as { CSS?: unknown }).CSS;
  delete (win as { Highlight?: unknown }).Highlight;
}

/** The text of each range in a highlight, in document order. */
export function wordsIn(highlight: Set<AbstractRange> | undefined): string[] {
  return [...(highlight ?? [])]
    .map((r) => r as Range)
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
    .map((r) => r.toString());
}

/** An IntersectionObserver that reports the observed elements matching `visible` as in view. */
export function fakeIntersectionObserver(
  visible: (el: Element) => boolean,
  options: { never?: boolean } = {},
): typeof IntersectionObserver {
  return class {
    private readonly targets: Element[] = [];
    private reported = false;
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(el: Element): void {
      this.targets.push(el);
      if (this.targets.length > 1 || options.never) return;
      queueMicrotask(() => {
        if (this.reported) return;
        this.reported = true;
        const records = this.targets.map((target) => ({ target, isIntersecting: visible(target) }));
        this.callback(records as unknown as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
      });
    }
    disconnect(): void {
      this.reported = true;
    }
    unobserve(): void {}
    takeRecords(): IntersectionObserverEntry[] {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
}

/** Makes `document.caretPositionFromPoint` answer with `at()` (the text under the pointer). */
export function stubCaret(doc: Document, at: () => { node: Node; offset: number } | undefined): void {
  (doc as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => {
    const p = at();
    return p ? { offsetNode: p.node, offset: p.offset } : null;
  };
}

/** Gives every range one box, from (0, 0) to (1000, 1000), so a hit test confirms what the caret says. */
export function stubRangeBoxes(): void {
  const box = { left: 0, right: 1000, top: 0, bottom: 1000, width: 1000, height: 1000, x: 0, y: 0 };
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => [box] as unknown as DOMRectList);
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(() => box as DOMRect);
}

/** Makes shadow roots open, so a test can read what the (closed) tooltip shows. */
export function openShadowRoots(): void {
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    return attach.call(this, { ...init, mode: 'open' });
  });
}

const entry = (id: string, term: string, kind: Entry['kind'], summary: string): Entry => ({
  id,
  term,
  kind,
  summary,
  sources: [{ title: 'Source', url: 'https://example.org/' }],
  updated: '2026-01-01',
});

/** The fake glossary: each entry is found wherever its term is written. */
const ENTRIES: Record<string, Entry> = {
  nato: entry('nato', 'NATO', 'organization', 'A military alliance of 32 countries.'),
  un: entry('un', 'United Nations', 'organization', 'An organization of 193 member states.'),
  scholz: entry('scholz', 'Olaf Scholz', 'person', 'German chancellor from 2021 to 2025.'),
  kyiv: entry('kyiv', 'Kyiv', 'place', 'The capital of Ukraine.'),
};

/** A fake `analyze`: finds the terms of ENTRIES in the text, and records every request. */
export function fakeAnalyze(): {
  analyze: (req: AnalyzeRequest) => Promise<AnalyzeResponse>;
  requests: AnalyzeRequest[];
} {
  const requests: AnalyzeRequest[] = [];
  const analyze = (req: AnalyzeRequest): Promise<AnalyzeResponse> => {
    requests.push(req);
    const matches: AnalyzeResponse['matches'] = [];
    const entries: Record<string, Entry> = {};
    for (const e of Object.values(ENTRIES)) {
      for (const m of req.text.matchAll(new RegExp(`\\b${e.term}\\b`, 'g'))) {
        matches.push({ id: e.id, start: m.index, end: m.index + e.term.length, text: e.term, via: 'exact' });
        entries[e.id] = e;
      }
    }
    matches.sort((a, b) => a.start - b.start);
    return Promise.resolve({ matches, entries, definitions: {} });
  };
  return { analyze, requests };
}
