/**
 * The popup's "On this page" section for the current tab: the switch for its site (or "Enable on
 * this site" where the extension may not read it, or a note that the glossary is off everywhere),
 * and the terms the tab's content script found, with counts; choosing one scrolls the page to its
 * first mention and opens its tooltip.
 */
import { webPage } from '../core/urls';
import { t, type MessageKey } from '../extension/i18n';
import type { PageTerm } from '../extension/protocol';
import { isActiveOn, type Settings } from '../extension/settings';
import { el, errorText, need as needIn } from './dom';
import type { PopupDeps, PopupTab } from './popup-deps';

const need = <T extends HTMLElement>(doc: Document, id: string): T => needIn<T>(doc, id, 'popup.html');

/** How long the popup waits for a page to answer with its terms. */
const PAGE_TERMS_TIMEOUT_MS = 1500;

/** The pause between two requests for a page's terms while it reads itself again. */
const PAGE_TERMS_RETRY_MS = 400;

/** How often the popup asks for the terms of a page that was just turned on (it reads itself again). */
const ATTEMPTS_AFTER_TURNING_ON = 6;

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

/** The tab's terms, asking up to `attempts` times until some come; undefined when it never answered. */
async function fetchPageTerms(
  deps: Pick<PopupDeps, 'pageTerms'>,
  tabId: number,
  attempts: number,
): Promise<PageTerm[] | undefined> {
  let terms: PageTerm[] | undefined;
  for (let i = 0; i < attempts && !terms?.length; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, PAGE_TERMS_RETRY_MS));
    terms = await withTimeout(deps.pageTerms(tabId), PAGE_TERMS_TIMEOUT_MS).catch(() => terms);
  }
  return terms;
}

/** One term of the page as a button: its name and count. */
function pageTermButton(doc: Document, term: PageTerm, onClick: () => void): HTMLLIElement {
  const li = el(doc, 'li');
  const b = el(doc, 'button', 'page-term');
  b.type = 'button';
  b.dataset.entryId = term.id;
  b.setAttribute('aria-label', t('revealTerm', [term.term, String(term.count)]));
  b.append(el(doc, 'span', 'term', term.term), el(doc, 'span', 'count', String(term.count)));
  b.addEventListener('click', onClick);
  li.append(b);
  return li;
}

/** The section's status line: a message, or hidden. */
function showPageStatus(line: HTMLElement, key: MessageKey | undefined, subs?: string): void {
  line.textContent = key ? t(key, subs) : '';
  line.hidden = !key;
}

/** Most mentioned first, then alphabetical. */
const byCount = (a: PageTerm, b: PageTerm): number => b.count - a.count || a.term.localeCompare(b.term);

/** "On this page" for a web page's tab. */
class PageSection {
  private readonly site: HTMLElement;
  private readonly pageStatus: HTMLElement;
  private readonly termsList: HTMLUListElement;

  constructor(
    private readonly deps: PopupDeps,
    private readonly tab: PopupTab,
    private readonly web: { origin: string; host: string },
  ) {
    this.site = need<HTMLElement>(deps.doc, 'site');
    this.pageStatus = need<HTMLElement>(deps.doc, 'page-status');
    this.termsList = need<HTMLUListElement>(deps.doc, 'page-terms');
  }

  private setStatus(key: MessageKey | undefined, subs?: string): void {
    showPageStatus(this.pageStatus, key, subs);
  }

  /** Shows the section for `settings`, asking the page `attempts` times for its terms. */
  async render(settings: Settings, attempts: number): Promise<void> {
    this.site.replaceChildren();
    this.termsList.replaceChildren();
    if (!settings.enabled) {
      this.site.append(el(this.deps.doc, 'p', 'note', t('offEverywhere')));
      return this.setStatus(undefined);
    }
    const access = await this.deps.hasSiteAccess(this.web.origin).catch(() => false);
    if (!access) {
      this.showEnableButton();
      return this.setStatus(undefined);
    }
    const on = isActiveOn(settings, this.web.host);
    this.showSiteSwitch(on);
    if (!on) return this.setStatus('onThisPageOff');
    await this.showTerms(attempts);
  }

