/**
 * The toolbar popup: search the glossary (a listbox navigable with the arrow keys; Enter opens
 * the entry card).
 */
import { browser } from 'wxt/browser';
import type { Entry } from '../core/glossary-types';
import { GlossarySearch, type SearchHit } from '../core/search';
import { bundledEntries } from '../extension/bundled-glossary';
import { renderEntryCard } from './entry-card';

/** Wires the popup's DOM in `doc`. */
export function startPopup(doc: Document): void {
  const input = doc.getElementById('q') as HTMLInputElement;
  const list = doc.getElementById('results') as HTMLUListElement;
  const status = doc.getElementById('status') as HTMLElement;
  const detail = doc.getElementById('detail') as HTMLElement;
  const entries = bundledEntries();
  const byId = new Map(entries.map((e) => [e.id, e]));
  const search = new GlossarySearch(entries);
  let hits: SearchHit[] = [];
  let active = -1;

  const select = (i: number): void => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    const li = list.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  };

  const open = (entry: Entry): void => {
    detail.replaceChildren(
      renderEntryCard(doc, entry, {
        related: (entry.related ?? []).flatMap((id) => (byId.has(id) ? [{ id, term: byId.get(id)!.term }] : [])),
        onRelated: (id) => open(byId.get(id)!),
      }),
    );
    detail.hidden = false;
  };

  const render = (): void => {
    hits = search.search(input.value);
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const li = doc.createElement('li');
        li.id = `opt-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.entryId = hit.entry.id;
        const term = doc.createElement('span');
        term.className = 'term';
        appendMarked(doc, term, hit.entry.term, hit.termRanges);
        const summary = doc.createElement('span');
        summary.className = 'summary';
        summary.textContent = hit.entry.summary;
        li.append(term, summary);
        li.addEventListener('click', () => open(hit.entry));
        return li;
      }),
    );
    status.textContent = input.value.trim() ? (hits.length ? '' : `No entry matches “${input.value.trim()}”.`) : `${entries.length} entries. Type to search.`;
    detail.hidden = true;
    select(hits.length ? 0 : -1);
  };

  input.addEventListener('input', render);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      select((active + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      select((active - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      open(hits[active]!.entry);
    }
  });
  doc.getElementById('options')?.addEventListener('click', (e) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  });
  render();
  input.focus();
}

/** Appends `text` to `parent`, with the matched ranges in <mark> (text nodes only). */
export function appendMarked(doc: Document, parent: HTMLElement, text: string, ranges: readonly (readonly [number, number])[]): void {
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    if (s > at) parent.append(doc.createTextNode(text.slice(at, s)));
    const m = doc.createElement('mark');
    m.textContent = text.slice(s, e + 1);
    parent.append(m);
    at = e + 1;
  }
  if (at < text.length) parent.append(doc.createTextNode(text.slice(at)));
}
