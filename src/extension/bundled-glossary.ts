/**
 * The glossary packs bundled with the extension (glossary/*.json, validated at build time).
 *
 * They are bundled as JSON text and parsed on first use: a worker that is woken for anything
 * else does not pay for them, and JSON.parse reads a large file about twice as fast as V8 parses
 * the same data written as a JavaScript object literal (issue #15: the worker's start-up).
 */
import type { Entry, GlossaryFile } from '../core/glossary-types';

const packs = import.meta.glob<string>(['../../glossary/*.json', '!../../glossary/schema.json'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

let parsed: Entry[] | undefined;

/** Every bundled entry, packs in file-name order. */
export function bundledEntries(): Entry[] {
  parsed ??= Object.keys(packs)
    .sort()
    .flatMap((k) => (JSON.parse(packs[k]!) as GlossaryFile).entries);
  return parsed.slice();
}
