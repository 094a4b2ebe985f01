/**
 * The compiled matcher: a word-level trie over the folded keys of every term, alias and surname,
 * scanned in one linear pass over a text's tokens. Longest leftmost match wins; case rules are
 * checked only for candidates (from the tokens' case flags), so the hot loop is one probe of a
 * typed hash table per word.
 */
import { aliasObject, aliasTexts, caseModeOf, surnameOf, type CaseMode } from './glossary-format';
import type { Entry } from './glossary-types';
import { isCommonWord } from './common-words';
import { COURTESY_TITLES, DOTTED_ABBREVIATIONS, FUNCTION_WORDS, isCommonName, TITLE_WORDS } from './lexicon';
import { isSentenceInitial } from './sentence';
import { hashKey, isCapitalized, tokenize, TokenFlag, type Tokens } from './tokenize';

/** How a mention was recognized. */
export type Via = 'exact' | 'alias' | 'fuzzy' | 'surname' | 'article-definition';

/** One mention of a glossary entry in a text. */
export interface Match {
  /** Id of the entry (or `article:KEY` for a term only the article defines). */
  id: string;
  /** UTF-16 start offset in the text. */
  start: number;
  /** UTF-16 end offset (exclusive). */
  end: number;
  /** The mention as written. */
  text: string;
  /** How it was recognized. */
  via: Via;
}

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
   * The case shape of each of the form's words (see `Shape`), two bits a word from bit 0, and the
   * number of words from bit 26 (made on first use); MIXED_SHAPES for more than 13 words.
   */
  shapes?: number;
}

const MIXED_SHAPES = -1;

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
class RootTable {
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

/** Edge key of a word: its hash as a small integer. */
const edge = (hash: number): number => hash & 0x3fffffff;

export function newNode(word: string): TrieNode {
  return { word, alt: undefined, h1: -1, n1: undefined, next: undefined, forms: undefined, gapEdges: false, tail: undefined };
}

/** The first node of the chain for `hash` among `node`'s children. */
function chainOf(node: TrieNode, h: number): TrieNode | undefined {
  if (node.next !== undefined) return node.next.get(h);
  return node.h1 === h ? node.n1 : undefined;
}

/** Whether text[from, to) lower-cased (ASCII) is `word`. */
function sameLowerCase(text: string, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let c = 0; c < word.length; c++) {
    let code = text.charCodeAt(from + c);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== word.charCodeAt(c)) return false;
  }
  return true;
}

/** A form's token surfaces (made on first use for plain forms: their words as written). */
function surfacesOf(form: Form): string[] {
  return (form.surfaces ??= form.text.split(' '));
}

/** Whether token `i` of `t` is the folded word `word`, compared in place for plain ASCII tokens. */
function tokenIs(t: Tokens, i: number, word: string): boolean {
  if ((t.flags[i] as number) & TokenFlag.Plain) {
    const from = t.starts[i] as number;
    const len = (t.ends[i] as number) - from;
    if (len !== word.length) return false;
    const text = t.text;
    for (let c = 0; c < len; c++) {
      let code = text.charCodeAt(from + c);
      if (code >= 65 && code <= 90) code += 32;
      if (code !== word.charCodeAt(c)) return false;
    }
    return true;
  }
  return t.key(i) === word;
}

/** The child of `node` for token `i` (no gap), without making a string for plain tokens. */
function childForToken(node: TrieNode, t: Tokens, i: number): TrieNode | undefined {
  for (let c = chainOf(node, edge(t.hashes[i] as number)); c !== undefined; c = c.alt) if (tokenIs(t, i, c.word)) return c;
  return undefined;
}

/** The child of `node` along a folded word (used when building, and for gap edges). */
function childForWord(node: TrieNode, word: string): TrieNode | undefined {
  for (let c = chainOf(node, edge(hashKey(word))); c !== undefined; c = c.alt) if (c.word === word) return c;
  return undefined;
}

