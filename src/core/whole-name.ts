/**
 * The whole-name rule: a glossary name that is only a piece of a longer proper name the glossary
 * does not know is not a mention of it. "Japan" in "Yahoo Japan", "Washington" in "Washington
 * Post", "Vance" in "Hughes-Vance" are refused. Titles, role words, demonyms, weekdays, a
 * possessive, "the" and sentence-initial function words around a name do not make it longer
 * ("Japanese Prime Minister Fumio Kishida", "NATO Secretary General", "Germany's", "In Japan").
 * A neighbour that is itself a mention (U.S.-Japan, Kishida-Biden) does not either.
 */
import { isCommonWord } from './common-words';
import { FUNCTION_WORDS, isDemonym, NAME_NEIGHBOURS, ROMAN_NUMERAL } from './lexicon';
import type { Match } from './matcher';
import { isSentenceInitial } from './sentence';
import { isCapitalized, TokenFlag, tokenSurface, type Tokens } from './tokenize';

/** Prefixes joined by a hyphen to a name without making another name (Anti-Japan, Sino-Russian). */
const COMBINING_PREFIXES = new Set(
  (
    'anti pro ex pan trans non post pre mid neo sino indo afro euro anglo franco russo austro greco italo judeo ' +
    'north south east west central all inter intra ultra'
  ).split(' '),
);

/** How two neighbouring tokens are joined: not at all, by spaces, or by a hyphen or dash. */
function joint(t: Tokens, left: number): 'none' | 'space' | 'hyphen' {
  const right = left + 1;
  const gap = t.text.slice(t.ends[left], t.starts[right]);
  if (/^[ \u00a0]{1,2}$/.test(gap)) return 'space';
  if (/^[-\u2010\u2011]$/.test(gap)) return 'hyphen';
  return 'none';
}

/** Whether token `i` could be a word of a longer proper name around a mention. */
function isNameWord(t: Tokens, i: number): boolean {
  const flags = t.flags[i] as number;
  if (flags & TokenFlag.Cjk || !isCapitalized(t, i)) return false;
  const key = t.key(i);
  if (NAME_NEIGHBOURS.has(key) || isDemonym(key) || ROMAN_NUMERAL.test(tokenSurface(t, i))) return false;
  // A function word ("From", "Of") joins no name: capitalized, it starts a sentence or a Title Case line.
  if (FUNCTION_WORDS.has(key)) return false;
  // "Both Japan and…", "Today Japan…": a common word capitalized only because it starts the sentence.
  if (isSentenceInitial(t, i) && isCommonWord(key)) return false;
  return true;
}

/** Whether tokens [first, last] sit in a Title Case line (every longer word around them capitalized), where capitals say nothing about names. */
function inTitleCase(t: Tokens, first: number, last: number): boolean {
  let words = 0;
  let capitals = 0;
  const look = (i: number): boolean => {
    if ((t.flags[i] as number) & TokenFlag.Cjk || t.ends[i]! - t.starts[i]! < 4) return true;
    words++;
    if (isCapitalized(t, i)) capitals++;
    return true;
  };
  for (let i = first - 1; i >= 0 && i >= first - 8 && !((t.flags[i + 1] as number) & TokenFlag.BreakBefore); i--) look(i);
  for (let i = last + 1; i < t.length && i <= last + 8 && !((t.flags[i] as number) & TokenFlag.BreakBefore); i++) look(i);
  return words >= 4 && capitals === words;
}

/** Whether any of tokens [first, last] has a lower-case letter. */
function hasLower(t: Tokens, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const s = t.text.slice(t.starts[i], t.ends[i]);
    if (s !== s.toUpperCase()) return true;
  }
  return false;
}

/** The index of the token starting at `offset` (tokens are sorted), or -1. */
function tokenAt(t: Tokens, offset: number, from: number): number {
  let i = from;
  while (i < t.length && (t.starts[i] as number) < offset) i++;
  return i < t.length && t.starts[i] === offset ? i : -1;
}

/** Whether the mention of tokens [first, last] is a piece of a longer unknown name. */
function isNamePiece(t: Tokens, first: number, last: number, covered: Uint8Array): boolean {
  if (!isCapitalized(t, first) && !isCapitalized(t, last)) return false;
  const shouting = !hasLower(t, first, last);
  const neighbour = (i: number, j: 'space' | 'hyphen'): boolean => {
    if (covered[i]) return false;
    // In capitals throughout ("LABOUR PARTY WINS"), capitals say nothing about names.
    if (shouting && !hasLower(t, i, i)) return false;
    if (j === 'hyphen') return isCapitalized(t, i) && !COMBINING_PREFIXES.has(t.key(i)) && !isDemonym(t.key(i));
    return isNameWord(t, i);
  };
  if (first > 0) {
    const j = joint(t, first - 1);
    if (j !== 'none' && neighbour(first - 1, j)) return !inTitleCase(t, first, last);
  }
  if (last + 1 < t.length) {
    const j = joint(t, last);
    if (j !== 'none' && neighbour(last + 1, j)) return !inTitleCase(t, first, last);
  }
  return false;
}

/** The matches less those that are pieces of a longer name the glossary does not know. */
export function refuseNamePieces(t: Tokens, matches: readonly Match[]): Match[] {
  const covered = new Uint8Array(t.length);
  const spans: [number, number][] = [];
  let from = 0;
  for (const m of matches) {
    const first = tokenAt(t, m.start, from);
    let last = first;
    while (last >= 0 && last + 1 < t.length && (t.starts[last + 1] as number) < m.end) last++;
    spans.push([first, last]);
    if (first >= 0) {
      for (let i = first; i <= last; i++) covered[i] = 1;
      from = first;
    }
  }
  return matches.filter((m, k) => {
    const [first, last] = spans[k] as [number, number];
    return m.via === 'article-definition' || first < 0 || !isNamePiece(t, first, last, covered);
  });
}
