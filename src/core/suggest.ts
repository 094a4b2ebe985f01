/**
 * Glossary candidates from an article: the terms a glossary lacks. Acronyms (NATO, IP4),
 * capitalized multi-word names of people, organizations and places, and the article's own
 * definitions ("the acquisition and cross-servicing agreement, or ACSA"; "collectively called
 * IP4"; "British Prime Minister Keir Starmer"). Pure: no DOM, no file system.
 *
 * In passes: collect occurrences (acronyms, runs of capitalized words) → add the words the article
 * always capitalizes → group mentions → add the article's definitions → merge surnames into the
 * people named in full → rank. The word lists and tests are in suggest-words.ts.
 */
import { isCommonWord } from './common-words';
import { findDefinitions, type ArticleDefinition } from './definitions';
import type { Analysis, GlossaryEngine } from './engine';
import { CALENDAR_WORDS, COURTESY_TITLES, NAME_CONNECTORS, ROMAN_NUMERAL } from './lexicon';
import type { Match } from './matcher';
import { isSentenceInitial, sentenceAround } from './sentence';
import {
  afterHonorific,
  classify,
  countRuns,
  definitionKind,
  FUNCTION_WORDS,
  HONORIFICS,
  isAcronymToken,
  isDerivedDemonym,
  isGeneric,
  isNameToken,
  joined,
  lastIndexOfRun,
  makeShoutingTest,
  NOT_ACRONYMS,
  ORG_LAST,
  PLACE_LAST,
  type SuggestionKind,
} from './suggest-words';
import { isCapitalized, tokenize, TokenFlag, tokenSurface, type Tokens } from './tokenize';

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

/** The article as the passes read it. */
interface Article {
  text: string;
  t: Tokens;
  /** Mentions the glossary already knows (not the article's own definitions), in text order. */
  known: Match[];
  /** Tokens inside a known mention (1): they are not candidates, and they end a name. */
  knownToken: Uint8Array;
  /** The article's definitions of terms the glossary lacks. */
  defs: ArticleDefinition[];
  /** Its title definitions ("British Prime Minister Keir Starmer"), with the folded words of the name. */
  titleDefs: { d: ArticleDefinition; keys: string[] }[];
  /** A word that says nothing on its own, here: common, calendar, a demonym (also of a place in the text). */
  generic: (key: string) => boolean;
  /** Whether token `i` is on a line written in capitals (a headline). */
  shouting: (i: number) => boolean;
}

/** The candidate mentions, before grouping. */
interface Collected {
  found: Occurrence[];
  /** Common words capitalized mid-sentence (China): names if the article always capitalizes them. */
  capitalizedCommon: number[];
}

/**
 * The candidates the glossary lacks, ranked: those the article defines first, then by mentions,
 * then by first mention. Pass `analysis` when the text was already analyzed by the same engine.
 */
export function suggestTerms(text: string, engine: GlossaryEngine, analysis: Analysis = engine.analyze(text)): Suggestion[] {
  const article = readArticle(text, engine, analysis);
  const { found, capitalizedCommon } = collectOccurrences(article);
  addAlwaysCapitalized(article, capitalizedCommon, found);
  found.sort((x, y) => x.start - y.start);
  const groups = groupMentions(found);
  addDefinitions(groups, article);
  mergeSurnames(groups, article.generic);
  return rank(groups, text, engine);
}

/** Whether the glossary has `term` itself (as a whole). */
function knownTerm(engine: GlossaryEngine, term: string): boolean {
  return engine.compiled.findExact(term).some((m) => m.start === 0 && m.end === term.length);
}

/** Whether a known mention covers [start, end). */
function covered(known: readonly Match[], start: number, end: number): boolean {
  return known.some((m) => m.start <= start && m.end >= end);
}

