/**
 * The popup's search: a combobox (#q) over a listbox of entries (#results). Every keystroke is
 * one `search` message to the background, which keeps the index; answers to older keystrokes are
 * dropped. Arrow keys move through the results (Ctrl+Home/End to the ends), Enter opens the
 * entry's card, Escape clears the search. While the box is empty the status line shows the
 * glossary's size and "On this page" shows instead of the results.
 */
import { t, type MessageKey } from '../extension/i18n';
import type { GlossaryInfo, SearchResponse, SearchResult } from '../extension/protocol';
import { el, errorText, need as needIn } from './dom';
import { appendMarked } from './marked-text';
import type { PopupDeps } from './popup-deps';
import type { DetailView } from './popup-detail-view';
import { MARK_RESULTS } from './popup-marks';

const need = <T extends HTMLElement>(doc: Document, id: string): T => needIn<T>(doc, id, 'popup.html');

/** How many results one search shows. */
const RESULT_LIMIT = 20;

/** The label of an entry kind in the UI language (the kind itself where no message names it). */
function kindLabel(kind: string): string {
  return t(`kind_${kind}` as MessageKey) || kind;
}

/** One result as a listbox option: the term and its kind, the alias that matched, the summary. */
function resultOption(doc: Document, r: SearchResult, index: number, onOpen: () => void): HTMLLIElement {
  const li = el(doc, 'li', 'result');
  li.id = `opt-${index}`;
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
  li.addEventListener('click', onOpen);
  return li;
}

/** The search box, its results and the status line. */
export class SearchView {
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private results: SearchResult[] = [];
  private active = -1;
  private seq = 0;
  private info: GlossaryInfo | undefined;
  private infoError: string | undefined;

  /**
   * @param page "On this page", shown while nothing is searched
   * @param detail the card a result opens
   */
  constructor(
    private readonly deps: Pick<PopupDeps, 'doc' | 'search'>,
    private readonly page: HTMLElement,
    private readonly detail: DetailView,
  ) {
    const { doc } = deps;
    this.input = need<HTMLInputElement>(doc, 'q');
    this.list = need<HTMLUListElement>(doc, 'results');
    this.status = need<HTMLElement>(doc, 'status');
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Whether the box holds a query. */
  get searching(): boolean {
    return this.input.value.trim() !== '';
  }

  /** Shows the glossary's size (or why it could not be read) while nothing is searched. */
  setGlossaryInfo(info: GlossaryInfo | undefined, error?: string): void {
    this.info = info;
    this.infoError = error;
    if (!this.searching) this.showIdleStatus();
  }

  /** The status line while nothing is searched. */
  showIdleStatus(): void {
    const { info, infoError } = this;
    if (infoError) this.status.textContent = t('loadError', infoError);
    else if (!info) this.status.textContent = t('loading');
    else this.status.textContent = info.user ? t('entryCountWithUser', [info.total, info.user]) : t('entryCount', info.total);
  }

  /** After the card closes: the results while searching, else "On this page"; the focus in the box. */
  showAfterDetail(): void {
    const searching = this.searching;
    this.list.hidden = !searching;
    this.page.hidden = searching;
    this.input.focus();
  }

  private select(i: number): void {
    this.active = i;
    [...this.list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    const li = this.list.children[i] as HTMLElement | undefined;
    if (li) {
      this.input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView?.({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private renderResults(res: SearchResponse): void {
    const { doc } = this.deps;
    this.results = res.results;
    const count = this.results.length;
    this.list.replaceChildren(...this.results.map((r, i) => resultOption(doc, r, i, () => void this.detail.open(r.entry))));
    this.status.textContent = count ? t('resultCount', count) : t('noMatch', this.input.value.trim());
    this.list.hidden = false;
    this.page.hidden = true;
    this.detail.hide();
    this.input.setAttribute('aria-expanded', String(count > 0));
    this.select(count ? 0 : -1);
    performance.mark(MARK_RESULTS, { detail: { query: res.query, count } });
  }

  private clearResults(): void {
    this.results = [];
    this.list.replaceChildren();
    this.list.hidden = true;
    this.detail.hide();
    this.page.hidden = false;
    this.input.setAttribute('aria-expanded', 'false');
    this.select(-1);
    this.showIdleStatus();
  }

  private onInput(): void {
    const mine = ++this.seq;
    const q = this.input.value;
    if (!q.trim()) return this.clearResults();
    this.deps.search(q, RESULT_LIMIT).then(
      (res) => {
        if (mine === this.seq) this.renderResults(res);
      },
      (err: unknown) => {
        if (mine === this.seq) this.status.textContent = t('loadError', errorText(err));
      },
    );
  }

  /** Moves the selection by `step`, closing an open card first. */
  private step(step: number): void {
    const n = this.results.length;
    if (this.detail.isOpen) this.detail.close();
    this.select((this.active + step + n) % n);
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.results.length;
    const chosen = this.results[this.active];
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n) {
      e.preventDefault();
      this.step(e.key === 'ArrowDown' ? 1 : -1);
    } else if ((e.key === 'Home' || e.key === 'End') && n && e.ctrlKey) {
      e.preventDefault();
      this.select(e.key === 'Home' ? 0 : n - 1);
    } else if (e.key === 'Enter' && chosen) {
      e.preventDefault();
      void this.detail.open(chosen.entry);
    } else if (e.key === 'Escape' && this.input.value) {
      // Escape clears the search rather than closing the popup.
      e.preventDefault();
      this.input.value = '';
      this.onInput();
    }
  }
}
