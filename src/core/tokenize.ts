/**
 * Word tokenization for matching, with offsets into the original text.
 *
 * A token is a run of letters, digits and combining marks (one Latin/Cyrillic/… word), or a
 * single Han/Kana character (scripts written without spaces match character by character).
 * Each token carries a folded key (NFKC, case folded, diacritics removed) and whether the gap
 * before it lets a multi-word term continue across it (spaces, hyphens, dashes, apostrophes,
 * non-breaking and zero-width spaces do; other punctuation does not).
 */

/** Character classes used by the tokenizer. */
const enum C {
  /** Ends any multi-word match: punctuation, line/paragraph breaks. */
  Break = 0,
  /** Letter, digit or combining mark: part of a word. */
  Word = 1,
  /** Space, hyphen, dash, apostrophe: between the words of one term. */
  Joiner = 2,
  /** Han, Hiragana, Katakana: each character is its own token. */
  Cjk = 3,
  /** Invisible inside a word (soft hyphen, word joiner, BOM, ZWJ/ZWNJ). */
  Ignorable = 4,
  /** Full stop: may join a dotted acronym (N.A.T.O.). */
  Dot = 5,
  /** Hyphen or dash: a joiner that also lets the text lower-case the next word (Suk-yeol). */
  Hyphen = 6,
}

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) ASCII[c] = C.Word;
  else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === "'") ASCII[c] = C.Joiner;
  else if (ch === '-') ASCII[c] = C.Hyphen;
  else if (ch === '.') ASCII[c] = C.Dot;
  else ASCII[c] = C.Break;
}

const JOINERS = new Set([
  0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x202f, 0x205f,
  0x3000, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d, 0x2018, 0x2019, 0x02bc, 0x02bb, 0x0060, 0x00b4,
  0xff07, 0x30fb, 0xff65, 0x00b7,
]);
const IGNORABLE = new Set([0x00ad, 0x200c, 0x200d, 0x2060, 0xfeff]);
const WORD_RUNS = /[\p{L}\p{N}\p{M}]+/gu;
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005\uff70]+/gu;

/**
 * The class of every UTF-16 code unit, built on first use (a few milliseconds): the scanning
 * loops then read one byte per character and call nothing.
 */
let classTable: Uint8Array | undefined;

function buildClassTable(): Uint8Array {
  const table = new Uint8Array(0x10000); // C.Break
  // Every code unit in one string (surrogate halves as spaces: they cannot stand alone in a
  // u-flag pattern), and the runs of word and Han/Kana characters in it.
  const units = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 0x20 : c;
  let all = '';
  for (let c = 0; c < 0x10000; c += 0x1000) all += String.fromCharCode(...units.subarray(c, c + 0x1000));
  for (const m of all.matchAll(WORD_RUNS)) table.fill(C.Word, m.index, m.index + m[0].length);
  for (const m of all.matchAll(CJK_RUNS)) table.fill(C.Cjk, m.index, m.index + m[0].length);
  table.fill(C.Word, 0xd800, 0xe000); // surrogate halves: astral letters are rare; keep words whole
  for (const c of IGNORABLE) table[c] = C.Ignorable;
  for (const c of JOINERS) table[c] = isHyphen(c) ? C.Hyphen : C.Joiner;
  table.set(ASCII);
  return table;
}

const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ı: 'i',
  þ: 'th',
};
const SPECIAL_RE = /[ßẞøØłŁđĐæÆœŒıþ]/g;
const IGNORABLE_RE = /[\u00ad\u200c\u200d\u2060\ufeff]/g;

/** A word folded for matching, with the hash of its folded key. */
interface Folded {
  key: string;
  hash: number;
}

const foldCache = new Map<string, Folded>();

