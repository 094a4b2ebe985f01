// @vitest-environment happy-dom
/**
 * The page glossary below the browser: a fake `analyze`, a fake Highlight API and a fake
 * IntersectionObserver (tests/dom/page-harness.ts), the real extraction, marking, tooltip and
 * keyboard handling. Each test checks what the reader would see: which words are marked, what
 * the tooltip says, which mention has the keyboard's focus, what a screen reader hears.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AnalyzeRequest, AnalyzeResponse, PageTerm } from '../../src/extension/protocol';
import type { Settings } from '../../src/extension/settings';
import { tooltipLibrary } from '../../src/page/tooltip-library';
import { PROJECT_ROOT } from '../e2e/harness/extension';
import {
  fakeAnalyze,
  fakeIntersectionObserver,
  installHighlightApi,
  openShadowRoots,
  removeHighlightApi,
  stubCaret,
  stubRangeBoxes,
  wordsIn,
  type FakeHighlight,
} from './page-harness';

// The tooltip's CSS means nothing to happy-dom (and Vite will not serve it from a symlinked node_modules).
vi.mock('tippy.js/dist/tippy.css?inline', () => ({ default: '' }));
// settings.ts reads storage when imported.
(globalThis as { browser?: unknown }).browser = fakeBrowser;
const { DEFAULT_SETTINGS } = await import('../../src/extension/settings');
const { formatMessage, t } = await import('../../src/extension/i18n');
const { PageGlossary, preparePage } = await import('../../src/page/controller');
type PreparedPage = ReturnType<typeof preparePage>;

const FILLER = 'The talks went on late into the night, and the ministers said little afterwards. '.repeat(3);

/** A news page: an article of three paragraphs (the second in view) and a sidebar. */
const ARTICLE = `<body><aside><p>Sidebar: NATO news in brief.</p></aside><article>
  <p id="p1">${FILLER}NATO ministers met in Kyiv.</p>
  <p id="p2" data-visible>NATO again, and the United Nations.</p>
  <p id="p3">${FILLER}Olaf Scholz spoke to NATO.</p></article></body>`;

function setPage(html: string): void {
  const body = new DOMParser().parseFromString(`<!doctype html>${html}`, 'text/html').body;
  document.body.replaceWith(document.importNode(body, true));
}

let registry: Map<string, FakeHighlight>;
let abort: AbortController;

beforeEach(() => {
  registry = installHighlightApi();
  (window as { IntersectionObserver?: unknown }).IntersectionObserver = fakeIntersectionObserver((el) =>
    el.hasAttribute('data-visible'),
  );
  openShadowRoots();
  stubRangeBoxes();
  setPage(ARTICLE);
});

afterEach(() => {
  abort?.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
  removeHighlightApi();
  document.querySelector('news-glossary-ui')?.remove();
});

interface Started {
  glossary: InstanceType<typeof PageGlossary>;
  requests: AnalyzeRequest[];
  terms: PageTerm[][];
  started: Promise<void>;
}

function startGlossary(
  settings: Partial<Settings> = {},
  options: {
    analyze?: (req: AnalyzeRequest) => Promise<AnalyzeResponse>;
    message?: (key: Parameters<typeof t>[0], subs?: Parameters<typeof t>[1]) => string;
    prepared?: PreparedPage;
    loadTooltipCode?: () => Promise<ReturnType<typeof tooltipLibrary>>;
  } = {},
): Started {
  const fake = fakeAnalyze();
  abort = new AbortController();
  const terms: PageTerm[][] = [];
  const glossary = new PageGlossary({
    doc: document,
    win: window,
    analyze: options.analyze ?? fake.analyze,
    settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 0, ...settings },
    signal: abort.signal,
    message: options.message ?? t,
    loadTooltipCode: options.loadTooltipCode ?? (async () => tooltipLibrary()),
    onTerms: (found) => terms.push(found),
    ...(options.prepared ? { prepared: options.prepared } : {}),
  });
  return { glossary, requests: fake.requests, terms, started: glossary.start() };
}

