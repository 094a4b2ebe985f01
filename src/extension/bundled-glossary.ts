/** The glossary packs bundled with the extension (glossary/*.json, validated at build time). */
import type { Entry, GlossaryFile } from '../core/glossary-types';

const packs = import.meta.glob<GlossaryFile>(['../../glossary/*.json', '!../../glossary/schema.json'], {
  eager: true,
  import: 'default',
});

/** Every bundled entry, packs in file-name order. */
export function bundledEntries(): Entry[] {
  return Object.keys(packs)
    .sort()
    .flatMap((k) => packs[k]!.entries);
}
