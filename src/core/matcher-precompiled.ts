/**
 * A word trie compiled elsewhere (at build time, src/core/compiled-index-codec.ts): read out of a
 * compiled glossary node by node, parents first, and linked back into one without tokenizing or
 * case analysis, so the service worker starts without compiling the packs.
 */
import { childrenOf, edge, formCountAt, linkChild, type Trie, type TrieNode } from './matcher-index';
import { hashKey } from './tokenize';

/** A trie as the codec stores it, with what compiling would otherwise work out from the entries. */
export interface PrecompiledTrie {
  /** Entry ids, by index. */
  ids: string[];
  /** Surname key (folded) of each person entry by index; undefined for other entries. */
  surnameKeys: (string | undefined)[];
  /**
   * The nodes, parents before children, with `word`, `gapEdges`, `tail` and the forms set (made
   * with `newNode`; `adoptTrie` links them).
   */
  nodes: TrieNode[];
  /** Index of each node's parent in `nodes`, -1 for a child of the root. */
  parents: number[];
  /** Edge hash of each node's word (`hashKey(word) & 0x3fffffff`). */
  hashes: number[];
}

/** The tables a precompiled trie fills besides the trie. */
interface SurnameTables {
  readonly surnames: Map<string, number[]>;
  readonly surnameKeys: (string | undefined)[];
}

/** Links a precompiled trie's nodes into `trie` and fills the surname tables. */
export function adoptTrie(trie: Trie, tables: SurnameTables, pre: PrecompiledTrie): void {
  pre.surnameKeys.forEach((key, index) => {
    if (key === undefined) return;
    tables.surnameKeys[index] = key;
    const list = tables.surnames.get(key);
    if (list) list.push(index);
    else tables.surnames.set(key, [index]);
  });
  const { nodes, parents, hashes } = pre;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as TrieNode;
    const parent = parents[i] as number;
    if (parent < 0) trie.root.add(hashes[i] as number, node);
    else linkChild(nodes[parent] as TrieNode, hashes[i] as number, node);
    trie.forms += formCountAt(node);
  }
  trie.nodes = nodes.length;
}

/** The trie, node by node, parents first (what compiled-index-codec.ts stores). */
export function precompiledTrieOf(trie: Trie, tables: SurnameTables & { readonly ids: string[] }): PrecompiledTrie {
  const nodes = trie.root.children();
  const parents = nodes.map(() => -1);
  for (let q = 0; q < nodes.length; q++)
    for (const c of childrenOf(nodes[q]!)) {
      nodes.push(c);
      parents.push(q);
    }
  const hashes = nodes.map((n) => edge(hashKey(n.word)));
  return { ids: [...tables.ids], surnameKeys: [...tables.surnameKeys], nodes, parents, hashes };
}
