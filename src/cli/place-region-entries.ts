/**
 * The region entries of `import-places`: one per row of src/cli/place-regions.ts whose ISO 3166-2
 * code the `iso-3166` package has, unless another pack has the place already (Tokyo, Okinawa,
 * Berlin, Beijing, Northern Ireland…). Each entry's GeoNames admin codes are found by joining its
 * capital (or, for a city-state, its own name) to the GeoNames seat of a first-level division
 * (PPLA/PPLC), so that a city's summary can name its region; a code two regions claim is dropped.
 */
import type { Alias, Entry } from '../core/glossary-types';
import { kebabId } from '../core/entry-id';
import { formKey, type UndatedEntry, wikipediaSource } from './generator-helpers';
import type { PlacesInput, PlacesReport } from './import-places';
import { COUNTRY_IDS, GATE_QUALIFIER, JP_ISLAND, regionRows, type RegionRow } from './place-regions';
import { type City, populationPhrase } from './place-rules';

/** Id suffix of a gated region ("georgia-us-state"). */
const GATE_ID: Readonly<Record<string, string>> = { US: 'us-state', IN: 'india', DE: 'germany', AU: 'australia' };

/** A region entry in the making: the city step needs its forms and admin codes. */
export interface RegionEntry {
  cc: string;
  id: string;
  term: string;
  /** The name as a city's summary writes it ("Osaka Prefecture", "Georgia"). */
  display: string;
  /** The bare name ("Niigata", "Georgia"). */
  bare: string;
  /** Folded forms the region matches by itself or in context (a city of that name is left out). */
  bareForms: Set<string>;
  /** GeoNames first-level admin codes of the region. */
  adminCodes: Set<string>;
  gated?: string;
  entry: { id: string };
  /** The entry, given the ids its context-ruled alias (if any) waits for. */
  finish(contextIds: readonly string[]): UndatedEntry;
}

const THE =
  /^(Northern Territory|Australian Capital Territory|Northwest Territories|Andaman and Nicobar Islands|Tibet Autonomous Region)$/;

/** The summary of a region. */
function regionSummary(r: RegionRow, term: string, country: string, city: City | undefined): string {
  const subject = THE.test(term) ? `The ${term}` : r.flags?.includes('gate') ? r.name : term;
  const verb = /Islands$/.test(term) ? 'are' : 'is';
  const capital = r.capital ? `; its capital is ${r.capital}` : '';
  const pop = city ? populationPhrase(city.population, 'in the city') : undefined;
  const tail = r.note ? ` ${r.note}` : '';
  if (r.kind === 'prefecture') {
    const island = JP_ISLAND.get(r.code)!;
    const on = island === 'Hokkaido' ? 'the island of Hokkaido' : island;
    return `${subject} is a prefecture of Japan on ${on}${capital}.`;
  }
  if (r.kind === 'municipality')
    return `${subject} is a municipality of China under the direct administration of the central government${pop ? `; ${pop}` : ''}.`;
  if (r.flags?.includes('cityState') && r.code.startsWith('DE-'))
    return `${subject} is a city-state of Germany${pop ? `; ${pop}` : ''}.`;
  if (r.flags?.includes('cityState'))
    return `${subject}, officially the National Capital Territory of Delhi, is a union territory of India${pop ? `; ${pop}` : ''}.${tail}`;
  if (r.kind === 'country of the United Kingdom')
    return `${subject} is one of the four countries of the United Kingdom${capital}.`;
  if (r.kind === 'autonomous region' && r.also?.length && !THE.test(term))
    return `${subject}, officially the ${r.also[0]}, is an autonomous region of China${capital}.`;
  if (r.kind === 'autonomous region')
    return `${subject}, also called ${r.also?.[0] ?? r.native}, is an autonomous region of China${capital}.`;
  const kind = r.kind === 'Land' ? 'state' : r.kind;
  const german = r.code.startsWith('DE-') && r.native ? ` (German: ${r.native})` : '';
  return `${subject}${german} ${verb} a ${kind} of ${country}${capital}.${tail}`;
}

/** The aliases of a region (before the context of a gated bare name is known). */
function regionAliases(r: RegionRow, bare: string, term: string): { aliases: Alias[]; bareForm?: string } {
  const flags = r.flags ?? [];
  const aliases: Alias[] = [];
  let bareForm: string | undefined;
  const noBare = flags.includes('noBare') || flags.includes('cityName');
  if (r.kind === 'prefecture') {
    if (term !== bare && !noBare) aliases.push((bareForm = bare));
    // Only the full Japanese name (新潟県): Japanese is matched without word boundaries, and many
    // bare prefecture names are also family names (福島 in 福島瑞穂).
    if (r.native) aliases.push({ text: r.native, lang: 'ja' });
  } else if (r.code.startsWith('CN-') && r.native) aliases.push({ text: r.native, lang: 'zh' });
  else if (r.code.startsWith('DE-') && r.native) aliases.push({ text: r.native, lang: 'de' });
  if (r.code === 'US-NY' || r.code === 'US-WA') aliases.push(`${bare} state`);
  if (r.code === 'CN-XZ') aliases.push('Tibet');
  for (const a of r.also ?? []) aliases.push(a);
  if (flags.includes('gate')) bareForm = bare;
  return { aliases, ...(bareForm ? { bareForm } : {}) };
}

