/** Settings: validation of anything read back, and the per-site switch. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

(globalThis as { browser?: unknown }).browser = fakeBrowser;
const { DEFAULT_SETTINGS, isActiveOn, sanitizePacksOff, sanitizeSettings, saveSettings, setActiveOn, loadSettings, withSite } =
  await import('../../src/extension/settings');
const { siteHostname } = await import('../../src/core/urls');

describe('sanitizeSettings', () => {
  it('gives the defaults for anything that is not an object', () => {
    for (const v of [undefined, null, 42, 'x', [], true]) expect(sanitizeSettings(v)).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces each damaged field by its default and keeps the good ones', () => {
    const s = sanitizeSettings({
      enabled: 'yes',
      markStyle: 'highlight',
      hoverDelayMs: Number.NaN,
      modifierKey: 'ctrl',
      shortcuts: { next: 'Enter', previous: 'KeyB' },
      kindsShown: ['person', 'spaceship', 'person', 'country'],
      disabledSites: ['Example.COM', 'https://news.example.org/a?b', 7, 'not a host!'],
    });
    expect(s.enabled).toBe(true);
    expect(s.markStyle).toBe('highlight');
    expect(s.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(s.modifierKey).toBe('none');
    expect(s.shortcuts).toEqual({ next: 'KeyN', previous: 'KeyB' });
    expect(s.kindsShown).toEqual(['person', 'country']);
    expect(s.disabledSites).toEqual(['example.com', 'news.example.org']);
  });

  it('clamps the hover delay and refuses one key for both shortcuts', () => {
    expect(sanitizeSettings({ hoverDelayMs: -5 }).hoverDelayMs).toBe(0);
    expect(sanitizeSettings({ hoverDelayMs: 1e9 }).hoverDelayMs).toBe(2000);
    expect(sanitizeSettings({ shortcuts: { next: 'KeyJ', previous: 'KeyJ' } }).shortcuts).toEqual(DEFAULT_SETTINGS.shortcuts);
  });

  it('keeps an empty list of kinds (nothing marked but the article’s own terms)', () => {
    expect(sanitizeSettings({ kindsShown: [] }).kindsShown).toEqual([]);
  });

  it('is not fooled by prototype keys', () => {
    const parsed = JSON.parse('{"__proto__": {"enabled": false}, "constructor": {"x": 1}}');
    expect(sanitizeSettings(parsed)).toEqual(DEFAULT_SETTINGS);
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });
});

describe('packs and the rest of the page', () => {
  it('has every pack on and only the article marked by default', () => {
    expect(DEFAULT_SETTINGS.packsOff).toEqual([]);
    expect(DEFAULT_SETTINGS.markOutsideArticle).toBe(false);
  });

  it('keeps the names of packs turned off, each once, and drops what is not a name', () => {
    const s = sanitizeSettings({ packsOff: ['people', 7, '', 'people', null, 'x'.repeat(101), 'places'] });
    expect(s.packsOff).toEqual(['people', 'places']);
    for (const damaged of ['people', 42, { people: true }, null])
      expect(sanitizeSettings({ packsOff: damaged }).packsOff).toEqual([]);
  });

  it('keeps names it cannot check (a pack of a later version), and drops unknown ones where the packs are known', () => {
    expect(sanitizeSettings({ packsOff: ['people', 'sport'] }).packsOff).toEqual(['people', 'sport']);
    expect(sanitizePacksOff(['people', 'sport', 'places'], ['places', 'people', 'countries'])).toEqual(['people', 'places']);
    expect(sanitizePacksOff(['sport'], [])).toEqual([]);
  });

  it('reads markOutsideArticle as a boolean, else its default', () => {
    expect(sanitizeSettings({ markOutsideArticle: true }).markOutsideArticle).toBe(true);
    for (const damaged of ['true', 1, null])
      expect(sanitizeSettings({ markOutsideArticle: damaged }).markOutsideArticle).toBe(false);
  });

  it('saves both', async () => {
    fakeBrowser.reset();
    await saveSettings({ packsOff: ['people'], markOutsideArticle: true });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, packsOff: ['people'], markOutsideArticle: true });
  });
});

describe('sites', () => {
  it('reads a hostname from what a user may type', () => {
    expect(siteHostname('https://www.Example.com/a/b?c')).toBe('www.example.com');
    expect(siteHostname('example.com')).toBe('example.com');
    expect(siteHostname('  ')).toBeUndefined();
    expect(siteHostname('exa mple')).toBeUndefined();
  });

  it('turns a site off with its subdomains, and on again, also when a parent domain turned it off', () => {
    const off = withSite(DEFAULT_SETTINGS, 'example.com', false);
    expect(isActiveOn(off, 'example.com')).toBe(false);
    expect(isActiveOn(off, 'news.example.com')).toBe(false);
    expect(isActiveOn(off, 'example.org')).toBe(true);
    expect(isActiveOn(off, 'badexample.com')).toBe(true);
    expect(withSite(off, 'news.example.com', false)).toBe(off);
    const on = withSite(off, 'news.example.com', true);
    expect(isActiveOn(on, 'news.example.com')).toBe(true);
    expect(on.disabledSites).toEqual([]);
  });

  it('is off everywhere when the glossary is off', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.com')).toBe(false);
  });

  it('saves the per-site switch', async () => {
    fakeBrowser.reset();
    await setActiveOn('english.kyodonews.net', false);
    expect((await loadSettings()).disabledSites).toEqual(['english.kyodonews.net']);
    await setActiveOn('english.kyodonews.net', true);
    expect((await loadSettings()).disabledSites).toEqual([]);
  });
});
