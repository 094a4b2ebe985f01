/**
 * The toolbar popup.
 *
 * - Search: a combobox over a listbox of entries (arrow keys, Home/End, Enter opens the entry
 *   card, Escape goes back). Every keystroke is one `search` message to the background, which
 *   keeps the index; answers to older keystrokes are dropped.
 * - "On this page": the terms the current tab's content script found, with counts; choosing one
 *   scrolls the page to its first mention and opens its tooltip.
 * - The switch for the current site, "Enable on this site" where the extension may not read it,
 *   and a link to the options.
 * - `?explain=<text>` (the context menu's window): the entry for a selection, or "not in the
 *   glossary" with a way to add it.
 *
 * Which tab is "current": `?tab=<id>` when given (tests open the popup as a tab of its own, which
 * would otherwise be the active tab), else the active tab of the window the popup belongs to.
 *
 * The DOM is built with createElement and textContent only. Everything that touches the browser
 * comes in through `PopupDeps`, so DOM tests pass fakes.
 */
import { browser } from 'wxt/browser';
import type { Entry } from '../core/glossary-types';
import { addTermUrl, cleanSelection, EXPLAIN_PARAM } from '../extension/context-menu';
import { localize, t, type MessageKey } from '../extension/i18n';
import {
  backgroundMessaging,
  contentMessaging,
  type GlossaryInfo,
  type PageTerm,
  type SearchResponse,
  type SearchResult,
} from '../extension/protocol';
import { isActiveOn, loadSettings, setActiveOn, type Settings } from '../extension/settings';
import { hasSiteAccess, injectIntoTab, requestSiteAccess } from '../extension/site-access';
import { renderEntryCard } from './entry-card';
import { el, need as needIn } from './dom';

/** The tab the popup is about. */
export interface PopupTab {
  /** Tab id. */
  id: number;
  /** Its address, when the extension may know it. */
  url?: string;
}

/** Everything the popup needs from the browser. */
export interface PopupDeps {
  /** The popup's document. */
  doc: Document;
  /** The popup's query string (`?tab=`, `?explain=`). */
  params: URLSearchParams;
  /** One keystroke's search. */
  search(query: string, limit?: number): Promise<SearchResponse>;
  /** Entries by id. */
  getEntries(ids: string[]): Promise<Entry[]>;
  /** Counts of the glossary. */
  getGlossaryInfo(): Promise<GlossaryInfo>;
  /** The current tab (see the file comment), or undefined. */
  currentTab(): Promise<PopupTab | undefined>;
  /** The terms the tab's content script found; rejects when it does not answer. */
  pageTerms(tabId: number): Promise<PageTerm[]>;
  /** Asks the tab to show an entry's first mention. */
  revealTerm(tabId: number, id: string): Promise<boolean>;
  /** Current settings. */
  loadSettings(): Promise<Settings>;
  /** Turns the glossary on or off for a hostname. */
  setActiveOn(hostname: string, active: boolean): Promise<Settings>;
  /** Whether the extension may read an origin. */
  hasSiteAccess(origin: string): Promise<boolean>;
  /** Asks the user for access to an origin (call from the click, before any await). */
  requestSiteAccess(origin: string): Promise<boolean>;
  /** Runs the content script in an open tab right after access was granted. */
  injectIntoTab(tabId: number): Promise<void>;
  /** Opens the options page. */
  openOptions(): void;
  /** Opens an extension page in a new tab (the add-a-term form). */
  openPage(url: string): void;
  /** Closes the popup (not when it is a tab, as in tests). */
  close(): void;
}

/** performance marks the e2e test reads: the popup's code starts, the search box is ready, everything is rendered, results shown. */
export const MARK_START = 'ng-popup-start';
export const MARK_INTERACTIVE = 'ng-popup-interactive';
export const MARK_READY = 'ng-popup-ready';
export const MARK_RESULTS = 'ng-popup-results';

/** How long the popup waits for a page to answer with its terms. */
const PAGE_TERMS_TIMEOUT_MS = 1500;

const need = <T extends HTMLElement>(doc: Document, id: string): T => needIn<T>(doc, id, 'popup.html');

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

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function kindLabel(kind: string): string {
  return t(`kind_${kind}` as MessageKey) || kind;
}

/** An http(s) page's origin and hostname, or undefined. */
export function webPage(url: string | undefined): { origin: string; host: string } | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return { origin: u.origin, host: u.hostname };
  } catch {
    return undefined;
  }
}

