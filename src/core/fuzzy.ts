/**
 * Fuzzy matching of long proper names (Zelensky ↔ Zelenskyy, Olaf Scholtz ↔ Olaf Scholz).
 *
 * Only candidate spans are tried: runs of capitalized words that the exact pass did not match
 * (or matched only as a bare surname). fuse.js finds the nearest names, bucketed by first letter;
 * a Damerau–Levenshtein check then keeps only near-misses (one edit, two in long names).
 * Short words and common English words are never candidates.
 */
import Fuse from 'fuse.js';
import damerauLevenshtein from 'damerau-levenshtein';
import { caseModeOf } from './glossary-format';
import { isDemonymOf } from './lexicon';
import type { CompiledGlossary, Form, Match } from './matcher';
import { isCapitalized, TokenFlag, type Tokens, tokenize } from './tokenize';
import { isCommonWord } from './common-words';

/** One name of the fuzzy index. */
export interface FuzzyKey {
  /** Folded form, words joined by single spaces. */
  text: string;
  /** Entry index. */
  entry: number;
  /** Number of words. */
  words: number;
  /** A bare surname key. */
  surname: boolean;
}

/** Shortest single word tried fuzzily. */
const FUZZY_MIN_WORD = 6;
/** Shortest multi-word name tried fuzzily. */
const FUZZY_MIN_PHRASE = 8;
const FUSE_THRESHOLD = 0.3;

/** Edits allowed between a candidate and a name: none for short single words (Scholl is not Scholz). */
function allowedEdits(candidate: string, name: string, words: number): number {
  const len = Math.min(candidate.length, name.length);
  if (words === 1) return len >= 14 ? 2 : len >= 7 ? 1 : 0;
  return len >= 12 ? 2 : 1;
}

function eligible(form: Form, fuzzyFlag: boolean | undefined, folded: string, words: number, kind: string): boolean {
  if (fuzzyFlag === false) return false;
  if (fuzzyFlag === true) return true;
  // By default only people's names: place and organization names have too many namesakes
  // (Hollande is not Holland).
  if (kind !== 'person') return false;
  if (form.mode !== 'capitals') return false; // acronyms and common-noun phrases never
  if (/[^a-z ]/.test(folded)) return false; // Latin-script names only
  return words === 1 ? folded.length >= FUZZY_MIN_WORD : folded.length >= FUZZY_MIN_PHRASE;
}

