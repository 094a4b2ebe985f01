/**
 * Glossary candidates from an article: the terms a glossary lacks. Acronyms (NATO, IP4),
 * capitalized multi-word names of people, organizations and places, and the article's own
 * definitions ("the acquisition and cross-servicing agreement, or ACSA"; "collectively called
 * IP4"; "British Prime Minister Keir Starmer"). Pure: no DOM, no file system.
 */
import { isCommonWord } from './common-words';
import { findDefinitions, type ArticleDefinition } from './definitions';
import type { Analysis, GlossaryEngine } from './engine';
import { CALENDAR_WORDS, COURTESY_TITLES, DEMONYM_SUFFIXES, isDemonym, NAME_CONNECTORS, ROMAN_NUMERAL } from './lexicon';
import type { Match } from './matcher';
import { isSentenceInitial, sentenceAround } from './sentence';
import { isCapitalized, tokenize, TokenFlag, tokenSurface, type Tokens } from './tokenize';

/** What a candidate looks like. */
export type SuggestionKind = 'acronym' | 'person' | 'organization' | 'place' | 'name';

/** One term the glossary lacks. */
export interface Suggestion {
  /** The term as first written in the article. */
  term: string;
  /** What it looks like. */
  kind: SuggestionKind;
  /** Mentions in the article (for a person, the surname alone too; for an acronym, its long form too). */
  count: number;
  /** The sentence it came from (its definition's, else its first mention's). */
  sentence: string;
  /** What the article itself says it is, when it says. */
  definition?: string;
  /** UTF-16 offset of its first mention. */
  start: number;
}

