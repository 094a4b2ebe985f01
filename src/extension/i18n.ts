/**
 * UI strings through `browser.i18n` (public/_locales/{en,ja}/messages.json). Keys are typed from
 * the English file, so a missing or misspelled key fails the type check; the browser itself falls
 * back to English for a key a locale lacks. Only the types come from the file: the messages are
 * not bundled into the content script or the pages (20 KB the page would compile for nothing).
 * Where there is no browser (unit and DOM tests), the messages set by `useFallbackMessages`
 * (./i18n-fallback.ts; tests/setup/english-messages.ts sets English) are used, with placeholders filled as the browser fills them.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';
import { fallbackMessage, type MessageSpec } from './i18n-fallback';

/** A message name. */
export type MessageKey = keyof typeof en;

/** Substitutions for $1…$9. */
export type Substitutions = string | number | readonly (string | number)[];

/** Fills a message's named placeholders ($NAME$ → its content) and then $1…$9, as Chrome does. */
export function formatMessage(spec: MessageSpec, subs: readonly string[]): string {
  const named = spec.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name: string) => {
    const p = spec.placeholders?.[name.toLowerCase()];
    return p ? p.content : all;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

function browserMessage(key: MessageKey, subs: string[]): string {
  try {
    // WXT types getMessage from the default locale's file only once the manifest names it.
    const i18n = browser?.i18n as { getMessage(name: string, subs?: string[]): string } | undefined;
    return i18n?.getMessage(key, subs) ?? '';
  } catch {
    // No extension context (tests): the English text below.
    return '';
  }
}

/** The UI string `key` in the browser's language, with substitutions. */
export function t(key: MessageKey, subs?: Substitutions): string {
  const list = subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map(String);
  const spec = fallbackMessage(key);
  return browserMessage(key, list) || (spec ? formatMessage(spec, list) : '');
}

/**
 * The UI string named by data (a pack's `pack_<name>`), or undefined where no locale has it.
 * Names that cannot be message names, or are not English messages, are undefined.
 */
export function tOptional(key: string, subs?: Substitutions): string | undefined {
  if (!/^[A-Za-z0-9_@]+$/.test(key)) return undefined;
  return t(key as MessageKey, subs) || undefined;
}

/** The browser's UI language (e.g. "ja"), or "en". */
export function uiLanguage(): string {
  try {
    return browser?.i18n?.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/**
 * Fills the static text of a page: `data-i18n="key"` sets the text, and
 * `data-i18n-placeholder`, `data-i18n-aria-label` and `data-i18n-title` set those attributes.
 */
export function localize(root: ParentNode & Node, doc: Document = root.ownerDocument ?? (root as Document)): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const [data, attr] of [
    ['i18nPlaceholder', 'placeholder'],
    ['i18nAriaLabel', 'aria-label'],
    ['i18nTitle', 'title'],
  ] as const) {
    const selector = `[data-${data.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const el of root.querySelectorAll<HTMLElement>(selector)) el.setAttribute(attr, t(el.dataset[data] as MessageKey));
  }
  doc.documentElement.lang = uiLanguage();
}
