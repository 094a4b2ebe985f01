/**
 * An article file as the matcher sees it: a .txt file's content as read, or an .html file's text
 * as the content script extracts it (happy-dom parses the page; src/page/extract.ts reads it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findArticleDate } from '../page/article-date';
import { extractText } from '../page/extract';
import { CliError, describeFsError } from './errors';
import { displayPath } from './paths';

/** How an article file is read, by extension. */
export type ArticleFormat = 'text' | 'html';

/** The format of an article file, or undefined for an extension the CLI does not read. */
export function articleFormat(file: string): ArticleFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt' || ext === '.text' || ext === '.md') return 'text';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  return undefined;
}

/** An article as the engine reads it. */
export interface ArticleText {
  /** The text (an HTML page's as the content script extracts it). */
  text: string;
  /** How the file was read. */
  format: ArticleFormat;
  /** The article's date (YYYY-MM-DD) from an HTML page's metadata, as the content script reads it. */
  date?: string;
}

/** The text and date of an HTML page, as the content script extracts them. */
export async function readHtml(html: string, url = 'https://example.org/'): Promise<{ text: string; date?: string }> {
  // Loaded only for HTML: happy-dom is most of the command line's start-up time.
  const { Window } = await import('happy-dom');
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const date = findArticleDate(doc as unknown as Document);
    return { text: extractText(doc as unknown as Document).text, ...(date ? { date } : {}) };
  } finally {
    await window.happyDOM.close();
  }
}

/** Reads an article file (.txt as is, .html through the content script's extraction). */
export async function readArticle(file: string): Promise<ArticleText> {
  const format = articleFormat(file);
  if (!format) throw new CliError(`${displayPath(file)}: expected a .txt or .html file`, 2);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${displayPath(file)}: ${describeFsError(err)}`);
  }
  if (format === 'text') return { text: raw, format };
  return { ...(await readHtml(raw, pathToFileURL(file).href)), format };
}
