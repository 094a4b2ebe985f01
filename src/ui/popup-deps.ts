/**
 * What the toolbar popup needs from the browser (`PopupDeps`), and the real implementation:
 * messages to the background and to the tab, tabs, storage and permissions. DOM tests pass fakes.
 *
 * Which tab is "current": `?tab=<id>` when given (tests open the popup as a tab of its own, which
 * would otherwise be the active tab), else the active tab of the window the popup belongs to.
 */
import { browser } from 'wxt/browser';
import type { Entry } from '../core/glossary-types';
import {
  backgroundMessaging,
  contentMessaging,
  type GlossaryInfo,
  type PageTerm,
  type SearchResponse,
} from '../extension/protocol';
import { loadSettings, setActiveOn, type Settings } from '../extension/settings';
import { hasSiteAccess, injectIntoTab, requestSiteAccess } from '../extension/site-access';

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
