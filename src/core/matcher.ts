/**
 * The compiled matcher: a word-level trie over the folded keys of every term, alias and surname,
 * scanned in one linear pass over a text's tokens. Longest leftmost match wins; case rules are
 * checked only for candidates (from the tokens' case flags), so the hot loop is one probe of a
 * typed hash table per word.
 *
 * This module is the public face; the parts are
 *   matcher-index.ts     the compiled index's data types (trie nodes, forms, root table, entry tables)
 *   matcher-build.ts     building the trie from the entries
 *   matcher-scan.ts      the scanning pass (trie hits), with matcher-case.ts for the case rules
 *   matcher-resolve.ts   hits → mentions (context rules), with matcher-surnames.ts for bare surnames
 *   matcher-precompiled.ts  a trie compiled at build time, linked back in (compiled-index-codec.ts)
 */
import type { Entry } from './glossary-types';
import { addEntry } from './matcher-build';
import { rootChildFor, RootTable, type EntryTables, type Trie } from './matcher-index';
import { adoptTrie, precompiledTrieOf, type PrecompiledTrie } from './matcher-precompiled';
import { resolve, type Match } from './matcher-resolve';
import { scan, type RawMatch } from './matcher-scan';
import { tokenize, type Tokens } from './tokenize';

export type { Form } from './matcher-index';
export type { Match } from './matcher-resolve';
export type { RawMatch } from './matcher-scan';

/** A glossary compiled for matching. Build once; scan many texts. */
export class CompiledGlossary implements EntryTables {
  /** The entries, by index. */
  readonly entries: Entry[];
  /** Entry index by id. */
  readonly indexById: Map<string, number>;
  /** Surname key (folded) → person entry indexes. */
  readonly surnames = new Map<string, number[]>();
  /** Id of each entry, by index (the hot path reads these, not the entry objects). */
  readonly ids: string[];
  /** Surname key (folded) of each person entry by index; undefined for other entries. */
  readonly surnameKeys: (string | undefined)[];
  /** The word trie. */
  private readonly trie: Trie = { root: new RootTable(), nodes: 0, forms: 0 };
  /** Number of trie nodes (for memory figures). */
  get nodeCount(): number {
    return this.trie.nodes;
  }
  /** Number of forms inserted. */
  get formCount(): number {
    return this.trie.forms;
  }

  /**
   * Compiles `entries`, or takes `pre`, the same entries compiled at build time: then the entries
   * are not read here (they may be decoded only when a match needs one).
   */
  constructor(entries: readonly Entry[], pre?: PrecompiledTrie) {
    this.entries = pre ? (entries as Entry[]) : [...entries];
    const n = this.entries.length;
    this.indexById = new Map();
    this.ids = pre ? pre.ids : new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const id = pre ? (this.ids[i] as string) : this.entries[i]!.id;
      this.indexById.set(id, i);
      this.ids[i] = id;
    }
    this.surnameKeys = new Array<string | undefined>(n).fill(undefined);
    if (pre) adoptTrie(this.trie, this, pre);
    else for (let i = 0; i < n; i++) addEntry(this.trie, this, this.entries[i]!, i);
  }

  /** The trie, node by node, parents first (what compiled-index-codec.ts stores). */
  precompiledTrie(): PrecompiledTrie {
    return precompiledTrieOf(this.trie, this);
  }

  /** Finds every exact (non-fuzzy) mention in `text`. */
  findExact(text: string, tokens: Tokens = tokenize(text)): Match[] {
    return resolve(this, tokens, scan(this.trie.root, tokens));
  }

  /** The raw trie scan, exposed for fuzzy matching and benchmarks. */
  scanTokens(tokens: Tokens): RawMatch[] {
    return scan(this.trie.root, tokens);
  }

  /** Whether the folded single key begins any form (used to keep fuzzy off matched words). */
  hasKey(key: string): boolean {
    return rootChildFor(this.trie.root, key) !== undefined;
  }
}