  /** "Enable on this site": asks for access, then runs the content script and shows its terms. */
  private showEnableButton(): void {
    const { doc } = this.deps;
    const { host, origin } = this.web;
    const enable = el(doc, 'button', 'enable', t('enableOnSite'));
    enable.type = 'button';
    enable.id = 'enable-site';
    const hint = el(doc, 'p', 'note', t('enableOnSiteHint', host));
    enable.addEventListener('click', () => {
      // The request comes first, straight from the click (Firefox needs the user gesture).
      this.deps
        .requestSiteAccess(origin)
        .then(async (granted) => {
          if (!granted) {
            hint.textContent = t('enableOnSiteDenied', host);
            return;
          }
          await this.deps.injectIntoTab(this.tab.id).catch(() => {});
          await this.render(await this.deps.loadSettings(), ATTEMPTS_AFTER_TURNING_ON);
        })
        .catch((err: unknown) => {
          hint.textContent = t('loadError', errorText(err));
        });
    });
    this.site.append(hint, enable);
  }

  /** The switch for the site (on: the glossary reads its pages). */
  private showSiteSwitch(on: boolean): void {
    const { doc } = this.deps;
    const label = el(doc, 'label', 'switch');
    const box = el(doc, 'input');
    box.type = 'checkbox';
    box.id = 'site-switch';
    box.setAttribute('role', 'switch');
    box.checked = on;
    label.append(box, el(doc, 'span', 'switch-text', t('siteSwitch', this.web.host)));
    box.addEventListener('change', () => {
      box.disabled = true;
      this.deps
        .setActiveOn(this.web.host, box.checked)
        // Turned on, the page reads itself again: ask a few times for its terms.
        .then((next) => this.render(next, ATTEMPTS_AFTER_TURNING_ON))
        .catch((err: unknown) => this.setStatus('loadError', errorText(err)))
        .finally(() => {
          box.disabled = false;
        });
    });
    this.site.append(label);
  }

  /** The page's terms, most mentioned first; a click reveals the first mention (and closes the popup). */
  private async showTerms(attempts: number): Promise<void> {
    const { doc } = this.deps;
    this.termsList.replaceChildren();
    this.setStatus('onThisPageLoading');
    const terms = await fetchPageTerms(this.deps, this.tab.id, attempts);
    if (!terms) return this.setStatus('onThisPageNotRead');
    if (!terms.length) return this.setStatus('onThisPageNone');
    this.setStatus(undefined);
    const reveal = (term: PageTerm): void => {
      this.deps
        .revealTerm(this.tab.id, term.id)
        .catch(() => false)
        .then(() => {
          if (!this.deps.params.has('tab')) this.deps.close();
        });
    };
    this.termsList.replaceChildren(...[...terms].sort(byCount).map((term) => pageTermButton(doc, term, () => reveal(term))));
  }
}

/** Fills "On this page" and the site switch for the current tab. */
export async function renderPageSection(deps: PopupDeps, section: HTMLElement): Promise<void> {
  const { doc } = deps;
  const pageStatus = need<HTMLElement>(doc, 'page-status');
  showPageStatus(pageStatus, 'onThisPageLoading');
  // Two independent look-ups at once: the popup's first view waits for both.
  const settingsLoaded = deps.loadSettings();
  settingsLoaded.catch(() => {});
  const tab = await deps.currentTab().catch(() => undefined);
  const web = webPage(tab?.url);
  if (!tab || !web) {
    need<HTMLElement>(doc, 'site').replaceChildren();
    need<HTMLUListElement>(doc, 'page-terms').replaceChildren();
    showPageStatus(pageStatus, 'onThisPageNotWeb');
    return;
  }
  section.dataset.host = web.host;
  await new PageSection(deps, tab, web).render(await settingsLoaded, 1);
}
