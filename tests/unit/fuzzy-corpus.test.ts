/**
 * Fuzzy matching on real pages: every capitalized span the exact pass leaves is a candidate; the
 * test prints how many were tried and how many fuzzy matches were false (not in the hand-judged
 * list), and fails on any false one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { GlossaryEngine } from '../../src/core/engine';
import type { Entry, GlossaryFile } from '../../src/core/glossary-types';
import { extractText } from '../../src/page/extract';

const root = process.cwd();
const entries: Entry[] = readdirSync(join(root, 'glossary'))
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .flatMap((f) => (JSON.parse(readFileSync(join(root, 'glossary', f), 'utf8')) as GlossaryFile).entries);
const engine = new GlossaryEngine(entries);
const accepted = new Set(
  (
    JSON.parse(readFileSync(join(root, 'tests/fixtures/labeled/corpus-fuzzy.json'), 'utf8')) as {
      accepted: [string, string, string][];
    }
  ).accepted.map((a) => a.join('|')),
);
const pages = readdirSync(join(root, 'tests/fixtures/pages')).filter((f) => f.endsWith('.html'));
const totals = { tried: 0, fuzzy: 0, falseMatches: 0, exact: 0 };

afterAll(() => {
  const rate = totals.tried ? totals.falseMatches / totals.tried : 0;
  console.log(
    `Fuzzy matching on ${pages.length} corpus pages: ${totals.tried} candidate spans tried, ${totals.fuzzy} fuzzy matches, ` +
      `${totals.falseMatches} false (false-positive rate ${(rate * 100).toFixed(2)}% of candidates); ${totals.exact} exact mentions.`,
  );
});

describe('fuzzy matching on the corpus pages', () => {
  for (const page of pages) {
    it(`${page}: no false fuzzy match`, async () => {
      const win = new Window();
      const doc = new win.DOMParser().parseFromString(
        readFileSync(join(root, 'tests/fixtures/pages', page), 'utf8'),
        'text/html',
      );
      const text = extractText(doc as unknown as Document).text;
      const before = engine.fuzzy.tried;
      const matches = engine.analyze(text).matches;
      totals.tried += engine.fuzzy.tried - before;
      const fuzzy = matches.filter((m) => m.via === 'fuzzy').map((m) => `${page}|${m.id}|${m.text}`);
      totals.fuzzy += fuzzy.length;
      totals.exact += matches.length - fuzzy.length;
      const wrong = fuzzy.filter((k) => !accepted.has(k));
      totals.falseMatches += wrong.length;
      expect(wrong).toEqual([]);
      await win.happyDOM.close();
    });
  }
  it('tried candidate spans (the fuzzy matcher was exercised)', () => {
    expect(totals.tried).toBeGreaterThan(100);
  });
});
