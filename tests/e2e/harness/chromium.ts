import { findBrowser } from './find-browser';

/** Where Chromium is looked for, in order, when CHROMIUM_PATH is not set. */
const DEFAULT_CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Start of the error thrown when no browser is found: what is missing and how to get it. */
const CHROMIUM_NOT_FOUND =
  'Chromium not found. Install it with `apt-get install chromium` (Debian/Ubuntu) ' +
  'or set CHROMIUM_PATH=/path/to/chrome (a Chromium or Chrome for Testing build: ' +
  'branded Google Chrome 137+ ignores --load-extension). ' +
  'The e2e tests drive the system browser through playwright-core; `npx playwright install` is not needed.';

/** Inputs of findChromium, replaceable so that tests can simulate a machine without a browser. */
export interface FindChromiumOptions {
  /** Environment to read CHROMIUM_PATH from. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Paths tried when CHROMIUM_PATH is unset; pass [] to allow no fallback. */
  candidates?: readonly string[];
}

/** Returns the path of a Chromium executable, or throws an Error that says how to install one. */
export function findChromium(options: FindChromiumOptions = {}): string {
  const candidates = options.candidates ?? DEFAULT_CHROMIUM_CANDIDATES;
  return findBrowser({ envVar: 'CHROMIUM_PATH', candidates, notFound: CHROMIUM_NOT_FOUND, env: options.env });
}
