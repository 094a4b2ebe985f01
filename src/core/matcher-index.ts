/**
 * The compiled index's data types: the word trie (its nodes, the forms stored at them, the root's
 * hash table) and the per-entry tables the matcher reads. Everything a compiled glossary holds is
 * one of these; building is in matcher-build.ts, scanning in matcher-scan.ts.
 */
import type { CaseMode } from './glossary-format';
import type { Entry } from './glossary-types';
import { hashKey } from './tokenize';

/** One matchable form of an entry, as stored at a trie node. */
export interface Form {
  /** Index of the entry in the compiled glossary. */
  entry: number;
  /** The form's text as written in the glossary. */
  text: string;
  /** Token surfaces of the form (NFKC, diacritics kept), for case checks; for a plain ASCII form, made on first use. */
  surfaces: string[] | undefined;
  /** Case rule. */
  mode: CaseMode;
  /** The entry's own term (true), an alias (false). */
  isTerm: boolean;
  /** A surname form: needs the resolution rules for bare surnames. */
  isSurname: boolean;
  /** Entries one of which must be mentioned for this form to count. */
  context?: number[];
  /** Punctuation the form ends with ("?" in "C++ (v2.0)?"), taken into the match when present. */
  tail?: string;
  /**
   * The case shape of each of the form's words (see `Shape` in matcher-case.ts), two bits a word
   * from bit 0, and the number of words from bit 26 (made on first use); MIXED_SHAPES for more
   * than 13 words.
   */
  shapes?: number;
}

/** `Form.shapes` of a form too long for the packed shapes: compared character by character. */
export const MIXED_SHAPES = -1;

/**
 * A trie node. Edges are keyed by the 30-bit hash of the folded word (a small integer: no string
 * is made to follow an edge); each node keeps its own word to confirm a hash hit. Most nodes of a
 * name trie have one child, so that child is held inline (`h1`, `n1`) and a Map is made only for
 * the second. Every node has the same shape.
 */
export interface TrieNode {
  /** The folded word (or gap-prefixed word) on the edge into this node. */
  word: string;
  /** Another node whose word has the same hash (collisions are chained). */
  alt: TrieNode | undefined;
  h1: number;
  n1: TrieNode | undefined;
  next: Map<number, TrieNode> | undefined;
  /** The form ending here when it is the only one (most nodes: no array is made for it). */
  form: Form | undefined;
  /** The forms ending here when there are two or more (then `form` is undefined). */
  forms: Form[] | undefined;
  /** Some edge from here crosses punctuation written in the form itself ("C++ (v2"). */
  gapEdges: boolean;
  /** Closing punctuation one of the forms here ends with ("?" in "C++ (v2.0)?"). */
  tail: string | undefined;
}

/**
 * The root's children in an open-addressing table keyed by edge hash: one probe of a typed array
 * per word of a page (and per form while compiling), instead of a Map lookup. Children whose
 * words share a hash are chained through `alt`, as below the root.
 */
export class RootTable {
  private keys = new Int32Array(1024);
  private nodes: (TrieNode | undefined)[] = new Array<TrieNode | undefined>(1024).fill(undefined);
  private mask = 1023;
  private used = 0;

