/**
 * The background's glossary with "My glossary" in it: user entries are searched and matched,
 * override bundled entries with the same id, and a change is picked up after `invalidate()`
 * (which the background calls when the stored glossary changes). Also the command that toggles
 * the current site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GlossaryFile } from '../../src/core/glossary-types';
import { FIXTURES_DIR } from '../e2e/harness/pages';

(globalThis as { browser?: unknown }).browser = fakeBrowser;
const { loadGlossarySnapshot, toggleSiteOf } = await import('../../src/extension/background-main');
const { pageHostname } = await import('../../src/core/urls');
const { createGlossaryService } = await import('../../src/extension/glossary-service');
const { bundledEntries } = await import('../../src/extension/bundled-glossary');
const ug = await import('../../src/extension/user-glossary');
const { loadSettings } = await import('../../src/extension/settings');

const bundledIds = bundledEntries().map((e) => e.id);
const ARTICLE = 'Tokyo has been working with NATO and other like-minded countries that share fundamental values.';

function file(name: string, text: string): { name: string; size: number; text: () => Promise<string> } {
  return { name, size: text.length, text: async () => text };
}

beforeEach(() => fakeBrowser.reset());

describe('the glossary service with My glossary', () => {
  it('searches and matches imported entries once invalidated', async () => {
    const service = createGlossaryService(loadGlossarySnapshot);
    expect((await service.info()).user).toBe(0);
    expect((await service.analyze({ text: ARTICLE })).matches.map((m) => m.id)).not.toContain('like-minded-countries');

    const text = readFileSync(join(FIXTURES_DIR, 'imports/valid-new-entry.json'), 'utf8');
    expect((await ug.importUserGlossary(file('mine.json', text), { bundledIds })).ok).toBe(true);
    // Until told, the service answers from the version it compiled.
    expect((await service.search({ query: 'like-minded countries' })).results[0]?.entry.id).not.toBe('like-minded-countries');
    service.invalidate();

    const info = await service.info();
    expect(info).toEqual({ total: bundledIds.length + 1, user: 1, userName: 'My test glossary' });
    const res = await service.search({ query: 'like-minded countries' });
    expect(res.results[0]).toMatchObject({ entry: { id: 'like-minded-countries' }, kind: 'exact', whole: true });
    const analysis = await service.analyze({ text: ARTICLE });
    const hit = analysis.matches.find((m) => m.id === 'like-minded-countries');
    expect(ARTICLE.slice(hit!.start, hit!.end)).toBe('like-minded countries');
    expect(analysis.entries['like-minded-countries']?.summary).toMatch(/From My glossary/);
    // Its related bundled entry comes along for the tooltip.
    expect(analysis.entries['nato']).toBeDefined();
  }, 30_000); // compiles and indexes the whole glossary (4,000+ entries) twice, on a shared machine

  it('lets a user entry override the bundled one with the same id', async () => {
    const nato = bundledEntries().find((e) => e.id === 'nato')!;
    const mine: GlossaryFile = {
      name: 'Override',
      description: 'My own NATO.',
      language: 'en',
      entries: [{ ...nato, summary: 'My own words about NATO.' }],
    };
    expect((await ug.importUserGlossary(file('nato.json', JSON.stringify(mine)), { bundledIds })).ok).toBe(true);
    const service = createGlossaryService(loadGlossarySnapshot);
    expect((await service.info()).total).toBe(bundledIds.length);
    expect((await service.entries(['nato']))[0]!.summary).toBe('My own words about NATO.');
    expect((await service.analyze({ text: 'NATO leaders met.' })).entries['nato']!.summary).toBe('My own words about NATO.');
    expect((await service.search({ query: 'nato' })).results[0]!.entry.summary).toBe('My own words about NATO.');
  });

  it('checks what a message carries', async () => {
    const service = createGlossaryService(loadGlossarySnapshot);
    expect(await service.entries(['nato', 42 as unknown as string, '__proto__', 'constructor'])).toHaveLength(1);
    expect(await service.entries('nato' as unknown as string[])).toEqual([]);
    const res = await service.search({ query: 'a', limit: 10_000 });
    expect(res.results.length).toBeLessThanOrEqual(50);
    expect((await service.search({ query: 'nato', limit: Number.NaN })).results.length).toBeGreaterThan(0);
    expect(await service.search(undefined as never)).toEqual({ query: '', results: [] });
    expect((await service.search({ query: 42 } as never)).results).toEqual([]);
  });

  it('tries to load again after a failed load', async () => {
    let calls = 0;
    const service = createGlossaryService(async () => {
      calls++;
      if (calls === 1) throw new Error('storage unavailable');
      return { entries: bundledEntries(), user: 0 };
    });
    await expect(service.info()).rejects.toThrow('storage unavailable');
    expect((await service.info()).total).toBe(bundledIds.length);
  });
});

describe('the toggle-site command', () => {
  it('turns the current site off, and on again', async () => {
    const tab = { id: 3, url: 'https://english.kyodonews.net/news/x.html' };
    expect(await toggleSiteOf(tab)).toBe(false);
    expect((await loadSettings()).disabledSites).toEqual(['english.kyodonews.net']);
    expect(await toggleSiteOf(tab)).toBe(true);
    expect((await loadSettings()).disabledSites).toEqual([]);
  });

  it('does nothing on pages that are not web pages', async () => {
    expect(await toggleSiteOf({ id: 1, url: 'chrome://extensions/' })).toBeUndefined();
    expect(await toggleSiteOf(undefined)).toBeUndefined();
    expect(pageHostname('http://example.com:8080/a')).toBe('example.com');
    expect(pageHostname('file:///tmp/x.html')).toBeUndefined();
  });
});
