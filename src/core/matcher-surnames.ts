/**
 * Bare-surname resolution: which person, if any, a surname written alone means ("Scholz" after
 * "Olaf Scholz"; "Chancellor Scholz"; "Kishida" on its own, never "Jackson").
 */
import { isCommonWord } from './common-words';
import { COURTESY_TITLES, DOTTED_ABBREVIATIONS, FUNCTION_WORDS, isCommonName, TITLE_WORDS } from './lexicon';
import type { EntryTables } from './matcher-index';
import type { RawMatch } from './matcher-scan';
import { isSentenceInitial } from './sentence';
import { isCapitalized, TokenFlag, type Tokens } from './tokenize';

/** The word before token `i` in the same phrase: after a space, or after "Mr." and the like. */
function prevWord(t: Tokens, i: number): number {
  if (i === 0) return -1;
  const gap = t.text.slice(t.ends[i - 1], t.starts[i]);
  if (/^[\s\u00a0]{1,3}$/.test(gap)) return i - 1;
  if (/^\.[\s\u00a0]{1,2}$/.test(gap) && DOTTED_ABBREVIATIONS.has(t.key(i - 1))) return i - 1;
  return -1;
}

/** Whether token `i`, just before a surname, is a first name ("Hiro" Kishida), not a title or "The". */
function isFirstName(t: Tokens, i: number): boolean {
  if (!isCapitalized(t, i)) return false;
  const key = t.key(i);
  if (TITLE_WORDS.has(key) || FUNCTION_WORDS.has(key)) return false;
  return !(isSentenceInitial(t, i) && isCommonWord(key));
}

/** In `lastFull`: the surname was last written after another first name (someone else). */
const SOMEONE_ELSE = -1;

/**
 * The person a bare surname means, or undefined. It must look like a name on its own (capitalized,
 * no other first name before it, no capitalized word after it). It means the person last named
 * in full with that surname; before any full name, a title that fits one person's offices
 * ("Chancellor Scholz", "Justice Jackson"), or the name itself when one person in the glossary has
 * it and it is neither an English word nor a common name ("Kishida", never "Jackson" or "Cook").
 */
export function bareSurname(g: EntryTables, t: Tokens, r: RawMatch, lastFull: Map<string, number>): number | undefined {
  if (!isCapitalized(t, r.first)) return undefined;
  let key = t.key(r.first);
  for (let k = r.first + 1; k <= r.last; k++) key += ` ${t.key(k)}`;
  const prev = prevWord(t, r.first);
  if (prev >= 0 && isFirstName(t, prev)) {
    // "Hiro Kishida", "Robert Maxwell": another person; later bare mentions are theirs.
    if (!lastFull.has(key) || lastFull.get(key) === SOMEONE_ELSE) lastFull.set(key, SOMEONE_ELSE);
    return undefined;
  }
  const next = r.last + 1;
  if (next < t.length && !((t.flags[next] as number) & TokenFlag.BreakBefore) && isCapitalized(t, next)) return undefined;
  const named = lastFull.get(key);
  if (named !== undefined) return named === SOMEONE_ELSE ? undefined : named;
  const people = g.surnames.get(key) ?? [];
  const title = prev >= 0 && !COURTESY_TITLES.has(t.key(prev)) ? t.key(prev) : undefined;
  if (title !== undefined) {
    const fit = people.filter((p) => g.entries[p]!.periods?.some((pd) => pd.role.toLowerCase().includes(title)));
    if (fit.length === 1) return fit[0];
  }
  // One person has the name, and it is nobody else's: not a word, not a common name ("Jackson").
  return people.length === 1 && !isCommonWord(key) && !isCommonName(key) ? people[0] : undefined;
}
