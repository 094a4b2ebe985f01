/**
 * `import-countries`: generates glossary/countries.json from the `world-countries` registry
 * package (mledoze/countries, ODbL-1.0). Which places, how they are described and which of the
 * package's names become aliases is decided here, so that the same package version always gives
 * the same file (byte for byte); `npm run glossary -- import-countries` regenerates it.
 *
 * Selection: the 193 UN member states, the UN observer states Palestine and Vatican City, Taiwan,
 * Kosovo, and every other place the package lists with its own ISO 3166-1 code and a permanent
 * population (EXCLUDED lists the exceptions and why).
 *
 * Aliases: the English official name, the package's alternative spellings, a few well-known
 * English abbreviations (EXTRA_ALIASES) and the common name in each of the package's
 * translation languages (plus the official Japanese name). A form is dropped when it could
 * mislead the matcher: ISO codes, inverted or punctuated forms, short Latin-script words,
 * common English words, foreign all-caps abbreviations, the forms in DROPPED_ALIASES, and any
 * form two entries would share (the validator requires a context rule for those; generated
 * data simply leaves them out).
 *
 * Capitals, official names, regions and statuses the package gets wrong or leaves ambiguous are
 * corrected by the reviewed overrides of src/cli/country-overrides.ts; entries they touch carry
 * `reviewed`, and so do the places its COUNTRIES_CHECKED table lists as checked and found right
 * (dated with that check, while the package is the version it was made in).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { iso31661 } from 'iso-3166';
import type { Country } from 'world-countries';
import type { Alias, AliasObject, Entry, GlossaryFile } from '../core/glossary-types';
import { COUNTRIES_CHECKED, COUNTRY_OVERRIDES } from './country-overrides';
import {
  CAPITAL_LABEL,
  DROPPED_ALIASES,
  DROPPED_FORMS,
  EXTRA_ALIASES,
  EXTRA_JAPANESE,
  LANGUAGE_TAGS,
  NO_OFFICIAL_NAME,
  SPECIAL_STATUS,
  TERRITORY_STATUS,
  WIKIPEDIA_TITLES,
  WITH_THE,
} from './country-tables';
import { foldAscii, kebabId } from '../core/entry-id';
import {
  dateEntries,
  formKey,
  isEnglishWord,
  isIsoDate,
  overrideFor,
  packageDir,
  packageVersion,
  packText,
  readPrevious,
  type UndatedEntry,
  wikipediaSource,
} from './generator-helpers';

/** Options of `import-countries`. */
export interface ImportCountriesOptions {
  /** Glossary directory; the pack is written to countries.json in it unless `out` is given. */
  glossaryDir: string;
  /** Output file (default: GLOSSARY_DIR/countries.json). */
  out?: string;
  /** ISO date for new or changed entries (default: today, UTC). */
  today?: string;
}

/** The registry package the pack is generated from. */
export const PACKAGE_NAME = 'world-countries';
/** The command that regenerates the pack. */
const COMMAND = 'npm run glossary -- import-countries';

/** UN non-member observer states: the Holy See (Vatican City) and Palestine. */
const UN_OBSERVERS = ['VA', 'PS'] as const;

/**
 * Places the package marks as UN members that are not: it marks Vatican City as one, while the
 * Holy See is a permanent observer.
 */
const NOT_UN_MEMBERS = new Set<string>(['VA']);

/** Package places left out, with the reason (kept in the code for review). */
const EXCLUDED: Readonly<Record<string, string>> = {
  AQ: 'no permanent population',
  BV: 'no permanent population',
  GS: 'no permanent population',
  HM: 'no permanent population',
  IO: 'no permanent population (only base personnel on Diego Garcia); the UK-Mauritius treaty signed on 22 May 2025 would pass sovereignty to Mauritius, but was not in force in January 2026 (the implementing bill was paused in the Lords)',
  TF: 'no permanent population',
  UM: 'no permanent population',
  JE: 'its name "Jersey" would match inside "New Jersey"',
  SJ: 'a statistical grouping of two separate Norwegian areas, not one territory',
};

