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
}

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) ASCII[c] = C.Word;
  else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '-' || ch === "'") ASCII[c] = C.Joiner;
  else if (ch === '.') ASCII[c] = C.Dot;
  else ASCII[c] = C.Break;
}

const JOINERS = new Set([
  0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x202f, 0x205f,
  0x3000, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d, 0x2018, 0x2019, 0x02bc, 0x02bb, 0x0060, 0x00b4,
  0xff07, 0x30fb, 0xff65, 0x00b7,
]);
const IGNORABLE = new Set([0x00ad, 0x200c, 0x200d, 0x2060, 0xfeff]);
const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
const CJK_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005\uff70]$/u;
const nonAsciiClass = new Map<number, C>();

function classify(code: number): C {
  if (code < 128) return ASCII[code] as C;
  let c = nonAsciiClass.get(code);
  if (c !== undefined) return c;
  if (JOINERS.has(code)) c = C.Joiner;
  else if (IGNORABLE.has(code)) c = C.Ignorable;
  else {
    const ch = String.fromCharCode(code);
    if (code >= 0xd800 && code <= 0xdfff)
      c = C.Word; // surrogate halves: astral letters are rare; keep words whole
    else if (CJK_RE.test(ch)) c = C.Cjk;
    else if (WORD_RE.test(ch)) c = C.Word;
    else c = C.Break;
  }
  nonAsciiClass.set(code, c);
  return c;
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

/** Folds one word for matching: NFKC, diacritics removed, lower case. */
export function foldWord(word: string): string {
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
}

/** Tokens of a text in parallel arrays (cheap to build and to scan). */
export interface Tokens {
  /** The original text. */
  text: string;
  /** Number of tokens. */
  length: number;
  /** Folded key of each token. */
  keys: string[];
  /** UTF-16 start offset of each token in `text`. */
  starts: Int32Array;
  /** UTF-16 end offset (exclusive) of each token in `text`. */
  ends: Int32Array;
  /** TokenFlag bits of each token. */
  flags: Uint8Array;
}

function isHyphen(code: number): boolean {
  return code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d;
}

/** Splits `text` into word tokens with folded keys and original offsets. */
export function tokenize(text: string): Tokens {
  const n = text.length;
  let cap = Math.max(16, n >> 2);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  const keys: string[] = [];
  let count = 0;
  let gapBreak = true; // start of text behaves as a break
  let gapHyphen = false;
  let newlines = 0;
  let i = 0;

  const push = (start: number, end: number, key: string, flag: number): void => {
    if (count === cap) {
      cap *= 2;
      const s = new Int32Array(cap);
      s.set(starts);
      starts = s;
      const e = new Int32Array(cap);
      e.set(ends);
      ends = e;
      const f = new Uint8Array(cap);
      f.set(flags);
      flags = f;
    }
    starts[count] = start;
    ends[count] = end;
    flags[count] = flag | (gapBreak ? TokenFlag.BreakBefore : 0) | (gapHyphen ? TokenFlag.HyphenBefore : 0);
    keys.push(key);
    count++;
    gapBreak = false;
    gapHyphen = false;
    newlines = 0;
  };

  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = classify(code);
    if (cls === C.Word) {
      const start = i;
      let dirty = code > 127;
      i++;
      while (i < n) {
        const c2 = text.charCodeAt(i);
        const k = classify(c2);
        if (k === C.Word) {
          if (c2 > 127) dirty = true;
          i++;
        } else if (k === C.Ignorable && i + 1 < n && classify(text.charCodeAt(i + 1)) === C.Word) {
          dirty = true;
          i++;
        } else break;
      }
      // Dotted acronym: single letters separated by dots (N.A.T.O., U.S.).
      if (i - start === 1 && i + 1 < n && text.charCodeAt(i) === 0x2e && isLetterCode(code)) {
        let j = i;
        let letters = text[start] as string;
        while (
          j + 1 < n &&
          text.charCodeAt(j) === 0x2e &&
          isLetterCode(text.charCodeAt(j + 1)) &&
          (j + 2 >= n || classify(text.charCodeAt(j + 2)) !== C.Word)
        ) {
          letters += text[j + 1];
          j += 2;
        }
        if (letters.length >= 2) {
          push(start, j, foldWord(letters), TokenFlag.Dotted);
          // The acronym's own closing dot does not end a phrase ("U.S.-Japan alliance").
          i = j < n && text.charCodeAt(j) === 0x2e ? j + 1 : j;
          continue;
        }
      }
      const word = text.slice(start, i);
      push(start, i, dirty ? foldWord(word) : word.toLowerCase(), 0);
    } else if (cls === C.Cjk) {
      push(i, i + 1, foldWord(text[i] as string), TokenFlag.Cjk);
      i++;
    } else {
      if (cls === C.Break || cls === C.Dot) gapBreak = true;
      else if (isHyphen(code)) gapHyphen = true;
      else if (code === 10 && newlines++ > 0) gapBreak = true; // a blank line ends a paragraph
      i++;
    }
  }
  return {
    text,
    length: count,
    keys,
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    flags: flags.subarray(0, count),
  };
}

function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
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
