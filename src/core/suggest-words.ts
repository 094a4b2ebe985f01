/**
 * The words and tests `suggestTerms` (suggest.ts) classifies candidates with: what an acronym, a
 * name, an organization or a place looks like; honorifics; headlines in capitals; runs of words.
 */
import { isCommonWord } from './common-words';
import type { ArticleDefinition } from './definitions';
import { CALENDAR_WORDS, DEMONYM_SUFFIXES, isDemonym } from './lexicon';
import { isCapitalized, tokenize, TokenFlag, tokenSurface, type Tokens } from './tokenize';

/** What a candidate looks like. */
export type SuggestionKind = 'acronym' | 'person' | 'organization' | 'place' | 'name';

const ACRONYM = /^[A-Z][A-Z0-9]{1,5}$/;
/** Abbreviations that are words of the language, not names. */
export const NOT_ACRONYMS = new Set('AM PM OK TV ID AD BC CE BCE FAQ PS PDF URL AKA ETA DIY CEO CFO COO GMT UTC'.split(' '));
/** Words that may follow a sentence-initial common word before a name ("In The Hague"). */
export const FUNCTION_WORDS = new Set('the a an in on at for with of to from by'.split(' '));
/** Titles and honorifics stripped from the front of a name: what remains is a person. */
export const HONORIFICS = new Set(
  'mr mrs ms miss dr prof sir dame lord lady president chancellor prime minister premier king queen prince princess emperor empress senator governor ambassador pope mayor'.split(
    ' ',
  ),
);
export const ORG_LAST = new Set(
  (
    'party parties forces force army navy ministry agency council organization organisation union bank fund association committee commission ' +
    'corporation company corp inc ltd group institute university college news times post journal press court parliament congress senate ' +
    'assembly department office alliance league movement federation service services bureau authority cabinet government foundation society ' +
    'club airlines airways network guard police diet front nations bloc coalition board'
  ).split(' '),
);
const ORG_FIRST = new Set('ministry bank department university office bureau council court'.split(' '));
export const PLACE_LAST = new Set(
  (
    'airport island islands sea ocean river mountain mountains street square region province prefecture city county state states republic ' +
    'kingdom strait peninsula bay gulf station port valley lake park coast east pacific atlantic asia europe africa america americas arctic ' +
    'antarctic hill heights district territory territories canal desert'
  ).split(' '),
);
const PLACE_FIRST = new Set(
  'north south east west new central upper lower northern southern eastern western mount lake port saint st san santa los las republic kingdom'.split(
    ' ',
  ),
);

export function isAcronymToken(t: Tokens, i: number): boolean {
  if ((t.flags[i] as number) & TokenFlag.Cjk) return false;
  const s = tokenSurface(t, i);
  return ACRONYM.test(s) && /[A-Z].*[A-Z0-9]/.test(s);
}

export function isNameToken(t: Tokens, i: number): boolean {
  return !((t.flags[i] as number) & TokenFlag.Cjk) && isCapitalized(t, i) && !isAcronymToken(t, i);
}

export function joined(t: Tokens, i: number): boolean {
  return !((t.flags[i] as number) & TokenFlag.BreakBefore);
}

/** A word that says nothing on its own: common English, a weekday or month, a demonym. */
export function isGeneric(key: string): boolean {
  return isCommonWord(key) || CALENDAR_WORDS.has(key) || isDemonym(key);
}

/** Whether a word is a place name plus a demonym ending, for a place name in `names`. */
export function isDerivedDemonym(key: string, names: (stem: string) => boolean): boolean {
  return DEMONYM_SUFFIXES.some((suffix) => {
    if (!key.endsWith(suffix)) return false;
    const stem = key.slice(0, -suffix.length);
    return stem.length >= 3 && (names(stem) || names(`${stem}a`));
  });
}

export function classify(keys: string[]): SuggestionKind {
  const first = keys[0] as string;
  const last = keys[keys.length - 1] as string;
  if (keys.length > 1 && ORG_LAST.has(last)) return 'organization';
  if (keys.length > 1 && PLACE_LAST.has(last)) return 'place';
  if (keys.length > 1 && ORG_FIRST.has(first)) return 'organization';
  if (keys.length > 1 && PLACE_FIRST.has(first)) return 'place';
  return 'name';
}

/** Whether the ". " or " " before token `i` follows an honorific (Mr. Kishida). */
export function afterHonorific(t: Tokens, i: number): string | undefined {
  if (i === 0) return undefined;
  const gap = t.text.slice(t.ends[i - 1], t.starts[i]);
  if (!/^\.?\s{1,2}$/.test(gap) || !isCapitalized(t, i - 1)) return undefined;
  const key = t.keys[i - 1] as string;
  return HONORIFICS.has(key) ? tokenSurface(t, i - 1) : undefined;
}

/** Detects all-capital lines (headlines, kickers) whose words are not acronyms. */
export function makeShoutingTest(t: Tokens): (i: number) => boolean {
  const cache = new Map<number, boolean>();
  return (i: number): boolean => {
    const text = t.text;
    let s = t.starts[i] as number;
    while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\u2029') s--;
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    let e = t.ends[i] as number;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\u2029') e++;
    const words = text.slice(s, e).match(/\p{L}[\p{L}\p{N}]+/gu) ?? [];
    const upper = words.filter((w) => w === w.toUpperCase()).length;
    const shouting = words.length >= 3 && upper / words.length > 0.5;
    cache.set(s, shouting);
    return shouting;
  };
}

/** Index of `needle` as a contiguous run inside `hay`, searching from the end; -1 if absent. */
export function lastIndexOfRun(hay: string[], needle: string[]): number {
  for (let a = hay.length - needle.length; a >= 0; a--) if (needle.every((k, x) => hay[a + x] === k)) return a;
  return -1;
}

/** Mentions of a folded word sequence in the tokens. */
export function countRuns(t: Tokens, keys: string[]): number {
  let n = 0;
  for (let i = 0; i + keys.length <= t.length; i++) {
    if (t.keys[i] !== keys[0]) continue;
    let ok = true;
    for (let x = 1; x < keys.length && ok; x++) ok = t.keys[i + x] === keys[x] && joined(t, i + x);
    if (ok) n++;
  }
  return n;
}

/** What an article definition names. */
export function definitionKind(d: ArticleDefinition): SuggestionKind {
  if (d.kind === 'title') return 'person';
  if (d.kind === 'acronym' || ACRONYM.test(d.term)) return 'acronym';
  return classify(tokenize(d.term).keys);
}
