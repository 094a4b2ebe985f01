/**
 * Accuracy of the engine with the bundled glossary on the labeled corpus (tests/fixtures/labeled):
 * the seed article (every mention labeled, with offsets), short texts (traps, variants, the packs'
 * topics, the article's own people) and the ten corpus pages read as the content script reads
 * them. Glossary mentions and the article's own entries (roles and definitions) are counted
 * apart. Precision and recall are printed per text and in total; the suite fails below the floors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHtml } from '../../src/cli/article';
import { ARTICLE_ID_PREFIX, GlossaryEngine, type Analysis } from '../../src/core/engine';
import type { Entry, GlossaryFile } from '../../src/core/glossary-types';

/** Floors of the whole labeled corpus (issue #12). */
const FLOOR = { precision: 0.99, recall: 0.95, articlePrecision: 0.95 };

const root = process.cwd();
const LABELED = join(root, 'tests/fixtures/labeled');
const entries: Entry[] = readdirSync(join(root, 'glossary'))
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .flatMap((f) => (JSON.parse(readFileSync(join(root, 'glossary', f), 'utf8')) as GlossaryFile).entries);
const engine = new GlossaryEngine(entries);

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const mentionScores: Record<string, Score> = {};
const articleScores: Record<string, Score> = {};

/** A labeled text: its mentions as [entry id, as written] in text order; optionally the article's own words. */
interface Labeled {
  name: string;
  text: string;
  date?: string | null;
  mentions: [string, string][];
  /** [term, what the article says it is]; when present, the article's definitions are scored too. */
  article?: [string, string][];
}

function compare(expected: string[], found: string[]): Score {
  const left = [...expected];
  let tp = 0;
  for (const f of found) {
    const k = left.indexOf(f);
    if (k >= 0) {
      tp++;
      left.splice(k, 1);
    }
  }
  return { tp, fp: found.length - tp, fn: left.length };
}

/** Labeled mentions with their offsets, found in order. */
function expectedKeys(l: Labeled): string[] {
  let from = 0;
  return l.mentions.map(([id, mention]) => {
    const at = l.text.indexOf(mention, from);
    expect(at, `${l.name}: "${mention}" (${id}) in the text after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + mention.length;
    return `${id}@${at}`;
  });
}

/** The article's definitions found: [term, definition] of article entries and of glossary entries. */
function articleKeys(a: Analysis): string[] {
  return Object.values(a.definitions).map((d) => `${d.term}|${d.definition}`);
}

/**
 * Scores one text. Short texts compare mentions by place; a page compares them as a multiset of
 * (entry, mention as written), since a page's labels skip occurrences that are rightly unmarked
 * ("New Zealand Department of Conservation") and cannot say which by order alone.
 */
function scoreText(l: Labeled, byPlace = true): void {
  const a = engine.analyze(l.text, l.date ? { date: l.date } : {});
  const glossary = a.matches.filter((m) => !m.id.startsWith(ARTICLE_ID_PREFIX));
  mentionScores[l.name] = byPlace
    ? compare(
        expectedKeys(l),
        glossary.map((m) => `${m.id}@${m.start}`),
      )
    : compare(
        l.mentions.map(([id, text]) => `${id}|${text}`),
        glossary.map((m) => `${m.id}|${m.text}`),
      );
  if (l.article)
    articleScores[l.name] = compare(
      l.article.map(([t, d]) => `${t}|${d}`),
      articleKeys(a),
    );
}

const sum = (scores: Record<string, Score>): Score =>
  Object.values(scores).reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
const precision = (s: Score): number => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1);
const recall = (s: Score): number => (s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1);

function table(title: string, scores: Record<string, Score>): void {
  const rows = Object.fromEntries(
    [...Object.entries(scores), ['ALL', sum(scores)] as const].map(([n, s]) => [
      n,
      { ...s, precision: precision(s).toFixed(3), recall: recall(s).toFixed(3) },
    ]),
  );
  console.log(title);
  console.table(rows);
}

afterAll(() => {
  table('Glossary mentions on the labeled corpus (bundled glossary):', mentionScores);
  table("The article's own entries (roles and definitions):", articleScores);
});

describe('the seed article', () => {
  it('finds every labeled mention and nothing else (100% precision and recall)', () => {
    const labeled = JSON.parse(readFileSync(join(LABELED, 'kyodo-seed.json'), 'utf8')) as {
      source: string;
      mentions: { id: string; text: string; start: number; end: number }[];
    };
    const text = readFileSync(join(root, labeled.source), 'utf8');
    for (const m of labeled.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const found = engine.analyze(text).matches.map((m) => `${m.id}@${m.start}-${m.end}`);
    const s = compare(
      labeled.mentions.map((m) => `${m.id}@${m.start}-${m.end}`),
      found,
    );
    mentionScores['seed article'] = s;
    expect(s).toEqual({ tp: labeled.mentions.length, fp: 0, fn: 0 });
  });
});

/** Files of short texts: `{ note, texts: [Labeled] }`. */
const shortTexts = readdirSync(LABELED)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(LABELED, f), 'utf8')) as { texts?: Labeled[] })
  .flatMap((d) => d.texts ?? []);

describe('short labeled texts', () => {
  it(`scores ${shortTexts.length} texts`, () => {
    expect(shortTexts.length).toBeGreaterThanOrEqual(30);
    for (const l of shortTexts) scoreText(l);
  });
});

/** The corpus pages: `{ source, url, date, mentions, article }`, read through the content script's extraction. */
const pages = readdirSync(join(LABELED, 'pages'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    ...(JSON.parse(readFileSync(join(LABELED, 'pages', f), 'utf8')) as Omit<Labeled, 'name' | 'text'> & {
      source: string;
      url: string;
    }),
  }));

describe('the corpus pages', { timeout: 60_000 }, () => {
  it(`scores ${pages.length} pages`, async () => {
    expect(pages.length).toBe(10);
    for (const p of pages) {
      const { text, date } = await readHtml(readFileSync(join(root, p.source), 'utf8'), p.url);
      expect(date ?? null, `${p.file}: the date the page gives`).toBe(p.date ?? null);
      scoreText({ ...p, name: p.file.replace(/\.json$/, ''), text }, false);
    }
  });
});

describe('the floors', () => {
  it(`glossary mentions: precision ≥ ${FLOOR.precision}, recall ≥ ${FLOOR.recall}`, () => {
    const all = sum(mentionScores);
    expect(all.tp).toBeGreaterThan(500);
    expect(precision(all)).toBeGreaterThanOrEqual(FLOOR.precision);
    expect(recall(all)).toBeGreaterThanOrEqual(FLOOR.recall);
  });
  it(`the article's own entries: precision ≥ ${FLOOR.articlePrecision}`, () => {
    const all = sum(articleScores);
    expect(all.tp).toBeGreaterThan(10);
    expect(precision(all)).toBeGreaterThanOrEqual(FLOOR.articlePrecision);
  });
});
