/**
 * The compact index (src/core/compiled-index-codec.ts): the bundled packs compiled at build time
 * and read back by the service worker must find exactly what compiling them finds, on every text
 * of the labeled corpus (tests/fixtures/labeled: the seed article, the short texts, the corpus
 * pages as the content script reads them), with their dates; and the worker uses it only for the
 * default glossary (every pack on, no entries of the user's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readHtml } from '../../src/cli/article';
import {
  compilePacks,
  decodeCompiledIndex,
  encodeCompiledIndex,
  lazyEntryList,
  type CompiledIndexData,
} from '../../src/core/compiled-index-codec';
import { fuzzyKeysOf } from '../../src/core/fuzzy';
import { GlossaryEngine } from '../../src/core/engine';
import type { GlossaryFile } from '../../src/core/glossary-types';

(globalThis as { browser?: unknown }).browser = fakeBrowser;
const { bundledEntries, bundledPackFiles } = await import('../../src/extension/bundled-glossary');
const { loadGlossarySnapshot } = await import('../../src/extension/background-main');
const { saveSettings } = await import('../../src/extension/settings');
const ug = await import('../../src/extension/user-glossary');

const root = process.cwd();
const LABELED = join(root, 'tests/fixtures/labeled');

interface Text {
  name: string;
  text: string;
  date?: string | null;
}

async function labeledTexts(): Promise<Text[]> {
  const seed = JSON.parse(readFileSync(join(LABELED, 'kyodo-seed.json'), 'utf8')) as { source: string };
  const short = readdirSync(LABELED)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(join(LABELED, f), 'utf8')) as { texts?: Text[] }).texts ?? []);
  const pages = await Promise.all(
    readdirSync(join(LABELED, 'pages')).map(async (f) => {
      const p = JSON.parse(readFileSync(join(LABELED, 'pages', f), 'utf8')) as { source: string; url: string };
      const { text, date } = await readHtml(readFileSync(join(root, p.source), 'utf8'), p.url);
      return { name: f, text, date };
    }),
  );
  return [{ name: 'seed article', text: readFileSync(join(root, seed.source), 'utf8') }, ...short, ...pages];
}

const packs = bundledPackFiles();
const compiled = compilePacks(packs);
/** What the worker does with the build's index: parse, decode, entries decoded when read. */
const precompiledEngine = (): GlossaryEngine =>
  new GlossaryEngine(lazyEntryList(compiled.entries), decodeCompiledIndex(JSON.parse(compiled.index) as CompiledIndexData));

describe('the compiled index of the bundled packs', () => {
  it('finds the same mentions, article entries and definitions as compiling, on every labeled text', async () => {
    const texts = await labeledTexts();
    expect(texts.length).toBeGreaterThan(50);
    const fresh = new GlossaryEngine(bundledEntries());
    const fromIndex = precompiledEngine();
    let matches = 0;
    for (const t of texts) {
      const options = t.date ? { date: t.date } : {};
      const expected = fresh.analyze(t.text, options);
      expect(fromIndex.analyze(t.text, options), t.name).toEqual(expected);
      matches += expected.matches.length;
    }
    expect(matches).toBeGreaterThan(500); // the comparison covers hundreds of real mentions
  }, 60_000);

  it('has the same trie, forms and fuzzy names as compiling', () => {
    const fresh = new GlossaryEngine(bundledEntries());
    const fromIndex = precompiledEngine();
    expect(fromIndex.compiled.nodeCount).toBe(fresh.compiled.nodeCount);
    expect(fromIndex.compiled.formCount).toBe(fresh.compiled.formCount);
    const encode = (e: GlossaryEngine): CompiledIndexData =>
      encodeCompiledIndex({ trie: e.compiled.precompiledTrie(), fuzzyNames: fuzzyKeysOf(e.compiled) });
    expect(encode(fromIndex)).toEqual(encode(fresh));
    expect(fromIndex.fuzzy.size).toBe(fresh.fuzzy.size);
  });

  it('gives every entry back as it is in its pack, in pack order, and each pack its size', () => {
    expect([...lazyEntryList(compiled.entries)]).toEqual(bundledEntries());
    expect(compiled.packs).toEqual(packs.map((p) => ({ name: p.name, description: p.description, entries: p.entries.length })));
  });

  it('is ASCII (one byte a character in the worker), non-ASCII text escaped', () => {
    expect(/^[\x20-\x7e]*$/.test(compiled.index)).toBe(true);
    expect(/^[\x20-\x7e]*$/.test(compiled.entries.text)).toBe(true);
    const tokyo = [...lazyEntryList(compiled.entries)].find((e) => e.id === 'tokyo');
    expect(tokyo).toEqual(bundledEntries().find((e) => e.id === 'tokyo'));
  });

  it('refuses an index of another format version', () => {
    const data = JSON.parse(compiled.index) as CompiledIndexData;
    expect(() => decodeCompiledIndex({ ...data, version: data.version + 1 })).toThrow(/version/);
  });

  it('refuses packs that share an entry id', () => {
    const [a] = packs as [GlossaryFile];
    expect(() => compilePacks([a, { ...a, name: 'copy' }])).toThrow(/two packs/);
  });
});

describe('the worker glossary', () => {
  beforeEach(() => fakeBrowser.reset());

  it('uses the compiled index by default, with every bundled entry', async () => {
    const snapshot = await loadGlossarySnapshot();
    expect(snapshot.precompiled).toBeDefined();
    expect(snapshot.entries).toHaveLength(bundledEntries().length);
    expect(snapshot.user).toBe(0);
  });

  it('compiles when a pack is off or the user has entries', async () => {
    await saveSettings({ packsOff: ['people'] });
    expect((await loadGlossarySnapshot()).precompiled).toBeUndefined();
    await saveSettings({ packsOff: ['a-pack-that-does-not-exist'] });
    expect((await loadGlossarySnapshot()).precompiled).toBeDefined();

    const [entry] = bundledEntries();
    const mine = JSON.stringify({
      name: 'Mine',
      description: 'Mine.',
      language: 'en',
      entries: [{ ...entry, summary: 'Mine.' }],
    });
    const file = { name: 'mine.json', size: mine.length, text: async () => mine };
    expect((await ug.importUserGlossary(file, { bundledIds: bundledEntries().map((e) => e.id) })).ok).toBe(true);
    const snapshot = await loadGlossarySnapshot();
    expect(snapshot.precompiled).toBeUndefined();
    expect(snapshot.entries.find((e) => e.id === entry!.id)?.summary).toBe('Mine.');
  });
});
