/**
 * The compact index: a glossary compiled at build time (the trie, the surname keys, the fuzzy
 * index's names) written as flat arrays of numbers and one table of strings, and read back with
 * no tokenizing, folding or case analysis: what the service worker loads at start instead of
 * compiling the bundled packs (scripts/build-compiled-index.ts writes it). The entries travel
 * beside it as one ASCII text, each entry decoded from its slice only when something reads it.
 */
import { GlossaryEngine, type PrecompiledGlossary } from './engine';
import { fuzzyKeysOf, type FuzzyKey } from './fuzzy';
import type { CaseMode } from './glossary-format';
import type { Entry, GlossaryFile } from './glossary-types';
import { formsAt, newForm, newNode, putForm, type TrieNode } from './matcher-index';

/** Format version: an index of another version is not read (the glossary is compiled instead). */
const COMPILED_INDEX_VERSION = 1;

/** A precompiled glossary as stored (JSON). */
export interface CompiledIndexData {
  version: number;
  /** Entry ids, by index. */
  ids: string[];
  /** Every string of the index once: words, form texts, tails, surfaces, names. */
  strings: string[];
  /** [entry index, surname key's string] for every person entry with a surname key. */
  surnames: number[];
  /** NODE_FIELDS numbers a node (parent + 1, word, tail + 1 and gap bit, forms), parents before children. */
  nodes: number[];
  /** Edge hash of each node's word. */
  hashes: number[];
  /** FORM_FIELDS numbers a form (entry, text, flags, context, surfaces, tail), node by node, in order. */
  forms: number[];
  /** Lists the forms refer to: entry indexes (context rules), string indexes (surfaces). */
  lists: number[][];
  /** NAME_FIELDS numbers a name of the fuzzy index, in its order. */
  fuzzy: number[];
}

const NODE_FIELDS = 4;
const FORM_FIELDS = 6;
const NAME_FIELDS = 4;
const MODES: readonly CaseMode[] = ['sensitive', 'insensitive', 'capitals'];

/** Writes a compiled glossary (`trie` from `CompiledGlossary.precompiledTrie()`, `fuzzyNames` from `fuzzyKeysOf`). */
export function encodeCompiledIndex({ trie, fuzzyNames }: PrecompiledGlossary): CompiledIndexData {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) stringIndex.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const lists: number[][] = [];
  const list = (xs: number[] | undefined): number => (xs === undefined ? 0 : lists.push(xs));
  const surnames: number[] = [];
  trie.surnameKeys.forEach((key, i) => key !== undefined && surnames.push(i, str(key)));
  const nodes: number[] = [];
  const forms: number[] = [];
  trie.nodes.forEach((node, i) => {
    const tail = node.tail === undefined ? 0 : str(node.tail) + 1;
    const here = formsAt(node);
    nodes.push(trie.parents[i]! + 1, str(node.word), tail * 2 + (node.gapEdges ? 1 : 0), here.length);
    for (const f of here) {
      const flags = MODES.indexOf(f.mode) | (f.isTerm ? 4 : 0) | (f.isSurname ? 8 : 0);
      const surfaces = f.surfaces === undefined ? undefined : f.surfaces.map(str);
      forms.push(f.entry, str(f.text), flags, list(f.context), list(surfaces), f.tail === undefined ? 0 : str(f.tail) + 1);
    }
  });
  const fuzzy = fuzzyNames.flatMap((k) => [str(k.text), k.entry, k.words, k.surname ? 1 : 0]);
  return {
    version: COMPILED_INDEX_VERSION,
    ids: [...trie.ids],
    strings,
    surnames,
    nodes,
    hashes: [...trie.hashes],
    forms,
    lists,
    fuzzy,
  };
}

