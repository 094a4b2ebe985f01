// @vitest-environment happy-dom
/**
 * The options page against its real HTML, on WXT's fake browser storage: every setting is
 * saved as it changes, the topic packs are listed with a switch each, and "My glossary" imports (refusals in a role="alert" region naming the
 * entry and field), exports, removes and adds a term.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Settings } from '../../src/extension/settings';
import type { PackInfo } from '../../src/extension/protocol';
import type { OptionsDeps } from '../../src/ui/options';
import { FIXTURES_DIR } from '../e2e/harness/pages';
import { PROJECT_ROOT } from '../e2e/harness/extension';

(globalThis as { browser?: unknown }).browser = fakeBrowser;
const { startOptions, shortcutLabel, problemLine } = await import('../../src/ui/options');
const settingsModule = await import('../../src/extension/settings');
const ug = await import('../../src/extension/user-glossary');
const { bundledEntries, bundledPacks } = await import('../../src/extension/bundled-glossary');
const { packLabel, packDescription } = await import('../../src/ui/options-packs');
const { tOptional } = await import('../../src/extension/i18n');

const HTML = readFileSync(join(PROJECT_ROOT, 'entrypoints/options/index.html'), 'utf8');
const bundledIds = bundledEntries().map((e) => e.id);

function loadHtml(): void {
  const body = /<body>([\s\S]*)<\/body>/.exec(HTML)![1]!.replace(/<script[\s\S]*?<\/script>/g, '');
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

function deps(params = ''): OptionsDeps & { download: ReturnType<typeof vi.fn<(fileName: string, text: string) => void>> } {
  return {
    doc: document,
    params: new URLSearchParams(params),
    loadSettings: settingsModule.loadSettings,
    saveSettings: settingsModule.saveSettings,
    watchSettings: () => () => {},
    loadPacks: async () => bundledPacks(),
    loadUserGlossary: () => ug.loadUserGlossary(),
    watchUserGlossary: () => () => {},
    importFile: (file) => ug.importUserGlossary(file, { bundledIds }),
    addEntry: (entry) =>
      ug.addUserEntry(entry, { bundledIds, defaults: { name: 'My glossary', description: 'Mine.', language: 'en' } }),
    removeUserGlossary: () => ug.removeUserGlossary(),
    takenIds: async () => new Set(bundledIds),
    download: vi.fn<(fileName: string, text: string) => void>(),
    today: () => '2025-03-04',
  };
}

const $ = <T extends HTMLElement = HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;
const stored = async (): Promise<Settings> => settingsModule.loadSettings();

function choose(name: string, value: string): void {
  const r = $<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
  r.checked = true;
  r.dispatchEvent(new Event('change'));
}

function importFixture(name: string): void {
  const bytes = readFileSync(join(FIXTURES_DIR, 'imports', name));
  const file = new File([bytes], name, { type: 'application/json' });
  const input = $<HTMLInputElement>('#import-file');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

beforeEach(() => {
  fakeBrowser.reset();
  loadHtml();
});

describe('settings', () => {
  it('shows the stored settings, translated', async () => {
    await settingsModule.saveSettings({ markStyle: 'highlight', markEveryMention: true, hoverDelayMs: 400, modifierKey: 'alt' });
    await startOptions(deps());
    expect($<HTMLInputElement>('#enabled').checked).toBe(true);
    expect($<HTMLInputElement>('input[name="mark-style"][value="highlight"]').checked).toBe(true);
    expect($<HTMLInputElement>('input[name="mentions"][value="every"]').checked).toBe(true);
    expect($<HTMLInputElement>('input[name="modifier"][value="alt"]').checked).toBe(true);
    expect($<HTMLInputElement>('#hover-delay').value).toBe('400');
    expect($<HTMLInputElement>('#shortcut-next').value).toBe('Alt+Shift+N');
    expect(document.querySelectorAll('input[name=kinds]:checked')).toHaveLength(13);
    expect($('#pages-heading').textContent).toBe('On pages');
    expect(document.title).toBe('News Glossary options');
  });

  it('saves each change at once', async () => {
    await startOptions(deps());
    choose('mark-style', 'none');
    await vi.waitFor(async () => expect((await stored()).markStyle).toBe('none'));
    choose('mentions', 'every');
    await vi.waitFor(async () => expect((await stored()).markEveryMention).toBe(true));
    choose('modifier', 'shift');
    await vi.waitFor(async () => expect((await stored()).modifierKey).toBe('shift'));
    const delay = $<HTMLInputElement>('#hover-delay');
    delay.value = '5000';
    delay.dispatchEvent(new Event('change'));
    await vi.waitFor(async () => expect((await stored()).hoverDelayMs).toBe(2000));
    expect(delay.value).toBe('2000');
    const person = $<HTMLInputElement>('input[name=kinds][value="person"]');
    person.checked = false;
    person.dispatchEvent(new Event('change'));
    await vi.waitFor(async () => expect((await stored()).kindsShown).not.toContain('person'));
    const enabled = $<HTMLInputElement>('#enabled');
    enabled.checked = false;
    enabled.dispatchEvent(new Event('change'));
    await vi.waitFor(async () => expect((await stored()).enabled).toBe(false));
    expect($('#saved').textContent).toBe('Saved.');
  });

  it('records a shortcut from a key press, and refuses unusable or repeated keys', async () => {
    await startOptions(deps());
    const next = $<HTMLInputElement>('#shortcut-next');
    next.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', code: 'KeyJ', bubbles: true, cancelable: true }));
    await vi.waitFor(async () => expect((await stored()).shortcuts.next).toBe('KeyJ'));
    expect(next.value).toBe('Alt+Shift+J');
    next.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    expect($('#shortcut-error').textContent).toBe('That key cannot be a shortcut.');
    next.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', code: 'KeyP', bubbles: true, cancelable: true }));
    expect($('#shortcut-error').textContent).toBe('Next and previous need different keys.');
    expect((await stored()).shortcuts).toEqual({ next: 'KeyJ', previous: 'KeyP' });
    expect(shortcutLabel('Period')).toBe('Alt+Shift+.');
  });

  it('adds and removes sites where it is off', async () => {
    await startOptions(deps());
    expect($('#sites-none').hidden).toBe(false);
    $<HTMLInputElement>('#site-input').value = 'https://www.Example.com/news/1';
    $<HTMLFormElement>('#site-form').dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(async () => expect((await stored()).disabledSites).toEqual(['www.example.com']));
    expect($('#sites-list').textContent).toContain('www.example.com');
    expect($('#sites-none').hidden).toBe(true);
    $<HTMLInputElement>('#site-input').value = 'not a site';
    $<HTMLFormElement>('#site-form').dispatchEvent(new Event('submit', { cancelable: true }));
    expect($('#site-error').textContent).toBe('“not a site” is not a site address.');
    expect($('#site-error').getAttribute('role')).toBe('alert');
    const remove = $<HTMLButtonElement>('#sites-list button');
    expect(remove.getAttribute('aria-label')).toBe('Turn on again for www.example.com');
    remove.click();
    await vi.waitFor(async () => expect((await stored()).disabledSites).toEqual([]));
  });
});

describe('the rest of the page', () => {
  it('shows and saves “Also mark terms outside the article” (off by default)', async () => {
    await startOptions(deps());
    const box = $<HTMLInputElement>('#outside-article');
    expect(box.checked).toBe(false);
    expect(box.parentElement!.textContent!.trim()).toBe('Also mark terms outside the article');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await vi.waitFor(async () => expect((await stored()).markOutsideArticle).toBe(true));
    loadHtml();
    await startOptions(deps());
    expect($<HTMLInputElement>('#outside-article').checked).toBe(true);
  });
});

describe('topic packs', () => {
  const packs = bundledPacks();
  const switches = (): HTMLInputElement[] => [...document.querySelectorAll<HTMLInputElement>('#packs-list input[name=packs]')];
  const toggle = (name: string, on: boolean): void => {
    const box = switches().find((b) => b.value === name)!;
    box.checked = on;
    box.dispatchEvent(new Event('change'));
  };
  const total = (list: readonly PackInfo[]): string => list.reduce((n, p) => n + p.entries, 0).toLocaleString('en');

  it('lists every pack with its name, size and description, each switched on by default', async () => {
    await startOptions(deps());
    const rows = [...document.querySelectorAll<HTMLLIElement>('#packs-list li')];
    expect(rows).toHaveLength(packs.length);
    expect(switches().map((b) => b.value)).toEqual(packs.map((p) => p.name));
    expect(switches().every((b) => b.checked && b.getAttribute('role') === 'switch')).toBe(true);
    const people = rows[packs.findIndex((p) => p.name === 'people')]!;
    expect(people.querySelector('.pack-name')!.textContent).toBe('World leaders');
    expect(people.querySelector('.pack-size')!.textContent).toBe(`Entries: ${packs.find((p) => p.name === 'people')!.entries}`);
    const desc = people.querySelector('.pack-desc')!;
    expect(desc.textContent).toMatch(/^Heads of state and government/);
    // The switch is named by its label and described by the description.
    expect(people.querySelector('label')!.contains(people.querySelector('input'))).toBe(true);
    expect(document.getElementById(people.querySelector('input')!.getAttribute('aria-describedby')!)).toBe(desc);
    // Every bundled pack has a display name and a description for readers, in the locales.
    for (const p of packs) {
      const key = p.name.replace(/-/g, '_');
      expect(tOptional(`pack_${key}`), p.name).toBe(packLabel(p.name));
      expect(tOptional(`packDescription_${key}`), p.name).toBe(packDescription(p));
    }
    expect($('#packs-summary').textContent).toBe(`Packs on: ${packs.length} of ${packs.length}. Entries on: ${total(packs)}.`);
    expect($('#packs-summary').getAttribute('role')).toBe('status');
    expect($('#packs-all-off').hidden).toBe(true);
  });

  it('turns a pack off and on again, saving the names of the packs that are off', async () => {
    await startOptions(deps());
    toggle('people', false);
    await vi.waitFor(async () => expect((await stored()).packsOff).toEqual(['people']));
    const on = packs.filter((p) => p.name !== 'people');
    expect($('#packs-summary').textContent).toBe(`Packs on: ${on.length} of ${packs.length}. Entries on: ${total(on)}.`);
    toggle('countries', false);
    await vi.waitFor(async () => expect((await stored()).packsOff).toEqual(['countries', 'people']));
    toggle('people', true);
    await vi.waitFor(async () => expect((await stored()).packsOff).toEqual(['countries']));
    expect(
      switches()
        .filter((b) => !b.checked)
        .map((b) => b.value),
    ).toEqual(['countries']);
    expect($('#saved').textContent).toBe('Saved.');
  });

  it('counts two quick clicks, made before the first is saved', async () => {
    await startOptions(deps());
    toggle('people', false);
    toggle('places', false);
    await vi.waitFor(async () => expect((await stored()).packsOff).toEqual(['people', 'places']));
    await vi.waitFor(() =>
      expect(
        switches()
          .filter((b) => !b.checked)
          .map((b) => b.value),
      ).toEqual(['people', 'places']),
    );
  });

  it('shows the stored choice, says when every pack is off, and drops names of packs that do not exist', async () => {
    await settingsModule.saveSettings({ packsOff: ['events', 'a-pack-that-is-gone'] });
    await startOptions(deps());
    expect(
      switches()
        .filter((b) => !b.checked)
        .map((b) => b.value),
    ).toEqual(['events']);
    for (const p of packs) if (p.name !== 'events') toggle(p.name, false);
    await vi.waitFor(async () => expect((await stored()).packsOff).toHaveLength(packs.length));
    expect((await stored()).packsOff).not.toContain('a-pack-that-is-gone');
    expect($('#packs-all-off').hidden).toBe(false);
    expect($('#packs-all-off').textContent).toMatch(/^Every pack is off: only My glossary/);
    expect($('#packs-summary').textContent).toBe(`Packs on: 0 of ${packs.length}. Entries on: 0.`);
  });

  it('follows a change made elsewhere', async () => {
    let notify: (s: Settings) => void = () => {};
    await startOptions({ ...deps(), watchSettings: (cb) => ((notify = cb), () => {}) });
    notify({ ...(await stored()), packsOff: ['world'] });
    expect(switches().find((b) => b.value === 'world')!.checked).toBe(false);
  });

  it('shows a pack it has no words for by its own name and description, as text', async () => {
    const odd: PackInfo = { name: 'sport', description: 'Clubs <b>and</b> leagues.', entries: 1234 };
    await startOptions({ ...deps(), loadPacks: async () => [odd] });
    const row = $('#packs-list li');
    expect(row.querySelector('.pack-name')!.textContent).toBe('sport');
    expect(row.querySelector('.pack-desc')!.textContent).toBe('Clubs <b>and</b> leagues.');
    expect(row.querySelector('b')).toBeNull();
    expect(row.querySelector('.pack-size')!.textContent).toBe('Entries: 1,234');
    expect(packLabel('__proto__')).toBe('__proto__');
    expect(packLabel('constructor')).toBe('constructor');
  });

  it('says so in a role="alert" region when the packs cannot be loaded; the rest of the page works', async () => {
    await startOptions({ ...deps(), loadPacks: async () => Promise.reject(new Error('Could not establish connection')) });
    expect($('#packs-error').getAttribute('role')).toBe('alert');
    expect($('#packs-error').textContent).toBe('The packs could not be loaded: Could not establish connection');
    expect(switches()).toEqual([]);
    choose('mark-style', 'none');
    await vi.waitFor(async () => expect((await stored()).markStyle).toBe('none'));
  });
});

describe('My glossary', () => {
  it('refuses a truncated file in a role="alert" region and keeps what was there', async () => {
    await startOptions(deps());
    importFixture('valid-new-entry.json');
    await vi.waitFor(() => expect($('#import-status').textContent).toBe('valid-new-entry.json imported. Entries: 1.'));
    importFixture('truncated.json');
    const alert = $('#import-errors');
    expect(alert.getAttribute('role')).toBe('alert');
    await vi.waitFor(() =>
      expect(alert.textContent).toContain('truncated.json was not imported: it is not valid JSON. Nothing was changed.'),
    );
    expect(alert.textContent).toMatch(/not JSON at line \d+, column \d+ \(the file ends too early: truncated\?\)/);
    expect((await ug.loadUserGlossary())!.fileName).toBe('valid-new-entry.json');
    expect($('#my-info').textContent).toMatch(/^“My test glossary”, from valid-new-entry\.json \(.+\)\. Entries: 1\.$/);
  });

  it('names the entry and field of each problem', async () => {
    await startOptions(deps());
    importFixture('missing-fields.json');
    const alert = $('#import-errors');
    await vi.waitFor(() =>
      expect(alert.textContent).toContain('missing-fields.json was not imported. Problems found: 3. Nothing was changed.'),
    );
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Field name: required field is missing',
      'Entry 1 (No summary), field summary: required field is missing',
      'Entry 1 (No summary), field sources: required field is missing',
    ]);
    expect(await ug.loadUserGlossary()).toBeNull();
  });

  it('shows HTML in names and problems as text', async () => {
    await startOptions(deps());
    importFixture('html-in-text.json');
    await vi.waitFor(() => expect($('#my-info').textContent).toContain('“<i>My</i> glossary”'));
    expect(document.querySelector('#my-info i')).toBeNull();
    expect(
      problemLine({ path: 'entries[0].summary', entryNumber: 1, entryName: '<b>x</b>', field: 'summary', message: 'bad' }),
    ).toBe('Entry 1 (<b>x</b>), field summary: bad');
  });

  it('exports what was imported, and removes it in two clicks', async () => {
    const d = deps();
    await startOptions(d);
    expect($<HTMLButtonElement>('#export').disabled).toBe(true);
    importFixture('valid-new-entry.json');
    await vi.waitFor(() => expect($<HTMLButtonElement>('#export').disabled).toBe(false));
    $<HTMLButtonElement>('#export').click();
    expect(d.download).toHaveBeenCalledWith(
      'valid-new-entry.json',
      readFileSync(join(FIXTURES_DIR, 'imports/valid-new-entry.json'), 'utf8'),
    );
    const remove = $<HTMLButtonElement>('#remove');
    remove.click();
    expect(remove.textContent).toBe('Remove My glossary (entries: 1)? Click again to remove.');
    expect(await ug.loadUserGlossary()).not.toBeNull();
    remove.click();
    await vi.waitFor(() => expect($('#import-status').textContent).toBe('My glossary was removed.'));
    expect(await ug.loadUserGlossary()).toBeNull();
    expect($('#my-info').textContent).toBe('No glossary imported yet.');
  });

  it('fills in a term from the context menu and adds it', async () => {
    await startOptions(deps('?add=Zorblax%20Accord'));
    expect($<HTMLInputElement>('#add-term').value).toBe('Zorblax Accord');
    expect(document.activeElement).toBe($('#add-summary'));
    $<HTMLTextAreaElement>('#add-summary').value = 'A made-up accord.';
    $<HTMLSelectElement>('#add-kind').value = 'agreement';
    $<HTMLInputElement>('#add-source').value = 'https://example.org/zorblax';
    $<HTMLFormElement>('#add-form').dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect($('#add-status').textContent).toBe('Added “Zorblax Accord”.'));
    expect((await ug.loadUserGlossary())!.glossary.entries).toEqual([
      {
        id: 'zorblax-accord',
        term: 'Zorblax Accord',
        kind: 'agreement',
        summary: 'A made-up accord.',
        sources: [{ title: 'example.org', url: 'https://example.org/zorblax' }],
        updated: '2025-03-04',
      },
    ]);
  });

  it('refuses a term the validator refuses, saying why', async () => {
    await startOptions(deps());
    $<HTMLInputElement>('#add-term').value = 'Insecure source';
    $<HTMLTextAreaElement>('#add-summary').value = 'Has <b>HTML</b>.';
    $<HTMLInputElement>('#add-source').value = 'http://example.org';
    $<HTMLFormElement>('#add-form').dispatchEvent(new Event('submit', { cancelable: true }));
    const alert = $('#add-errors');
    await vi.waitFor(() => expect(alert.textContent).toContain('“Insecure source” was not added:'));
    expect(alert.textContent).toContain('Entry 1 (Insecure source), field summary: must be plain text');
    expect(alert.textContent).toContain('field sources[0].url: source URL must start with https://');
    expect(await ug.loadUserGlossary()).toBeNull();
  });
});
