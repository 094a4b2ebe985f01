/**
 * The bundled packs as the service worker reads them: compiled at build time
 * (compiled-index.ts), their entries decoded one at a time when first read, so the worker
 * neither evaluates 2 MB of object literals nor compiles 13,000 forms at start.
 */
import { decodeCompiledIndex, lazyEntryList, type CompiledIndexData } from '../core/compiled-index-codec';
import type { PrecompiledGlossary } from '../core/engine';
import type { Entry } from '../core/glossary-types';
import { compiledPacks } from './compiled-index';
import type { PackInfo } from './protocol';

/** Every pack's entries, compiled at build time. */
interface PrecompiledPacks {
  /** The entries of every pack, in pack order (each decoded when first read). */
  entries: Entry[];
  /** The same entries, compiled. */
  index: PrecompiledGlossary;
}

/** The bundled packs. */
export interface BundledSource {
  /** Every pack: name, description, number of entries, in file-name order. */
  packs: PackInfo[];
  /** The entries of the packs not turned off, packs in file-name order. */
  entries(packsOff?: readonly string[]): Entry[];
  /** Every pack, compiled (the index is read on each call: keep what it returns). */
  precompiled(): PrecompiledPacks;
}

let source: BundledSource | undefined;

/** The bundled packs (made once). */
export function bundledSource(): BundledSource {
  if (source) return source;
  const m = compiledPacks();
  const all = lazyEntryList(m.entries);
  return (source = {
    packs: m.packs,
    entries(packsOff = []) {
      const off = new Set(packsOff);
      let start = 0;
      return m.packs.flatMap((p) => {
        const from = start;
        start += p.entries;
        return off.has(p.name) ? [] : all.slice(from, start);
      });
    },
    precompiled: () => ({ entries: all, index: decodeCompiledIndex(JSON.parse(m.index) as CompiledIndexData) }),
  });
}