/** Reads an index written by `encodeCompiledIndex`, for `new GlossaryEngine(entries, …)`. */
export function decodeCompiledIndex(data: CompiledIndexData): PrecompiledGlossary {
  if (data.version !== COMPILED_INDEX_VERSION)
    throw new Error(`compiled index version ${data.version}, not ${COMPILED_INDEX_VERSION}`);
  const { strings, lists, forms: f } = data;
  const surnameKeys = new Array<string | undefined>(data.ids.length).fill(undefined);
  for (let i = 0; i < data.surnames.length; i += 2) surnameKeys[data.surnames[i]!] = strings[data.surnames[i + 1]!];
  const nodes: TrieNode[] = [];
  const parents: number[] = [];
  const n = data.nodes;
  let k = 0; // the next form's first number
  for (let i = 0; i < n.length; i += NODE_FIELDS) {
    const node = newNode(strings[n[i + 1]!]!);
    const tailAndGap = n[i + 2]!;
    node.gapEdges = (tailAndGap & 1) === 1;
    if (tailAndGap > 1) node.tail = strings[(tailAndGap >> 1) - 1];
    const count = n[i + 3]!;
    for (let c = 0; c < count; c++, k += FORM_FIELDS) {
      const flags = f[k + 2]!;
      const context = f[k + 3]! ? lists[f[k + 3]! - 1] : undefined;
      const form = newForm(f[k]!, strings[f[k + 1]!]!, MODES[flags & 3]!, (flags & 4) !== 0, (flags & 8) !== 0, context);
      if (f[k + 4]) form.surfaces = stringsOf(strings, lists[f[k + 4]! - 1]!);
      if (f[k + 5]) form.tail = strings[f[k + 5]! - 1];
      putForm(node, form);
    }
    nodes.push(node);
    parents.push(n[i]! - 1);
  }
  const fuzzyNames: FuzzyKey[] = [];
  for (let i = 0; i < data.fuzzy.length; i += NAME_FIELDS) {
    const z = data.fuzzy;
    fuzzyNames.push({ text: strings[z[i]!]!, entry: z[i + 1]!, words: z[i + 2]!, surname: z[i + 3] === 1 });
  }
  return { trie: { ids: data.ids, surnameKeys, nodes, parents, hashes: data.hashes }, fuzzyNames };
}

/** The strings of a list of string indexes. */
function stringsOf(strings: readonly string[], list: readonly number[]): string[] {
  const out = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = strings[list[i]!]!;
  return out;
}

/** Entries as one text and where each begins and ends in it (`offsets[i]`, `offsets[i + 1]`). */
export interface PackedEntries {
  /** The entries' JSON one after another, non-ASCII characters escaped (a one-byte string in V8). */
  text: string;
  offsets: number[];
}

/** Writes entries for `lazyEntryList`. */
function packEntries(entries: readonly Entry[]): PackedEntries {
  const offsets = [0];
  let text = '';
  for (const e of entries) {
    text += asciiJson(e);
    offsets.push(text.length);
  }
  return { text, offsets };
}

/**
 * The entries of `packEntries` as an array whose elements are decoded (JSON.parse of their slice)
 * the first time they are read, then kept: a page's first analysis reads the few dozen it
 * matched, not the thousands of the glossary. Iterating it (search, a merge) decodes them all.
 */
export function lazyEntryList({ text, offsets }: PackedEntries): Entry[] {
  const count = offsets.length - 1;
  const decoded = new Array<Entry | undefined>(count).fill(undefined);
  return new Proxy(decoded, {
    get(target, key, receiver) {
      const i = typeof key === 'string' ? Number(key) : NaN;
      if (Number.isInteger(i) && i >= 0 && i < count && String(i) === key)
        return (target[i] ??= JSON.parse(text.slice(offsets[i], offsets[i + 1])) as Entry);
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as Entry[];
}

/** A pack as the worker lists it (protocol.ts `PackInfo`). */
interface PackSummary {
  name: string;
  description: string;
  entries: number;
}

/** The packs compiled at build time: what src/extension/compiled-index.ts gives the worker. */
export interface CompiledPacks {
  /** The `CompiledIndexData` of every pack's entries, as ASCII JSON (parsed when needed, then dropped). */
  index: string;
  /** Every pack's entries, in pack order. */
  entries: PackedEntries;
  packs: PackSummary[];
}

/** Compiles packs (in their order) into `CompiledPacks`. Entry ids must be unique across them. */
export function compilePacks(packs: readonly GlossaryFile[]): CompiledPacks {
  const entries = packs.flatMap((p) => p.entries);
  if (new Set(entries.map((e) => e.id)).size !== entries.length) throw new Error('an entry id is in two packs');
  const { compiled } = new GlossaryEngine(entries);
  return {
    index: asciiJson(encodeCompiledIndex({ trie: compiled.precompiledTrie(), fuzzyNames: fuzzyKeysOf(compiled) })),
    entries: packEntries(entries),
    packs: packs.map((p) => ({ name: p.name, description: p.description, entries: p.entries.length })),
  };
}

/** A JSON text with every non-ASCII character escaped (a one-byte string in V8, half the memory). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