/** Adds a child along `word` (or returns the existing one); `made` counts new nodes. */
function addChild(node: TrieNode, word: string, made: { count: number }): TrieNode {
  const existing = childForWord(node, word);
  if (existing !== undefined) return existing;
  const created = newNode(word);
  made.count++;
  linkChild(node, edge(hashKey(word)), created);
  return created;
}

/** Puts `created` under `node` along edge hash `h` (a word not yet there). */
function linkChild(node: TrieNode, h: number, created: TrieNode): void {
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

/** Prefix of an edge key that crosses punctuation inside a form. */
const GAP = '\u0001';

/** The punctuation between two tokens, as an edge key part (spaces dropped, NFKC). */
function gapKey(gap: string): string {
  return gap.normalize('NFKC').replace(/\s+/g, '');
}

/** A form the tokenizer splits at its single spaces only: ASCII letters and digits. */
const PLAIN_FORM = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

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

/**
 * A trie compiled elsewhere (at build time: src/core/compiled-index-codec.ts), node by node,
 * parents first, with what the constructor would otherwise work out from the entries.
 */
export interface PrecompiledTrie {
  /** Entry ids, by index. */
  ids: string[];
  /** Surname key (folded) of each person entry by index; undefined for other entries. */
  surnameKeys: (string | undefined)[];
  /**
   * The nodes, parents before children, with `word`, `gapEdges`, `tail` and `forms` set (made
   * with `newNode`; the constructor links them).
   */
  nodes: TrieNode[];
  /** Index of each node's parent in `nodes`, -1 for a child of the root. */
  parents: number[];
  /** Edge hash of each node's word (`hashKey(word) & 0x3fffffff`). */
  hashes: number[];
}

/** Children of a node below the root (chains included). */
function childrenOf(node: TrieNode): TrieNode[] {
  const heads = node.next !== undefined ? [...node.next.values()] : node.n1 !== undefined ? [node.n1] : [];
  const out: TrieNode[] = [];
  for (const head of heads) for (let c: TrieNode | undefined = head; c !== undefined; c = c.alt) out.push(c);
  return out;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
/** A glossary compiled for matching. Build once; scan many texts. */
export class CompiledGlossary {
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
  /** The root's children. */
  private readonly rootTable = new RootTable();
  private readonly made = { count: 0 };
  /** Number of trie nodes (for memory figures). */
  get nodeCount(): number {
    return this.made.count;
  }
  /** Number of forms inserted. */
  formCount = 0;

  /**
   * Compiles `entries`, or takes `trie`, the same entries compiled at build time: then the entries
   * are not read here (they may be decoded only when a match needs one).
   */
  constructor(entries: readonly Entry[], trie?: PrecompiledTrie) {
    this.entries = trie ? (entries as Entry[]) : [...entries];
    const n = this.entries.length;
    this.indexById = new Map();
    this.ids = trie ? trie.ids : new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const id = trie ? (this.ids[i] as string) : this.entries[i]!.id;
      this.indexById.set(id, i);
      this.ids[i] = id;
    }
    this.surnameKeys = new Array<string | undefined>(n).fill(undefined);
    if (trie) this.adoptTrie(trie);
    else for (let i = 0; i < n; i++) this.addEntry(this.entries[i]!, i);
  }

  /** Builds the trie from a precompiled one (no tokenizing, no case analysis). */
  private adoptTrie(trie: PrecompiledTrie): void {
    trie.surnameKeys.forEach((key, index) => {
      if (key === undefined) return;
      this.surnameKeys[index] = key;
      const list = this.surnames.get(key);
      if (list) list.push(index);
      else this.surnames.set(key, [index]);
    });
    const { nodes, parents, hashes } = trie;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as TrieNode;
      const parent = parents[i] as number;
      if (parent < 0) this.rootTable.add(hashes[i] as number, node);
      else linkChild(nodes[parent] as TrieNode, hashes[i] as number, node);
      this.formCount += node.forms?.length ?? 0;
    }
    this.made.count = nodes.length;
  }

  /** The trie, node by node, parents first (what compiled-index-codec.ts stores). */
  precompiledTrie(): PrecompiledTrie {
    const nodes = this.rootTable.children();
    const parents = nodes.map(() => -1);
    for (let q = 0; q < nodes.length; q++)
      for (const c of childrenOf(nodes[q]!)) {
        nodes.push(c);
        parents.push(q);
      }
    const hashes = nodes.map((n) => edge(hashKey(n.word)));
    return { ids: [...this.ids], surnameKeys: [...this.surnameKeys], nodes, parents, hashes };
  }

  private addEntry(entry: Entry, index: number): void {
    this.insert(newForm(index, entry.term, caseModeOf(entry.term), true, false, undefined));
    for (const raw of entry.aliases ?? []) {
      const a = aliasObject(raw);
      let context = a.context?.map((id) => this.indexById.get(id)).filter((x): x is number => x !== undefined);
      if (context?.length === 0) context = undefined;
      for (const text of aliasTexts(a))
        this.insert(newForm(index, text, caseModeOf(text, a.caseSensitive), false, false, context));
    }
    const surname = surnameOf(entry);
    if (surname) {
      const keys = tokenize(surname).keys;
      const key = keys.join(' ');
      this.surnameKeys[index] = key;
      const list = this.surnames.get(key);
      if (list) list.push(index);
      else this.surnames.set(key, [index]);
      this.insert(newForm(index, surname, 'capitals', false, true, undefined));
    }
  }

  private insert(form: Form): void {
    const text = form.text;
    if (PLAIN_FORM.test(text)) {
      // Fast path, same result as below: ASCII words separated by single spaces. Words are
      // hashed and compared in place; a string is made only for a new node.
      this.addForm(this.insertPlain(text), form);
      return;
    }
    const t = tokenize(text);
    if (t.length === 0) return;
    const surfaces: string[] = [];
    let node = this.rootChild(t.key(0));
    surfaces.push(t.surface(0));
    for (let i = 1; i < t.length; i++) {
      let key = t.key(i);
      if ((t.flags[i] as number) & TokenFlag.BreakBefore) {
        key = GAP + gapKey(text.slice(t.ends[i - 1], t.starts[i])) + key;
        node.gapEdges = true;
      }
      surfaces.push(t.surface(i));
      node = addChild(node, key, this.made);
    }
    form.surfaces = surfaces;
    form.tail = text.slice(t.ends[t.length - 1]).replace(/\s+/g, '') || undefined;
    this.addForm(node, form);
  }

  /** Walks (and extends) the trie along a plain form's words; returns the last node. */
  private insertPlain(text: string): TrieNode {
    let node: TrieNode | undefined; // the root until the first word
    const n = text.length;
    let i = 0;
    while (i < n) {
      let j = i;
      let h = 0;
      for (; j < n; j++) {
        let c = text.charCodeAt(j);
        if (c === 32) break;
        if (c >= 65 && c <= 90) c += 32;
        h = (Math.imul(h, 31) + c) | 0;
      }
      let child: TrieNode | undefined;
      for (let c = node === undefined ? this.rootTable.chain(edge(h)) : chainOf(node, edge(h)); c !== undefined; c = c.alt)
        if (sameLowerCase(text, i, j, c.word)) {
          child = c;
          break;
        }
      if (child === undefined) {
        const word = text.slice(i, j).toLowerCase();
        child = node === undefined ? this.addRootChild(edge(h), word) : addChild(node, word, this.made);
      }
      node = child;
      i = j + 1;
    }
    return node as TrieNode;
  }

  /** The root's child along `key`, made if needed. */
  private rootChild(key: string): TrieNode {
    return this.rootChildFor(key) ?? this.addRootChild(edge(hashKey(key)), key);
  }

  /** The root's child along the folded word `key`, if there is one. */
  private rootChildFor(key: string): TrieNode | undefined {
    for (let c = this.rootTable.chain(edge(hashKey(key))); c !== undefined; c = c.alt) if (c.word === key) return c;
    return undefined;
  }

  private addRootChild(h: number, word: string): TrieNode {
    const created = newNode(word);
    this.made.count++;
    this.rootTable.add(h, created);
    return created;
  }

  private addForm(target: TrieNode, full: Form): void {
    if (full.tail !== undefined) target.tail ??= full.tail;
    // Skip exact duplicates (same entry, same words as written, same rule).
    const forms = target.forms;
    if (forms !== undefined) {
      for (const f of forms)
        if (
          f.entry === full.entry &&
          f.mode === full.mode &&
          f.isSurname === full.isSurname &&
          (f.text === full.text || sameWords(surfacesOf(f), surfacesOf(full)))
        )
          return;
      forms.push(full);
    } else target.forms = [full];
    this.formCount++;
  }

  /** Finds every exact (non-fuzzy) mention in `text`. */
  findExact(text: string, tokens: Tokens = tokenize(text)): Match[] {
    return resolve(this, tokens, scan(this.rootTable, tokens));
  }

  /** The raw trie scan, exposed for fuzzy matching and benchmarks. */
  scanTokens(tokens: Tokens): RawMatch[] {
    return scan(this.rootTable, tokens);
  }

  /** Whether the folded single key begins any form (used to keep fuzzy off matched words). */
  hasKey(key: string): boolean {
    return this.rootChildFor(key) !== undefined;
  }
}

