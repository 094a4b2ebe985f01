/**
 * Deterministic synthetic glossaries for the matcher benchmark.
 *
 * Two sources of entries:
 * - phrases taken from the corpus texts, most frequent first, so that there are many real matches
 *   to compare: capitalized single words of ≥ 5 letters and runs of two or three capitalized
 *   words; and pairs of lower-case words (as aliases of a capitalized term);
 * - generated names: people ("Given Family"), organizations ("National Water Agency",
 *   "Kalvaro Energy Council") and places ("Port Kalvaro"), each with 1–3 aliases.
 *
 * Every form is letters and single spaces only. Entries are built for the "exact mode" of the
 * oracle comparison: kind `organization` (no surname forms), every alias `{ text, caseSensitive:
 * true }` (no plural, no context); the term keeps the default case rule of its writing.
 */
import type { Entry } from '../src/core/glossary-types';
import { caseModeOf, type CaseMode } from '../src/core/glossary-format';
import { spellings } from './oracle';
import { rng } from '../tests/fixtures/imports/synthetic';

/** The seeded PRNG shared with the import fixtures (mulberry32). */
const GIVEN = (
  'James Maria Ahmed Yuki Olga Kwame Priya Chen Fatima Lars Sofia Diego Amara Hiroshi Ingrid Mateo Aisha Tomasz ' +
  'Leila Kenji Nadia Pablo Zainab Viktor Elena Samuel Mei Omar Anika Rafael Yasmin Dmitri Chloe Tariq Hana Lucas ' +
  'Ngozi Felix Irina Arjun Camila Jonas Amina Sergei Laura Kofi Mariam Henrik Rosa Bilal Sakura Thomas Lina Emeka ' +
  'Clara Rahul Beatriz Anders Salma Marco Ayumi Daniel Noura Stefan Julia Musa Keiko Andrei Isabel Hamza Freya Luis ' +
  'Wanjiru Paolo Aiko Karim Ewa Joseph Sunita Mikhail Greta Ibrahim Naomi Carlos Astrid Vikram Helena Chidi Marta ' +
  'Youssef Ines Patrick Dalia Oleksandr Anna Juma Simone Tatsuya Nora Gabriel Zara Pieter Leticia Babajide Agnes ' +
  'Ravi Lucia Erik Farah Hugo Esther Ali Monika Kaito Sara Emmanuel Ruth Ivan Alma'
).split(' ');

const FAMILY = (
  'Smith Garcia Nakamura Okafor Kowalski Haddad Petrov Lindqvist Moreau Rossi Silva Tanaka Mensah Patel Schmidt ' +
  'Novak Johansson Fernandez Kim Nguyen Osei Hassan Ivanova Dubois Bianchi Santos Yamamoto Adeyemi Kaur Weber ' +
  'Horvat Larsen Morales Park Tran Boateng Rahman Sokolov Laurent Romano Oliveira Suzuki Eze Sharma Fischer Dvorak ' +
  'Nielsen Herrera Choi Pham Asante Karimi Volkov Lefebvre Ricci Costa Watanabe Obi Gupta Wagner Kovac Hansen ' +
  'Jimenez Jung Owusu Hosseini Popov Girard Marino Pereira Ito Nwosu Singh Becker Varga Berg Ruiz Kang Vu Darko ' +
  'Mahmoud Kuznetsov Bonnet Greco Almeida Kobayashi Chukwu Reddy Hoffmann Nagy Dahl Castillo Yoon Appiah Aziz ' +
  'Lebedev Fontaine Conti Rocha Kato Okonkwo Iyer Schulz Toth Holm Vargas Lim Ansah Farouk Morozov Mercier Gallo ' +
  'Carvalho Yoshida Ibe Nair Koch Kiss Lund Mendoza Han Dang Amoah Nasser Fedorov Rousseau Colombo Ribeiro Yamada ' +
  'Uche Menon Richter Szabo Strand Ortiz Shin Bui Addo Saleh Orlov Blanc Esposito Martins Sasaki Eke Pillai Klein ' +
  'Balogh Eriksen Ramos Seo Duong Frimpong Khalil Pavlov Guerin Ferrari Gomes Yamaguchi Rao Wolf Farkas Dahlberg ' +
  'Delgado Kwon Quaye Mansour Zaitsev Chevalier Fabbri Lopes Matsumoto Ogbu Joshi Schroeder Molnar Sandberg ' +
  'Navarro Hwang Truong Tetteh Darwish Belov Faure Marchetti Barbosa Inoue Okeke Kapoor Neumann Lukacs Engstrom ' +
  'Medina Huynh Agyeman'
).split(' ');