const underlined = (): string[] => wordsIn(registry.get('glossary-underline'));
const focused = (): Range[] => [...(registry.get('glossary-focus') ?? [])] as Range[];
const shadow = (): ShadowRoot | null | undefined => document.querySelector('news-glossary-ui')?.shadowRoot;
/** The text of the tooltip the reader sees ('' when none is open). */
const tooltipText = (): string => shadow()?.querySelector('.tippy-box[data-state="visible"] .tippy-content')?.textContent ?? '';
/** What the live region last told a screen reader. */
const announced = (): string => shadow()?.querySelector('.ng-live')?.textContent ?? '';

function press(code: string, mods: KeyboardEventInit = { altKey: true, shiftKey: true }): void {
  document.dispatchEvent(new KeyboardEvent('keydown', { code, key: code.replace(/^Key/, ''), bubbles: true, ...mods }));
}

/** Moves the pointer onto `word` in the text of `selector` (or onto its first character). */
function pointAt(selector: string, word: string, mods: PointerEventInit = {}): void {
  const node = document.querySelector(selector)!.firstChild as Text;
  stubCaret(document, () => ({ node, offset: Math.max(0, node.data.indexOf(word)) + 1 }));
  document.dispatchEvent(new PointerEvent('pointermove', { clientX: 10, clientY: 10, bubbles: true, ...mods }));
}