/** A trie hit before entry resolution. */
export interface RawMatch {
  /** First token index. */
  first: number;
  /** Last token index (inclusive). */
  last: number;
  /** Forms at the hit whose case rule holds. */
  forms: Form[];
  /** Characters of the form's closing punctuation taken into the match. */
  tailLength: number;
}

/** How a word of a form is written, for the case rules. */
const enum Shape {
  /** No capital: "of", "2024". */
  Lower = 0,
  /** A capital, then no capital: "Obama". */
  Capitalized = 1,
  /** No lower-case letter, a capital: "NATO", "IP4". */
  Upper = 2,
  /** Anything else ("McDonald", "Søren"): compared character by character. */
  Mixed = 3,
}

function shapeOf(word: string): Shape {
  let upper = 0;
  let lower = 0;
  let upperFirst = false;
  for (let c = 0; c < word.length; c++) {
    const w = word.charCodeAt(c);
    if (w >= 65 && w <= 90) {
      upper++;
      if (c === 0) upperFirst = true;
    } else if (w >= 97 && w <= 122) lower++;
    else if (w > 127) return Shape.Mixed; // ß, ø, …: the text may spell it otherwise
  }
  if (upper === 0) return Shape.Lower;
  if (lower === 0) return Shape.Upper;
  return upper === 1 && upperFirst ? Shape.Capitalized : Shape.Mixed;
}