/** The names of a compiled glossary that may match fuzzily, in entry order. */
export function fuzzyKeysOf(g: CompiledGlossary): FuzzyKey[] {
  const keys: FuzzyKey[] = [];
  const seen = new Set<string>();
  g.entries.forEach((entry, index) => {
    const forms: { text: string; fuzzy?: boolean; surname: boolean }[] = [{ text: entry.term, surname: false }];
    for (const a of entry.aliases ?? []) {
      if (typeof a === 'string') forms.push({ text: a, surname: false });
      else forms.push({ text: a.text, fuzzy: a.fuzzy, surname: false });
    }
    const sk = g.surnameKeys[index];
    if (sk) forms.push({ text: sk, surname: true });
    for (const f of forms) {
      const t = tokenize(f.text);
      const folded = t.keys.join(' ');
      const form: Form = {
        entry: index,
        text: f.text,
        surfaces: [],
        mode: f.surname ? 'capitals' : caseModeOf(f.text),
        isTerm: false,
        isSurname: f.surname,
      };
      if (!eligible(form, f.fuzzy, folded, t.length, entry.kind)) continue;
      const dedupe = `${index}|${folded}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      keys.push({ text: folded, entry: index, words: t.length, surname: f.surname });
    }
  });
  return keys;
}

/** Fuzzy lookup over a compiled glossary's proper names. Built lazily, once. */
export class FuzzyIndex {
  private readonly buckets = new Map<string, Fuse<FuzzyKey>>();
  private readonly cache = new Map<string, FuzzyKey | null>();
  /** Number of names indexed. */
  readonly size: number;
  /** Candidate spans tried so far (each distinct span once). */
  tried = 0;

  /** `names`: the glossary's fuzzy names when they were found at build time (fuzzyKeysOf). */
  constructor(
    private readonly g: CompiledGlossary,
    names: readonly FuzzyKey[] = fuzzyKeysOf(g),
  ) {
    const byLetter = new Map<string, FuzzyKey[]>();
    for (const key of names) {
      const letter = key.text[0] as string;
      const list = byLetter.get(letter);
      if (list) list.push(key);
      else byLetter.set(letter, [key]);
    }
    let size = 0;
    for (const [letter, keys] of byLetter) {
      size += keys.length;
      this.buckets.set(
        letter,
        new Fuse(keys, {
          keys: ['text'],
          threshold: FUSE_THRESHOLD,
          ignoreLocation: true,
          includeScore: true,
          isCaseSensitive: false,
        }),
      );
    }
    this.size = size;
  }

  /** The entry a folded candidate is a near-miss of, if exactly one name is close enough. */
  lookup(folded: string, words: number): number | undefined {
    const cached = this.cache.get(folded);
    if (cached !== undefined) return cached ? cached.entry : undefined;
    const fuse = this.buckets.get(folded[0] as string);
    this.tried++;
    let found: FuzzyKey | null = null;
    if (fuse) {
      let bestSteps = Infinity;
      let ambiguous = false;
      for (const r of fuse.search(folded, { limit: 8 })) {
        const key = r.item;
        if (key.words !== words && !(words >= 2 && Math.abs(key.words - words) <= 1)) continue;
        const budget = allowedEdits(folded, key.text, words);
        if (Math.abs(key.text.length - folded.length) > budget) continue;
        if (isDerivedForm(folded, key.text)) continue;
        const steps = damerauLevenshtein(folded, key.text).steps;
        if (steps === 0 || steps > budget) continue;
        if (steps < bestSteps) {
          bestSteps = steps;
          found = key;
          ambiguous = false;
        } else if (steps === bestSteps && key.entry !== found?.entry) ambiguous = true;
      }
      if (ambiguous) found = null;
      if (found?.surname && (this.g.surnames.get(found.text)?.length ?? 0) !== 1) found = null;
    }
    this.cache.set(folded, found);
    return found ? found.entry : undefined;
  }

  /** Fuzzy matches in the spans of `t` not covered by `exact` (surname-only spans may be widened). */
  find(t: Tokens, exact: Match[]): { matches: Match[]; replaced: Set<Match> } {
    const covered = new Int32Array(t.length).fill(-1); // index into exact, or -1
    let k = 0;
    for (let m = 0; m < exact.length; m++) {
      const e = exact[m] as Match;
      while (k < t.length && (t.ends[k] as number) <= e.start) k++;
      for (let i = k; i < t.length && (t.starts[i] as number) < e.end; i++) covered[i] = m;
    }
    const matches: Match[] = [];
    const replaced = new Set<Match>();
    const free = (i: number): boolean => covered[i] === -1 || exact[covered[i] as number]!.via === 'surname';
    let i = 0;
    while (i < t.length) {
      if (!free(i) || !isNameWord(t, i)) {
        i++;
        continue;
      }
      // A run of capitalized words (a word after a hyphen may be lower case: Suk-yeol).
      let j = i + 1;
      while (
        j < t.length &&
        j - i < 5 &&
        free(j) &&
        !((t.flags[j] as number) & TokenFlag.BreakBefore) &&
        (isNameWord(t, j) || (t.flags[j] as number) & TokenFlag.HyphenBefore)
      )
        j++;
      const hit = this.bestWindow(t, i, j, covered);
      if (hit) {
        const [a, b, entry] = hit;
        const start = t.starts[a] as number;
        const end = t.ends[b] as number;
        matches.push({ id: this.g.ids[entry]!, start, end, text: t.text.slice(start, end), via: 'fuzzy' });
        for (let x = a; x <= b; x++) if (covered[x] !== -1) replaced.add(exact[covered[x] as number]!);
        i = b + 1;
      } else i = j;
    }
    return { matches, replaced };
  }

  /** Longest, then leftmost, window [a..b] of the run [i, j) that fuzzily names one entry. */
  private bestWindow(t: Tokens, i: number, j: number, covered: Int32Array): [number, number, number] | undefined {
    for (let size = Math.min(4, j - i); size >= 1; size--) {
      for (let a = i; a + size <= j; a++) {
        const b = a + size - 1;
        const words = t.keys.slice(a, b + 1);
        const folded = words.join(' ');
        if (size === 1) {
          if (covered[a] !== -1 || folded.length < FUZZY_MIN_WORD || isCommonWord(folded) || this.g.hasKey(folded)) continue;
          if (!/^[a-z]+$/.test(folded)) continue;
        } else {
          if (folded.length < FUZZY_MIN_PHRASE || words.every(isCommonWord)) continue;
          if (!/^[a-z ]+$/.test(folded)) continue;
        }
        const entry = this.lookup(folded, size);
        if (entry !== undefined) return [a, b, entry];
      }
    }
    return undefined;
  }
}

function isNameWord(t: Tokens, i: number): boolean {
  return !((t.flags[i] as number) & TokenFlag.Cjk) && isCapitalized(t, i);
}

/** "South Korean" is not a misspelling of "South Korea": a word that is a name plus a demonym suffix. */
function isDerivedForm(candidate: string, name: string): boolean {
  const cw = candidate.split(' ');
  const nw = name.split(' ');
  if (cw.length !== nw.length) return false;
  return cw.some((w, i) => isDemonymOf(w, nw[i] as string));
}
