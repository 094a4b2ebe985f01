/**
 * The toolbar popup, wired together:
 *
 * - Search (./popup-search-view.ts): a combobox over a listbox of entries; Enter or a click opens
 *   the entry's card (./popup-detail-view.ts), "Back to results" or Escape goes back.
 * - "On this page" (./popup-page-section.ts): the terms the current tab's content script found,
 *   with counts, and the switch for the current site.
 * - A link to the options.
 * - `?explain=<text>` (./popup-explain.ts, the context menu's window): the entry for a selection,
 *   or "not in the glossary" with a way to add it.
 *
 * The DOM is built with createElement and textContent only; static text comes from the messages
 * (`localize`). Everything that touches the browser comes in through `PopupDeps`
 * (./popup-deps.ts), so DOM tests pass fakes.
 */
import { EXPLAIN_PARAM } from '../extension/context-menu';
import { localize, t } from '../extension/i18n';
import { errorText, need as needIn } from './dom';
import type { PopupDeps } from './popup-deps';
import { DetailView } from './popup-detail-view';
import { startExplain } from './popup-explain';
import { MARK_INTERACTIVE, MARK_READY, MARK_START } from './popup-marks';
import { renderPageSection } from './popup-page-section';
import { SearchView } from './popup-search-view';

const need = <T extends HTMLElement>(doc: Document, id: string): T => needIn<T>(doc, id, 'popup.html');

/** Starts the popup; resolves once the first view is rendered. */
export async function startPopup(deps: PopupDeps): Promise<void> {
  performance.mark(MARK_START);
  const { doc } = deps;
  localize(doc.body);
  doc.title = t('extName');
  const explain = deps.params.get(EXPLAIN_PARAM);
  if (explain !== null) return startExplain(deps, explain);

  const page = need<HTMLElement>(doc, 'page');
  const detail = new DetailView(deps, [need<HTMLElement>(doc, 'results'), page], () => search.showAfterDetail());
  const search = new SearchView(deps, page, detail);
  need<HTMLAnchorElement>(doc, 'options').addEventListener('click', (e) => {
    e.preventDefault();
    deps.openOptions();
    deps.close();
  });

  search.showIdleStatus();
  search.input.focus();
  performance.mark(MARK_INTERACTIVE);

  const infoDone = deps.getGlossaryInfo().then(
    (info) => search.setGlossaryInfo(info),
    (err: unknown) => search.setGlossaryInfo(undefined, errorText(err)),
  );
  const pageDone = renderPageSection(deps, page).catch((err: unknown) => {
    need<HTMLElement>(doc, 'page-status').textContent = t('loadError', errorText(err));
  });
  await Promise.all([infoDone, pageDone]);
  performance.mark(MARK_READY);
}