const TITLES = 'President Minister Senator General Governor Judge Ambassador Professor Doctor Chancellor Mayor'.split(' ');

const ORG_PREFIX = (
  'National Federal Central Royal International European African Pacific Northern Southern Eastern Western ' +
  'United Independent Joint State Regional Global Atlantic Arctic'
).split(' ');

const ORG_FIELD = (
  'Water Energy Space Health Maritime Aviation Security Intelligence Nuclear Railway Forestry Fisheries Statistics ' +
  'Election Broadcasting Transport Education Science Research Mining Labour Trade Customs Tax Revenue Housing ' +
  'Veterans Refugee Disaster Climate Ocean Weather Wildlife Heritage Cyber Defence Police Border Food Drug Patent ' +
  'Competition Consumer Banking Insurance Pension Telecom Postal Tourism Sports Arts Film Language Highways Grid'
).split(' ');

const ORG_TYPE = (
  'Agency Council Authority Commission Institute Board Service Office Bureau Directorate Foundation Association ' +
  'Union Federation Centre'
).split(' ');

const PLACE_BEFORE = 'Port Lake Mount North South East West San New Saint Fort Cape'.split(' ');
const PLACE_AFTER = 'Province Valley Bay Islands Heights Springs River Coast Highlands Basin'.split(' ');

const ONSETS = 'b c d f g h j k l m n p r s t v z br dr gr kr pr st tr ch sh th'.split(' ');
const VOWELS = 'a e i o u a e i o ia ou ei'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'k'];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** A pronounceable invented name ("Kalvaro"). */
function inventName(r: () => number): string {
  const syllables = 2 + Math.floor(r() * 2);
  let s = '';
  for (let i = 0; i < syllables; i++) s += pick(r, ONSETS) + pick(r, VOWELS) + (i === syllables - 1 ? pick(r, CODAS) : '');
  return s[0]!.toUpperCase() + s.slice(1);
}

/** A transliteration-like variant: one letter changed ("Kalvaro" → "Kalwaro"). */
function variant(r: () => number, word: string): string {
  const swaps: [RegExp, string][] = [
    [/v/, 'w'],
    [/k/, 'c'],
    [/i(?=[^i]*$)/, 'y'],
    [/a$/, 'ah'],
    [/ou/, 'u'],
    [/e(?=[^e]*$)/, 'ei'],
    [/s$/, 'ss'],
    [/o(?=[^o]*$)/, 'oh'],
    [/u/, 'oo'],
    [/ph/, 'f'],
    [/t$/, 'tt'],
  ];
  const start = Math.floor(r() * swaps.length);
  for (let k = 0; k < swaps.length; k++) {
    const [re, by] = swaps[(start + k) % swaps.length]!;
    if (re.test(word.slice(1))) return word[0] + word.slice(1).replace(re, by);
  }
  return `${word}a`;
}

function sortByCount(counts: Map<string, number>): { phrase: string; count: number }[] {
  return [...counts]
    .map(([phrase, count]) => ({ phrase, count }))
    .sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
}

/**
 * Phrases of the corpus texts, most frequent first: from each run of capitalized words separated
 * by single spaces ("Prime Minister Benjamin Netanyahu"), every single word of ≥ 5 letters and
 * every two- and three-word sub-run.
 */
function corpusPhrases(texts: readonly string[]): { phrase: string; count: number }[] {
  const counts = new Map<string, number>();
  const run = /(?<![\p{L}\p{N}\p{M}])\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*(?![\p{L}\p{N}\p{M}])/gu;
  for (const text of texts) {
    for (const m of text.matchAll(run)) {
      const words = m[0].split(' ');
      for (let i = 0; i < words.length; i++) {
        if ((words[i] as string).length >= 5) counts.set(words[i]!, (counts.get(words[i]!) ?? 0) + 1);
        for (let n = 2; n <= 3 && i + n <= words.length; n++) {
          const p = words.slice(i, i + n).join(' ');
          counts.set(p, (counts.get(p) ?? 0) + 1);
        }
      }
    }
  }
  return sortByCount(counts);
}

/** Function words (English, French) that a glossary's concept names do not start or end with. */
const STOP = new Set(
  (
    'about above after again also been before being both could does doing down during each even every from have here ' +
    'into just like made make many more most much must only other over said says should some such than that their ' +
    'them then there these they this those though through under until upon very want well were what when where which ' +
    'while will with within without would your year years told says still since back later first last next ' +
    'avec dans elle elles entre être leur leurs mais nous pour sans sont sous cette comme aussi plus tout tous très ' +
    'avait avoir fait peut même ainsi alors après avant depuis donc dont encore'
  ).split(' '),
);

