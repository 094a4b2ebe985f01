/**
 * Packs a reader can choose (#13): the bundled packs as the options page lists them, and the
 * background's glossary with packs turned off: their entries are neither matched nor searched
 * (once the service is invalidated, as the background does when `packsOff` changes), while
 * My glossary stays on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GlossaryFile } from '../../src/core/glossary-types';
import { FIXTURES_DIR } from '../e2e/harness/pages';

(globalThis as { browser?: unknown }).browser = fakeBrowser;
const { loadGlossarySnapshot, packsOffChanged } = await import('../../src/extension/background-main');
const { createGlossaryService } = await import('../../src/extension/glossary-service');
const { bundledEntries, bundledPacks } = await import('../../src/extension/bundled-glossary');
const { saveSettings, DEFAULT_SETTINGS } = await import('../../src/extension/settings');
const ug = await import('../../src/extension/user-glossary');

const all = bundledEntries();
const people = JSON.parse(readFileSync(join(FIXTURES_DIR, '../../glossary/people.json'), 'utf8')) as GlossaryFile;
const TEXT = 'Olaf Scholz met NATO leaders in Washington.';

beforeEach(() => fakeBrowser.reset());

describe('the bundled packs', () => {
  it('lists every pack with its name, description and size, in file-name order', () => {
    const packs = bundledPacks();
    expect(packs.length).toBeGreaterThanOrEqual(12);
    expect(packs.map((p) => p.name)).toContain('people');
    expect(packs.find((p) => p.name === 'people')).toEqual({
      name: 'people',
      description: people.description,
      entries: people.entries.length,
    });
    expect(packs.reduce((n, p) => n + p.entries, 0)).toBe(all.length);
    expect(new Set(packs.map((p) => p.name)).size).toBe(packs.length);
  });

  it('gives the entries of the packs that are on (unknown names change nothing)', () => {
    expect(bundledEntries([])).toEqual(all);
    expect(bundledEntries(['a-pack-that-does-not-exist'])).toEqual(all);
    const without = bundledEntries(['people']);
    expect(without).toHaveLength(all.length - people.entries.length);
    const ids = new Set(without.map((e) => e.id));
    expect(people.entries.some((e) => ids.has(e.id))).toBe(false);
    expect(bundledEntries(bundledPacks().map((p) => p.name))).toEqual([]);
  });
});

describe('the background glossary with packs turned off', () => {
  it('neither matches nor searches the entries of a pack turned off, once invalidated, and does again when it is on', async () => {
    const service = createGlossaryService(loadGlossarySnapshot);
    const matched = async (): Promise<string[]> => (await service.analyze({ text: TEXT })).matches.map((m) => m.id);
    expect(await matched()).toEqual(expect.arrayContaining(['olaf-scholz', 'nato']));

    await saveSettings({ packsOff: ['people'] });
    service.invalidate();
    const off = await matched();
    expect(off).not.toContain('olaf-scholz');
    expect(off).toContain('nato');
    expect((await service.search({ query: 'scholz' })).results.map((r) => r.entry.id)).not.toContain('olaf-scholz');
    expect(await service.entries(['olaf-scholz', 'nato'])).toHaveLength(1);
    expect((await service.info()).total).toBe(all.length - people.entries.length);

    await saveSettings({ packsOff: [] });
    service.invalidate();
    expect(await matched()).toContain('olaf-scholz');
    expect((await service.search({ query: 'scholz' })).results[0]?.entry.id).toBe('olaf-scholz');
  }, 60_000); // compiles and indexes the whole glossary three times, on a shared machine

  it('keeps My glossary on, also an entry that overrides one of a pack turned off', async () => {
    const scholz = people.entries.find((e) => e.id === 'olaf-scholz')!;
    const mine: GlossaryFile = {
      name: 'Mine',
      description: 'My own Scholz.',
      language: 'en',
      entries: [{ ...scholz, summary: 'My own words about Olaf Scholz.' }],
    };
    const text = JSON.stringify(mine);
    const file = { name: 'mine.json', size: text.length, text: async () => text };
    expect((await ug.importUserGlossary(file, { bundledIds: all.map((e) => e.id) })).ok).toBe(true);
    await saveSettings({ packsOff: ['people'] });
    const service = createGlossaryService(loadGlossarySnapshot);
    const res = await service.analyze({ text: TEXT });
    expect(res.entries['olaf-scholz']?.summary).toBe('My own words about Olaf Scholz.');
    expect((await service.info()).user).toBe(1);
  }, 30_000);
});

describe('packsOffChanged', () => {
  it('tells a change of the packs turned off from any other change', () => {
    const base = { ...DEFAULT_SETTINGS, packsOff: ['people', 'places'] };
    expect(packsOffChanged(base, { ...base, markStyle: 'none' })).toBe(false);
    expect(packsOffChanged(base, { ...base, packsOff: ['places', 'people'] })).toBe(false);
    expect(packsOffChanged(base, { ...base, packsOff: ['people'] })).toBe(true);
    expect(packsOffChanged(base, { ...base, packsOff: ['people', 'events'] })).toBe(true);
    expect(packsOffChanged({ ...DEFAULT_SETTINGS, packsOff: ['people'] }, null)).toBe(true);
    expect(packsOffChanged(DEFAULT_SETTINGS, null)).toBe(false);
  });
});