/** GeoNames admin codes by region code, joined through each region's capital or own name. */
function adminCodes(rows: readonly RegionRow[], cities: readonly City[]): Map<string, Set<string>> {
  const seats = new Map<string, City[]>();
  for (const c of cities)
    if (c.featureCode === 'PPLA' || c.featureCode === 'PPLC') {
      const key = `${c.country}:${formKey(c.name)}`;
      (seats.get(key) ?? seats.set(key, []).get(key)!).push(c);
    }
  const claims = new Map<string, string[]>();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const cc = r.code.slice(0, 2);
    const codes = new Set<string>();
    if (cc === 'US' || cc === 'GB') codes.add(r.code.slice(3));
    else
      for (const name of [r.capital, r.name].filter((x): x is string => !!x))
        for (const c of seats.get(`${cc}:${formKey(name)}`) ?? []) codes.add(c.adminCode);
    out.set(r.code, codes);
    for (const code of codes) (claims.get(`${cc}:${code}`) ?? claims.set(`${cc}:${code}`, []).get(`${cc}:${code}`)!).push(r.code);
  }
  for (const [key, owners] of claims) if (owners.length > 1) for (const o of owners) out.get(o)!.delete(key.slice(3));
  return out;
}

/** The ids and folded forms other packs use, to leave their places out. */
function takenForms(existing: readonly Entry[]): Set<string> {
  const out = new Set<string>();
  for (const e of existing) {
    out.add(formKey(e.term));
    for (const a of e.aliases ?? []) out.add(formKey(typeof a === 'string' ? a : a.text));
  }
  return out;
}

/** The region entries. */
export function buildRegions(input: PlacesInput, report: PlacesReport): RegionEntry[] {
  const iso = new Set(input.subdivisions.map((s) => s.code));
  const rows = regionRows().filter((r) => {
    if (!iso.has(r.code)) report.skipped.push({ name: r.name, reason: `${r.code} is not in iso-3166` });
    return iso.has(r.code);
  });
  const codes = adminCodes(rows, input.cities);
  const taken = takenForms(input.existing);
  const cityByName = new Map(
    input.cities
      .filter((c) => c.featureCode === 'PPLA' || c.featureCode === 'PPLC')
      .map((c) => [`${c.country}:${formKey(c.name)}`, c]),
  );
  const out: RegionEntry[] = [];
  for (const r of rows) {
    const cc = r.code.slice(0, 2);
    const countryId = COUNTRY_IDS[cc]!;
    const country = input.countries.get(cc)!;
    const gate = r.flags?.includes('gate');
    const bare = r.name.replace(/ (Prefecture|State)$/, '');
    const term = gate ? `${bare} (${GATE_QUALIFIER[cc]})` : r.name;
    if (taken.has(formKey(term))) {
      report.skipped.push({ name: term, reason: 'already an entry in another pack' });
      continue;
    }
    const id = gate ? kebabId(`${bare} ${GATE_ID[cc]}`) : kebabId(term);
    const { aliases, bareForm } = regionAliases(r, bare, term);
    const kept = aliases.filter((a) => !taken.has(formKey(typeof a === 'string' ? a : a.text)));
    const city = r.flags?.includes('cityState') ? cityByName.get(`${cc}:${formKey(bare)}`) : undefined;
    const countryName = cc === 'US' ? 'the United States' : cc === 'GB' ? 'the United Kingdom' : country.term;
    const summary = regionSummary(r, term, countryName, city);
    const related = [countryId, ...(r.code === 'IN-JK' || r.code === 'IN-LA' ? ['kashmir'] : [])];
    const sources = [
      wikipediaSource(r.wiki ?? (gate ? bare : term)),
      { title: `ISO 3166-2:${cc} — ISO Online Browsing Platform`, url: `https://www.iso.org/obp/ui/#iso:code:3166:${cc}` },
    ];
    const forms = new Set<string>([formKey(term), ...(bareForm ? [formKey(bareForm)] : [])]);
    if (r.flags?.includes('cityState')) forms.add(formKey(bare));
    out.push({
      cc,
      id,
      term,
      display: gate ? bare : term,
      bare,
      bareForms: forms,
      adminCodes: codes.get(r.code) ?? new Set(),
      ...(gate ? { gated: 'a country, another region or a personal name' } : {}),
      entry: { id },
      finish(contextIds) {
        const all: Alias[] = gate ? [{ text: bare, context: [...(r.context ?? contextIds)] }, ...kept] : kept;
        return { id, term, kind: 'place', ...(all.length ? { aliases: all } : {}), summary, related, sources };
      },
    });
  }
  return out;
}
