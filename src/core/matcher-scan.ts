/**
 * The scanning pass: one linear walk over a text's tokens along the word trie, longest leftmost
 * hit first. Case rules are checked only for the forms at a hit (matcher-case.ts), so the hot loop
 * is one probe of a typed hash table per word.
 */
import { caseHolds } from './matcher-case';
import { chainOf, childForWord, edge, GAP, gapKey, type Form, type RootTable, type TrieNode } from './matcher-index';
import { TokenFlag, type Tokens } from './tokenize';

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

/** Whether token `i` is a capital letter and a full stop, as a middle initial is written. */
function isInitial(t: Tokens, i: number): boolean {
  const from = t.starts[i] as number;
  if ((t.ends[i] as number) - from !== 1 || t.text.charCodeAt(from + 1) !== 46) return false;
  const c = t.text.charCodeAt(from);
  return c >= 65 && c <= 90 && i > 0 && !((t.flags[i] as number) & TokenFlag.BreakBefore);
}

/** The forms of `forms` whose case rule holds at token `i` (`forms` itself when all do). */
function formsWhoseCaseHolds(forms: Form[], t: Tokens, i: number): Form[] | undefined {
  let ok: Form[] | undefined;
  for (let k = 0; k < forms.length; k++) {
    const f = forms[k] as Form;
    if (f.mode === 'insensitive' || caseHolds(f, t, i)) ok?.push(f);
    else ok ??= forms.slice(0, k);
  }
  if (ok === undefined) return forms;
  return ok.length > 0 ? ok : undefined;
}

/** Every trie hit of the text, longest leftmost first, with the forms whose case rule holds. */
export function scan(rootTable: RootTable, t: Tokens): RawMatch[] {
  const out: RawMatch[] = [];
  const { flags, hashes, ends, text } = t;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    // Most words start no term: the hash says so without making a string or a lookup.
    let node = rootTable.chain(edge(hashes[i] as number));
    while (node !== undefined && !tokenIs(t, i, node.word)) node = node.alt;
    if (node === undefined) continue;
    // The longest hit so far: its last token, its forms (or its one form), its node (for the tail).
    let bestLast = -1;
    let bestForms: Form[] | undefined;
    let bestForm: Form | undefined;
    let bestNode: TrieNode | undefined;
    let j = i;
    for (;;) {
      const one = node.form;
      if (one !== undefined) {
        if (one.mode === 'insensitive' || caseHolds(one, t, i)) {
          bestLast = j;
          bestForm = one;
          bestForms = undefined;
          bestNode = node;
        }
      } else if (node.forms !== undefined) {
        const hit = formsWhoseCaseHolds(node.forms, t, i);
        if (hit !== undefined) {
          bestLast = j;
          bestForms = hit;
          bestForm = undefined;
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
    if (bestNode === undefined) continue;
    const end = ends[bestLast] as number;
    // "US$1,000", "HK$": a currency, not the country.
    if (text.charCodeAt(end) === 0x24) continue;
    const tail = (bestNode as TrieNode).tail;
    let tailLength = tail !== undefined && text.startsWith(tail, end) ? tail.length : 0;
    // A dotted acronym keeps its last dot (U.S., N.A.T.O.), even where it also ends the sentence.
    if (tailLength === 0 && (flags[bestLast] as number) & TokenFlag.Dotted && text.charCodeAt(end) === 46) tailLength = 1;
    out.push({ first: i, last: bestLast, forms: bestForms ?? [bestForm as Form], tailLength });
    i = bestLast;
  }
  return out;
}
