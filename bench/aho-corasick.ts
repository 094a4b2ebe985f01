/**
 * Raw Aho–Corasick (the `ahocorasick` npm package) as a baseline of the matcher benchmark: every
 * spelling the combined regex looks for (bench/oracle.ts), found as substrings, overlapping,
 * with no word boundaries, case rules or leftmost-longest resolution — strictly less work than
 * our matcher does, so it is a floor for a library approach rather than a rival implementation.
 */
import { createRequire } from 'node:module';
import { spellings, type OracleForm } from './oracle';

interface AhoCorasickLike {
  search(text: string): [number, string[]][];
}

const require = createRequire(import.meta.url);
const AhoCorasick = require('ahocorasick') as new (keywords: string[]) => AhoCorasickLike;

/** An automaton of every spelling of `forms`. */
export function ahoCorasick(forms: readonly OracleForm[]): AhoCorasickLike {
  return new AhoCorasick([...new Set(forms.flatMap(spellings))]);
}

/** Every hit as spans (end exclusive), in the package's order: by end, then as stored. */
export function findAhoCorasick(ac: AhoCorasickLike, text: string): number[] {
  const out: number[] = [];
  for (const [last, words] of ac.search(text)) for (const w of words) out.push(last + 1 - w.length, last + 1);
  return out;
}
