// @vitest-environment happy-dom
/**
 * The popup against its real HTML, with the browser replaced by fakes: search over the bundled
 * glossary through the real glossary service, keyboard navigation, the entry card, "On this
 * page", the site switch, "Enable on this site" and the "Explain" window.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Entry } from '../../src/core/glossary-types';
import type { PageTerm, SearchResponse } from '../../src/extension/protocol';
import type { Settings } from '../../src/extension/settings';
import type { PopupDeps } from '../../src/ui/popup-deps';
import { PROJECT_ROOT } from '../e2e/harness/extension';

(globalThis as { browser?: unknown }).browser = fakeBrowser;
const { startPopup } = await import('../../src/ui/popup');
const { appendMarked } = await import('../../src/ui/marked-text');
const { createGlossaryService } = await import('../../src/extension/glossary-service');
const { bundledEntries } = await import('../../src/extension/bundled-glossary');
const { DEFAULT_SETTINGS, withSite } = await import('../../src/extension/settings');

const HTML = readFileSync(join(PROJECT_ROOT, 'entrypoints/popup/index.html'), 'utf8');
const KYODO = 'https://english.kyodonews.net/news/2024/07/kishida-nato-summit.html';
const service = createGlossaryService(() => ({ entries: bundledEntries(), user: 0 }));

/** The page's <body>, without its script (happy-dom would try to load it). */
function loadHtml(): void {
  const body = /<body>([\s\S]*)<\/body>/.exec(HTML)![1]!.replace(/<script[\s\S]*?<\/script>/g, '');
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

const TERMS: PageTerm[] = [
  { id: 'nato', term: 'NATO', count: 8 },
  { id: 'fumio-kishida', term: 'Fumio Kishida', count: 9 },
  { id: 'acsa', term: 'ACSA', count: 2 },
];

type FakeDeps = PopupDeps & { settings: Settings } & Record<
    | 'pageTerms'
    | 'revealTerm'
    | 'setActiveOn'
    | 'hasSiteAccess'
    | 'requestSiteAccess'
    | 'injectIntoTab'
    | 'openOptions'
    | 'openPage'
    | 'close',
    ReturnType<typeof vi.fn>
  >;

function fakeDeps(over: Partial<PopupDeps> = {}, params = ''): FakeDeps {
  const deps: FakeDeps = {
    doc: document,
    params: new URLSearchParams(params),
    settings: { ...DEFAULT_SETTINGS },
    search: (query: string, limit?: number) => service.search({ query, limit }),
    getEntries: (ids: string[]) => service.entries(ids),
    getGlossaryInfo: () => service.info(),
    currentTab: async () => ({ id: 7, url: KYODO }),
    pageTerms: vi.fn(async () => TERMS),
    revealTerm: vi.fn(async () => true),
    loadSettings: async (): Promise<Settings> => deps.settings,
    setActiveOn: vi.fn(
      async (host: string, active: boolean): Promise<Settings> => (deps.settings = withSite(deps.settings, host, active)),
    ),
    hasSiteAccess: vi.fn(async () => true),
    requestSiteAccess: vi.fn(async () => true),
    injectIntoTab: vi.fn(async () => {}),
    openOptions: vi.fn(),
    openPage: vi.fn(),
    close: vi.fn(),
    ...(over as object),
  } as FakeDeps;
  return deps;
}

const $ = <T extends HTMLElement = HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;
const input = (): HTMLInputElement => $<HTMLInputElement>('#q');
const options = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('#results [role=option]')];

async function type(text: string): Promise<void> {
  input().value = text;
  input().dispatchEvent(new Event('input'));
  await vi.waitFor(() => {
    const status = $('#status').textContent ?? '';
    if (!/Results|No entry/.test(status)) throw new Error(`waiting: ${status}`);
  });
}

function key(k: string, init: KeyboardEventInit = {}): void {
  input().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
}

beforeEach(() => {
  loadHtml();
  performance.clearMarks();
});
afterEach(() => vi.restoreAllMocks());

