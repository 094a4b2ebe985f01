/**
 * The glossary packs bundled with the extension (glossary/*.json, validated at build time): what
 * each pack is (for the options page) and the entries of the packs that are on (for the
 * background's glossary service).
 */
import type { Entry, GlossaryFile } from '../core/glossary-types';
import type { PackInfo } from './protocol';

const packs = import.meta.glob<GlossaryFile>(['../../glossary/*.json', '!../../glossary/schema.json'], {
  eager: true,
  import: 'default',
});

/** The packs in file-name order. */
export function bundledPackFiles(): GlossaryFile[] {
  return Object.keys(packs)
    .sort()
    .map((k) => packs[k]!);
}

/** Every bundled pack: its name, description and number of entries, in file-name order. */
export function bundledPacks(): PackInfo[] {
  return bundledPackFiles().map((p) => ({ name: p.name, description: p.description, entries: p.entries.length }));
}

/** The bundled entries of every pack not turned off (all of them by default), packs in file-name order. */
export function bundledEntries(packsOff: readonly string[] = []): Entry[] {
  const off = new Set(packsOff);
  return bundledPackFiles()
    .filter((p) => !off.has(p.name))
    .flatMap((p) => p.entries);
}
