/**
 * Settings migrations, replayed Read Frog style: one example of what each version stored, and
 * every example must migrate to the example of the latest version. The storage item itself is
 * exercised on WXT's fake browser: a v1 or v2 value in storage.local comes back as v3.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// wxt/utils/storage binds to globalThis.browser when it is first imported, so the fake goes in
// first and the modules under test are imported afterwards.
(globalThis as { browser?: unknown }).browser = fakeBrowser;
const { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, sanitizeSettings } =
  await import('../../src/extension/settings');
const { ENTRY_KINDS } = await import('../../src/core/glossary-types');

/** What version 2 stored: version 1's fields cleaned, plus the modifier key, shortcuts and kinds shown. */
const V2_EXAMPLE = {
  enabled: true,
  disabledSites: ['www.example.com', 'example.org'],
  markStyle: 'highlight',
  markEveryMention: true,
  includePageChrome: false,
  hoverDelayMs: 300,
  modifierKey: 'none',
  shortcuts: { next: 'KeyN', previous: 'KeyP' },
  kindsShown: [...ENTRY_KINDS],
};

/** What each version stored, by version (each later one is the earlier one migrated). */
const EXAMPLES: Record<number, unknown> = {
  1: {
    enabled: true,
    disabledSites: ['https://www.Example.com/news/1', 'example.org', 'EXAMPLE.org', 42, ''],
    markStyle: 'highlight',
    markEveryMention: true,
    includePageChrome: false,
    hoverDelayMs: 300,
  },
  2: V2_EXAMPLE,
  3: { ...V2_EXAMPLE, packsOff: [], markOutsideArticle: false },
};

function migrateFrom(version: number, value: unknown): unknown {
  let v = value;
  for (let next = version + 1; next <= SETTINGS_VERSION; next++) v = SETTINGS_MIGRATIONS[next]!(v);
  return v;
}

describe('settings migrations', () => {
  it('has an example for every version up to the current one', () => {
    for (let v = 1; v <= SETTINGS_VERSION; v++) expect(EXAMPLES[v], `example of v${v}`).toBeDefined();
    for (let v = 2; v <= SETTINGS_VERSION; v++) expect(SETTINGS_MIGRATIONS[v], `migration to v${v}`).toBeTypeOf('function');
  });

  for (const [version, example] of Object.entries(EXAMPLES)) {
    it(`migrates the v${version} example to the current example`, () => {
      expect(migrateFrom(Number(version), structuredClone(example))).toEqual(EXAMPLES[SETTINGS_VERSION]);
    });
  }

  it('produces settings that sanitizing leaves as they are', () => {
    const latest = migrateFrom(1, EXAMPLES[1]);
    expect(sanitizeSettings(latest)).toEqual(latest);
  });

  it('turns an empty or damaged v1 value into the defaults', () => {
    expect(migrateFrom(1, {})).toEqual(DEFAULT_SETTINGS);
    expect(migrateFrom(1, null)).toEqual(DEFAULT_SETTINGS);
    expect(migrateFrom(1, { markStyle: 'blink', hoverDelayMs: 'slow', disabledSites: 'example.com' })).toEqual(DEFAULT_SETTINGS);
  });

  it('v2 → v3 keeps what the reader chose and turns every pack on, the article alone marked', () => {
    const v2 = { ...(EXAMPLES[2] as object), markStyle: 'none', modifierKey: 'alt', kindsShown: ['person'] };
    expect(SETTINGS_MIGRATIONS[3]!(structuredClone(v2))).toEqual({ ...v2, packsOff: [], markOutsideArticle: false });
  });

  it('v2 → v3 takes the new fields from the defaults, and a damaged v2 value still reads back as the defaults', () => {
    const migrated = SETTINGS_MIGRATIONS[3]!({}) as Record<string, unknown>;
    expect(migrated.packsOff).toEqual(DEFAULT_SETTINGS.packsOff);
    expect(migrated.markOutsideArticle).toBe(DEFAULT_SETTINGS.markOutsideArticle);
    // A copy: changing the migrated list leaves the defaults alone.
    (migrated.packsOff as string[]).push('people');
    expect(DEFAULT_SETTINGS.packsOff).toEqual([]);
    for (const damaged of [null, 42, [], { markStyle: 7, packsOff: 'people' }])
      expect(sanitizeSettings(SETTINGS_MIGRATIONS[3]!(damaged))).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the settings storage item', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('migrates a stored v1 value to v3 when the extension starts', async () => {
    // v1 kept no version marker: WXT treats a value without one as version 1.
    await fakeBrowser.storage.local.set({ settings: EXAMPLES[1] });
    const { loadSettings, settingsItem } = await import('../../src/extension/settings');
    expect(await loadSettings()).toEqual(EXAMPLES[3]);
    expect(await settingsItem.getMeta()).toEqual({ v: 3 });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(EXAMPLES[3]);
  });

  it('migrates a stored v2 value to v3 when the extension starts', async () => {
    await fakeBrowser.storage.local.set({ settings: EXAMPLES[2], settings$: { v: 2 } });
    const { loadSettings, settingsItem } = await import('../../src/extension/settings');
    expect(await loadSettings()).toEqual(EXAMPLES[3]);
    expect(await settingsItem.getMeta()).toEqual({ v: 3 });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(EXAMPLES[3]);
  });

  it('gives the defaults on a new install and stores the version with the first save', async () => {
    const { loadSettings, saveSettings, settingsItem } = await import('../../src/extension/settings');
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ markStyle: 'none' });
    expect(await settingsItem.getMeta()).toEqual({ v: 3 });
    expect((await loadSettings()).markStyle).toBe('none');
  });

  it('leaves a current v3 value alone', async () => {
    const v3 = { ...(EXAMPLES[3] as object), packsOff: ['people', 'a-pack-from-a-later-version'], markOutsideArticle: true };
    await fakeBrowser.storage.local.set({ settings: v3, settings$: { v: 3 } });
    const { loadSettings } = await import('../../src/extension/settings');
    expect(await loadSettings()).toEqual(v3);
  });

  it('reads a current value without waiting for the migration check (a page starts sooner)', async () => {
    const v3 = { ...(EXAMPLES[3] as object), markStyle: 'none' };
    await fakeBrowser.storage.local.set({ settings: v3, settings$: { v: 3 } });
    // The item's migration check (the first read, made when the module is imported) is held back.
    const realGet = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      if (calls++ === 0) await held;
      return realGet(keys);
    });
    try {
      const { loadSettings } = await import('../../src/extension/settings');
      expect(await loadSettings()).toEqual(v3);
    } finally {
      release();
      get.mockRestore();
    }
  });
});