/** The tokens, the known mentions and definitions, and the word tests of the other passes. */
function readArticle(text: string, engine: GlossaryEngine, analysis: Analysis): Article {
  const t = tokenize(text);
  const known: Match[] = analysis.matches.filter((m) => m.via !== 'article-definition');
  const defs = findDefinitions(text).filter((d) => !covered(known, d.start, d.end) && !knownTerm(engine, d.term));
  const titleDefs = defs.filter((d) => d.kind === 'title').map((d) => ({ d, keys: tokenize(d.term).keys }));
  const knownToken = new Uint8Array(t.length);
  for (let i = 0, k = 0; i < t.length; i++) {
    while (k < known.length && (known[k] as Match).end <= (t.starts[i] as number)) k++;
    const m = known[k];
    if (m && m.start <= (t.starts[i] as number) && m.end >= (t.ends[i] as number)) knownToken[i] = 1;
  }
  // Single capitalized words of the text and the glossary's names: stems of demonyms (Kenya → Kenyan).
  const capitalized = new Set<string>();
  for (let i = 0; i < t.length; i++) if (isCapitalized(t, i)) capitalized.add(t.keys[i] as string);
  const isPlaceName = (stem: string): boolean => capitalized.has(stem) || engine.compiled.hasKey(stem);
  const generic = (key: string): boolean => isGeneric(key) || isDerivedDemonym(key, isPlaceName);
  return { text, t, known, knownToken, defs, titleDefs, generic, shouting: makeShoutingTest(t) };
}

/** Whether token `i` may be part of a name: capitalized, not an acronym, not in a known mention. */
function isName(article: Article, i: number): boolean {
  return article.knownToken[i] === 0 && isNameToken(article.t, i);
}

/** Records tokens a..b as a candidate mention, unless a known mention covers them. */
function addOccurrence(
  article: Article,
  found: Occurrence[],
  a: number,
  b: number,
  kind: SuggestionKind,
  definition?: string,
): void {
  const { t, text } = article;
  const start = t.starts[a] as number;
  let end = t.ends[b] as number;
  if (covered(article.known, start, end)) return;
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
}

/** Pass 1: the acronyms and runs of capitalized words of the text, in text order. */
function collectOccurrences(article: Article): Collected {
  const { t } = article;
  const out: Collected = { found: [], capitalizedCommon: [] };
  for (let i = 0; i < t.length; i++) {
    if (article.knownToken[i]) continue;
    // Acronyms.
    if (isAcronymToken(t, i)) {
      const s = tokenSurface(t, i);
      if (!NOT_ACRONYMS.has(s) && !ROMAN_NUMERAL.test(s) && !article.shouting(i))
        addOccurrence(article, out.found, i, i, 'acronym');
      continue;
    }
    if (!isName(article, i)) continue;
    // "trans-Atlantic", "pro-Russian": a prefix, not a name.
    if (i > 0 && (t.flags[i] as number) & TokenFlag.HyphenBefore && joined(t, i) && !isCapitalized(t, i - 1)) continue;
    const end = nameRunEnd(article, i);
    if (!addTitledName(article, out.found, i, end)) addName(article, out, i, end);
    i = end;
  }
  return out;
}

/** The last token of the run of capitalized words from `i`, with connectors between them (Bank of Japan). */
function nameRunEnd(article: Article, i: number): number {
  const { t } = article;
  let j = i;
  for (;;) {
    if (j + 1 < t.length && joined(t, j + 1) && isName(article, j + 1)) {
      j++;
      continue;
    }
    // A regnal or ordinal numeral ends a name: King Charles III, World War II.
    if (j + 1 < t.length && joined(t, j + 1) && article.knownToken[j + 1] === 0 && ROMAN_NUMERAL.test(tokenSurface(t, j + 1)))
      return j + 1;
    let c = j + 1;
    while (c < t.length && c - j <= 2 && joined(t, c) && NAME_CONNECTORS.has(t.keys[c] as string) && !isCapitalized(t, c)) c++;
    if (c > j + 1 && c < t.length && joined(t, c) && isName(article, c)) {
      j = c;
      continue;
    }
    return j;
  }
}

/** A name in the run i..end that the article gives a title ("British Prime Minister Keir Starmer"): added as a person. */
function addTitledName(article: Article, found: Occurrence[], i: number, end: number): boolean {
  const runKeys = article.t.keys.slice(i, end + 1);
  let titled: { a: number; b: number; definition: string } | undefined;
  for (const { d, keys } of article.titleDefs) {
    const at = lastIndexOfRun(runKeys, keys);
    if (at >= 0 && (!titled || keys.length > titled.b - titled.a + 1))
      titled = { a: i + at, b: i + at + keys.length - 1, definition: d.definition };
  }
  if (!titled) return false;
  addOccurrence(article, found, titled.a, titled.b, 'person', titled.definition);
  return true;
}

