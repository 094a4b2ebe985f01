/**
 * "Report a problem with this entry": the project's issue form for a wrong entry, with the
 * entry filled in. Only a link — opened when the reader clicks it; nothing is sent otherwise.
 */
import type { Entry } from '../core/glossary-types';

/** The project's repository (also `repository` and `bugs` in package.json). */
export const REPOSITORY_URL = 'https://github.com/news-glossary/news-glossary';

/** The issue form for a wrong entry (.github/ISSUE_TEMPLATE/wrong-entry.yml; its `entry` field is filled in). */
const WRONG_ENTRY_TEMPLATE = 'wrong-entry.yml';

/** Prefix of the ids of terms only the article defines (as in core/engine.ts, not imported to keep the card light). */
const ARTICLE_ID_PREFIX = 'article:';

/** The URL of the issue form for `entry`, or undefined for a term only the article defines. */
export function reportProblemUrl(entry: Pick<Entry, 'id' | 'term'>): string | undefined {
  if (entry.id.startsWith(ARTICLE_ID_PREFIX)) return undefined;
  const title = `Wrong entry: ${entry.term} (${entry.id})`;
  return `${REPOSITORY_URL}/issues/new?template=${WRONG_ENTRY_TEMPLATE}&entry=${encodeURIComponent(entry.id)}&title=${encodeURIComponent(title)}`;
}
