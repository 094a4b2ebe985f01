/**
 * Names of the `performance.measure` entries the service worker records about its start
 * (src/extension/background-main.ts), read by bench/first-mark.bench.ts: up to
 * `startBackground` (script evaluation, from the worker's time origin), loading and compiling the
 * glossary (with its fuzzy index), the first analysis. It imports nothing, so the bench can read it.
 */
export const STARTUP_MEASURES = {
  startUp: 'news-glossary:start-up',
  /** Part of load-and-compile: the settings, the user's glossary, the bundled packs' index read. */
  load: 'news-glossary:load',
  compile: 'news-glossary:load-and-compile',
  firstAnalysis: 'news-glossary:first-analysis',
} as const;
