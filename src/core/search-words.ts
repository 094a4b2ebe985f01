/**
 * The words of names and queries for the glossary search (search.ts): folding, letter pairs, the
 * sorted word index for prefix hits, the edit distance of near-misses and the ranges a query's
 * words cover in a name.
 */
import type { RangeTuple } from 'fuse.js';
import { foldWord } from './tokenize';

/** Queries longer than this are cut (nothing in the glossary is longer). */
export const MAX_QUERY_LENGTH = 200;

/** A word of a name, folded, with where it is in the original text. */
interface NameWord {
  /** Folded form. */
  key: string;
  /** Offset in the original text. */
  start: number;
  /** End offset (exclusive) in the original text. */
  end: number;
}

/** One name (term or alias) of an entry, prepared for matching. */
export interface Name {
  /** The original text. */
  text: string;
  /** Its words. */
  words: NameWord[];
  /** Folded words joined by single spaces. */
  folded: string;
  /** The entry's term (not an alias). */
  isTerm: boolean;
}

const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
export const NON_WORD_RE = /[^\p{L}\p{N}\p{M}]+/gu;

/** The words of a text, folded, with their offsets. */
export function nameWords(text: string): NameWord[] {
  const out: NameWord[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const key = foldWord(m[0]);
    if (key) out.push({ key, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The folded words of a query. */
export function queryWords(query: string): string[] {
  return nameWords(query.slice(0, MAX_QUERY_LENGTH)).map((w) => w.key);
}

/** A text folded for fuse.js: lower case, no diacritics; the same length when it can be (so offsets still fit). */
export function foldForFuse(text: string): string {
  const folded = foldWord(text);
  return folded.length === text.length ? folded : text.toLowerCase();
}

/** The letter pairs of a word, as numbers. */
export function bigrams(word: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1));
  return out;
}

/** Optimal-string-alignment edit distance (adjacent swaps count one), stopping above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Words → doc ids, as a sorted word list for prefix ranges. */
export class WordIndex {
  readonly words: string[];
  readonly postings: number[][];

  constructor(map: Map<string, number[]>) {
    this.words = [...map.keys()].sort();
    this.postings = this.words.map((w) => map.get(w)!);
  }

  /** Calls `visit` with the postings of every word that starts with `prefix`. */
  eachPrefixed(prefix: string, visit: (docs: number[]) => void): void {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.words.length && this.words[i]!.startsWith(prefix); i++) visit(this.postings[i]!);
  }
}

export function addPosting<K>(map: Map<K, number[]>, key: K, doc: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [doc]);
  else if (list[list.length - 1] !== doc) list.push(doc);
}

/** Ranges (inclusive) of a name's words that the query words start, each word used once; or undefined. */
export function prefixRanges(name: Name, qwords: string[]): { ranges: RangeTuple[]; whole: boolean } | undefined {
  let used = 0;
  let whole = true;
  const ranges: RangeTuple[] = [];
  const { words } = name;
  for (const q of qwords) {
    let found = -1;
    for (let i = 0; i < words.length && i < 31; i++) {
      if (used & (1 << i)) continue;
      const key = words[i]!.key;
      if (!key.startsWith(q)) continue;
      found = i;
      // Prefer the word the query spells out in full.
      if (key.length === q.length) break;
    }
    if (found < 0) return undefined;
    used |= 1 << found;
    const w = words[found]!;
    if (w.key.length !== q.length) whole = false;
    // Folding may change a word's length (ß → ss); then the whole word is marked.
    const len = w.end - w.start === w.key.length ? q.length : w.end - w.start;
    ranges.push([w.start, w.start + len - 1]);
  }
  return { ranges, whole };
}