describe('search', () => {
  it('starts with the search box focused and the number of entries', async () => {
    await startPopup(fakeDeps());
    expect(document.activeElement).toBe(input());
    expect(input().getAttribute('type')).toBe('search');
    expect($('#status').textContent).toMatch(/^\d+ entries\. Type to search\.$/);
    expect(performance.getEntriesByName('ng-popup-interactive')).toHaveLength(1);
    expect(performance.getEntriesByName('ng-popup-ready')).toHaveLength(1);
    expect($('#results').getAttribute('role')).toBe('listbox');
    expect($('#results').getAttribute('aria-label')).toBe('Glossary entries');
  });

  it.each([
    ['scholz', 'olaf-scholz'],
    ['zelensky', 'volodymyr-zelenskyy'],
    ['kisida', 'fumio-kishida'],
    ['cross servicing', 'acsa'],
  ])('puts the right entry first for "%s"', async (query, id) => {
    await startPopup(fakeDeps());
    await type(query);
    expect(options()[0]?.dataset.entryId).toBe(id);
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
  });

  it('marks the matched characters with <mark>, and names a matching alias', async () => {
    await startPopup(fakeDeps());
    await type('scho');
    const term = options()[0]!.querySelector('.term')!;
    expect(term.querySelector('mark')?.textContent).toBe('Scho');
    expect(term.textContent).toBe('Olaf Scholz');
    await type('cross servicing');
    expect(options()[0]!.querySelector('.alias')?.textContent).toMatch(/^also: .*Cross-Servicing/i);
    expect([...options()[0]!.querySelectorAll('.alias mark')].map((m) => m.textContent?.toLowerCase())).toEqual([
      'cross',
      'servicing',
    ]);
  });

  it('moves through the results with the arrow keys, opens the card with Enter and goes back with Escape', async () => {
    await startPopup(fakeDeps());
    await type('nato');
    expect(options().length).toBeGreaterThan(2);
    key('ArrowDown');
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    key('ArrowUp');
    key('ArrowUp');
    expect(options().at(-1)!.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    key('Enter');
    await vi.waitFor(() => expect($('#detail').hidden).toBe(false));
    expect($('#card .ng-card').dataset.entryId).toBe('nato');
    expect($('#results').hidden).toBe(true);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect($('#detail').hidden).toBe(true);
    expect($('#results').hidden).toBe(false);
  });

  it('goes back from the card with its button, or on to the next result with the arrow key', async () => {
    await startPopup(fakeDeps());
    await type('nato');
    options()[0]!.click();
    await vi.waitFor(() => expect($('#detail').hidden).toBe(false));
    expect(document.activeElement).toBe($('#back'));
    expect($('#page').hidden).toBe(true);
    $<HTMLButtonElement>('#back').click();
    expect($('#detail').hidden).toBe(true);
    expect($('#card').children).toHaveLength(0);
    expect($('#results').hidden).toBe(false);
    expect(document.activeElement).toBe(input());

    key('Enter');
    await vi.waitFor(() => expect($('#detail').hidden).toBe(false));
    key('ArrowDown');
    expect($('#detail').hidden).toBe(true);
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
  });

  it('opens related entries from the card', async () => {
    await startPopup(fakeDeps());
    await type('acsa');
    options()[0]!.click();
    await vi.waitFor(() => expect($('#card .ng-related-link')).not.toBeNull());
    const germany = [...document.querySelectorAll<HTMLButtonElement>('#card .ng-related-link')].find(
      (b) => b.textContent === 'Germany',
    )!;
    germany.click();
    await vi.waitFor(() => expect($('#card .ng-card').dataset.entryId).toBe('germany'));
  });

  it('says when nothing matches, and Escape clears the search', async () => {
    await startPopup(fakeDeps());
    await type('xqzzyv');
    expect($('#status').textContent).toBe('No entry matches “xqzzyv”.');
    expect(options()).toHaveLength(0);
    key('Escape');
    expect(input().value).toBe('');
    expect($('#page').hidden).toBe(false);
  });

  it('drops an answer to an older keystroke', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const search = vi.fn(async (query: string): Promise<SearchResponse> => {
      if (query === 'n') await slow;
      return service.search({ query });
    });
    await startPopup(fakeDeps({ search }));
    input().value = 'n';
    input().dispatchEvent(new Event('input'));
    await type('nato');
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(options()[0]?.dataset.entryId).toBe('nato');
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('shows HTML in entries as text', async () => {
    const hostile: Entry = {
      id: 'x',
      term: '<img src=x onerror=alert(1)>',
      kind: 'concept',
      summary: '<script>alert(1)</script>',
      sources: [{ title: 's', url: 'https://example.org' }],
      updated: '2025-01-01',
    };
    const search = async (query: string): Promise<SearchResponse> => ({
      query,
      results: [
        { entry: hostile, kind: 'prefix', whole: false, termRanges: [[0, 3]], alias: { text: '<b>alias</b>', ranges: [[0, 2]] } },
      ],
    });
    await startPopup(fakeDeps({ search }));
    await type('img');
    expect(document.querySelector('#results img, #results script, #results b')).toBeNull();
    expect(options()[0]!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(options()[0]!.textContent).toContain('<script>alert(1)</script>');
    options()[0]!.click();
    await vi.waitFor(() => expect($('#detail').hidden).toBe(false));
    expect(document.querySelector('#card img, #card script')).toBeNull();
  });

  it('shows an error state when the glossary cannot be loaded', async () => {
    await startPopup(fakeDeps({ getGlossaryInfo: async () => Promise.reject(new Error('Could not establish connection')) }));
    expect($('#status').textContent).toBe('The glossary could not be loaded: Could not establish connection');
  });
});

describe('appendMarked', () => {
  it('wraps inclusive ranges, ignores overlaps and ranges past the end', () => {
    const p = document.createElement('p');
    appendMarked(document, p, 'Olaf Scholz', [
      [5, 8],
      [6, 7],
      [20, 30],
      [0, 0],
    ]);
    expect([...p.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['O', 'Scho']);
    expect(p.textContent).toBe('Olaf Scholz');
  });
});

describe('on this page', () => {
  it('lists the page’s terms by count; choosing one reveals it and closes the popup', async () => {
    const deps = fakeDeps();
    await startPopup(deps);
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('#page-terms button')];
    expect(buttons.map((b) => b.dataset.entryId)).toEqual(['fumio-kishida', 'nato', 'acsa']);
    expect(buttons[0]!.getAttribute('aria-label')).toBe('Show Fumio Kishida on the page (mentions: 9)');
    buttons[1]!.click();
    await vi.waitFor(() => expect(deps.close).toHaveBeenCalled());
    expect(deps.revealTerm).toHaveBeenCalledWith(7, 'nato');
  });

  it('stays open when it is a tab (?tab=ID, as in tests)', async () => {
    const deps = fakeDeps({}, '?tab=7');
    await startPopup(deps);
    document.querySelector<HTMLButtonElement>('#page-terms button')!.click();
    await vi.waitFor(() => expect(deps.revealTerm).toHaveBeenCalled());
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('says so when the page has no terms, is not a web page, or does not answer', async () => {
    await startPopup(fakeDeps({ pageTerms: async () => [] }));
    expect($('#page-status').textContent).toBe('No glossary terms on this page.');
    loadHtml();
    await startPopup(fakeDeps({ currentTab: async () => ({ id: 1, url: 'chrome://newtab/' }) }));
    expect($('#page-status').textContent).toBe('Terms are shown on web pages.');
    expect($('#site').childElementCount).toBe(0);
    loadHtml();
    await startPopup(fakeDeps({ pageTerms: async () => Promise.reject(new Error('No response')) }));
    expect($('#page-status').textContent).toBe('This page has not been read yet. Reload it to see its terms.');
  });

  it('turns the glossary off and on for the site with the switch', async () => {
    const deps = fakeDeps();
    await startPopup(deps);
    const box = $<HTMLInputElement>('#site-switch');
    expect(box.getAttribute('role')).toBe('switch');
    expect(box.checked).toBe(true);
    expect(box.parentElement!.textContent).toBe('On for english.kyodonews.net');
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect($('#page-status').textContent).toBe('The glossary is off on this site.'));
    expect(deps.setActiveOn).toHaveBeenCalledWith('english.kyodonews.net', false);
    expect(deps.settings.disabledSites).toEqual(['english.kyodonews.net']);
    const again = $<HTMLInputElement>('#site-switch');
    expect(again.checked).toBe(false);
    again.checked = true;
    again.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelectorAll('#page-terms button')).toHaveLength(3));
    expect(deps.settings.disabledSites).toEqual([]);
  });

  it('offers "Enable on this site" where the extension may not read the page', async () => {
    let access = false;
    const deps = fakeDeps({
      currentTab: async () => ({ id: 9, url: 'https://www.example.com/article' }),
      hasSiteAccess: vi.fn(async () => access),
      requestSiteAccess: vi.fn(async () => (access = true)),
    });
    await startPopup(deps);
    const enable = $<HTMLButtonElement>('#enable-site');
    expect(enable.textContent).toBe('Enable on this site');
    enable.click();
    await vi.waitFor(() => expect($('#site-switch')).not.toBeNull());
    expect(deps.requestSiteAccess).toHaveBeenCalledWith('https://www.example.com');
    expect(deps.injectIntoTab).toHaveBeenCalledWith(9);
  });

  it('says so when the user refuses access', async () => {
    const deps = fakeDeps({ hasSiteAccess: async () => false, requestSiteAccess: async () => false });
    await startPopup(deps);
    $<HTMLButtonElement>('#enable-site').click();
    await vi.waitFor(() => expect($('#site').textContent).toContain('Access to english.kyodonews.net was not granted.'));
  });

  it('shows no switch when the glossary is off everywhere', async () => {
    const deps = fakeDeps();
    deps.settings = { ...DEFAULT_SETTINGS, enabled: false };
    await startPopup(deps);
    expect($('#site-switch')).toBeNull();
    expect($('#site').textContent).toMatch(/turned off everywhere/);
  });
});

describe('the Explain window (context menu)', () => {
  it('shows the entry a selection names', async () => {
    await startPopup(fakeDeps({}, '?explain=Kishida'));
    expect($('#search').hidden).toBe(true);
    expect($('#page').hidden).toBe(true);
    expect($('#card .ng-card').dataset.entryId).toBe('fumio-kishida');
  });

  it('says when a selection is not in the glossary, with a way to add it', async () => {
    const deps = fakeDeps({}, '?explain=' + encodeURIComponent('  Zorblax   Accord '));
    await startPopup(deps);
    expect($('#card').textContent).toContain('“Zorblax Accord” is not in the glossary.');
    $<HTMLButtonElement>('#explain-add').click();
    expect(deps.openPage).toHaveBeenCalledWith(expect.stringMatching(/options\.html\?add=Zorblax\+Accord#my-glossary$/));
  });

  it('does not explain a near miss as if it were the entry, but offers it', async () => {
    await startPopup(fakeDeps({}, '?explain=Kisida'));
    expect($('#card').textContent).toContain('“Kisida” is not in the glossary.');
    const suggestion = [...document.querySelectorAll<HTMLButtonElement>('#card .suggestions button')].find(
      (b) => b.textContent === 'Fumio Kishida',
    )!;
    suggestion.click();
    await vi.waitFor(() => expect($('#card .ng-card').dataset.entryId).toBe('fumio-kishida'));
  });
});

describe('the context menu', () => {
  it('adds "Explain “%s”" on selected text, and opens the Explain window with the selection', async () => {
    const { registerContextMenu, cleanSelection, explainUrl, EXPLAIN_MENU_ID } = await import('../../src/extension/context-menu');
    const menus = fakeBrowser.contextMenus;
    let clicked: ((info: { menuItemId: string | number; selectionText?: string }) => void) | undefined;
    const create = vi.spyOn(menus, 'create').mockImplementation(() => EXPLAIN_MENU_ID);
    vi.spyOn(menus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(menus.onClicked, 'addListener').mockImplementation(((cb: typeof clicked) => (clicked = cb)) as never);
    const open = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
    registerContextMenu();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({ id: EXPLAIN_MENU_ID, title: 'Explain “%s”', contexts: ['selection'] }),
    );
    clicked!({ menuItemId: EXPLAIN_MENU_ID, selectionText: ' Kishida’s ' });
    await vi.waitFor(() => expect(open).toHaveBeenCalled());
    const url = new URL(open.mock.calls[0]![0]!.url as string);
    expect(url.pathname).toBe('/popup.html');
    expect(url.searchParams.get('explain')).toBe('Kishida');
    expect(open.mock.calls[0]![0]).toMatchObject({ type: 'popup' });
    expect(cleanSelection('“(Olaf Scholz).”')).toBe('Olaf Scholz');
    expect(cleanSelection('C++')).toBe('C++');
    expect(cleanSelection('x'.repeat(500))).toHaveLength(200);
    expect(explainUrl('a b', (p) => `chrome-extension://id${p}`)).toBe('chrome-extension://id/popup.html?explain=a+b');
  });
});
