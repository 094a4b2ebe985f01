/**
 * Building the compiled index: every entry's term, aliases and surname inserted into the word
 * trie (matcher-index.ts) as forms, each with its case rule and context.
 */
import { aliasObject, aliasTexts, caseModeOf, surnameOf } from './glossary-format';
import type { Entry } from './glossary-types';
import {
  chainOf,
  linkChild,
  childForWord,
  edge,
  formsAt,
  GAP,
  gapKey,
  newForm,
  newNode,
  putForm,
  rootChildFor,
  surfacesOf,
  type Form,
  type Trie,
  type TrieNode,
} from './matcher-index';
import { hashKey, tokenize, TokenFlag } from './tokenize';

/** The tables `addEntry` fills, besides the trie. */
export interface EntryTableBuilder {
  readonly indexById: ReadonlyMap<string, number>;
  readonly surnames: Map<string, number[]>;
  readonly surnameKeys: (string | undefined)[];
}

/** Inserts the forms of entry `index` (term, aliases, surname) and records its surname key. */
export function addEntry(trie: Trie, tables: EntryTableBuilder, entry: Entry, index: number): void {
  insertForm(trie, newForm(index, entry.term, caseModeOf(entry.term), true, false, undefined));
  for (const raw of entry.aliases ?? []) {
    const a = aliasObject(raw);
    let context = a.context?.map((id) => tables.indexById.get(id)).filter((x): x is number => x !== undefined);
    if (context?.length === 0) context = undefined;
    for (const text of aliasTexts(a))
      insertForm(trie, newForm(index, text, caseModeOf(text, a.caseSensitive), false, false, context));
  }
  const surname = surnameOf(entry);
  if (surname) {
    // A plain surname's key is its lower case (what tokenizing would give, without the token arrays).
    const key = PLAIN_FORM.test(surname) ? surname.toLowerCase() : tokenize(surname).keys.join(' ');
    tables.surnameKeys[index] = key;
    const list = tables.surnames.get(key);
    if (list) list.push(index);
    else tables.surnames.set(key, [index]);
    insertForm(trie, newForm(index, surname, 'capitals', false, true, undefined));
  }
}

/** A form the tokenizer splits at its single spaces only: ASCII letters and digits. */
const PLAIN_FORM = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** Inserts one form: along its words' edges (and the punctuation written inside it). */
function insertForm(trie: Trie, form: Form): void {
  const text = form.text;
  if (PLAIN_FORM.test(text)) {
    // Fast path, same result as below: ASCII words separated by single spaces. Words are
    // hashed and compared in place; a string is made only for a new node.
    addForm(trie, insertPlain(trie, text), form);
    return;
  }
  const t = tokenize(text);
  if (t.length === 0) return;
  const surfaces: string[] = [];
  let node = rootChild(trie, t.key(0));
  surfaces.push(t.surface(0));
  for (let i = 1; i < t.length; i++) {
    let key = t.key(i);
    if ((t.flags[i] as number) & TokenFlag.BreakBefore) {
      key = GAP + gapKey(text.slice(t.ends[i - 1], t.starts[i])) + key;
      node.gapEdges = true;
    }
    surfaces.push(t.surface(i));
    node = addChild(trie, node, key);
  }
  form.surfaces = surfaces;
  form.tail = text.slice(t.ends[t.length - 1]).replace(/\s+/g, '') || undefined;
  addForm(trie, node, form);
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

/** Walks (and extends) the trie along a plain form's words; returns the last node. */
function insertPlain(trie: Trie, text: string): TrieNode {
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
    for (let c = node === undefined ? trie.root.chain(edge(h)) : chainOf(node, edge(h)); c !== undefined; c = c.alt)
      if (sameLowerCase(text, i, j, c.word)) {
        child = c;
        break;
      }
    if (child === undefined) {
      const word = text.slice(i, j).toLowerCase();
      child = node === undefined ? addRootChild(trie, edge(h), word) : addChild(trie, node, word);
    }
    node = child;
    i = j + 1;
  }
  return node as TrieNode;
}

/** The root's child along `key`, made if needed. */
function rootChild(trie: Trie, key: string): TrieNode {
  return rootChildFor(trie.root, key) ?? addRootChild(trie, edge(hashKey(key)), key);
}

function addRootChild(trie: Trie, h: number, word: string): TrieNode {
  const created = newNode(word);
  trie.nodes++;
  trie.root.add(h, created);
  return created;
}

/** Adds a child along `word` (or returns the existing one). */
function addChild(trie: Trie, node: TrieNode, word: string): TrieNode {
  const existing = childForWord(node, word);
  if (existing !== undefined) return existing;
  const created = newNode(word);
  trie.nodes++;
  linkChild(node, edge(hashKey(word)), created);
  return created;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Stores a form at its last node, unless the node has it already. */
function addForm(trie: Trie, target: TrieNode, full: Form): void {
  if (full.tail !== undefined) target.tail ??= full.tail;
  // Skip exact duplicates (same entry, same words as written, same rule).
  for (const f of formsAt(target))
    if (
      f.entry === full.entry &&
      f.mode === full.mode &&
      f.isSurname === full.isSurname &&
      (f.text === full.text || sameWords(surfacesOf(f), surfacesOf(full)))
    )
      return;
  putForm(target, full);
  trie.forms++;
}