function shapesOf(form: Form): number {
  const surfaces = surfacesOf(form);
  if (surfaces.length > 13) return MIXED_SHAPES;
  let bits = surfaces.length << 26;
  for (let k = 0; k < surfaces.length; k++) bits |= shapeOf(surfaces[k] as string) << (2 * k);
  return bits;
}

/**
 * Whether the case rule of a form holds for the tokens from `first`. A plain token is checked by
 * its case flags against the shape of the form's word (the words are equal but for case); any
 * other token, or a word of mixed case, character by character.
 */
function caseHolds(form: Form, t: Tokens, first: number): boolean {
  const mode = form.mode;
  if (mode === 'insensitive') return true;
  let shapes = form.shapes;
  if (shapes === undefined) shapes = form.shapes = shapesOf(form);
  if (shapes === MIXED_SHAPES) return caseHoldsByChars(form, t, first);
  const flags = t.flags;
  const words = shapes >>> 26;
  for (let k = 0; k < words; k++) {
    const fl = flags[first + k] as number;
    if (!(fl & TokenFlag.Plain)) return caseHoldsByChars(form, t, first);
    const shape = ((shapes >>> (2 * k)) & 3) as Shape;
    if (mode === 'sensitive') {
      if (shape === Shape.Lower) {
        if (fl & (TokenFlag.UpperFirst | TokenFlag.UpperRest)) return false;
      } else if (shape === Shape.Capitalized) {
        if ((fl & (TokenFlag.UpperFirst | TokenFlag.UpperRest)) !== TokenFlag.UpperFirst) return false;
      } else if (shape === Shape.Upper) {
        if (fl & TokenFlag.HasLower) return false;
      } else return caseHoldsByChars(form, t, first);
    } else {
      // capitals: every capital of the form is a capital in the text (after a hyphen the text
      // may lower-case it: Yoon Suk-yeol).
      if (shape === Shape.Lower || (k > 0 && fl & TokenFlag.HyphenBefore)) continue;
      if (shape === Shape.Capitalized) {
        if (!(fl & TokenFlag.UpperFirst)) return false;
      } else if (shape === Shape.Upper) {
        if (fl & TokenFlag.HasLower) return false;
      } else return caseHoldsByChars(form, t, first);
    }
  }
  return true;
}

