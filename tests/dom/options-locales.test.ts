// @vitest-environment happy-dom
/**
 * The UI strings of the popup and the options page: English and Japanese define the same
 * messages with the same placeholders, every key the pages use exists, and the pages render in
 * Japanese when the browser's language is Japanese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROJECT_ROOT } from '../e2e/harness/extension';

(globalThis as { browser?: unknown }).browser = fakeBrowser;
const { formatMessage, t } = await import('../../src/extension/i18n');
const { startOptions, createBrowserOptionsDeps } = await import('../../src/ui/options');
const { startPopup } = await import('../../src/ui/popup');

type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;
const read = (lang: string): Messages =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
const en = read('en');
const ja = read('ja');
const page = (name: string): string => readFileSync(join(PROJECT_ROOT, 'entrypoints', name, 'index.html'), 'utf8');

function loadBody(html: string): void {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<script[\s\S]*?<\/script>/g, '');
  document.body.replaceWith(
    document.importNode(new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html').body, true),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('messages.json', () => {
  it('has the same messages in English and Japanese, each described', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, m] of Object.entries(en)) {
      expect(m.description, key).toBeTruthy();
      expect(ja[key]!.message.trim(), key).not.toBe('');
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
    }
  });

  it('uses in each message exactly the placeholders it defines, in both languages', () => {
    for (const [key, m] of Object.entries(en)) {
      const names = Object.keys(m.placeholders ?? {}).sort();
      expect(Object.keys(ja[key]!.placeholders ?? {}).sort(), key).toEqual(names);
      for (const msg of [m.message, ja[key]!.message]) {
        const used = [...new Set([...msg.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase()))].sort();
        expect(used, `${key}: ${msg}`).toEqual(names);
      }
    }
  });

  it('covers every key the pages name in data-i18n attributes', () => {
    for (const name of ['popup', 'options']) {
      for (const [, key] of page(name).matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g))
        expect(en[key!], `${name}: ${key}`).toBeDefined();
    }
  });

  it('names the extension and its command, for the manifest', () => {
    for (const key of ['extName', 'extDescription', 'actionTitle', 'commandToggleSite', 'contextExplain'])
      expect(en[key], key).toBeDefined();
    expect(en.extDescription!.message.length).toBeLessThanOrEqual(132); // the Chrome Web Store's limit
    expect(ja.extDescription!.message.length).toBeLessThanOrEqual(132);
    expect(en.contextExplain!.message).toBe('Explain “%s”');
  });
});

describe('formatMessage', () => {
  it('fills named placeholders, then $1…$9, and $$ is a dollar', () => {
    const spec = {
      message: 'Entry $NUMBER$ ($NAME$) costs $$5: $MESSAGE$',
      placeholders: { number: { content: '$1' }, name: { content: '$2' }, message: { content: '$3' } },
    };
    expect(formatMessage(spec, ['4', 'Kishida', 'ok'])).toBe('Entry 4 (Kishida) costs $5: ok');
    expect(formatMessage(spec, [])).toBe('Entry  () costs $5: ');
  });

  it('gives English where the browser has no message', () => {
    expect(t('noMatch', 'x')).toBe('No entry matches “x”.');
  });
});

describe('in Japanese', () => {
  function japanese(): void {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs?: string | string[]) =>
      ja[name]
        ? formatMessage(ja[name]!, typeof subs === 'string' ? [subs] : (subs ?? []))
        : '') as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ja');
  }

  it('renders the options page', async () => {
    japanese();
    fakeBrowser.reset();
    loadBody(page('options'));
    const { bundledPacks } = await import('../../src/extension/bundled-glossary');
    await startOptions({ ...createBrowserOptionsDeps(document, ''), loadPacks: async () => bundledPacks() });
    expect(document.documentElement.lang).toBe('ja');
    expect(document.querySelector('#my-glossary-heading')!.textContent).toBe('マイ用語集');
    expect(document.querySelector('#my-info')!.textContent).toBe('まだ読み込まれていません。');
    expect(document.querySelector('input[name=kinds][value="person"]')!.parentElement!.textContent).toBe('人物');
    expect(document.querySelector('#packs-heading')!.textContent).toBe('トピック別パック');
    const people = document.querySelector('input[name=packs][value="people"]')!.closest('li')!;
    expect(people.querySelector('.pack-name')!.textContent).toBe('世界の首脳・要人');
    expect(people.querySelector('.pack-size')!.textContent).toMatch(/^項目数：\d+$/);
    expect(people.querySelector('.pack-desc')!.textContent).toMatch(/^G20 諸国と EU の首脳/);
    expect(document.querySelector('#packs-summary')!.textContent).toMatch(/^オンのパック：\d+ 個中 \d+ 個。/);
    expect(document.querySelector('#outside-article')!.parentElement!.textContent!.trim()).toBe('記事の外の用語も示す');
    // Text the page's HTML leaves empty: title, heading, placeholders.
    expect(document.title).toBe(ja.optionsTitle!.message);
    expect(document.querySelector('h1')!.textContent).toBe(ja.optionsTitle!.message);
    expect(document.querySelector('#site-input')!.getAttribute('placeholder')).toBe('例：example.com');
    expect(document.querySelector('#add-source')!.getAttribute('placeholder')).toBe('https://');
  });

  it('renders the popup', async () => {
    japanese();
    loadBody(page('popup'));
    await startPopup({
      doc: document,
      params: new URLSearchParams(),
      search: async (query) => ({ query, results: [] }),
      getEntries: async () => [],
      getGlossaryInfo: async () => ({ total: 614, user: 0 }),
      currentTab: async () => undefined,
      pageTerms: async () => [],
      revealTerm: async () => false,
      loadSettings: async () => (await import('../../src/extension/settings')).DEFAULT_SETTINGS,
      setActiveOn: async () => (await import('../../src/extension/settings')).DEFAULT_SETTINGS,
      hasSiteAccess: async () => true,
      requestSiteAccess: async () => true,
      injectIntoTab: async () => {},
      openOptions: () => {},
      openPage: () => {},
      close: () => {},
    });
    expect(document.querySelector('#status')!.textContent).toBe('614 項目。入力すると検索します。');
    expect(document.querySelector('#q')!.getAttribute('placeholder')).toBe('人物・地名・用語を検索…');
    expect(document.querySelector('#page-heading')!.textContent).toBe('このページの用語');
    expect(document.title).toBe('ニュース用語集');
    expect(document.querySelector('#back')!.textContent).toBe(ja.backToResults!.message);
    expect(document.querySelector('#options')!.textContent).toBe(ja.openOptions!.message);
  });
});
