import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldWord, hashKey, tokenize, TokenFlag, type Tokens } from '../../src/core/tokenize';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const seed = readFileSync(path.join(FIXTURES, 'kyodo-kishida-nato-2024-07-10.txt'), 'utf8');

/** Every kind of token the tokenizer reads, in one text. */
const MIXED =
  'NATO’s N.A.T.O. summit: Zelenskyy, Zelenskyj and Erdoğan met Netan\u00adyahu in Straße 5; ' +
  'Yoon Suk-yeol, Indo\u2011Pacific, ＮＡＴＯ, 北大西洋条約機構（NATO）, ゼレンスキー大統領, 𝐌ath, U.S.-Japan.\n\nNew paragraph';

const words = (t: Tokens): string[] => Array.from({ length: t.length }, (_, i) => t.text.slice(t.starts[i], t.ends[i]));
const flagOf = (t: Tokens, word: string): number => t.flags[words(t).indexOf(word)] as number;

describe('tokenize', () => {
  it('gives every token the hash of its folded key, whatever kind of word it is', () => {
    for (const text of [seed, MIXED]) {
      const t = tokenize(text);
      expect(t.length).toBeGreaterThan(10);
      for (let i = 0; i < t.length; i++) expect(t.hashes[i], t.key(i)).toBe(hashKey(t.key(i)));
    }
  });

  it('keeps offsets into the original text and folds keys (NFKC, diacritics, case, soft hyphen)', () => {
    const t = tokenize(MIXED);
    expect(words(t).slice(0, 4)).toEqual(['NATO', 's', 'N.A.T.O', 'summit']);
    const keyOf = (word: string): string => t.key(words(t).indexOf(word));
    expect(keyOf('N.A.T.O')).toBe('nato');
    expect(keyOf('Zelenskyj')).toBe('zelenskyj');
    expect(keyOf('Erdoğan')).toBe('erdogan');
    expect(keyOf('Netan\u00adyahu')).toBe('netanyahu');
    expect(keyOf('Straße')).toBe('strasse');
    expect(keyOf('ＮＡＴＯ')).toBe('nato');
    expect(keyOf('𝐌ath')).toBe(foldWord('𝐌ath'));
  });

  it('reads Han and Kana one character a token', () => {
    const t = tokenize('岸田文雄首相');
    expect(words(t)).toEqual(['岸', '田', '文', '雄', '首', '相']);
    for (let i = 0; i < t.length; i++) expect((t.flags[i] as number) & TokenFlag.Cjk).toBeTruthy();
  });

  it('marks what the gap before a word lets a term do', () => {
    const t = tokenize(MIXED);
    expect(flagOf(t, 'yeol') & TokenFlag.HyphenBefore).toBeTruthy(); // hyphen
    expect(flagOf(t, 'Pacific') & TokenFlag.HyphenBefore).toBeTruthy(); // U+2011
    expect(flagOf(t, 'Pacific') & TokenFlag.BreakBefore).toBeFalsy();
    expect(flagOf(t, 'Japan') & TokenFlag.BreakBefore).toBeFalsy(); // after the acronym's own dot
    expect(flagOf(t, 'summit') & TokenFlag.BreakBefore).toBeFalsy();
    expect(flagOf(t, 'Zelenskyy') & TokenFlag.BreakBefore).toBeTruthy(); // after a colon
    expect(flagOf(t, 'New') & TokenFlag.BreakBefore).toBeTruthy(); // a blank line
    expect(tokenize('one\ntwo').flags[1]! & TokenFlag.BreakBefore).toBeFalsy(); // one line feed
    expect(flagOf(t, 'N.A.T.O') & TokenFlag.Dotted).toBeTruthy();
  });

  it('notes the case of plain ASCII words, and only of those', () => {
    const t = tokenize('NATO Obama iPhone labour IP4 2024 McDonald Erdoğan');
    const cased = (w: string): number =>
      flagOf(t, w) & (TokenFlag.Plain | TokenFlag.UpperFirst | TokenFlag.UpperRest | TokenFlag.HasLower);
    expect(cased('NATO')).toBe(TokenFlag.Plain | TokenFlag.UpperFirst | TokenFlag.UpperRest);
    expect(cased('Obama')).toBe(TokenFlag.Plain | TokenFlag.UpperFirst | TokenFlag.HasLower);
    expect(cased('iPhone')).toBe(TokenFlag.Plain | TokenFlag.UpperRest | TokenFlag.HasLower);
    expect(cased('labour')).toBe(TokenFlag.Plain | TokenFlag.HasLower);
    expect(cased('IP4')).toBe(TokenFlag.Plain | TokenFlag.UpperFirst | TokenFlag.UpperRest);
    expect(cased('2024')).toBe(TokenFlag.Plain);
    expect(cased('McDonald')).toBe(TokenFlag.Plain | TokenFlag.UpperFirst | TokenFlag.UpperRest | TokenFlag.HasLower);
    expect(cased('Erdoğan')).toBe(0); // not plain: its case is read from its surface
    expect(t.surface(words(t).indexOf('Erdoğan'))).toBe('Erdogan');
  });

  it('grows past its first guess of the token count (one token per character)', () => {
    const text = '日'.repeat(5000);
    const t = tokenize(text);
    expect(t.length).toBe(5000);
    expect(t.starts[4999]).toBe(4999);
    expect(t.key(4999)).toBe('日');
  });
});