/** `caseHolds`, comparing every character of the form with the text. */
function caseHoldsByChars(form: Form, t: Tokens, first: number): boolean {
  const surfaces = surfacesOf(form);
  for (let k = 0; k < surfaces.length; k++) {
    const i = first + k;
    const flags = t.flags[i] as number;
    if (flags & TokenFlag.Cjk) continue;
    const want = surfaces[k] as string;
    if (flags & TokenFlag.Plain) {
      // ASCII token: compare in place, no string made.
      const from = t.starts[i] as number;
      const len = (t.ends[i] as number) - from;
      const text = t.text;
      if (form.mode === 'sensitive') {
        if (len !== want.length) return false;
        for (let c = 0; c < len; c++) if (text.charCodeAt(from + c) !== want.charCodeAt(c)) return false;
        continue;
      }
      if (k > 0 && flags & TokenFlag.HyphenBefore) continue;
      const m = Math.min(len, want.length);
      for (let c = 0; c < m; c++) {
        const w = want.charCodeAt(c);
        if ((w >= 65 && w <= 90) || (w > 127 && want[c] !== (want[c] as string).toLowerCase())) {
          const g = text.charCodeAt(from + c);
          if (g >= 97 && g <= 122) return false;
        }
      }
      continue;
    }
    const got = t.surface(i);
    if (form.mode === 'sensitive') {
      if (got !== want) return false;
      continue;
    }
    // capitals: every capital of the form is a capital in the text. After a hyphen the
    // text may lower-case it (Yoon Suk-yeol).
    if (k > 0 && flags & TokenFlag.HyphenBefore) continue;
    const len = Math.min(want.length, got.length);
    for (let c = 0; c < len; c++) {
      const w = want[c] as string;
      if (w !== w.toLowerCase()) {
        const g = got[c] as string;
        if (g === g.toLowerCase() && g !== g.toUpperCase()) return false;
      }
    }
  }
  return true;
}

/** Whether token `i` is a capital letter and a full stop, as a middle initial is written. */
function isInitial(t: Tokens, i: number): boolean {
  const from = t.starts[i] as number;
  if ((t.ends[i] as number) - from !== 1 || t.text.charCodeAt(from + 1) !== 46) return false;
  const c = t.text.charCodeAt(from);
  return c >= 65 && c <= 90 && i > 0 && !((t.flags[i] as number) & TokenFlag.BreakBefore);
}