const DATASET_SOURCE = { title: 'world-countries dataset', url: 'https://github.com/mledoze/countries' };

/** The codes ISO 3166-1 assigns (the iso-3166 package); the dataset also gives user-assigned ones (Kosovo's XK). */
const ISO_ASSIGNED = new Set(iso31661.map((c) => c.alpha2));

/** The sentence that gives a place's two-letter code, saying when ISO 3166-1 did not assign it. */
function codeSentence(code: string): string {
  return ISO_ASSIGNED.has(code)
    ? `ISO 3166-1 code: ${code}.`
    : `Code: ${code} (user-assigned, used by the European Union and others; not an ISO 3166-1 code).`;
}

/** The entry id of an English name: kebab case, diacritics folded ("Côte d'Ivoire" → "cote-d-ivoire"). */
export const countryId = kebabId;

function isLatin(s: string): boolean {
  return /^[\p{Script=Latin}\p{M}\s'’.-]+$/u.test(s);
}

function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Where the package places a country, as words for a sentence (a region override first). */
function placePhrase(c: Country): string {
  const override = overrideFor(COUNTRY_OVERRIDES, c.cca2, 'region');
  if (override?.value) return override.value;
  const sub = c.subregion || c.region;
  if (sub === 'Caribbean') return 'the Caribbean';
  if (sub === 'Australia and New Zealand') return 'Australasia';
  if (sub === 'Melanesia' || sub === 'Micronesia' || sub === 'Polynesia') return `${sub}, Oceania`;
  return sub;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The place's kind of membership in the pack. */
type Category = 'member' | 'observer' | 'other-state' | 'territory';

function categoryOf(c: Country): Category | undefined {
  if (EXCLUDED[c.cca2] !== undefined) return undefined;
  if (c.unMember && !NOT_UN_MEMBERS.has(c.cca2)) return 'member';
  if ((UN_OBSERVERS as readonly string[]).includes(c.cca2)) return 'observer';
  if (c.cca2 === 'TW' || c.cca2 === 'XK') return 'other-state';
  if (TERRITORY_STATUS[c.cca2] !== undefined) return 'territory';
  throw new Error(
    `import-countries: ${c.cca2} (${c.name.common}) is neither included nor excluded: decide in src/cli/import-countries.ts`,
  );
}

/** The capital phrase of a place's summary ("capital: Kabul"), or undefined to name none. */
function capitalPhrase(c: Country): string | undefined {
  const override = overrideFor(COUNTRY_OVERRIDES, c.cca2, 'capital');
  if (override) return override.value ?? undefined;
  const label = c.cca2 in CAPITAL_LABEL ? CAPITAL_LABEL[c.cca2] : c.capital.length > 1 ? 'capitals' : 'capital';
  if (!label || !c.capital.length) return undefined;
  return `${label}: ${listWords(c.capital).replace(/\.$/, '')}`;
}

/** The English official name to state, if any (overrides first). */
function officialName(c: Country): string | undefined {
  if (NO_OFFICIAL_NAME.has(c.cca2)) return undefined;
  const override = overrideFor(COUNTRY_OVERRIDES, c.cca2, 'officialName');
  if (override) return override.value ?? undefined;
  return c.name.official;
}

/** The summary and details sentences of a place. */
function describe(c: Country, category: Category): { summary: string; details: string } {
  const term = c.name.common;
  const plural = category === 'territory' && / Islands$/.test(term);
  const withThe = category === 'territory' ? plural || /^Isle of |^Caribbean /.test(term) : WITH_THE.has(c.cca2);
  const subject = withThe ? `The ${term}` : term;
  const status =
    overrideFor(COUNTRY_OVERRIDES, c.cca2, 'status')?.value ??
    SPECIAL_STATUS[c.cca2] ??
    (category === 'territory' ? (TERRITORY_STATUS[c.cca2] as string) : 'a sovereign state');
  const capital = capitalPhrase(c);
  const officially =
    c.cca2 === 'TW' || c.cca2 === 'PS' ? `, officially the ${c.cca2 === 'TW' ? 'Republic of China' : 'State of Palestine'},` : '';
  const summary = `${subject}${officially} ${plural ? 'are' : 'is'} ${status} in ${placePhrase(c)}${capital ? `; ${capital}` : ''}.`;
  const details: string[] = [];
  const official = officialName(c);
  if (official && official !== term) details.push(`Official name: ${official}.`);
  for (const o of COUNTRY_OVERRIDES) if (o.key === c.cca2 && o.note) details.push(o.note);
  if (capital) details.push(`${capital[0]!.toUpperCase()}${capital.slice(1)}.`);
  if (category === 'member') details.push('Member state of the United Nations.');
  if (category === 'observer')
    details.push(
      c.cca2 === 'VA'
        ? 'The Holy See is a permanent observer at the United Nations.'
        : 'Non-member observer state at the United Nations.',
    );
  details.push(codeSentence(c.cca2));
  return { summary, details: details.join(' ') };
}

/** The pages the reviewed overrides of a place were checked on (besides its Wikipedia article). */
function overrideSources(code: string, wikipedia: string): { title: string; url: string }[] {
  const out: { title: string; url: string }[] = [];
  for (const o of COUNTRY_OVERRIDES) {
    if (o.key !== code || o.source === wikipedia || out.some((x) => x.url === o.source)) continue;
    const wiki = /^https:\/\/en\.wikipedia\.org\/wiki\/(.+)$/.exec(o.source);
    const title = wiki ? `${decodeURIComponent(wiki[1]!).replace(/_/g, ' ')} — Wikipedia` : (o.sourceTitle ?? o.source);
    out.push({ title, url: o.source });
  }
  return out;
}

/** One candidate alias with where it came from (English forms and codes get stricter rules). */
interface Candidate {
  alias: AliasObject;
  explicit: boolean;
  translation: boolean;
}

/** Why a candidate form is unfit on its own (undefined: fit), before collisions are checked. */
function unfit(c: Country, cand: Candidate, term: string, capitals: ReadonlySet<string>): string | undefined {
  const { text } = cand.alias;
  if (cand.explicit) return undefined;
  if (DROPPED_FORMS[c.cca2]?.includes(text)) return 'ambiguous or one-sided';
  if (/[,()./]/.test(text)) return 'punctuated or inverted form';
  if ([c.cca2, c.cca3, c.cioc].includes(text)) return 'ISO or IOC code';
  if (DROPPED_ALIASES.has(foldAscii(text))) return 'ambiguous in English';
  if (capitals.has(formKey(text)) && formKey(text) !== formKey(term)) return 'the name of a capital';
  if (text.normalize('NFKC') !== text.normalize('NFC') || /[\u0250-\u0258\u025a-\u02af]/.test(text))
    return 'phonetic or compatibility characters';
  const latin = isLatin(text);
  if (latin && text === text.toLowerCase()) return 'no capital letter (would match in any case)';
  if (latin && isAllCaps(text.replace(/[\s.-]/g, '')) && cand.translation) return 'foreign abbreviation';
  const words = text.split(/[\s\-'’]+/).filter(Boolean);
  if (latin && words.length === 1 && text.length < 4 && !isAllCaps(text)) return 'short word';
  if (latin && words.length === 1 && foldAscii(text) !== foldAscii(term) && isEnglishWord(foldAscii(text)))
    return 'common English word';
  return undefined;
}

/** Candidate aliases of one place, in a fixed order. */
function candidates(c: Country): Candidate[] {
  const out: Candidate[] = [];
  const plain = (text: string, explicit = false): void => void out.push({ alias: { text }, explicit, translation: false });
  const official = officialName(c);
  if (official) plain(official);
  for (const t of EXTRA_ALIASES[c.cca2] ?? []) plain(t, true);
  for (const t of c.altSpellings) {
    const text = t.replace(/^the /i, '');
    // Hangul is written only for Korean; other scripts are shared by several languages.
    if (/\p{Script=Hangul}/u.test(text)) out.push({ alias: { text, lang: 'ko' }, explicit: false, translation: true });
    else plain(text);
  }
  for (const t of EXTRA_JAPANESE[c.cca2] ?? []) out.push({ alias: { text: t, lang: 'ja' }, explicit: true, translation: true });
  const jpn = c.translations.jpn;
  if (jpn) out.push({ alias: { text: jpn.official, lang: 'ja' }, explicit: false, translation: true });
  for (const [key, names] of Object.entries(c.translations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const lang = LANGUAGE_TAGS[key];
    if (!lang) throw new Error(`import-countries: no BCP 47 tag for the package's language "${key}": add it to LANGUAGE_TAGS`);
    out.push({ alias: { text: names.common, lang }, explicit: false, translation: true });
  }
  return out.map((cand) => ({ ...cand, alias: { ...cand.alias, text: cand.alias.text.trim().replace(/\s+/g, ' ') } }));
}

/** What the import dropped, for the report. */
interface DropReport {
  /** Forms dropped because two entries would share them, with the entries. */
  shared: string[];
  /** Forms dropped by a rule, with the rule. */
  unfit: { id: string; text: string; reason: string }[];
}

/** The entries (without `updated`) and what was dropped, from the package's data. */
function buildEntries(countries: readonly Country[]): { entries: UndatedEntry[]; dropped: DropReport } {
  const chosen: { c: Country; category: Category; id: string }[] = [];
  for (const c of countries) {
    const category = categoryOf(c);
    if (category) chosen.push({ c, category, id: countryId(c.name.common) });
  }
  const dropped: DropReport = { shared: [], unfit: [] };
  // Capitals have entries of their own in other packs (tokyo, berlin): never a country alias.
  const capitals = new Set<string>(countries.flatMap((c) => c.capital.map(formKey)));
  // Per entry: fit candidates, deduplicated against the term and each other.
  const perEntry = chosen.map(({ c, id }) => {
    const seen = new Set<string>([formKey(c.name.common)]);
    const kept: AliasObject[] = [];
    for (const cand of candidates(c)) {
      const reason = unfit(c, cand, c.name.common, capitals);
      if (reason) {
        dropped.unfit.push({ id, text: cand.alias.text, reason });
        continue;
      }
      const key = formKey(cand.alias.text);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      kept.push(cand.alias);
    }
    return kept;
  });
  // Forms claimed by two entries (as a term or an alias) are left out of every alias list.
  const claims = new Map<string, Set<string>>();
  const terms = new Set<string>();
  chosen.forEach(({ c, id }, i) => {
    const termKey = formKey(c.name.common);
    if (terms.has(termKey)) throw new Error(`import-countries: two places are named "${c.name.common}"`);
    terms.add(termKey);
    for (const key of [termKey, ...perEntry[i]!.map((a) => formKey(a.text))]) {
      const set = claims.get(key) ?? new Set<string>();
      set.add(id);
      claims.set(key, set);
    }
  });
  const sharedTexts = new Set<string>();
  const entries = chosen.map(({ c, category, id }, i): UndatedEntry => {
    const aliases: Alias[] = [];
    for (const a of perEntry[i]!) {
      const owners = claims.get(formKey(a.text));
      if (owners && owners.size > 1) {
        sharedTexts.add(`${a.text} (${[...owners].sort().join(', ')})`);
        continue;
      }
      aliases.push(a.lang ? a : a.text);
    }
    const { summary, details } = describe(c, category);
    const title = WIKIPEDIA_TITLES[c.cca2] ?? c.name.common;
    const entry: UndatedEntry = {
      id,
      term: c.name.common,
      kind: category === 'territory' ? 'place' : 'country',
      ...(aliases.length ? { aliases } : {}),
      summary,
      details,
      sources: [
        wikipediaSource(title),
        DATASET_SOURCE,
        ...overrideSources(c.cca2, wikipediaSource(title).url),
        ...(COUNTRIES_CHECKED.sources[c.cca2] ?? []),
      ],
    };
    return entry;
  });
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let k = 1; k < entries.length; k++)
    if (entries[k]!.id === entries[k - 1]!.id) throw new Error(`import-countries: duplicate id "${entries[k]!.id}"`);
  dropped.shared = [...sharedTexts].sort();
  return { entries, dropped };
}

/** The installed package's data and version. */
export function loadPackage(): { countries: Country[]; version: string } {
  const countries = JSON.parse(readFileSync(path.join(packageDir(PACKAGE_NAME), 'countries.json'), 'utf8')) as Country[];
  return { countries, version: packageVersion(PACKAGE_NAME) };
}

/**
 * Whether an entry's generated facts were reviewed: those an override corrects (`true`: reviewed
 * when the override was last changed), and those of COUNTRIES_CHECKED (its date), as long as the
 * package is the version they were checked in.
 */
export function isReviewed(code: string | undefined, version: string): boolean | string {
  if (code === undefined) return false;
  if (COUNTRY_OVERRIDES.some((o) => o.key === code)) return true;
  return version === COUNTRIES_CHECKED.version && COUNTRIES_CHECKED.codes.includes(code) ? COUNTRIES_CHECKED.date : false;
}

/**
 * Builds the whole pack; `updated` (and `reviewed`) are kept from `previous` for entries that
 * did not change.
 */
function buildPack(
  countries: readonly Country[],
  version: string,
  today: string,
  previous: ReadonlyMap<string, Entry> = new Map(),
): { pack: GlossaryFile; dropped: DropReport; unchanged: number } {
  const { entries, dropped } = buildEntries(countries);
  const otherLanguages = new Set(countries.flatMap((c) => Object.keys(c.translations).map((k) => LANGUAGE_TAGS[k]))).size - 1;
  const codes = new Map(countries.map((c) => [countryId(c.name.common), c.cca2]));
  const { dated, unchanged } = dateEntries(entries, previous, today, (e) => isReviewed(codes.get(e.id), version));
  const pack: GlossaryFile = {
    $schema: './schema.json',
    name: 'countries',
    description:
      'Countries and territories: the 193 UN member states, the UN observer states Palestine and Vatican City, Taiwan, Kosovo, and the other inhabited places with their own ISO 3166-1 code (except Jersey and Svalbard and Jan Mayen). ' +
      `Generated from the world-countries package (mledoze/countries, ODbL-1.0) with names in English, Japanese and ${otherLanguages} other languages; do not edit by hand.`,
    language: 'en',
    generatedFrom: { package: PACKAGE_NAME, version, command: COMMAND },
    entries: dated,
  };
  return { pack, dropped, unchanged };
}

/** Writes the countries pack from the installed `world-countries`; returns a one-line summary. */
export async function importCountries(options: ImportCountriesOptions): Promise<string> {
  const out = options.out ?? path.join(options.glossaryDir, 'countries.json');
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(today)) throw new Error(`import-countries: "${today}" is not an ISO date (YYYY-MM-DD)`);
  const { countries, version } = loadPackage();
  const { pack } = buildPack(countries, version, today, readPrevious(out));
  writeFileSync(out, packText(pack));
  const n = pack.entries.length;
  const territories = pack.entries.filter((e) => e.kind === 'place').length;
  return `${path.basename(out)}: ${n} entries (${n - territories} countries, ${territories} territories) from ${PACKAGE_NAME}@${version}`;
}