/** Folds one word for matching (cached), with the hash of the result. */
function fold(word: string): Folded {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    const key = foldUncached(word);
    folded = { key, hash: hashKey(key) };
    if (foldCache.size >= 20_000) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

/** Folds one word for matching: NFKC, diacritics removed, lower case. */
export function foldWord(word: string): string {
  return fold(word).key;
}

function foldUncached(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return word.toLowerCase();
  return word
    .replace(IGNORABLE_RE, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(SPECIAL_RE, (m) => SPECIAL_FOLDS[m] ?? m)
    .toLowerCase()
    .normalize('NFC');
}

/** Folded key of each Han/Kana code unit seen (one token per character there). */
const CJK_FOLDS: (Folded | undefined)[] = [];

/** Flags of a token. */
export const enum TokenFlag {
  /** The gap before this token ends a multi-word match. */
  BreakBefore = 1,
  /** A Han/Kana character token. */
  Cjk = 2,
  /** The token is a dotted acronym (N.A.T.O.) merged into one word. */
  Dotted = 4,
  /** The gap before this token contains a hyphen or dash. */
  HyphenBefore = 8,
  /** The token is ASCII letters and digits only: its surface is exactly its text. */
  Plain = 16,
  /** A plain token's first character is a capital (A–Z). */
  UpperFirst = 32,
  /** A plain token has a capital after its first character. */
  UpperRest = 64,
  /** A plain token has a lower-case letter (a–z). */
  HasLower = 128,
}

/** Tokens of a text in parallel arrays (cheap to build and to scan). */
export interface Tokens {
  /** The original text. */
  text: string;
  /** Number of tokens. */
  length: number;
  /** Folded key of each token (built on first use; prefer `key(i)` in loops). */
  readonly keys: string[];
  /** Folded key of token `i`. */
  key(i: number): string;
  /** `hashKey` of each token's folded key, computed while reading (no string made). */
  hashes: Int32Array;
  /** UTF-16 start offset of each token in `text`. */
  starts: Int32Array;
  /** UTF-16 end offset (exclusive) of each token in `text`. */
  ends: Int32Array;
  /** TokenFlag bits of each token. */
  flags: Uint8Array;
  /** Token `i` as written, NFKC with diacritics removed but case kept (see `keepCaseFold`). */
  surface(i: number): string;
}

/** The integer hash of a folded key (the same one `tokenize` computes inline). */
export function hashKey(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

class TokenList implements Tokens {
  length: number;
  private all: string[] | undefined;
  /** Surfaces asked for so far (case checks ask again for the same tokens). */
  private readonly surfaces: string[] = [];

  constructor(
    readonly text: string,
    count: number,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly flags: Uint8Array,
    readonly hashes: Int32Array,
    /** Keys of tokens that are not plain ASCII (see `foldSpecials`); holes elsewhere. */
    private readonly special: string[],
  ) {
    this.length = count;
  }

  key(i: number): string {
    if (this.all) return this.all[i] as string;
    if ((this.flags[i] as number) & TokenFlag.Plain) return this.text.slice(this.starts[i], this.ends[i]).toLowerCase();
    return this.special[i] as string;
  }

  surface(i: number): string {
    return (this.surfaces[i] ??= keepCaseFold(tokenSurface(this, i)));
  }

  get keys(): string[] {
    if (!this.all) {
      const all: string[] = new Array<string>(this.length);
      for (let i = 0; i < this.length; i++) all[i] = this.key(i);
      this.all = all;
    }
    return this.all;
  }
}

function isHyphen(code: number): boolean {
  return code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d;
}

/** Splits `text` into word tokens with folded keys and original offsets. */
export function tokenize(text: string): Tokens {
  const c = readTokens(text);
  foldSpecials(text, c);
  return new TokenList(text, c.count, c.starts, c.ends, c.flags, c.hashes, c.special);
}

/** The columns of a text's tokens. */
interface Columns {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  hashes: Int32Array;
  special: string[];
}

/**
 * The tokenizer's loop: it calls nothing but a one-line letter test, so that V8 has nothing big to
 * inline into it. (Inlining the folding or the TokenList constructor here, once the glossary's
 * forms had been tokenized, halved the loop's speed.) It stays one function: split into a word
 * reader and helpers it was slower (issue #16: tokenizing the corpus pages, CPU time per pass,
 * mean of five runs of each alternating: 2.57 ms as one loop, 3.02 ms split).
 */
// eslint-disable-next-line max-lines-per-function -- one hot loop; splitting it measured 17% slower (2.57 vs 3.02 ms)
function readTokens(text: string): Columns {
  const n = text.length;
  // One buffer for the four columns (one allocation); about one token per five characters.
  let cap = Math.max(16, ((n / 5) | 0) + 16);
  let buffer = new ArrayBuffer(cap * 13);
  let starts = new Int32Array(buffer, 0, cap);
  let ends = new Int32Array(buffer, cap * 4, cap);
  let hashes = new Int32Array(buffer, cap * 8, cap);
  let flags = new Uint8Array(buffer, cap * 12, cap);
  const special: string[] = [];
  let count = 0;
  let gap: number = TokenFlag.BreakBefore; // start of text behaves as a break
  let newlines = 0;
  let i = 0;
  const table = (classTable ??= buildClassTable());

  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = table[code] as number;
    if (cls !== C.Word && cls !== C.Cjk) {
      // Between words: what the gap lets a multi-word term do.
      if (cls === C.Break || cls === C.Dot) gap |= TokenFlag.BreakBefore;
      else if (cls === C.Hyphen) gap |= TokenFlag.HyphenBefore;
      else if (code === 10 && newlines++ > 0) gap |= TokenFlag.BreakBefore; // a blank line ends a paragraph
      i++;
      continue;
    }
    if (count === cap) {
      cap *= 2;
      buffer = new ArrayBuffer(cap * 13);
      const s2 = new Int32Array(buffer, 0, cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(buffer, cap * 4, cap);
      e2.set(ends);
      ends = e2;
      const h2 = new Int32Array(buffer, cap * 8, cap);
      h2.set(hashes);
      hashes = h2;
      const f2 = new Uint8Array(buffer, cap * 12, cap);
      f2.set(flags);
      flags = f2;
    }
    const start = i;
    let flag: number;
    if (cls === C.Cjk) {
      // One token per Han/Kana character.
      i++;
      flag = TokenFlag.Cjk; // key and hash: foldSpecials
    } else {
      let dirty = code > 127;
      // Case of a plain token (TokenFlag.UpperFirst, UpperRest, HasLower), for the case rules.
      let cased: number;
      // The hash of the lower-cased ASCII word, built as it is read (see hashKey); stored as
      // soon as the word ends, so that it stays an int32 (never a boxed number).
      let hash: number;
      if (code >= 65 && code <= 90) {
        hash = code + 32;
        cased = TokenFlag.UpperFirst;
      } else {
        hash = code;
        cased = code >= 97 && code <= 122 ? TokenFlag.HasLower : 0;
      }
      i++;
      while (i < n) {
        const c2 = text.charCodeAt(i);
        if (c2 >= 97 && c2 <= 122) {
          // Lower-case ASCII letter: most characters of most words.
          hash = (Math.imul(hash, 31) + c2) | 0;
          cased |= TokenFlag.HasLower;
          i++;
          continue;
        }
        const k = table[c2] as number;
        if (k === C.Word) {
          if (c2 > 127) dirty = true;
          else if (c2 >= 65 && c2 <= 90) {
            hash = (Math.imul(hash, 31) + c2 + 32) | 0;
            cased |= TokenFlag.UpperRest;
            i++;
            continue;
          }
          hash = (Math.imul(hash, 31) + c2) | 0;
          i++;
        } else if (k === C.Ignorable && i + 1 < n && table[text.charCodeAt(i + 1)] === C.Word) {
          dirty = true;
          i++;
        } else break;
      }
      hashes[count] = hash;
      flag = dirty ? 0 : TokenFlag.Plain | cased;
      // Dotted acronym: single letters separated by dots (N.A.T.O., U.S.).
      if (i - start === 1 && i + 1 < n && text.charCodeAt(i) === 0x2e && isLetterCode(code)) {
        let j = i;
        while (
          j + 1 < n &&
          text.charCodeAt(j) === 0x2e &&
          isLetterCode(text.charCodeAt(j + 1)) &&
          (j + 2 >= n || table[text.charCodeAt(j + 2)] !== C.Word)
        )
          j += 2;
        if (j > i) {
          flag = TokenFlag.Dotted; // key and hash: foldSpecials
          ends[count] = j;
          // The acronym's own closing dot does not end a phrase ("U.S.-Japan alliance").
          i = j < n && text.charCodeAt(j) === 0x2e ? j + 1 : j;
        }
      }
    }
    starts[count] = start;
    if (flag !== TokenFlag.Dotted) ends[count] = i;
    flags[count] = flag | gap;
    count++;
    gap = 0;
    newlines = 0;
  }
  return {
    count,
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    flags: flags.subarray(0, count),
    hashes: hashes.subarray(0, count),
    special,
  };
}

/**
 * Keys and hashes of the tokens that are not plain ASCII words (accented words, Han/Kana
 * characters, dotted acronyms), after the scanning loop: folding calls out to the cache and to
 * Unicode normalization, which the loop itself is better without.
 */
function foldSpecials(text: string, { count, starts, ends, flags, hashes, special }: Columns): void {
  for (let t = 0; t < count; t++) {
    const fl = flags[t] as number;
    if (fl & TokenFlag.Plain) continue;
    const start = starts[t] as number;
    let f: Folded;
    if (fl & TokenFlag.Cjk) f = CJK_FOLDS[text.charCodeAt(start)] ??= fold(text[start] as string);
    else if (fl & TokenFlag.Dotted) f = fold(text.slice(start, ends[t]).replace(DOTS, ''));
    else f = fold(text.slice(start, ends[t]));
    special[t] = f.key;
    hashes[t] = f.hash;
  }
}

const DOTS = /\./g;

function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** NFKC with diacritics removed, case kept (how a form's words are compared for case). */
function keepCaseFold(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  if (ascii) return s;
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** The text of token `i` as written, without the dots of a dotted acronym. */
export function tokenSurface(t: Tokens, i: number): string {
  const s = t.text.slice(t.starts[i], t.ends[i]);
  return (t.flags[i] as number) & TokenFlag.Dotted ? s.replace(/\./g, '') : s.replace(IGNORABLE_RE, '');
}

/** Whether the first letter of token `i` is upper case. */
export function isCapitalized(t: Tokens, i: number): boolean {
  const ch = t.text[t.starts[i] as number] as string;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