const ACRONYM = /^[A-Z][A-Z0-9]{1,5}$/;
/** Abbreviations that are words of the language, not names. */
const NOT_ACRONYMS = new Set('AM PM OK TV ID AD BC CE BCE FAQ PS PDF URL AKA ETA DIY CEO CFO COO GMT UTC'.split(' '));
/** Words that may follow a sentence-initial common word before a name ("In The Hague"). */
const FUNCTION_WORDS = new Set('the a an in on at for with of to from by'.split(' '));
/** Titles and honorifics stripped from the front of a name: what remains is a person. */
const HONORIFICS = new Set(
  'mr mrs ms miss dr prof sir dame lord lady president chancellor prime minister premier king queen prince princess emperor empress senator governor ambassador pope mayor'.split(
    ' ',
  ),
);
const ORG_LAST = new Set(
  (
    'party parties forces force army navy ministry agency council organization organisation union bank fund association committee commission ' +
    'corporation company corp inc ltd group institute university college news times post journal press court parliament congress senate ' +
    'assembly department office alliance league movement federation service services bureau authority cabinet government foundation society ' +
    'club airlines airways network guard police diet front nations bloc coalition board'
  ).split(' '),
);
const ORG_FIRST = new Set('ministry bank department university office bureau council court'.split(' '));
const PLACE_LAST = new Set(
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

/** A candidate mention before grouping. */
interface Occurrence {
  key: string;
  term: string;
  start: number;
  end: number;
  kind: SuggestionKind;
  definition?: string;
}

/** A group of mentions of one term. */
interface Group {
  key: string;
  term: string;
  start: number;
  count: number;
  kind: SuggestionKind;
  words: string[];
  definition?: string;
  sentence?: string;
}

function isAcronymToken(t: Tokens, i: number): boolean {
  if ((t.flags[i] as number) & TokenFlag.Cjk) return false;
  const s = tokenSurface(t, i);
  return ACRONYM.test(s) && /[A-Z].*[A-Z0-9]/.test(s);
}

function isNameToken(t: Tokens, i: number): boolean {
  return !((t.flags[i] as number) & TokenFlag.Cjk) && isCapitalized(t, i) && !isAcronymToken(t, i);
}

function joined(t: Tokens, i: number): boolean {
  return !((t.flags[i] as number) & TokenFlag.BreakBefore);
}

/** A word that says nothing on its own: common English, a weekday or month, a demonym. */
function isGeneric(key: string): boolean {
  return isCommonWord(key) || CALENDAR_WORDS.has(key) || isDemonym(key);
}

/** Whether a word is a place name plus a demonym ending, for a place name in `names`. */
function isDerivedDemonym(key: string, names: (stem: string) => boolean): boolean {
  return DEMONYM_SUFFIXES.some((suffix) => {
    if (!key.endsWith(suffix)) return false;
    const stem = key.slice(0, -suffix.length);
    return stem.length >= 3 && (names(stem) || names(`${stem}a`));
  });
}

function classify(keys: string[]): SuggestionKind {
  const first = keys[0] as string;
  const last = keys[keys.length - 1] as string;
  if (keys.length > 1 && ORG_LAST.has(last)) return 'organization';
  if (keys.length > 1 && PLACE_LAST.has(last)) return 'place';
  if (keys.length > 1 && ORG_FIRST.has(first)) return 'organization';
  if (keys.length > 1 && PLACE_FIRST.has(first)) return 'place';
  return 'name';
}

/** Whether the ". " or " " before token `i` follows an honorific (Mr. Kishida). */
function afterHonorific(t: Tokens, i: number): string | undefined {
  if (i === 0) return undefined;
  const gap = t.text.slice(t.ends[i - 1], t.starts[i]);
  if (!/^\.?\s{1,2}$/.test(gap) || !isCapitalized(t, i - 1)) return undefined;
  const key = t.keys[i - 1] as string;
  return HONORIFICS.has(key) ? tokenSurface(t, i - 1) : undefined;
}

/** Detects all-capital lines (headlines, kickers) whose words are not acronyms. */
function makeShoutingTest(t: Tokens): (i: number) => boolean {
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
function lastIndexOfRun(hay: string[], needle: string[]): number {
  for (let a = hay.length - needle.length; a >= 0; a--) if (needle.every((k, x) => hay[a + x] === k)) return a;
  return -1;
}

/** Mentions of a folded word sequence in the tokens. */
function countRuns(t: Tokens, keys: string[]): number {
  let n = 0;
  for (let i = 0; i + keys.length <= t.length; i++) {
    if (t.keys[i] !== keys[0]) continue;
    let ok = true;
    for (let x = 1; x < keys.length && ok; x++) ok = t.keys[i + x] === keys[x] && joined(t, i + x);
    if (ok) n++;
  }
  return n;
}

/**
 * The candidates the glossary lacks, ranked: those the article defines first, then by mentions,
 * then by first mention. Pass `analysis` when the text was already analyzed by the same engine.
 */
export function suggestTerms(text: string, engine: GlossaryEngine, analysis: Analysis = engine.analyze(text)): Suggestion[] {
  const t = tokenize(text);
  const known: Match[] = analysis.matches.filter((m) => m.via !== 'article-definition');
  const covered = (start: number, end: number): boolean => known.some((m) => m.start <= start && m.end >= end);
  const knownTerm = (term: string): boolean =>
    engine.compiled.findExact(term).some((m) => m.start === 0 && m.end === term.length);
  const defs = findDefinitions(text).filter((d) => !covered(d.start, d.end) && !knownTerm(d.term));
  const titleDefs = defs.filter((d) => d.kind === 'title').map((d) => ({ d, keys: tokenize(d.term).keys }));
  // Tokens inside a mention the glossary already knows are not candidates and end a name.
  const knownToken = new Uint8Array(t.length);
  for (let i = 0, k = 0; i < t.length; i++) {
    while (k < known.length && (known[k] as Match).end <= (t.starts[i] as number)) k++;
    const m = known[k];
    if (m && m.start <= (t.starts[i] as number) && m.end >= (t.ends[i] as number)) knownToken[i] = 1;
  }
  const isName = (i: number): boolean => knownToken[i] === 0 && isNameToken(t, i);
  // Single capitalized words of the text and the glossary's names: stems of demonyms (Kenya → Kenyan).
  const capitalized = new Set<string>();
  for (let i = 0; i < t.length; i++) if (isCapitalized(t, i)) capitalized.add(t.keys[i] as string);
  const isPlaceName = (stem: string): boolean => capitalized.has(stem) || engine.compiled.hasKey(stem);
  const generic = (key: string): boolean => isGeneric(key) || isDerivedDemonym(key, isPlaceName);
  const shouting = makeShoutingTest(t);
  const found: Occurrence[] = [];
  const capitalizedCommon: number[] = [];

  const add = (a: number, b: number, kind: SuggestionKind, definition?: string): void => {
    const start = t.starts[a] as number;
    let end = t.ends[b] as number;
    if (covered(start, end)) return;
    // A dotted acronym keeps its last dot: U.S.
    if ((t.flags[b] as number) & TokenFlag.Dotted && text[end] === '.') end++;
    const keys = t.keys.slice(a, b + 1);
    found.push({
      key: keys.join(' '),
      term: text.slice(start, end).replace(/\s+/g, ' '),
      start,
      end,
      kind,
      ...(definition ? { definition } : {}),
    });
  };

  for (let i = 0; i < t.length; i++) {
    if (knownToken[i]) continue;
    // Acronyms.
    if (isAcronymToken(t, i)) {
      const s = tokenSurface(t, i);
      if (!NOT_ACRONYMS.has(s) && !ROMAN_NUMERAL.test(s) && !shouting(i)) add(i, i, 'acronym');
      continue;
    }
    if (!isName(i)) continue;
    // "trans-Atlantic", "pro-Russian": a prefix, not a name.
    if (i > 0 && (t.flags[i] as number) & TokenFlag.HyphenBefore && joined(t, i) && !isCapitalized(t, i - 1)) continue;
    // A run of capitalized words, with connectors between them (Bank of Japan).
    let j = i;
    for (;;) {
      if (j + 1 < t.length && joined(t, j + 1) && isName(j + 1)) {
        j++;
        continue;
      }
      // A regnal or ordinal numeral ends a name: King Charles III, World War II.
      if (j + 1 < t.length && joined(t, j + 1) && knownToken[j + 1] === 0 && ROMAN_NUMERAL.test(tokenSurface(t, j + 1))) {
        j++;
        break;
      }
      let c = j + 1;
      while (c < t.length && c - j <= 2 && joined(t, c) && NAME_CONNECTORS.has(t.keys[c] as string) && !isCapitalized(t, c)) c++;
      if (c > j + 1 && c < t.length && joined(t, c) && isName(c)) {
        j = c;
        continue;
      }
      break;
    }
    const end = j;
    const next = j + 1;
    const runKeys = t.keys.slice(i, end + 1);
    // A name the article gives a title: "British Prime Minister Keir Starmer".
    let titled: { a: number; b: number; definition: string } | undefined;
    for (const { d, keys } of titleDefs) {
      const at = lastIndexOfRun(runKeys, keys);
      if (at >= 0 && (!titled || keys.length > titled.b - titled.a + 1))
        titled = { a: i + at, b: i + at + keys.length - 1, definition: d.definition };
    }
    if (titled) {
      add(titled.a, titled.b, 'person', titled.definition);
      i = end;
      continue;
    }
    let a = i;
    // A common word may be capitalized only because it begins the sentence ("Although Japan").
    if (isSentenceInitial(t, a) && isCommonWord(t.keys[a] as string)) {
      a++;
      while (a <= end && FUNCTION_WORDS.has(t.keys[a] as string)) a++;
    }
    let title: string | undefined = a <= end ? afterHonorific(t, a) : undefined;
    const titleFrom = a;
    while (a < end && HONORIFICS.has(t.keys[a] as string)) a++;
    if (a > titleFrom) {
      // "Prime Minister of Japan" names an office, not a person: keep what follows "of".
      if (NAME_CONNECTORS.has(t.keys[a] as string)) title = undefined;
      else title = text.slice(t.starts[titleFrom], t.ends[a - 1]).replace(/\s+/g, ' ');
    }
    while (a <= end && NAME_CONNECTORS.has(t.keys[a] as string)) a++;
    let b = end;
    while (b >= a && NAME_CONNECTORS.has(t.keys[b] as string)) b--;
    i = next - 1;
    if (a > b) continue;
    const keys = t.keys.slice(a, b + 1);
    const kind = title ? 'person' : classify(keys);
    const content = keys.filter((k) => !NAME_CONNECTORS.has(k));
    if (kind === 'name' && content.every(generic)) {
      // A common word capitalized mid-sentence may still be a name (China): decided below.
      if (
        keys.length === 1 &&
        a === i &&
        !isSentenceInitial(t, a) &&
        isCommonWord(keys[0] as string) &&
        !CALENDAR_WORDS.has(keys[0] as string)
      )
        capitalizedCommon.push(a);
      continue;
    }
    if (
      kind !== 'name' &&
      kind !== 'person' &&
      content.length > 1 &&
      content.every((k) => generic(k) && !ORG_LAST.has(k) && !PLACE_LAST.has(k))
    )
      continue;
    if (
      keys.length === 1 &&
      ((keys[0] as string).length < 2 || HONORIFICS.has(keys[0] as string) || CALENDAR_WORDS.has(keys[0] as string))
    )
      continue;
    const courtesy = title !== undefined && title.split(/\s+/).every((w) => COURTESY_TITLES.has(w.toLowerCase()));
    add(a, b, kind, courtesy ? undefined : title);
  }

  // A common word that the article always capitalizes, twice or more mid-sentence, is a name here
  // ("China"); once ("Conservative rule") is not enough to tell.
  const lowerSeen = new Set<string>();
  for (let i = 0; i < t.length; i++) if (!isCapitalized(t, i)) lowerSeen.add(t.keys[i] as string);
  const capCount = new Map<string, number>();
  for (const i of capitalizedCommon) capCount.set(t.keys[i] as string, (capCount.get(t.keys[i] as string) ?? 0) + 1);
  for (const i of capitalizedCommon) {
    const key = t.keys[i] as string;
    if ((capCount.get(key) ?? 0) >= 2 && !lowerSeen.has(key)) add(i, i, 'name');
  }
  found.sort((x, y) => x.start - y.start);

  // Group mentions by their folded words.
  const rank: Record<SuggestionKind, number> = { person: 4, acronym: 3, organization: 2, place: 1, name: 0 };
  const groups = new Map<string, Group>();
  for (const o of found) {
    const g = groups.get(o.key);
    if (!g) {
      groups.set(o.key, {
        key: o.key,
        term: o.term,
        start: o.start,
        count: 1,
        kind: o.kind,
        words: o.key.split(' '),
        ...(o.definition ? { definition: o.definition } : {}),
      });
      continue;
    }
    g.count++;
    if (rank[o.kind] > rank[g.kind]) g.kind = o.kind;
    if (!g.definition && o.definition) g.definition = o.definition;
  }
  // The article's own definitions.
  for (const d of defs) {
    const keys = tokenize(d.term).keys;
    const key = keys.join(' ');
    let g = groups.get(key);
    if (!g) {
      g = { key, term: d.term, start: d.start, count: Math.max(1, countRuns(t, keys)), kind: definitionKind(d), words: keys };
      groups.set(key, g);
    }
    g.definition = d.definition;
    g.sentence = d.sentence;
    if (d.kind === 'title') g.kind = 'person';
    if (d.kind === 'acronym') g.count += countRuns(t, tokenize(d.definition).keys);
  }
  // A surname alone is the person named in full: "Olaf Scholz" … "Scholz".
  for (const g of [...groups.values()]) {
    if (g.words.length !== 1 || g.kind === 'acronym') continue;
    const word = g.words[0] as string;
    // Into a person; or into a name of two or three uncommon words named in full first.
    const owners = [...groups.values()].filter(
      (o) =>
        o.words.length > 1 &&
        (o.kind === 'person'
          ? o.words[o.words.length - 1] === word || o.words[0] === word
          : o.kind === 'name' &&
            o.words.length <= 3 &&
            o.words[o.words.length - 1] === word &&
            o.start < g.start &&
            !o.words.some(generic)),
    );
    if (owners.length !== 1) continue;
    const owner = owners[0] as Group;
    owner.count += g.count;
    owner.kind = 'person';
    if (g.start < owner.start) owner.start = g.start;
    groups.delete(g.key);
  }

  const out: Suggestion[] = [];
  for (const g of groups.values()) {
    if (knownTerm(g.term)) continue;
    out.push({
      term: g.term,
      kind: g.kind,
      count: g.count,
      sentence: g.sentence ?? sentenceAround(text, g.start).text,
      ...(g.definition ? { definition: g.definition } : {}),
      start: g.start,
    });
  }
  out.sort(
    (x, y) => Number(y.definition !== undefined) - Number(x.definition !== undefined) || y.count - x.count || x.start - y.start,
  );
  return out;
}

function definitionKind(d: ArticleDefinition): SuggestionKind {
  if (d.kind === 'title') return 'person';
  if (d.kind === 'acronym' || ACRONYM.test(d.term)) return 'acronym';
  return classify(tokenize(d.term).keys);
}