/**
 * The name in the run i..end without what only precedes or follows it: a sentence-initial common
 * word, honorifics (kept as the title), connectors at either end.
 */
function nameSpan(article: Article, i: number, end: number): { a: number; b: number; title: string | undefined } {
  const { t, text } = article;
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
  return { a, b, title };
}

/** Adds the name in the run i..end, classified, unless it is only generic words. */
function addName(article: Article, out: Collected, i: number, end: number): void {
  const { t, generic } = article;
  const { a, b, title } = nameSpan(article, i, end);
  if (a > b) return;
  const keys = t.keys.slice(a, b + 1);
  const kind = title ? 'person' : classify(keys);
  const content = keys.filter((k) => !NAME_CONNECTORS.has(k));
  if (kind === 'name' && content.every(generic)) {
    // A common word capitalized mid-sentence may still be a name (China): decided below.
    const word = keys[0] as string;
    if (keys.length === 1 && a === end && !isSentenceInitial(t, a) && isCommonWord(word) && !CALENDAR_WORDS.has(word))
      out.capitalizedCommon.push(a);
    return;
  }
  if (
    kind !== 'name' &&
    kind !== 'person' &&
    content.length > 1 &&
    content.every((k) => generic(k) && !ORG_LAST.has(k) && !PLACE_LAST.has(k))
  )
    return;
  if (
    keys.length === 1 &&
    ((keys[0] as string).length < 2 || HONORIFICS.has(keys[0] as string) || CALENDAR_WORDS.has(keys[0] as string))
  )
    return;
  const courtesy = title !== undefined && title.split(/\s+/).every((w) => COURTESY_TITLES.has(w.toLowerCase()));
  addOccurrence(article, out.found, a, b, kind, courtesy ? undefined : title);
}

/**
 * Pass 2: a common word that the article always capitalizes, twice or more mid-sentence, is a name
 * here ("China"); once ("Conservative rule") is not enough to tell.
 */
function addAlwaysCapitalized(article: Article, capitalizedCommon: readonly number[], found: Occurrence[]): void {
  const { t } = article;
  const lowerSeen = new Set<string>();
  for (let i = 0; i < t.length; i++) if (!isCapitalized(t, i)) lowerSeen.add(t.keys[i] as string);
  const capCount = new Map<string, number>();
  for (const i of capitalizedCommon) capCount.set(t.keys[i] as string, (capCount.get(t.keys[i] as string) ?? 0) + 1);
  for (const i of capitalizedCommon) {
    const key = t.keys[i] as string;
    if ((capCount.get(key) ?? 0) >= 2 && !lowerSeen.has(key)) addOccurrence(article, found, i, i, 'name');
  }
}

/** Which kind wins when one term's mentions look like several. */
const KIND_RANK: Record<SuggestionKind, number> = { person: 4, acronym: 3, organization: 2, place: 1, name: 0 };

/** Pass 3: mentions grouped by their folded words (in order of first mention). */
function groupMentions(found: readonly Occurrence[]): Map<string, Group> {
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
    if (KIND_RANK[o.kind] > KIND_RANK[g.kind]) g.kind = o.kind;
    if (!g.definition && o.definition) g.definition = o.definition;
  }
  return groups;
}

/** Pass 4: the article's own definitions, into their groups (made when the term was not collected). */
function addDefinitions(groups: Map<string, Group>, { t, defs }: Article): void {
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
}

/** Pass 5: a surname alone is the person named in full: "Olaf Scholz" … "Scholz". */
function mergeSurnames(groups: Map<string, Group>, generic: (key: string) => boolean): void {
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
}

/** Pass 6: the groups as suggestions, the defined first, then by mentions, then by first mention. */
function rank(groups: Map<string, Group>, text: string, engine: GlossaryEngine): Suggestion[] {
  const out: Suggestion[] = [];
  for (const g of groups.values()) {
    if (knownTerm(engine, g.term)) continue;
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
