import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTRIES_CHECKED, COUNTRY_OVERRIDES, countryDatasetValue } from '../../src/cli/country-overrides';
import { dateEntries, type UndatedEntry } from '../../src/cli/generator-helpers';
import { countryId, importCountries, isReviewed, loadPackage, PACKAGE_NAME } from '../../src/cli/import-countries';
import type { Entry, GlossaryFile } from '../../src/core/glossary-types';
import { validateGlossaries } from '../../src/core/glossary-validate';
import { aliasObject } from '../../src/core/glossary-format';
import { tokenize } from '../../src/core/tokenize';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GLOSSARY_DIR = path.join(ROOT, 'glossary');
const COMMITTED = path.join(GLOSSARY_DIR, 'countries.json');
const committedText = readFileSync(COMMITTED, 'utf8');
const committed = JSON.parse(committedText) as GlossaryFile;
const byId = new Map(committed.entries.map((e) => [e.id, e]));

const tmpDirs: string[] = [];
function tmpDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'import-countries-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

const withoutUpdated = (entries: Entry[]): Omit<Entry, 'updated'>[] => entries.map(({ updated: _, ...rest }) => rest);
const texts = (e: Entry): string[] => (e.aliases ?? []).map((a) => aliasObject(a).text);

describe('import-countries', () => {
  it('regenerates the committed glossary/countries.json byte for byte', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'countries.json');
    copyFileSync(COMMITTED, out);
    // Unchanged entries keep their `updated`, whatever today is.
    const summary = await importCountries({ glossaryDir: dir, today: '2000-01-01' });
    expect(readFileSync(out, 'utf8')).toBe(committedText);
    expect(summary).toMatch(/^countries\.json: \d+ entries .*from world-countries@\d+\.\d+\.\d+$/);
  });

  it('gives the same entries from scratch, dated with `today`', async () => {
    const dir = tmpDir();
    const today = committed.entries[0]!.updated;
    await importCountries({ glossaryDir: dir, today });
    const fresh = JSON.parse(readFileSync(path.join(dir, 'countries.json'), 'utf8')) as GlossaryFile;
    expect(withoutUpdated(fresh.entries)).toEqual(withoutUpdated(committed.entries));
    expect(fresh.entries.every((e) => e.updated === today)).toBe(true);
    // Run twice: the same bytes.
    const first = readFileSync(path.join(dir, 'countries.json'), 'utf8');
    await importCountries({ glossaryDir: dir, today: '2001-01-01' });
    expect(readFileSync(path.join(dir, 'countries.json'), 'utf8')).toBe(first);
  });

  it('is canonically formatted and sorted by id', () => {
    expect(committedText).toBe(`${JSON.stringify(committed, null, 2)}\n`);
    const ids = committed.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('records the installed package version', () => {
    const require = createRequire(import.meta.url);
    const installed = (JSON.parse(readFileSync(require.resolve(`${PACKAGE_NAME}/package.json`), 'utf8')) as { version: string })
      .version;
    expect(committed.generatedFrom).toEqual({
      package: 'world-countries',
      version: installed,
      command: 'npm run glossary -- import-countries',
    });
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies[PACKAGE_NAME]).toBe(installed);
  });

  it('has every UN member state, the observers, Taiwan and Kosovo', () => {
    const { countries } = loadPackage();
    const members = countries.filter((c) => c.unMember && c.cca2 !== 'VA');
    expect(members).toHaveLength(193);
    for (const c of members) expect(byId.get(countryId(c.name.common))?.kind, c.name.common).toBe('country');
    for (const id of [
      'japan',
      'germany',
      'united-states',
      'united-kingdom',
      'china',
      'russia',
      'ukraine',
      'south-korea',
      'north-korea',
      'australia',
      'new-zealand',
      'taiwan',
      'france',
      'india',
      'israel',
      'iran',
      'palestine',
      'vatican-city',
      'kosovo',
    ])
      expect(byId.get(id)?.kind, id).toBe('country');
    for (const id of [
      'hong-kong',
      'macau',
      'greenland',
      'puerto-rico',
      'western-sahara',
      'new-caledonia',
      'faroe-islands',
      'gibraltar',
      'guam',
      'bermuda',
      'french-polynesia',
      'falkland-islands',
    ])
      expect(byId.get(id)?.kind, id).toBe('place');
    expect(committed.entries.filter((e) => e.kind === 'country')).toHaveLength(197);
  });

  it('validates, alone and with the other packs', () => {
    expect(validateGlossaries([{ file: 'countries.json', data: committed }])).toEqual([]);
    const all = readdirSync(GLOSSARY_DIR)
      .filter((n) => n.endsWith('.json') && n !== 'schema.json')
      .map((n) => ({ file: n, data: JSON.parse(readFileSync(path.join(GLOSSARY_DIR, n), 'utf8')) as unknown }));
    const ours = validateGlossaries(all).filter((e) => e.file === 'countries.json' || e.message.includes('countries.json'));
    expect(ours).toEqual([]);
  });

  it('shares no form between two entries (case ignored)', () => {
    const owners = new Map<string, string>();
    const shared: string[] = [];
    for (const e of committed.entries)
      for (const t of new Set([e.term, ...texts(e)])) {
        const key = tokenize(t).keys.join(' ');
        const prior = owners.get(key);
        if (prior !== undefined && prior !== e.id) shared.push(`${t}: ${prior}, ${e.id}`);
        owners.set(key, e.id);
      }
    expect(shared).toEqual([]);
  });

  it('keeps codes, capitals and short words out of the aliases', () => {
    const { countries } = loadPackage();
    const capitals = new Set(countries.flatMap((c) => c.capital.map((x) => tokenize(x).keys.join(' '))));
    const allowedCaps = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'ROK', 'DPRK', 'PRC', 'RSA']);
    for (const e of committed.entries)
      for (const t of texts(e)) {
        if (/^\p{Script=Latin}+$/u.test(t) && t.length < 4) expect(allowedCaps.has(t), `${e.id}: ${t}`).toBe(true);
        if (/^[A-Z]{2,3}$/.test(t)) expect(allowedCaps.has(t), `${e.id}: ${t}`).toBe(true);
        const key = tokenize(t).keys.join(' ');
        if (key !== tokenize(e.term).keys.join(' ')) expect(capitals.has(key), `${e.id}: ${t}`).toBe(false);
      }
  });

  it('has the English abbreviations and the Japanese names', () => {
    const has = (id: string, text: string, lang?: string): void => {
      const found = (byId.get(id)?.aliases ?? []).map(aliasObject).find((a) => a.text === text);
      expect(found, `${id}: ${text}`).toBeDefined();
      expect(found?.lang).toBe(lang);
    };
    for (const [id, t] of [
      ['united-states', 'US'],
      ['united-states', 'USA'],
      ['united-kingdom', 'UK'],
      ['united-kingdom', 'Britain'],
      ['united-kingdom', 'Great Britain'],
      ['south-korea', 'ROK'],
      ['south-korea', 'Republic of Korea'],
      ['north-korea', 'DPRK'],
      ['china', 'PRC'],
      ['united-arab-emirates', 'UAE'],
      ['dr-congo', 'DRC'],
      ['turkiye', 'Turkey'],
      ['vatican-city', 'Holy See'],
    ] as const)
      has(id, t);
    has('japan', '日本', 'ja');
    has('germany', 'ドイツ', 'ja');
    has('south-korea', '韓国', 'ja');
    has('south-korea', '大韓民国', 'ja');
    has('china', '中国', 'ja');
    has('germany', 'Deutschland', 'de');
    for (const t of ['Congo', 'Korea', 'Tokyo', 'Beijing', 'Berlin', 'JP', 'JPN'])
      for (const e of committed.entries) expect(texts(e), `${e.id}: ${t}`).not.toContain(t);
  });

  describe('reviewed overrides (issue #17)', () => {
    const { countries } = loadPackage();
    const byCode = new Map(countries.map((c) => [c.cca2, c]));

    it('each override still replaces what the dataset says (else: re-review it)', () => {
      for (const o of COUNTRY_OVERRIDES) {
        const c = byCode.get(o.key);
        expect(c, `${o.key}: no longer in the dataset: re-review the override`).toBeDefined();
        expect(
          countryDatasetValue(c!, o.field),
          `${o.key}.${o.field}: the dataset changed the value this override replaces: re-review it in src/cli/country-overrides.ts`,
        ).toBe(o.dataset);
      }
    });

    it('gives every override a reason and an https source, one per field', () => {
      const seen = new Set<string>();
      for (const o of COUNTRY_OVERRIDES) {
        expect(o.reason.length, o.key).toBeGreaterThan(10);
        expect(o.source, o.key).toMatch(/^https:\/\/\S+$/);
        expect(seen.has(`${o.key}.${o.field}`), `${o.key}.${o.field} twice`).toBe(false);
        seen.add(`${o.key}.${o.field}`);
      }
    });

    it('reads right for Tokelau, Afghanistan and the split capitals', () => {
      const tk = byId.get('tokelau')!;
      expect(`${tk.summary} ${tk.details}`).not.toMatch(/capital: Fakaofo/i);
      expect(tk.details).toMatch(/no official capital/);
      const af = byId.get('afghanistan')!;
      expect(af.details).not.toMatch(/Official name: Islamic Republic/);
      expect(texts(af)).not.toContain('Islamic Republic of Afghanistan');
      expect(byId.get('bolivia')!.summary).toMatch(/Sucre.*La Paz/);
      expect(byId.get('netherlands')!.summary).toMatch(/The Hague/);
      expect(byId.get('south-africa')!.summary).toMatch(/Pretoria \(executive\)/);
      expect(byId.get('western-sahara')!.summary).not.toMatch(/capital/);
    });

    it('reads right for the 2026 review: moved capital, names, regions, New Caledonia', () => {
      expect(byId.get('equatorial-guinea')!.summary).toMatch(/capital: Ciudad de la Paz .*January 2026/);
      expect(byId.get('ireland')!.details).not.toMatch(/Official name: Republic of Ireland/);
      expect(texts(byId.get('ireland')!)).toContain('Republic of Ireland');
      expect(byId.get('kiribati')!.details).toMatch(/Official name: Republic of Kiribati\./);
      expect(byId.get('reunion')!.details).not.toMatch(/Official name/);
      expect(texts(byId.get('reunion')!)).toContain('Réunion Island');
      expect(byId.get('south-sudan')!.summary).toMatch(/ in Eastern Africa;/);
      expect(byId.get('christmas-island')!.summary).toMatch(/ in the Indian Ocean;/);
      expect(byId.get('new-caledonia')!.summary).toMatch(
        /^New Caledonia is a French territory with a special status in Melanesia/,
      );
      expect(byId.get('switzerland')!.summary).toMatch(/federal city: Bern/);
    });

    it('marks the entries an override touches as reviewed', () => {
      for (const o of COUNTRY_OVERRIDES) {
        const c = byCode.get(o.key)!;
        expect(byId.get(countryId(c.name.common))?.reviewed, o.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    });
  });

  describe('the checked table (COUNTRIES_CHECKED, issue #17)', () => {
    const { countries, version } = loadPackage();
    const byCode = new Map(countries.map((c) => [c.cca2, c]));
    const overridden = new Set(COUNTRY_OVERRIDES.map((o) => o.key));

    it('was checked in the installed package version (else: review the changed entries again)', () => {
      expect(
        COUNTRIES_CHECKED.version,
        'world-countries changed: check the entries whose text changed, then update COUNTRIES_CHECKED.version and date',
      ).toBe(version);
      expect(COUNTRIES_CHECKED.date).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    });

    it('names each place of the pack once, and none with an override (the override records its review)', () => {
      const codes = COUNTRIES_CHECKED.codes;
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) {
        const c = byCode.get(code);
        expect(c, `${code}: not in the dataset`).toBeDefined();
        expect(byId.has(countryId(c!.name.common)), `${code}: no entry in the pack`).toBe(true);
        expect(overridden.has(code), `${code}: has an override too`).toBe(false);
      }
      expect([...codes]).toEqual([...codes].sort());
    });

    it("marks an entry reviewed iff its place is checked or overridden, checked ones with the table's date", () => {
      const codeOf = new Map(countries.map((c) => [countryId(c.name.common), c.cca2]));
      for (const e of committed.entries) {
        const code = codeOf.get(e.id)!;
        const checked = COUNTRIES_CHECKED.codes.includes(code);
        expect(e.reviewed !== undefined, e.id).toBe(checked || overridden.has(code));
        if (checked) expect(e.reviewed, e.id).toBe(COUNTRIES_CHECKED.date);
      }
      // As of the review of 2026-12-02 every entry of the pack was checked or corrected.
      expect(committed.entries.every((e) => e.reviewed !== undefined)).toBe(true);
    });

    it('adds the pages of its checks to the entries, https only, for checked places', () => {
      for (const [code, sources] of Object.entries(COUNTRIES_CHECKED.sources)) {
        expect(COUNTRIES_CHECKED.codes, code).toContain(code);
        const e = byId.get(countryId(byCode.get(code)!.name.common))!;
        for (const src of sources) {
          expect(src.url, code).toMatch(/^https:\/\/\S+$/);
          expect(e.sources, code).toContainEqual(src);
        }
      }
    });

    it('does not count a check made in another package version', () => {
      const code = COUNTRIES_CHECKED.codes[0]!;
      expect(isReviewed(code, version)).toBe(COUNTRIES_CHECKED.date);
      expect(isReviewed(code, '0.0.0')).toBe(false);
      expect(isReviewed(COUNTRY_OVERRIDES[0]!.key, '0.0.0')).toBe(true);
      expect(isReviewed(undefined, version)).toBe(false);
    });

    it('dates a checked entry with the check, not with the day it is regenerated', () => {
      const e: UndatedEntry = { id: 'x', term: 'X', kind: 'place', summary: 'X is a place.', sources: [] };
      const first = dateEntries([e], new Map(), '2030-01-01', () => '2026-12-02').dated[0]!;
      expect(first).toMatchObject({ updated: '2030-01-01', reviewed: '2026-12-02' });
      // Unchanged: both dates kept; changed: `updated` moves, `reviewed` stays the check's date.
      const again = dateEntries([e], new Map([['x', first]]), '2031-01-01', () => '2026-12-02');
      expect(again.unchanged).toBe(1);
      expect(again.dated[0]).toEqual(first);
      const changed = dateEntries([{ ...e, summary: 'X is a town.' }], new Map([['x', first]]), '2031-01-01', () => '2026-12-02');
      expect(changed.dated[0]).toMatchObject({ updated: '2031-01-01', reviewed: '2026-12-02' });
      // No longer checked: `reviewed` goes.
      expect(dateEntries([e], new Map([['x', first]]), '2031-01-01', () => false).dated[0]!.reviewed).toBeUndefined();
    });
  });
});