/**
 * Two lower-case words of ≥ 4 letters each, neither a function word ("human rights", "open
 * source", "nuclear deal"), most frequent first.
 */
function corpusLowerBigrams(texts: readonly string[]): { phrase: string; count: number }[] {
  const counts = new Map<string, number>();
  const pair = /(?<![\p{L}\p{N}\p{M}])(?=(\p{Ll}{4,}) (\p{Ll}{4,})(?![\p{L}\p{N}\p{M}]))/gu;
  for (const text of texts)
    for (const m of text.matchAll(pair)) {
      if (STOP.has(m[1]!) || STOP.has(m[2]!)) continue;
      const p = `${m[1]} ${m[2]}`;
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
  return sortByCount(counts);
}

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
/** Between two words: a space, or a hyphen, dash or apostrophe (which our matcher joins across). */
const JOIN_GAP = /^(?: |[-\u2010-\u2015\u2212'\u2018\u2019\u02bc])$/;

/**
 * Where our matcher and a regex of literal forms would disagree on the corpus: a form that the
 * corpus also writes in a way our matcher accepts and the literal regex does not (joined by a
 * hyphen or apostrophe, "open-source" for "open source"; with diacritics folded, "Maori" for
 * "Māori"; in a mix of cases the term's "capitals" rule accepts, "JavaScript" for "Javascript").
 * Such forms are left out of the synthetic glossaries, so that `sameMatches` compares like with
 * like; they are counted and listed, not hidden.
 */
export class SemanticsGuard {
  /** Folded lower-case words joined by spaces → the spellings of those words in the corpus. */
  private readonly seen = new Map<string, Set<string>>();
  /** Forms left out, with the corpus spelling that would differ. */
  readonly excluded: { form: string; corpus: string }[] = [];

  constructor(texts: readonly string[], maxWords = 4) {
    const word = /[\p{L}\p{M}\p{N}]+/gu;
    for (const text of texts) {
      const ws = [...text.matchAll(word)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        key: fold(m[0]).toLowerCase(),
      }));
      for (let i = 0; i < ws.length; i++) {
        let key = ws[i]!.key;
        for (let j = i; j < ws.length && j < i + maxWords; j++) {
          if (j > i) {
            if (!JOIN_GAP.test(text.slice(ws[j - 1]!.end, ws[j]!.start))) break;
            key += ` ${ws[j]!.key}`;
          }
          const spelling = text.slice(ws[i]!.start, ws[j]!.end);
          const set = this.seen.get(key);
          if (set) set.add(spelling);
          else this.seen.set(key, new Set([spelling]));
        }
      }
    }
  }

  /** Whether the literal regex and our matcher agree on every corpus spelling of this form. */
  safe(text: string, mode: CaseMode): boolean {
    const spellingsSeen = this.seen.get(fold(text).toLowerCase());
    if (!spellingsSeen) return true;
    const literal = new Set(spellings({ text, mode }));
    for (const s of spellingsSeen) {
      if (literal.has(s) || !oursAccepts(text, mode, s)) continue;
      this.excluded.push({ form: text, corpus: s });
      return false;
    }
    return true;
  }
}

/** Whether our matcher takes corpus spelling `s` (same folded words) for the form `text`. */
function oursAccepts(text: string, mode: CaseMode, s: string): boolean {
  if (/[^\p{L}\p{M}\p{N} ]/u.test(s)) return true; // joined by a hyphen/apostrophe: our matcher joins
  const want = fold(text);
  const got = fold(s);
  if (mode === 'insensitive') return true;
  if (mode === 'sensitive') return want === got;
  for (let c = 0; c < Math.min(want.length, got.length); c++) {
    const w = want[c] as string;
    const g = got[c] as string;
    if (w !== w.toLowerCase() && g === g.toLowerCase() && g !== g.toUpperCase()) return false;
  }
  return true;
}

/** Options of a synthetic glossary. */
export interface SyntheticOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** Share of the entries taken from corpus phrases, at most (default 0.4). */
  corpusShare?: number;
  /** Leaves out forms on which our matcher and the literal regex would disagree on these texts. */
  guard?: SemanticsGuard;
}

const FORM_RE = /^\p{L}+(?: \p{L}+)*$/u;

