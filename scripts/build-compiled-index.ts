/**
 * The compact index the service worker loads instead of compiling the bundled packs at every
 * start (issue #15). At build time the packs (glossary/*.json, in file-name order, as
 * src/extension/bundled-glossary.ts reads them) are compiled once (`compilePacks`,
 * src/core/compiled-index-codec.ts: the trie, the surname keys, the fuzzy index's names, and the
 * entries packed for decoding one at a time), and this Vite plugin (wxt.config.ts) gives
 * src/extension/compiled-index.ts the result as its code: two ASCII string literals and the
 * packs' names, nothing evaluated at start but the literals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { GlossaryFile } from '../src/core/glossary-types';

/** The module whose code the plugin replaces. */
const COMPILED_INDEX_SOURCE = 'src/extension/compiled-index.ts';

/** The bundled pack files, in file-name order. */
function packFilePaths(root: string): string[] {
  const dir = resolve(root, 'glossary');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort()
    .map((f) => join(dir, f));
}

/** The code of src/extension/compiled-index.ts in a build: every bundled pack, compiled. */
async function compiledIndexCode(root: string): Promise<string> {
  // Imported here, not at the top: wxt.config.ts loads this file before the build regenerates
  // src/core/generated (the matcher's common words).
  const { compilePacks } = await import('../src/core/compiled-index-codec');
  const packs = packFilePaths(root).map((file) => JSON.parse(readFileSync(file, 'utf8')) as GlossaryFile);
  const compiled = compilePacks(packs);
  return [
    '// Made at build time by scripts/build-compiled-index.ts from glossary/*.json.',
    `const compiled = {index: ${JSON.stringify(compiled.index)}, entries: ${JSON.stringify(compiled.entries)}, packs: ${JSON.stringify(compiled.packs)}};`,
    'export function compiledPacks() { return compiled; }',
  ].join('\n');
}

/** The Vite plugin that compiles the bundled packs into src/extension/compiled-index.ts. */
export function compiledIndexPlugin(root: string): Plugin {
  const source = resolve(root, COMPILED_INDEX_SOURCE);
  return {
    name: 'news-glossary:compiled-index',
    enforce: 'pre',
    async load(id) {
      if (id.split('?')[0] !== source) return undefined;
      for (const file of packFilePaths(root)) this.addWatchFile(file);
      return compiledIndexCode(root);
    },
  };
}
