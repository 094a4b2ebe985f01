/**
 * Accuracy of the matcher with the bundled glossary on labeled texts: the seed article (every
 * mention labeled) and variant texts. Precision and recall are printed; the seed must be 100%.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GlossaryEngine } from '../../src/core/engine';
import type { Entry, GlossaryFile } from '../../src/core/glossary-types';

const root = process.cwd();
const entries: Entry[] = readdirSync(join(root, 'glossary'))
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .flatMap((f) => (JSON.parse(readFileSync(join(root, 'glossary', f), 'utf8')) as GlossaryFile).entries);
const engine = new GlossaryEngine(entries);

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const scores: Record<string, Score> = {};
const key = (id: string, start: number, end: number): string => `${id}@${start}-${end}`;

function score(name: string, expected: string[], found: string[]): Score {
  const exp = new Set(expected);
  const got = new Set(found);
  const s = {
    tp: [...got].filter((k) => exp.has(k)).length,
    fp: [...got].filter((k) => !exp.has(k)).length,
    fn: [...exp].filter((k) => !got.has(k)).length,
  };
  scores[name] = s;
  return s;
}

const pr = (s: Score): { precision: number; recall: number } => ({
  precision: s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1,
  recall: s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1,
});

afterAll(() => {
  const total = Object.values(scores).reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  const rows = Object.fromEntries(
    [...Object.entries(scores), ['ALL', total] as const].map(([n, s]) => {
      const { precision, recall } = pr(s);
      return [n, { ...s, precision: precision.toFixed(3), recall: recall.toFixed(3) }];
    }),
  );
  console.log('Matcher accuracy on labeled texts (bundled glossary):');
  console.table(rows);
});

describe('the seed article', () => {
  it('finds every labeled mention and nothing else (100% precision and recall)', () => {
    const labeled = JSON.parse(readFileSync(join(root, 'tests/fixtures/labeled/kyodo-seed.json'), 'utf8')) as {
      source: string;
      mentions: { id: string; text: string; start: number; end: number }[];
    };
    const text = readFileSync(join(root, labeled.source), 'utf8');
    for (const m of labeled.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const found = engine.analyze(text).matches.map((m) => key(m.id, m.start, m.end));
    const s = score(
      'seed article',
      labeled.mentions.map((m) => key(m.id, m.start, m.end)),
      found,
    );
    expect(s).toEqual({ tp: labeled.mentions.length, fp: 0, fn: 0 });
  });
});

/** Every labeled file with short texts: `{ note, texts: [{ name, text, mentions: [[id, as written]] }] }`. */
const textFiles = readdirSync(join(root, 'tests/fixtures/labeled'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(root, 'tests/fixtures/labeled', f), 'utf8')) as Record<string, unknown>)
  .filter((d): d is { texts: { name: string; text: string; mentions: [string, string][] }[] } => Array.isArray(d.texts));

describe('short labeled texts', () => {
  for (const v of textFiles.flatMap((d) => d.texts)) {
    it(v.name, () => {
      // Labels name the mention as written; find each in order to get its offsets.
      let from = 0;
      const expected = v.mentions.map(([id, mention]) => {
        const at = v.text.indexOf(mention, from);
        expect(at, `"${mention}" in the text`).toBeGreaterThanOrEqual(0);
        from = at + mention.length;
        return key(id, at, at + mention.length);
      });
      const found = engine.analyze(v.text).matches.map((m) => key(m.id, m.start, m.end));
      score(v.name, expected, found);
      expect(found).toEqual(expected);
    });
  }
});