function entry(id: string, term: string, aliases: string[], guard?: SemanticsGuard): Entry | undefined {
  if (guard && !guard.safe(term, caseModeOf(term))) return undefined;
  const seen = new Set([term]);
  const unique = aliases.filter((a) => !seen.has(a) && (seen.add(a), true) && (!guard || guard.safe(a, 'sensitive')));
  for (const f of [term, ...unique])
    if (!FORM_RE.test(f)) throw new Error(`synthetic form is not letters and single spaces: ${JSON.stringify(f)}`);
  return {
    id,
    term,
    kind: 'organization',
    aliases: unique.map((text) => ({ text, caseSensitive: true })),
    summary: `Synthetic entry ${id}.`,
    sources: [{ title: 'synthetic', url: 'https://example.org/' }],
    updated: '2026-01-01',
  };
}

/** `n` entries: corpus phrases (most frequent first) and generated names, deterministic. */
export function syntheticGlossary(n: number, corpusTexts: readonly string[], options: SyntheticOptions = {}): Entry[] {
  const r = rng(options.seed ?? 1);
  const entries: Entry[] = [];
  const terms = new Set<string>();

  // Corpus phrases, alternately: capitalized phrases grouped 1–3 to an entry (the first is the
  // term, the others aliases), and a lower-case pair as the alias of its capitalized term
  // ("Human Rights" / "human rights", as a glossary of concepts would have it).
  const phrases = corpusPhrases(corpusTexts).map((x) => x.phrase);
  const pairs = corpusLowerBigrams(corpusTexts).map((x) => x.phrase);
  const corpusEntries = Math.floor(n * (options.corpusShare ?? 0.4));
  let p = 0;
  let q = 0;
  while (entries.length < corpusEntries && (p < phrases.length || q < pairs.length)) {
    if (p < phrases.length && (entries.length % 2 === 0 || q >= pairs.length)) {
      const size = 1 + Math.floor(r() * 3);
      const group = phrases.slice(p, p + size).filter((x) => !terms.has(x));
      p += size;
      if (!group.length) continue;
      terms.add(group[0]!);
      const e = entry(`corpus-${entries.length}`, group[0]!, group.slice(1), options.guard);
      if (e) entries.push(e);
    } else {
      const pair = pairs[q++]!;
      const term = pair.replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase());
      if (terms.has(term)) continue;
      terms.add(term);
      const e = entry(`corpus-${entries.length}`, term, [pair], options.guard);
      if (e) entries.push(e);
    }
  }

  const invented: string[] = [];
  const inventedSet = new Set<string>();
  const invent = (): string => {
    for (;;) {
      const name = inventName(r);
      if (!inventedSet.has(name)) {
        inventedSet.add(name);
        invented.push(name);
        return name;
      }
    }
  };
  const place = (): string => (invented.length > 200 && r() < 0.5 ? pick(r, invented) : invent());

  while (entries.length < n) {
    const id = `syn-${entries.length}`;
    const kind = r();
    let term: string;
    const choices: string[] = [];
    if (kind < 0.5) {
      const given = pick(r, GIVEN);
      const family = r() < 0.6 ? pick(r, FAMILY) : place();
      term = `${given} ${family}`;
      choices.push(
        `${given} ${pick(r, GIVEN)} ${family}`,
        family,
        `${pick(r, TITLES)} ${family}`,
        `${variant(r, given)} ${family}`,
        `${family} ${given}`,
      );
    } else if (kind < 0.75) {
      const field = pick(r, ORG_FIELD);
      const type = pick(r, ORG_TYPE);
      const prefix = r() < 0.5 ? pick(r, ORG_PREFIX) : place();
      term = `${prefix} ${field} ${type}`;
      choices.push(
        `${prefix[0]}${field[0]}${type[0]}`,
        `${field} ${type}`,
        `${type} for ${field}`,
        `${prefix} ${field} ${pick(r, ORG_TYPE)}`,
      );
    } else {
      const name = place();
      term = r() < 0.5 ? `${pick(r, PLACE_BEFORE)} ${name}` : `${name} ${pick(r, PLACE_AFTER)}`;
      choices.push(name, `${name} City`, `Greater ${name}`, variant(r, term));
    }
    if (terms.has(term)) continue;
    terms.add(term);
    const count = 1 + Math.floor(r() * 3);
    const aliases: string[] = [];
    while (aliases.length < count && choices.length) aliases.push(choices.splice(Math.floor(r() * choices.length), 1)[0]!);
    const e = entry(id, term, aliases, options.guard);
    if (e) entries.push(e);
  }
  return entries;
}
