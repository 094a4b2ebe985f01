/**
 * Unit and DOM tests run without a browser, so `browser.i18n` has no messages: the UI's strings
 * come from the English file, as the browser's default locale would give them.
 */
import en from '../../public/_locales/en/messages.json';
import { useFallbackMessages } from '../../src/extension/i18n-fallback';

useFallbackMessages(en);
