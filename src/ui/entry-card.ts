/**
 * The entry card: what a tooltip and the popup show for one entry. Built with createElement and
 * textContent only; glossary and page text are never parsed as HTML. Links allow https and http.
 * Every glossary entry ends with a link to report a problem with it (opened only on a click).
 */
import type { ArticleDefinition } from '../core/definitions';
import { describePeriods, today, type PeriodWording } from '../core/dates';
import { t } from '../extension/i18n';
import type { Entry } from '../core/glossary-types';
import { safeUrl } from '../core/urls';
import { reportProblemUrl } from './report-link';

/** What the card knows besides the entry. */
export interface CardContext {
  /** The article's date (YYYY-MM-DD), or today when the page has none. */
  date?: string;
  /** Today (YYYY-MM-DD), for "since" and "at the time". */
  now?: string;
  /** What the article itself says. */
  definition?: ArticleDefinition;
  /** Related entries that can be named (id → term). */
  related?: { id: string; term: string }[];
  /** Called when a related term is chosen. */
  onRelated?: (id: string) => void;
}

/** Period labels in the UI language. */
const PERIOD_WORDING: PeriodWording = {
  thenEnded: (role, from, to) => t('period_thenEnded', [role, from, to]),
  thenCurrent: (role, from) => t('period_thenCurrent', [role, from]),
  before: (role, from, to) => t('period_before', [role, from, to]),
  afterEnded: (role, from, to) => t('period_afterEnded', [role, from, to]),
  afterCurrent: (role, from) => t('period_afterCurrent', [role, from]),
};

/** The label of an entry kind in the UI language. */
function kindLabel(kind: Entry['kind']): string {
  return t(`kind_${kind}` as const);
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Builds the card for `entry`. */
export function renderEntryCard(doc: Document, entry: Entry, ctx: CardContext = {}): HTMLElement {
  const card = el(doc, 'div', 'ng-card');
  card.dataset.entryId = entry.id;
  const head = el(doc, 'div', 'ng-head');
  head.append(el(doc, 'span', 'ng-term', entry.term));
  const articleOnly = entry.sources.length === 0;
  head.append(el(doc, 'span', 'ng-kind', articleOnly ? t('card_fromThisArticle') : kindLabel(entry.kind)));
  card.append(head);

  const now = ctx.now ?? today();
  const periods = describePeriods(entry.periods, ctx.date ?? now, now, PERIOD_WORDING);
  const then = periods.find((p) => p.relation === 'then') ?? periods[0];
  if (then) card.append(el(doc, 'div', 'ng-period', then.label));

  if (!articleOnly) card.append(el(doc, 'p', 'ng-summary', entry.summary));
  if (ctx.definition || articleOnly) {
    const p = el(doc, 'p', 'ng-article');
    p.append(el(doc, 'span', 'ng-label', `${t('card_inThisArticle')} `));
    p.append(doc.createTextNode(ctx.definition?.definition ?? entry.summary));
    card.append(p);
  }

  if (ctx.related?.length) {
    const rel = el(doc, 'div', 'ng-related');
    rel.append(el(doc, 'span', 'ng-label', `${t('card_related')} `));
    ctx.related.forEach((r, i) => {
      if (i > 0) rel.append(doc.createTextNode(', '));
      if (ctx.onRelated) {
        const b = el(doc, 'button', 'ng-related-link', r.term);
        b.type = 'button';
        b.addEventListener('click', () => ctx.onRelated?.(r.id));
        rel.append(b);
      } else rel.append(el(doc, 'span', 'ng-related-term', r.term));
    });
    card.append(rel);
  }

  const source = entry.sources.map((s) => ({ title: s.title, url: safeUrl(s.url) })).find((s) => s.url);
  if (source?.url) {
    const foot = el(doc, 'div', 'ng-source');
    const a = el(doc, 'a', 'ng-source-link', source.title);
    a.href = source.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    foot.append(el(doc, 'span', 'ng-label', `${t('card_source')} `), a);
    card.append(foot);
  }

  const report = reportProblemUrl(entry);
  if (report) {
    const foot = el(doc, 'div', 'ng-report');
    const a = el(doc, 'a', 'ng-report-link', t('card_reportProblem'));
    a.href = report;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.title = t('card_reportProblemTitle');
    foot.append(a);
    card.append(foot);
  }
  return card;
}