function scan(rootTable: RootTable, t: Tokens): RawMatch[] {
  const out: RawMatch[] = [];
  const { flags, hashes, ends, text } = t;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    // Most words start no term: the hash says so without making a string or a lookup.
    let node = rootTable.chain(edge(hashes[i] as number));
    while (node !== undefined && !tokenIs(t, i, node.word)) node = node.alt;
    if (node === undefined) continue;
    // The longest hit so far: its last token, its forms, its node (for the tail).
    let bestLast = -1;
    let bestForms: Form[] | undefined;
    let bestNode: TrieNode | undefined;
    let j = i;
    for (;;) {
      const forms = node.forms;
      if (forms !== undefined) {
        let ok: Form[] | undefined;
        let all = true;
        for (let k = 0; k < forms.length; k++) {
          const f = forms[k] as Form;
          if (f.mode === 'insensitive' || caseHolds(f, t, i)) {
            if (!all) (ok as Form[]).push(f);
          } else if (all) {
            all = false;
            ok = forms.slice(0, k);
          }
        }
        const hit = all ? forms : (ok as Form[]).length ? ok : undefined;
        if (hit !== undefined) {
          bestLast = j;
          bestForms = hit;
          bestNode = node;
        }
      }
      j++;
      if (j >= n || (node.next === undefined && node.n1 === undefined)) break;
      let nextNode: TrieNode | undefined;
      if ((flags[j] as number) & TokenFlag.BreakBefore) {
        if (!node.gapEdges) break;
        nextNode = childForWord(node, GAP + gapKey(text.slice(ends[j - 1], t.starts[j])) + t.key(j));
      } else nextNode = childForToken(node, t, j);
      // A middle initial inside a name: "Donald J. Trump", "George W. Bush" are the names without it.
      if (nextNode === undefined && j + 1 < n && isInitial(t, j)) {
        nextNode = childForToken(node, t, j + 1);
        if (nextNode !== undefined) j++;
      }
      if (nextNode === undefined) break;
      node = nextNode;
    }
    if (bestForms === undefined) continue;
    const end = ends[bestLast] as number;
    // "US$1,000", "HK$": a currency, not the country.
    if (text.charCodeAt(end) === 0x24) continue;
    const tail = (bestNode as TrieNode).tail;
    let tailLength = tail !== undefined && text.startsWith(tail, end) ? tail.length : 0;
    // A dotted acronym keeps its last dot (U.S., N.A.T.O.), even where it also ends the sentence.
    if (tailLength === 0 && (flags[bestLast] as number) & TokenFlag.Dotted && text.charCodeAt(end) === 46) tailLength = 1;
    out.push({ first: i, last: bestLast, forms: bestForms, tailLength });
    i = bestLast;
  }
  return out;
}

/** The word before token `i` in the same phrase: after a space, or after "Mr." and the like. */
function prevWord(t: Tokens, i: number): number {
  if (i === 0) return -1;
  const gap = t.text.slice(t.ends[i - 1], t.starts[i]);
  if (/^[\s\u00a0]{1,3}$/.test(gap)) return i - 1;
  if (/^\.[\s\u00a0]{1,2}$/.test(gap) && DOTTED_ABBREVIATIONS.has(t.key(i - 1))) return i - 1;
  return -1;
}

/** Whether token `i`, just before a surname, is a first name ("Hiro" Kishida), not a title or "The". */
function isFirstName(t: Tokens, i: number): boolean {
  if (!isCapitalized(t, i)) return false;
  const key = t.key(i);
  if (TITLE_WORDS.has(key) || FUNCTION_WORDS.has(key)) return false;
  return !(isSentenceInitial(t, i) && isCommonWord(key));
}

/** In `lastFull`: the surname was last written after another first name (someone else). */
const SOMEONE_ELSE = -1;

/**
 * The person a bare surname means, or undefined. It must look like a name on its own (capitalized,
 * no other first name before it, no capitalized word after it). It means the person last named
 * in full with that surname; before any full name, a title that fits one person's offices
 * ("Chancellor Scholz", "Justice Jackson"), or the name itself when one person in the glossary has
 * it and it is neither an English word nor a common name ("Kishida", never "Jackson" or "Cook").
 */