/** Lets a pointer move be handled: its animation frame, then the (zero) hover delay. */
async function settlePointer(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const paragraphOf = (r: Range): string | undefined => r.startContainer.parentElement?.id;

describe('the page glossary: scanning', () => {
  it('reads the paragraphs in view first, then the rest of the article, marking each mention once', async () => {
    const { requests, started } = startGlossary();
    await started;
    expect(requests.map((r) => r.text.trim())).toEqual([
      'NATO again, and the United Nations.',
      expect.stringContaining('Olaf Scholz spoke to NATO.'),
    ]);
    // The first mention the reader sees is the one marked: NATO in the paragraph in view.
    expect(underlined()).toEqual(['Kyiv', 'NATO', 'United Nations', 'Olaf Scholz']);
    const nato = [...registry.get('glossary-underline')!].map((r) => r as Range).find((r) => r.toString() === 'NATO')!;
    expect(paragraphOf(nato)).toBe('p2');
    // Every mention (drawn or not) answers hover, and none twice; the sidebar is not read.
    expect(wordsIn(registry.get('glossary-hover'))).toEqual(['NATO', 'Kyiv', 'NATO', 'United Nations', 'Olaf Scholz', 'NATO']);
  });

  it("on a page opened at its top, marks the article's opening before the viewport is known", async () => {
    vi.spyOn(performance, 'getEntriesByType').mockImplementation((type) =>
      type === 'navigation' ? ([{ type: 'navigate' }] as unknown as PerformanceEntryList) : [],
    );
    // An observer that never reports: a page whose first frame is late.
    (window as { IntersectionObserver?: unknown }).IntersectionObserver = fakeIntersectionObserver(() => false, { never: true });
    const { requests } = startGlossary();
    await vi.waitFor(() => expect(underlined()).toEqual(['NATO', 'Kyiv', 'United Nations', 'Olaf Scholz']));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.text).toContain('NATO ministers met in Kyiv.');
    // The sidebar is not the article's opening.
    expect(requests[0]!.text).not.toContain('Sidebar');
  });

  it('a reload (its scroll position restored) still marks the paragraphs in view first', async () => {
    vi.spyOn(performance, 'getEntriesByType').mockImplementation((type) =>
      type === 'navigation' ? ([{ type: 'reload' }] as unknown as PerformanceEntryList) : [],
    );
    const { requests, started } = startGlossary();
    await started;
    expect(requests[0]!.text.trim()).toBe('NATO again, and the United Nations.');
    expect(
      paragraphOf([...registry.get('glossary-underline')!].map((r) => r as Range).find((r) => r.toString() === 'NATO')!),
    ).toBe('p2');
  });

  it('marks what a later reading finds in text read before (a term defined further down)', async () => {
    const fake = fakeAnalyze();
    // The first reading (the paragraph in view) knows no United Nations; the whole article does.
    const analyze = async (req: AnalyzeRequest): Promise<AnalyzeResponse> => {
      const res = await fake.analyze(req);
      if (fake.requests.length > 1) return res;
      return { ...res, matches: res.matches.filter((m) => m.id !== 'un') };
    };
    const { started } = startGlossary({}, { analyze });
    await started;
    const un = [...registry.get('glossary-underline')!].map((r) => r as Range).find((r) => r.toString() === 'United Nations');
    expect(un && paragraphOf(un)).toBe('p2');
    expect(wordsIn(registry.get('glossary-hover')).filter((w) => w === 'NATO')).toHaveLength(3);
  });

  it('uses the article and date read while the settings were loading', async () => {
    document.head.insertAdjacentHTML('beforeend', '<meta property="article:published_time" content="2024-07-10T09:00:00Z">');
    const prepared = preparePage(document);
    expect(prepared.article?.tagName).toBe('ARTICLE');
    expect(prepared.date).toBe('2024-07-10');
    // The page glossary takes what was prepared, not a second reading of the page.
    const { requests, started } = startGlossary({}, { prepared: { article: prepared.article, date: '2020-01-02' } });
    await started;
    expect(requests.every((r) => r.date === '2020-01-02')).toBe(true);
    document.head.querySelector('meta[property="article:published_time"]')?.remove();
  });

  it('marks only the first mention of each term, unless every mention is asked for', async () => {
    const first = startGlossary();
    await first.started;
    expect(underlined().filter((w) => w === 'NATO')).toHaveLength(1);
    abort.abort();
    const every = startGlossary({ markEveryMention: true });
    await every.started;
    expect(underlined().filter((w) => w === 'NATO')).toHaveLength(3);
  });

  it('tells the popup the terms found, with their mention counts', async () => {
    const { glossary, terms, started } = startGlossary();
    await started;
    expect(glossary.pageTerms()).toEqual([
      { id: 'nato', term: 'NATO', count: 3 },
      { id: 'un', term: 'United Nations', count: 1 },
      { id: 'kyiv', term: 'Kyiv', count: 1 },
      { id: 'scholz', term: 'Olaf Scholz', count: 1 },
    ]);
    expect(terms.at(-1)).toEqual(glossary.pageTerms());
  });

  it('reads the new page after an SPA navigation: its terms are marked, the old marks are gone', async () => {
    const { glossary, requests, started } = startGlossary();
    await started;
    setPage(`<body><article><p id="n1">${FILLER}Olaf Scholz arrived in Kyiv.</p></article></body>`);
    await glossary.rescan();
    expect(requests.at(-1)?.text).toContain('Olaf Scholz arrived in Kyiv.');
    expect(underlined()).toEqual(['Olaf Scholz', 'Kyiv']);
    expect(glossary.pageTerms().map((p) => p.id)).toEqual(['scholz', 'kyiv']);
  });

  it('reads content the page adds later', async () => {
    const { requests, started } = startGlossary();
    await started;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const more = document.createElement('p');
    more.textContent = 'Later: the United Nations met in Kyiv.';
    document.querySelector('article')!.append(more);
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    await vi.waitFor(() => expect(requests.at(-1)?.text).toContain('Later: the United Nations met in Kyiv.'));
    await vi.waitFor(() => expect(wordsIn(registry.get('glossary-hover'))).toHaveLength(8));
  });

  it('without the Highlight API, wraps the first mentions in <mark>; stopping leaves the text as it was', async () => {
    removeHighlightApi();
    const before = document.body.innerHTML;
    const { started } = startGlossary();
    await started;
    expect([...document.querySelectorAll('mark[data-glossary-term]')].map((m) => m.textContent)).toEqual([
      'Kyiv',
      'NATO',
      'United Nations',
      'Olaf Scholz',
    ]);
    abort.abort();
    expect(document.querySelectorAll('mark').length).toBe(0);
    document.body.normalize();
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('the page glossary: settings changed while the page is open', () => {
  it('takes the marks away when marking is turned off, and draws them in the new style when back on', async () => {
    const { glossary, started } = startGlossary();
    await started;
    glossary.applySettings({ ...DEFAULT_SETTINGS, markStyle: 'none' });
    expect(underlined()).toEqual([]);
    expect(wordsIn(registry.get('glossary-highlight'))).toEqual([]);
    glossary.applySettings({ ...DEFAULT_SETTINGS, markStyle: 'highlight' });
    expect(wordsIn(registry.get('glossary-highlight'))).toEqual(['Kyiv', 'NATO', 'United Nations', 'Olaf Scholz']);
  });

  it('marks every mention, then only the first again, as the mode changes', async () => {
    const { glossary, started } = startGlossary();
    await started;
    glossary.applySettings({ ...DEFAULT_SETTINGS, markEveryMention: true });
    expect(underlined()).toEqual(['NATO', 'Kyiv', 'NATO', 'United Nations', 'Olaf Scholz', 'NATO']);
    glossary.applySettings({ ...DEFAULT_SETTINGS });
    expect(underlined()).toEqual(['Kyiv', 'NATO', 'United Nations', 'Olaf Scholz']);
  });

  it('reads the page again without the kinds turned off', async () => {
    const { glossary, started } = startGlossary();
    await started;
    glossary.applySettings({ ...DEFAULT_SETTINGS, kindsShown: DEFAULT_SETTINGS.kindsShown.filter((k) => k !== 'place') });
    await vi.waitFor(() => expect(underlined()).toEqual(['NATO', 'United Nations', 'Olaf Scholz']));
    expect(glossary.pageTerms().map((p) => p.id)).not.toContain('kyiv');
  });
});

describe('the page glossary: hover and keyboard', () => {
  it('opens the tooltip of the term under the pointer; Escape closes it until the pointer leaves the term', async () => {
    const { started } = startGlossary();
    await started;
    pointAt('#p1', 'NATO');
    await vi.waitFor(() => expect(tooltipText()).toContain('A military alliance of 32 countries.'));
    press('Escape', {});
    expect(tooltipText()).toBe('');
    pointAt('#p1', 'NATO');
    await settlePointer();
    expect(tooltipText()).toBe('');
    pointAt('#p1', 'ministers');
    await settlePointer();
    pointAt('#p1', 'NATO');
    await settlePointer();
    expect(tooltipText()).toContain('A military alliance of 32 countries.');
    pointAt('#p1', 'Kyiv');
    await settlePointer();
    expect(tooltipText()).toContain('The capital of Ukraine.');
  });

  it('loads the tooltip library only when the pointer first rests on a term, once', async () => {
    let loads = 0;
    const loadTooltipCode = async () => (loads++, tooltipLibrary());
    await startGlossary({}, { loadTooltipCode }).started;
    pointAt('#p1', 'ministers');
    await settlePointer();
    expect(loads).toBe(0);
    pointAt('#p1', 'Kyiv');
    await vi.waitFor(() => expect(tooltipText()).toContain('The capital of Ukraine.'));
    pointAt('#p1', 'NATO');
    await vi.waitFor(() => expect(tooltipText()).toContain('A military alliance of 32 countries.'));
    expect(loads).toBe(1);
  });

  it('opens tooltips on hover only with the modifier key, when one is set', async () => {
    const { started } = startGlossary({ modifierKey: 'alt' });
    await started;
    pointAt('#p1', 'Kyiv');
    await settlePointer();
    await settlePointer();
    expect(shadow()).toBeUndefined(); // the tooltip was never even created
    pointAt('#p1', 'Kyiv', { altKey: true });
    await vi.waitFor(() => expect(tooltipText()).toContain('The capital of Ukraine.'));
  });

  it('steps through the marked terms in reading order with Alt+Shift+N and P, saying "2 of 5"', async () => {
    setPage(
      `<body><article><p id="a">${FILLER}NATO, Kyiv and NATO.</p><p id="b">Olaf Scholz and the United Nations.</p></article></body>`,
    );
    const { started } = startGlossary({ markEveryMention: true });
    await started;
    press('KeyN');
    await vi.waitFor(() => expect(announced()).toBe('NATO, 1 of 5: A military alliance of 32 countries.'));
    press('KeyN');
    expect(announced()).toBe('Kyiv, 2 of 5: The capital of Ukraine.');
    expect(focused().map((r) => r.toString())).toEqual(['Kyiv']);
    expect(tooltipText()).toContain('The capital of Ukraine.');
    press('KeyN');
    expect(announced()).toBe('NATO, 3 of 5: A military alliance of 32 countries.');
    press('KeyP');
    press('KeyP');
    expect(announced()).toBe('NATO, 1 of 5: A military alliance of 32 countries.');
    press('KeyP');
    expect(announced()).toBe('United Nations, 5 of 5: An organization of 193 member states.');
    expect(focused().map(paragraphOf)).toEqual(['b']);
    press('KeyN', { altKey: true }); // without Shift: not the shortcut
    expect(announced()).toBe('United Nations, 5 of 5: An organization of 193 member states.');
  });

  it('steps only through drawn marks, and with the keys the settings give', async () => {
    const { started } = startGlossary({ shortcuts: { next: 'KeyJ', previous: 'KeyK' } });
    await started;
    press('KeyN');
    await settlePointer();
    expect(shadow()).toBeUndefined();
    // Reading order, though the paragraph in view (NATO, United Nations) was marked first.
    press('KeyJ');
    await vi.waitFor(() => expect(announced()).toBe('Kyiv, 1 of 4: The capital of Ukraine.'));
    press('KeyK');
    expect(announced()).toBe('Olaf Scholz, 4 of 4: German chancellor from 2021 to 2025.');
  });

  it('says the place among the marked terms in Japanese when the browser is Japanese', async () => {
    type Spec = Parameters<typeof formatMessage>[0];
    const ja = JSON.parse(readFileSync(join(PROJECT_ROOT, 'public/_locales/ja/messages.json'), 'utf8')) as Record<string, Spec>;
    const message = (key: string, subs?: unknown): string =>
      formatMessage(ja[key] as Spec, (Array.isArray(subs) ? subs : [subs]).map(String));
    const { started } = startGlossary({}, { message });
    await started;
    press('KeyN');
    press('KeyN');
    await vi.waitFor(() => expect(announced()).toBe('NATO（4 件中 2 件目）：A military alliance of 32 countries.'));
  });

  it('reveals the term the popup asks for, with its summary read out', async () => {
    const { glossary, started } = startGlossary();
    await started;
    expect(glossary.revealId('nowhere')).toBe(false);
    expect(glossary.revealId('scholz')).toBe(true);
    await vi.waitFor(() => expect(tooltipText()).toContain('German chancellor from 2021 to 2025.'));
    expect(announced()).toBe('Olaf Scholz: German chancellor from 2021 to 2025.');
    expect(focused().map(paragraphOf)).toEqual(['p3']);
  });
});

describe('the page glossary: stopping', () => {
  it('removes every mark, the tooltip and its listeners, and reads nothing more', async () => {
    const { requests, started } = startGlossary();
    await started;
    pointAt('#p1', 'Kyiv');
    await vi.waitFor(() => expect(tooltipText()).toContain('The capital of Ukraine.'));
    const asked = requests.length;
    const shortcut = (): KeyboardEvent =>
      new KeyboardEvent('keydown', { code: 'KeyN', key: 'N', altKey: true, shiftKey: true, bubbles: true, cancelable: true });
    const before = shortcut();
    document.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(true);
    abort.abort();
    // The page has its Alt+Shift+N back.
    const after = shortcut();
    document.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
    expect([...registry.keys()]).toEqual([]);
    expect(document.querySelector('news-glossary-ui')).toBeNull();
    press('KeyN');
    pointAt('#p1', 'NATO');
    await settlePointer();
    expect(document.querySelector('news-glossary-ui')).toBeNull();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const more = document.createElement('p');
    more.textContent = 'Later: the United Nations met in Kyiv.';
    document.querySelector('article')!.append(more);
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(asked);
  });

  it('stopped during the first scan, marks nothing and asks for nothing more', async () => {
    const fake = fakeAnalyze();
    let answer: (() => void) | undefined;
    const analyze = (req: AnalyzeRequest): Promise<AnalyzeResponse> =>
      new Promise((resolve) => {
        answer = () => resolve(fake.analyze(req));
      });
    const { started } = startGlossary({}, { analyze });
    await vi.waitFor(() => expect(answer).toBeDefined());
    abort.abort();
    answer!();
    await started;
    expect(fake.requests).toHaveLength(1);
    expect([...registry.keys()]).toEqual([]);
    expect(registry.get('glossary-hover')).toBeUndefined();
  });
});