/** Starts the popup; resolves once the first view is rendered. */
export async function startPopup(deps: PopupDeps): Promise<void> {
  performance.mark(MARK_START);
  const { doc } = deps;
  localize(doc.body);
  const explain = deps.params.get(EXPLAIN_PARAM);
  if (explain !== null) return startExplain(deps, explain);

  const input = need<HTMLInputElement>(doc, 'q');
  const list = need<HTMLUListElement>(doc, 'results');
  const status = need<HTMLElement>(doc, 'status');
  const detail = need<HTMLElement>(doc, 'detail');
  const card = need<HTMLElement>(doc, 'card');
  const page = need<HTMLElement>(doc, 'page');

  let results: SearchResult[] = [];
  let active = -1;
  let seq = 0;
  let info: GlossaryInfo | undefined;
  let infoError: string | undefined;

  const idleStatus = (): void => {
    if (infoError) status.textContent = t('loadError', infoError);
    else if (!info) status.textContent = t('loading');
    else status.textContent = info.user ? t('entryCountWithUser', [info.total, info.user]) : t('entryCount', info.total);
  };

  const select = (i: number): void => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    const li = list.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView?.({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const openEntry = async (entry: Entry): Promise<void> => {
    await showCard(doc, card, entry, deps);
    detail.hidden = false;
    list.hidden = true;
    page.hidden = true;
    need<HTMLButtonElement>(doc, 'back').focus();
  };

  const closeEntry = (): void => {
    detail.hidden = true;
    card.replaceChildren();
    const searching = input.value.trim() !== '';
    list.hidden = !searching;
    page.hidden = searching;
    input.focus();
  };

  const renderResults = (res: SearchResponse): void => {
    results = res.results;
    list.replaceChildren(
      ...results.map((r, i) => {
        const li = el(doc, 'li', 'result');
        li.id = `opt-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.entryId = r.entry.id;
        const head = el(doc, 'span', 'result-head');
        const term = el(doc, 'span', 'term');
        appendMarked(doc, term, r.entry.term, r.termRanges);
        head.append(term, el(doc, 'span', 'kind', kindLabel(r.entry.kind)));
        li.append(head);
        if (r.alias) {
          const alias = el(doc, 'span', 'alias');
          // The alias goes where the message puts it, with its marks.
          const aka = t('alsoKnownAs', '\ue000').split('\ue000');
          alias.append(doc.createTextNode(aka[0] ?? ''));
          appendMarked(doc, alias, r.alias.text, r.alias.ranges);
          alias.append(doc.createTextNode(aka[1] ?? ''));
          li.append(alias);
        }
        li.append(el(doc, 'span', 'summary', r.entry.summary));
        li.addEventListener('click', () => void openEntry(r.entry));
        return li;
      }),
    );
    const q = input.value.trim();
    status.textContent = results.length ? t('resultCount', results.length) : t('noMatch', q);
    list.hidden = false;
    page.hidden = true;
    detail.hidden = true;
    input.setAttribute('aria-expanded', String(results.length > 0));
    select(results.length ? 0 : -1);
    performance.mark(MARK_RESULTS, { detail: { query: res.query, count: results.length } });
  };

  const onInput = (): void => {
    const mine = ++seq;
    const q = input.value;
    if (!q.trim()) {
      results = [];
      list.replaceChildren();
      list.hidden = true;
      detail.hidden = true;
      page.hidden = false;
      input.setAttribute('aria-expanded', 'false');
      select(-1);
      idleStatus();
      return;
    }
    deps.search(q, 20).then(
      (res) => {
        if (mine === seq) renderResults(res);
      },
      (err: unknown) => {
        if (mine === seq) status.textContent = t('loadError', errorText(err));
      },
    );
  };

  input.addEventListener('input', onInput);
  input.addEventListener('keydown', (e) => {
    const n = results.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      if (!detail.hidden) closeEntry();
      select((active + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      if (!detail.hidden) closeEntry();
      select((active - 1 + n) % n);
    } else if ((e.key === 'Home' || e.key === 'End') && n && e.ctrlKey) {
      e.preventDefault();
      select(e.key === 'Home' ? 0 : n - 1);
    } else if (e.key === 'Enter' && results[active]) {
      e.preventDefault();
      void openEntry(results[active]!.entry);
    } else if (e.key === 'Escape' && input.value) {
      // Escape clears the search rather than closing the popup.
      e.preventDefault();
      input.value = '';
      onInput();
    }
  });
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !detail.hidden) {
      e.preventDefault();
      closeEntry();
    }
  });
  need<HTMLButtonElement>(doc, 'back').addEventListener('click', closeEntry);
  need<HTMLAnchorElement>(doc, 'options').addEventListener('click', (e) => {
    e.preventDefault();
    deps.openOptions();
    deps.close();
  });

  idleStatus();
  input.focus();
  performance.mark(MARK_INTERACTIVE);

  const infoDone = deps.getGlossaryInfo().then(
    (i) => {
      info = i;
      if (!input.value.trim()) idleStatus();
    },
    (err: unknown) => {
      infoError = errorText(err);
      if (!input.value.trim()) idleStatus();
    },
  );
  const pageDone = renderPageSection(deps, page).catch((err: unknown) => {
    need<HTMLElement>(doc, 'page-status').textContent = t('loadError', errorText(err));
  });
  await Promise.all([infoDone, pageDone]);
  performance.mark(MARK_READY);
}

/** Fills "On this page" and the site switch for the current tab. */
async function renderPageSection(deps: PopupDeps, section: HTMLElement): Promise<void> {
  const { doc } = deps;
  const site = need<HTMLElement>(doc, 'site');
  const pageStatus = need<HTMLElement>(doc, 'page-status');
  const termsList = need<HTMLUListElement>(doc, 'page-terms');
  const inTab = deps.params.has('tab');

  const setStatus = (key: MessageKey | undefined, subs?: string): void => {
    pageStatus.textContent = key ? t(key, subs) : '';
    pageStatus.hidden = !key;
  };

  setStatus('onThisPageLoading');
  // Two independent look-ups at once: the popup's first view waits for both.
  const settingsLoaded = deps.loadSettings();
  settingsLoaded.catch(() => {});
  const tab = await deps.currentTab().catch(() => undefined);
  const web = webPage(tab?.url);
  if (!tab || !web) {
    site.replaceChildren();
    termsList.replaceChildren();
    setStatus('onThisPageNotWeb');
    return;
  }

  const showTerms = async (attempts: number): Promise<void> => {
    termsList.replaceChildren();
    setStatus('onThisPageLoading');
    let terms: PageTerm[] | undefined;
    for (let i = 0; i < attempts && !terms?.length; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 400));
      terms = await withTimeout(deps.pageTerms(tab.id), PAGE_TERMS_TIMEOUT_MS).catch(() => terms);
    }
    if (!terms) return setStatus('onThisPageNotRead');
    if (!terms.length) return setStatus('onThisPageNone');
    setStatus(undefined);
    termsList.replaceChildren(
      ...[...terms]
        .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
        .map((term) => {
          const li = el(doc, 'li');
          const b = el(doc, 'button', 'page-term');
          b.type = 'button';
          b.dataset.entryId = term.id;
          b.setAttribute('aria-label', t('revealTerm', [term.term, String(term.count)]));
          b.append(el(doc, 'span', 'term', term.term), el(doc, 'span', 'count', String(term.count)));
          b.addEventListener('click', () => {
            deps
              .revealTerm(tab.id, term.id)
              .catch(() => false)
              .then(() => {
                if (!inTab) deps.close();
              });
          });
          li.append(b);
          return li;
        }),
    );
  };

  const render = async (settings: Settings, attempts: number): Promise<void> => {
    site.replaceChildren();
    termsList.replaceChildren();
    if (!settings.enabled) {
      site.append(el(doc, 'p', 'note', t('offEverywhere')));
      return setStatus(undefined);
    }
    const access = await deps.hasSiteAccess(web.origin).catch(() => false);
    if (!access) {
      const enable = el(doc, 'button', 'enable', t('enableOnSite'));
      enable.type = 'button';
      enable.id = 'enable-site';
      const hint = el(doc, 'p', 'note', t('enableOnSiteHint', web.host));
      enable.addEventListener('click', () => {
        // The request comes first, straight from the click (Firefox needs the user gesture).
        deps
          .requestSiteAccess(web.origin)
          .then(async (granted) => {
            if (!granted) {
              hint.textContent = t('enableOnSiteDenied', web.host);
              return;
            }
            await deps.injectIntoTab(tab.id).catch(() => {});
            await render(await deps.loadSettings(), 6);
          })
          .catch((err: unknown) => {
            hint.textContent = t('loadError', errorText(err));
          });
      });
      site.append(hint, enable);
      return setStatus(undefined);
    }
    const on = isActiveOn(settings, web.host);
    const label = el(doc, 'label', 'switch');
    const box = el(doc, 'input');
    box.type = 'checkbox';
    box.id = 'site-switch';
    box.setAttribute('role', 'switch');
    box.checked = on;
    label.append(box, el(doc, 'span', 'switch-text', t('siteSwitch', web.host)));
    box.addEventListener('change', () => {
      box.disabled = true;
      deps
        .setActiveOn(web.host, box.checked)
        // Turned on, the page reads itself again: ask a few times for its terms.
        .then((next) => render(next, 6))
        .catch((err: unknown) => setStatus('loadError', errorText(err)))
        .finally(() => {
          box.disabled = false;
        });
    });
    site.append(label);
    if (!on) return setStatus('onThisPageOff');
    await showTerms(attempts);
  };

  section.dataset.host = web.host;
  await render(await settingsLoaded, 1);
}

/** The "Explain" window: the entry for a selection, or "not in the glossary" with a way to add it. */
async function startExplain(deps: PopupDeps, text: string): Promise<void> {
  const { doc } = deps;
  for (const id of ['search', 'status', 'results', 'page']) need<HTMLElement>(doc, id).hidden = true;
  const detail = need<HTMLElement>(doc, 'detail');
  const card = need<HTMLElement>(doc, 'card');
  need<HTMLElement>(doc, 'back').hidden = true;
  doc.title = t('explainTitle');
  const query = cleanSelection(text);
  detail.hidden = false;

  const show = (entry: Entry): Promise<void> => showCard(doc, card, entry, deps);

  const res = await deps.search(query, 5).catch((err: unknown) => {
    card.replaceChildren(el(doc, 'p', 'status', t('loadError', errorText(err))));
    return undefined;
  });
  if (!res) return;
  const top = res.results[0];
  if (top && (top.kind === 'exact' || (top.kind === 'prefix' && top.whole))) {
    await show(top.entry);
  } else {
    const box = el(doc, 'div', 'not-found');
    box.append(el(doc, 'p', 'not-found-text', t('explainNotFound', query)));
    const add = el(doc, 'button', 'enable', t('explainAdd'));
    add.type = 'button';
    add.id = 'explain-add';
    add.addEventListener('click', () => {
      deps.openPage(addTermUrl(query));
      deps.close();
    });
    box.append(add);
    if (res.results.length) {
      box.append(el(doc, 'p', 'note', t('explainSuggestions')));
      const ul = el(doc, 'ul', 'suggestions');
      for (const r of res.results.slice(0, 3)) {
        const b = el(doc, 'button', 'link', r.entry.term);
        b.type = 'button';
        b.addEventListener('click', () => void show(r.entry));
        const li = el(doc, 'li');
        li.append(b);
        ul.append(li);
      }
      box.append(ul);
    }
    card.replaceChildren(box);
  }
  performance.mark(MARK_READY);
}

/** The popup's dependencies in the extension: messages, tabs, storage, permissions. */
export function createBrowserPopupDeps(doc: Document, search: string): PopupDeps {
  const params = new URLSearchParams(search);
  const tabParam = Number(params.get('tab'));
  return {
    doc,
    params,
    search: (query, limit) => backgroundMessaging.sendMessage('search', { query, limit }),
    getEntries: (ids) => backgroundMessaging.sendMessage('getEntries', ids),
    getGlossaryInfo: () => backgroundMessaging.sendMessage('getGlossaryInfo', undefined),
    async currentTab() {
      const tab =
        Number.isInteger(tabParam) && tabParam > 0
          ? await browser.tabs.get(tabParam)
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      return tab?.id === undefined ? undefined : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
    },
    pageTerms: (tabId) => contentMessaging.sendMessage('getPageTerms', undefined, tabId),
    revealTerm: (tabId, id) => contentMessaging.sendMessage('revealTerm', id, tabId),
    loadSettings,
    setActiveOn,
    hasSiteAccess: (origin) => hasSiteAccess(origin),
    requestSiteAccess: (origin) => requestSiteAccess(origin),
    injectIntoTab: (tabId) => injectIntoTab(tabId),
    openOptions: () => void browser.runtime.openOptionsPage(),
    openPage: (url) => void browser.tabs.create({ url }),
    close: () => {
      if (!params.has('tab')) doc.defaultView?.close();
    },
  };
}

/** Shows an entry's card in `card`; its related terms open their own cards in the same place. */
async function showCard(doc: Document, card: HTMLElement, entry: Entry, deps: Pick<PopupDeps, 'getEntries'>): Promise<void> {
  const related = entry.related?.length ? await deps.getEntries(entry.related).catch(() => []) : [];
  card.replaceChildren(
    renderEntryCard(doc, entry, {
      related: related.map((r) => ({ id: r.id, term: r.term })),
      onRelated: (id) => {
        const next = related.find((r) => r.id === id);
        if (next) void showCard(doc, card, next, deps);
      },
    }),
  );
}