function bareSurname(g: CompiledGlossary, t: Tokens, r: RawMatch, lastFull: Map<string, number>): number | undefined {
  if (!isCapitalized(t, r.first)) return undefined;
  let key = t.key(r.first);
  for (let k = r.first + 1; k <= r.last; k++) key += ` ${t.key(k)}`;
  const prev = prevWord(t, r.first);
  if (prev >= 0 && isFirstName(t, prev)) {
    // "Hiro Kishida", "Robert Maxwell": another person; later bare mentions are theirs.
    if (!lastFull.has(key) || lastFull.get(key) === SOMEONE_ELSE) lastFull.set(key, SOMEONE_ELSE);
    return undefined;
  }
  const next = r.last + 1;
  if (next < t.length && !((t.flags[next] as number) & TokenFlag.BreakBefore) && isCapitalized(t, next)) return undefined;
  const named = lastFull.get(key);
  if (named !== undefined) return named === SOMEONE_ELSE ? undefined : named;
  const people = g.surnames.get(key) ?? [];
  const title = prev >= 0 && !COURTESY_TITLES.has(t.key(prev)) ? t.key(prev) : undefined;
  if (title !== undefined) {
    const fit = people.filter((p) => g.entries[p]!.periods?.some((pd) => pd.role.toLowerCase().includes(title)));
    if (fit.length === 1) return fit[0];
  }
  // One person has the name, and it is nobody else's: not a word, not a common name ("Jackson").
  return people.length === 1 && !isCommonWord(key) && !isCommonName(key) ? people[0] : undefined;
}

function resolve(g: CompiledGlossary, t: Tokens, raw: RawMatch[]): Match[] {
  const matches: Match[] = [];
  const { ids, surnameKeys } = g;
  const mentioned = new Set<number>();
  const lastFull = new Map<string, number>(); // surname key → entry index last named in full
  let pendingContext: { m: Match; forms: Form[] }[] | undefined;

  for (const r of raw) {
    const start = t.starts[r.first] as number;
    const end = (t.ends[r.last] as number) + r.tailLength;
    const text = t.text.slice(start, end);
    if (r.forms.length === 1) {
      // The common case: one form, no surname, no context rule.
      const f = r.forms[0] as Form;
      if (!f.isSurname && f.context === undefined) {
        matches.push({ id: ids[f.entry] as string, start, end, text, via: f.isTerm ? 'exact' : 'alias' });
        mentioned.add(f.entry);
        const sk = surnameKeys[f.entry];
        if (sk !== undefined) lastFull.set(sk, f.entry);
        continue;
      }
    }
    const full = r.forms.filter((f) => !f.isSurname);
    if (full.length > 0) {
      const plain = full.find((f) => !f.context);
      const chosen = plain ?? full[0]!;
      const m: Match = { id: ids[chosen.entry] as string, start, end, text, via: chosen.isTerm ? 'exact' : 'alias' };
      if (full.some((f) => f.context)) {
        // Decided once the page's other mentions are known.
        (pendingContext ??= []).push({ m, forms: full });
        continue;
      }
      matches.push(m);
      mentioned.add(chosen.entry);
      const sk = surnameKeys[chosen.entry];
      if (sk !== undefined) lastFull.set(sk, chosen.entry);
      continue;
    }
    // A bare surname.
    const entry = bareSurname(g, t, r, lastFull);
    if (entry === undefined) continue;
    matches.push({ id: ids[entry] as string, start, end, text, via: 'surname' });
    mentioned.add(entry);
  }
  // Without forms that wait for their context, the matches are already in text order.
  if (pendingContext === undefined) return matches;

  // A context counts as present when the entry is mentioned, or a mentioned entry relates to it
  // (Tokyo's page is a Japan page).
  const present = new Set(mentioned);
  for (const e of mentioned)
    for (const r of g.entries[e]!.related ?? []) {
      const i = g.indexById.get(r);
      if (i !== undefined) present.add(i);
    }
  for (const { m, forms } of pendingContext) {
    // A form whose context is present wins; else the form without a context rule, if any.
    const f = forms.find((x) => x.context?.some((c) => present.has(c))) ?? forms.find((x) => !x.context);
    if (!f) continue;
    matches.push({ ...m, id: ids[f.entry] as string, via: f.isTerm ? 'exact' : 'alias' });
  }
  matches.sort((a, b) => a.start - b.start);
  return matches;
}
