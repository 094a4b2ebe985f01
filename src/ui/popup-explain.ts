/**
 * The popup as the context menu's "Explain" window (`?explain=<text>`): the entry for the
 * selection, or "not in the glossary" with a button to add it and up to three near matches.
 */
import type { Entry } from '../core/glossary-types';
import { addTermUrl, cleanSelection } from '../extension/context-menu';
import { t } from '../extension/i18n';
import type { SearchResponse } from '../extension/protocol';
import { el, errorText, need as needIn } from './dom';
import type { PopupDeps } from './popup-deps';
import { showCard } from './popup-detail-view';
import { MARK_READY } from './popup-marks';

const need = <T extends HTMLElement>(doc: Document, id: string): T => needIn<T>(doc, id, 'popup.html');

/** "Not in the glossary": a button that opens the add-a-term form, and the nearest entries. */
function notFound(deps: PopupDeps, query: string, res: SearchResponse, show: (entry: Entry) => void): HTMLElement {
  const { doc } = deps;
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
      b.addEventListener('click', () => show(r.entry));
      const li = el(doc, 'li');
      li.append(b);
      ul.append(li);
    }
    box.append(ul);
  }
  return box;
}

/** The "Explain" window: the entry for a selection, or "not in the glossary" with a way to add it. */
export async function startExplain(deps: PopupDeps, text: string): Promise<void> {
  const { doc } = deps;
  for (const id of ['search', 'status', 'results', 'page']) need<HTMLElement>(doc, id).hidden = true;
  const card = need<HTMLElement>(doc, 'card');
  need<HTMLElement>(doc, 'back').hidden = true;
  doc.title = t('explainTitle');
  const query = cleanSelection(text);
  need<HTMLElement>(doc, 'detail').hidden = false;

  const show = (entry: Entry): Promise<void> => showCard(doc, card, entry, deps);

  const res = await deps.search(query, 5).catch((err: unknown) => {
    card.replaceChildren(el(doc, 'p', 'status', t('loadError', errorText(err))));
    return undefined;
  });
  if (!res) return;
  const top = res.results[0];
  if (top && (top.kind === 'exact' || (top.kind === 'prefix' && top.whole))) await show(top.entry);
  else card.replaceChildren(notFound(deps, query, res, (entry) => void show(entry)));
  performance.mark(MARK_READY);
}