  /** The chain of root children whose word has this edge hash. */
  chain(h: number): TrieNode | undefined {
    const keys = this.keys;
    const want = h + 1;
    let slot = Math.imul(h, 0x9e3779b1) & this.mask;
    for (;;) {
      const k = keys[slot] as number;
      if (k === want) return this.nodes[slot];
      if (k === 0) return undefined;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds a root child with edge hash `h` (a new word). */
  add(h: number, node: TrieNode): void {
    const keys = this.keys;
    let slot = Math.imul(h, 0x9e3779b1) & this.mask;
    for (;;) {
      const k = keys[slot] as number;
      if (k === h + 1) {
        const head = this.nodes[slot] as TrieNode;
        node.alt = head.alt;
        head.alt = node;
        return;
      }
      if (k === 0) break;
      slot = (slot + 1) & this.mask;
    }
    keys[slot] = h + 1;
    this.nodes[slot] = node;
    if (++this.used * 2 > keys.length) this.grow();
  }

  /** Every root child (chains included). */
  children(): TrieNode[] {
    const out: TrieNode[] = [];
    for (const head of this.nodes) for (let c = head; c !== undefined; c = c.alt) out.push(c);
    return out;
  }

  private grow(): void {
    const { keys, nodes } = this;
    const size = keys.length * 2;
    this.keys = new Int32Array(size);
    this.nodes = new Array<TrieNode | undefined>(size).fill(undefined);
    this.mask = size - 1;
    for (let s = 0; s < keys.length; s++) {
      const k = keys[s] as number;
      if (k === 0) continue;
      let slot = Math.imul(k - 1, 0x9e3779b1) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = k;
      this.nodes[slot] = nodes[s];
    }
  }
}

/** The word trie of a compiled glossary, with its counts (for memory figures). */
export interface Trie {
  /** The root's children. */
  readonly root: RootTable;
  /** Number of trie nodes. */
  nodes: number;
  /** Number of forms inserted. */
  forms: number;
}

/** The per-entry tables of a compiled glossary that resolving a scan's hits reads. */
export interface EntryTables {
  /** The entries, by index. */
  readonly entries: readonly Entry[];
  /** Entry index by id. */
  readonly indexById: ReadonlyMap<string, number>;
  /** Surname key (folded) → person entry indexes. */
  readonly surnames: ReadonlyMap<string, number[]>;
  /** Id of each entry, by index (the hot path reads these, not the entry objects). */
  readonly ids: readonly string[];
  /** Surname key (folded) of each person entry by index; undefined for other entries. */
  readonly surnameKeys: readonly (string | undefined)[];
}

/** Edge key of a word: its hash as a small integer. */
export const edge = (hash: number): number => hash & 0x3fffffff;

/** Prefix of an edge key that crosses punctuation inside a form. */
export const GAP = '\u0001';

/** The punctuation between two tokens, as an edge key part (spaces dropped, NFKC). */
export function gapKey(gap: string): string {
  return gap.normalize('NFKC').replace(/\s+/g, '');
}

/** Every node has the same properties in the same order (one hidden class for the hot loops). */
export function newNode(word: string): TrieNode {
  return {
    word,
    alt: undefined,
    h1: -1,
    n1: undefined,
    next: undefined,
    form: undefined,
    forms: undefined,
    gapEdges: false,
    tail: undefined,
  };
}

/** The forms ending at `node` (for building and encoding; the scan reads the fields itself). */
export function formsAt(node: TrieNode): readonly Form[] {
  if (node.form !== undefined) return [node.form];
  return node.forms ?? [];
}

/** How many forms end at `node` (no array made: the worker counts them at start-up). */
export function formCountAt(node: TrieNode): number {
  if (node.form !== undefined) return 1;
  return node.forms?.length ?? 0;
}

/** Stores one more form at `node`. */
export function putForm(node: TrieNode, form: Form): void {
  if (node.forms !== undefined) node.forms.push(form);
  else if (node.form !== undefined) {
    node.forms = [node.form, form];
    node.form = undefined;
  } else node.form = form;
}

/** Every form has the same properties in the same order (one hidden class for the hot loops). */
export function newForm(
  entry: number,
  text: string,
  mode: CaseMode,
  isTerm: boolean,
  isSurname: boolean,
  context: number[] | undefined,
): Form {
  return { entry, text, surfaces: undefined, mode, isTerm, isSurname, context, tail: undefined, shapes: undefined };
}

/** A form's token surfaces (made on first use for plain forms: their words as written). */
export function surfacesOf(form: Form): string[] {
  return (form.surfaces ??= form.text.split(' '));
}

/** The first node of the chain for `hash` among `node`'s children. */
export function chainOf(node: TrieNode, h: number): TrieNode | undefined {
  if (node.next !== undefined) return node.next.get(h);
  return node.h1 === h ? node.n1 : undefined;
}

/** The child of `node` along a folded word (used when building, and for gap edges). */
export function childForWord(node: TrieNode, word: string): TrieNode | undefined {
  for (let c = chainOf(node, edge(hashKey(word))); c !== undefined; c = c.alt) if (c.word === word) return c;
  return undefined;
}

/** The root's child along the folded word `key`, if there is one. */
export function rootChildFor(root: RootTable, key: string): TrieNode | undefined {
  for (let c = root.chain(edge(hashKey(key))); c !== undefined; c = c.alt) if (c.word === key) return c;
  return undefined;
}

/** Puts `created` under `node` along edge hash `h` (a word not yet there). */
export function linkChild(node: TrieNode, h: number, created: TrieNode): void {
  const head = chainOf(node, h);
  if (head !== undefined) {
    created.alt = head.alt;
    head.alt = created;
  } else if (node.n1 === undefined && node.next === undefined) {
    node.h1 = h;
    node.n1 = created;
  } else {
    if (node.next === undefined) {
      node.next = new Map([[node.h1, node.n1 as TrieNode]]);
      node.h1 = -1;
      node.n1 = undefined;
    }
    node.next.set(h, created);
  }
}

/** The children of a node below the root (chains included). */
export function childrenOf(node: TrieNode): TrieNode[] {
  const heads = node.next !== undefined ? [...node.next.values()] : node.n1 !== undefined ? [node.n1] : [];
  const out: TrieNode[] = [];
  for (const head of heads) for (let c: TrieNode | undefined = head; c !== undefined; c = c.alt) out.push(c);
  return out;
}
