/**
 * The benchmark corpus: the real pages of tests/fixtures/pages (copied from ../shared/corpus),
 * reduced to the text the content script would see (src/page/extract.ts on a happy-dom document).
 * Extraction is slow next to matching, so the texts are cached in memory for the process.
 *
 * Every implementation is timed on the same `text`: the extracted text with white space
 * normalized (see `normalizeText`), so that a regex of literal forms can match it. The
 * normalization keeps our matcher's semantics (it treats any such run as one space, or as a
 * paragraph break), so `raw` is also kept to time our matcher on exactly what the page yields.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { extractText } from '../src/page/extract';

/** One corpus page as the content script would read it. */
export interface CorpusPage {
  /** File name in tests/fixtures/pages. */
  file: string;
  /** BCP 47 language from index.json. */
  language: string;
  /** The extracted text, normalized (`normalizeText`): the benchmark input. */
  text: string;
  /** UTF-8 size of `text`. */
  bytes: number;
  /** The extracted text as extractText returns it (article body first, blocks separated by U+2029). */
  raw: string;
  /** UTF-8 size of `raw`. */
  rawBytes: number;
}

/** Characters tokenize.ts drops inside a word (soft hyphen, ZWNJ, ZWJ, word joiner, BOM). */
const IGNORABLE = /[\u00ad\u200c\u200d\u2060\ufeff]/g;
/** Runs of the white-space joiners of tokenize.ts (including U+200B; not U+2029). */
const SPACE_RUN = /[ \t\r\n\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]+/g;

/**
 * The text with ignorable characters removed and each run of white space replaced by one space,
 * or by U+2029 when it holds a blank line (two line feeds: our tokenizer ends a phrase there).
 * Our matcher finds the same mentions in both (it skips a soft hyphen inside a word, Netan\u00adyahu,
 * which a regex of literal forms cannot): tests/unit/bench-oracle.test.ts checks it.
 */
export function normalizeText(raw: string): string {
  return raw.replace(IGNORABLE, '').replace(SPACE_RUN, (run) => (run.indexOf('\n') !== run.lastIndexOf('\n') ? '\u2029' : ' '));
}

interface IndexEntry {
  file: string;
  language: string;
}

/** tests/fixtures/pages, found from this file so the cwd does not matter. */
const PAGES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/pages');

const cache = new Map<string, Promise<CorpusPage>>();

/** The file names listed in index.json, in its order. */
function corpusFiles(): string[] {
  const index = JSON.parse(readFileSync(path.join(PAGES_DIR, 'index.json'), 'utf8')) as IndexEntry[];
  return index.map((e) => e.file);
}

async function extract(file: string): Promise<CorpusPage> {
  const index = JSON.parse(readFileSync(path.join(PAGES_DIR, 'index.json'), 'utf8')) as IndexEntry[];
  const language = index.find((e) => e.file === file)?.language ?? 'en';
  const html = readFileSync(path.join(PAGES_DIR, file), 'utf8');
  const window = new Window();
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const raw = extractText(doc as unknown as Document).text;
    const text = normalizeText(raw);
    return { file, language, text, bytes: Buffer.byteLength(text, 'utf8'), raw, rawBytes: Buffer.byteLength(raw, 'utf8') };
  } finally {
    await window.happyDOM.close();
  }
}

/** The extracted pages (all of index.json, or the named files), cached per process. */
export async function loadCorpus(files: readonly string[] = corpusFiles()): Promise<CorpusPage[]> {
  const out: CorpusPage[] = [];
  for (const file of files) {
    let page = cache.get(file);
    if (!page) {
      page = extract(file);
      cache.set(file, page);
    }
    out.push(await page);
  }
  return out;
}
