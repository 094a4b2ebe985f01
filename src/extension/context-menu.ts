/**
 * The context menu "Explain “%s”" on selected text. Choosing it opens the popup page in a small
 * window with `?explain=<selection>`: the entry card when the selection names an entry, or
 * "not in the glossary" with a button that opens the options' "My glossary" with the term
 * filled in (`options.html?add=<selection>#my-glossary`). A window of our own needs no access to
 * the page, so it works on every site, also where the glossary is off or not allowed.
 */
import { browser } from 'wxt/browser';
import { t } from './i18n';

/** Id of the menu item. */
export const EXPLAIN_MENU_ID = 'explain-selection';

/** Longest selection passed on (longer ones are cut; no entry has a longer name). */
const MAX_SELECTION = 200;

/** The query parameter of popup.html that asks for "Explain". */
export const EXPLAIN_PARAM = 'explain';

/** The query parameter of options.html that fills in the add-a-term form. */
export const ADD_PARAM = 'add';

/**
 * The selection as passed on: white space collapsed, punctuation around it and a possessive
 * ("Kishida's") dropped, cut to MAX_SELECTION.
 */
export function cleanSelection(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’«»()[\]{},.;:!?…—–-]+|[\s"'“”‘’«»()[\]{},.;:!?…—–-]+$/gu, '')
    .replace(/['’]s$/u, '')
    .slice(0, MAX_SELECTION);
}

/** The extension page that explains `text`. */
export function explainUrl(text: string, getURL: (path: '/popup.html') => string = (p) => browser.runtime.getURL(p)): string {
  return `${getURL('/popup.html')}?${new URLSearchParams({ [EXPLAIN_PARAM]: cleanSelection(text) })}`;
}

/** The options page with `term` filled in as a new entry of My glossary. */
export function addTermUrl(term: string, getURL: (path: '/options.html') => string = (p) => browser.runtime.getURL(p)): string {
  return `${getURL('/options.html')}?${new URLSearchParams({ [ADD_PARAM]: cleanSelection(term) })}#my-glossary`;
}

/** Opens the explain window for a selection. */
async function openExplain(text: string): Promise<void> {
  await browser.windows.create({ url: explainUrl(text), type: 'popup', width: 420, height: 560 });
}

/**
 * Registers the menu item (on install and update) and its click handler. Call synchronously at
 * the background's start. Does nothing where the menus API is missing (no `contextMenus`
 * permission), so the rest of the background still runs.
 */
export function registerContextMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    void menus.removeAll().then(() => {
      menus.create({ id: EXPLAIN_MENU_ID, title: t('contextExplain'), contexts: ['selection'] });
    });
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId !== EXPLAIN_MENU_ID || !info.selectionText) return;
    openExplain(info.selectionText).catch((err: unknown) => console.warn('[News Glossary] explain:', err));
  });
}
