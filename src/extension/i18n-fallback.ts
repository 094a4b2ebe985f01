/**
 * The messages `t` (./i18n.ts) falls back to where there is no browser to give them: set by the
 * tests (tests/setup/english-messages.ts), empty in the extension, where `browser.i18n` answers.
 * It imports nothing, so that setting it does not load the browser API before a test's fake.
 */

/** One message as messages.json writes it. */
export interface MessageSpec {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

let fallback: Readonly<Record<string, MessageSpec>> = {};

/** Sets the messages used where the browser has none. */
export function useFallbackMessages(messages: Readonly<Record<string, MessageSpec>>): void {
  fallback = messages;
}

/** The fallback message named `key`, if any. */
export function fallbackMessage(key: string): MessageSpec | undefined {
  return Object.hasOwn(fallback, key) ? fallback[key] : undefined;
}
