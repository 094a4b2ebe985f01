/** The article's date, read from the page's metadata (meta, JSON-LD, <time>). */
import { articleDate } from '../core/dates';

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[property="og:published_time"]',
];

/** YYYY-MM-DD of the article in `doc`, or undefined when the page gives none. */
export function findArticleDate(doc: Document): string | undefined {
  const meta = META_SELECTORS.map((s) => doc.querySelector(s)?.getAttribute('content'));
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');
  const times = [...doc.querySelectorAll('time[datetime]')].slice(0, 5).map((t) => t.getAttribute('datetime'));
  return articleDate({ meta, jsonLd, times });
}
