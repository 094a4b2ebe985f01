import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { servePage } from './extension';

/** tests/fixtures, read at test time. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** tests/fixtures/pages: real news pages from Mozilla Readability's test suite (see ATTRIBUTION.md). */
export const PAGES_DIR = join(FIXTURES_DIR, 'pages');

/** One saved page of tests/fixtures/pages/index.json. */
export interface FixturePage {
  /** File name inside tests/fixtures/pages. */
  file: string;
  /** Address the page is served at in the browser (its real address, as https). */
  url: string;
  /** Text of the page's <title>, whitespace collapsed. */
  title: string;
  /** BCP 47 language of the article text ('en', 'fr', 'ja'). */
  language: string;
}

/** A fixture page together with its HTML. */
export interface LoadedFixturePage extends FixturePage {
  /** The saved HTML, as UTF-8 text. */
  html: string;
}

/** Address at which the Kyodo News seed article is served. */
export const KYODO_URL = 'https://english.kyodonews.net/news/2024/07/kishida-nato-summit.html';

/** The Kyodo News seed article as a page (tests/fixtures/kyodo-article.html). */
export const KYODO_PAGE: FixturePage = {
  file: 'kyodo-article.html',
  url: KYODO_URL,
  title: "Kishida leaves for NATO summit, to meet Germany's Scholz | Kyodo News",
  language: 'en',
};

function isFixturePage(value: unknown): value is FixturePage {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (['file', 'url', 'title', 'language'] as const).every((key) => typeof record[key] === 'string');
}

/** Reads and checks tests/fixtures/pages/index.json. */
export function loadPageIndex(): FixturePage[] {
  const path = join(PAGES_DIR, 'index.json');
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed) || !parsed.every(isFixturePage)) {
    throw new Error(`${path} must be an array of { file, url, title, language } strings`);
  }
  return parsed.map(({ file, url, title, language }) => ({ file, url, title, language }));
}

/** Reads the HTML of a fixture page (by entry or by file name) from tests/fixtures/pages. */
function loadPageHtml(page: FixturePage | string): string {
  const file = typeof page === 'string' ? page : page.file;
  return readFileSync(join(PAGES_DIR, file), 'utf8');
}

/** Every page of index.json with its HTML. */
export function loadFixturePages(): LoadedFixturePage[] {
  return loadPageIndex().map((page) => ({ ...page, html: loadPageHtml(page) }));
}

/** Finds a page of index.json by file name ('bbc-1.html') or stem ('bbc-1'). */
export function fixturePage(name: string): LoadedFixturePage {
  const page = loadPageIndex().find((p) => p.file === name || p.file === `${name}.html`);
  if (!page) throw new Error(`No fixture page named ${name} in ${join(PAGES_DIR, 'index.json')}`);
  return { ...page, html: loadPageHtml(page) };
}

/** HTML of the Kyodo News seed article page. */
export function loadKyodoHtml(): string {
  return readFileSync(join(FIXTURES_DIR, KYODO_PAGE.file), 'utf8');
}

/** Plain text of the Kyodo News seed article (tests/fixtures/kyodo-kishida-nato-2024-07-10.txt). */
export function loadKyodoText(): string {
  return readFileSync(join(FIXTURES_DIR, 'kyodo-kishida-nato-2024-07-10.txt'), 'utf8');
}

/** The Kyodo News seed article with its HTML. */
export function kyodoPage(): LoadedFixturePage {
  return { ...KYODO_PAGE, html: loadKyodoHtml() };
}

/** Serves a fixture page at its url in the context, so that `page.goto(fixture.url)` loads it offline. */
export async function serveFixture(context: BrowserContext, fixture: LoadedFixturePage): Promise<void> {
  await servePage(context, fixture.url, fixture.html);
}
