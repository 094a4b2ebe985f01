/**
 * The compiled matcher: a word-level trie over the folded keys of every term, alias and surname,
 * scanned in one linear pass over a text's tokens. Longest leftmost match wins; case rules are
 * checked on the original text only for candidates, so the hot loop is one Map lookup per token.
 */
import type { Alias, AliasObject, Entry } from './glossary-types';
import { isCapitalized, tokenize, TokenFlag, tokenSurface, type Tokens } from './tokenize';

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

/** How the case of a form must agree with the text. */
export type CaseMode = 'sensitive' | 'insensitive' | 'capitals';

/** One matchable form of an entry, as stored at a trie node. */
export interface Form {
  /** Index of the entry in the compiled glossary. */
  entry: number;
  /** The form's text as written in the glossary. */
  text: string;
  /** Token surfaces of the form (NFKC, diacritics kept), for case checks. */
  surfaces: string[];
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
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  forms?: Form[];
  /** Some edge from here crosses punctuation written in the form itself ("C++ (v2"). */
  gapEdges?: boolean;
}

/** Prefix of an edge key that crosses punctuation inside a form. */
const GAP = '\u0001';

/** The punctuation between two tokens, as an edge key part (spaces dropped, NFKC). */
function gapKey(gap: string): string {
  return gap.normalize('NFKC').replace(/\s+/g, '');
}

const ROMAN = /^[IVXLC]+$/;
const ACRONYM_MAX = 6;

/** The case rule of a form: explicit, or by how it is written. */
export function caseModeOf(text: string, caseSensitive?: boolean): CaseMode {
  if (caseSensitive === true) return 'sensitive';
  if (caseSensitive === false) return 'insensitive';
  const hasUpper = text !== text.toLowerCase();
  const hasLower = text !== text.toUpperCase();
  if (!hasUpper) return 'insensitive';
  const compact = text.replace(/[\s.-]/g, '');
  if (!hasLower && compact.length <= ACRONYM_MAX) return 'sensitive';
  return 'capitals';
}

/** The forms an alias contributes: itself and, where allowed, its plural. */
function aliasTexts(a: AliasObject): string[] {
  if (!a.plural) return [a.text];
  return [a.text, pluralOf(a.text)];
}

/** English plural of the last word of a phrase. */
export function pluralOf(phrase: string): string {
  if (/(s|x|z|ch|sh)$/i.test(phrase)) return `${phrase}es`;
  if (/[^aeiou]y$/i.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  return `${phrase}s`;
}

/** The alias as an object. */
export function aliasObject(a: Alias): AliasObject {
  return typeof a === 'string' ? { text: a } : a;
}

function surfaceFold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** The family name used alone for a person, or undefined when there is none. */
export function surnameOf(entry: Entry): string | undefined {
  if (entry.kind !== 'person') return undefined;
  if (entry.surname) return entry.surname;
  const words = entry.term.split(/\s+/);
  if (words.length < 2) return undefined;
  const last = words[words.length - 1] as string;
  if (last.length < 3 || ROMAN.test(last) || last !== last[0]?.toUpperCase() + last.slice(1)) return undefined;
  return last;
}

/** Titles and honorifics that may stand before a bare surname. */
export const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady president chancellor prime minister premier king queen prince princess ' +
    'emperor empress secretary general senator sen rep representative governor gov leader speaker ambassador ' +
    'chairman chairwoman chair director vice deputy foreign defense defence finance justice mayor pope judge ' +
    'justice commissioner admiral colonel gen lt sgt pm ceo former then new acting opposition party state'
  ).split(' '),
);

/** A glossary compiled for matching. Build once; scan many texts. */
export class CompiledGlossary {
  /** The entries, by index. */
  readonly entries: Entry[];
  /** Entry index by id. */
  readonly indexById: Map<string, number>;
  /** Surname key (folded) → person entry indexes. */
  readonly surnames = new Map<string, number[]>();
  /** Surname key of each person entry. */
  readonly surnameKeyOf = new Map<number, string>();
  private readonly root = new Map<string, TrieNode>();
  /** Number of trie nodes (for memory figures). */
  nodeCount = 0;
  /** Number of forms inserted. */
  formCount = 0;

  constructor(entries: readonly Entry[]) {
    this.entries = [...entries];
    this.indexById = new Map(this.entries.map((e, i) => [e.id, i]));
    this.entries.forEach((entry, i) => this.addEntry(entry, i));
  }

  private addEntry(entry: Entry, index: number): void {
    this.insert(entry.term, { entry: index, text: entry.term, mode: caseModeOf(entry.term), isTerm: true });
    for (const raw of entry.aliases ?? []) {
      const a = aliasObject(raw);
      const context = a.context?.map((id) => this.indexById.get(id)).filter((x): x is number => x !== undefined);
      for (const text of aliasTexts(a)) {
        this.insert(text, {
          entry: index,
          text,
          mode: caseModeOf(text, a.caseSensitive),
          isTerm: false,
          ...(context && context.length ? { context } : {}),
        });
      }
    }
    const surname = surnameOf(entry);
    if (surname) {
      const keys = tokenize(surname).keys;
      const key = keys.join(' ');
      this.surnameKeyOf.set(index, key);
      const list = this.surnames.get(key);
      if (list) list.push(index);
      else this.surnames.set(key, [index]);
      this.insert(surname, { entry: index, text: surname, mode: 'capitals', isTerm: false, isSurname: true });
    }
  }

  private insert(text: string, form: Omit<Form, 'surfaces' | 'isSurname'> & { isSurname?: boolean }): void {
    const t = tokenize(text);
    if (t.length === 0) return;
    const surfaces: string[] = [];
    let node: TrieNode | undefined;
    let map = this.root;
    for (let i = 0; i < t.length; i++) {
      let key = t.keys[i] as string;
      if (i > 0 && (t.flags[i] as number) & TokenFlag.BreakBefore) {
        key = GAP + gapKey(text.slice(t.ends[i - 1], t.starts[i])) + key;
        (node as TrieNode).gapEdges = true;
      }
      surfaces.push(surfaceFold(tokenSurface(t, i)));
      node = map.get(key);
      if (!node) {
        node = {};
        this.nodeCount++;
        map.set(key, node);
      }
      if (i < t.length - 1) {
        node.next ??= new Map();
        map = node.next;
      }
    }
    const tail = text.slice(t.ends[t.length - 1]).replace(/\s+/g, '');
    const full: Form = { ...form, surfaces, isSurname: form.isSurname ?? false, ...(tail ? { tail } : {}) };
    const target = node as TrieNode;
    // Skip exact duplicates (same entry, same surfaces, same rule).
    if (
      target.forms?.some(
        (f) =>
          f.entry === full.entry &&
          f.mode === full.mode &&
          f.isSurname === full.isSurname &&
          f.surfaces.join(' ') === surfaces.join(' '),
      )
    )
      return;
    (target.forms ??= []).push(full);
    this.formCount++;
  }

  /** Finds every exact (non-fuzzy) mention in `text`. */
  findExact(text: string, tokens: Tokens = tokenize(text)): Match[] {
    return resolve(this, tokens, scan(this.root, tokens));
  }

  /** The raw trie scan, exposed for fuzzy matching and benchmarks. */
  scanTokens(tokens: Tokens): RawMatch[] {
    return scan(this.root, tokens);
  }

  /** Whether the folded single key begins any form (used to keep fuzzy off matched words). */
  hasKey(key: string): boolean {
    return this.root.has(key);
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
  tailLength?: number;
}

function caseHolds(form: Form, t: Tokens, first: number): boolean {
  if (form.mode === 'insensitive') return true;
  for (let k = 0; k < form.surfaces.length; k++) {
    const i = first + k;
    const flags = t.flags[i] as number;
    if (flags & TokenFlag.Cjk) continue;
    const want = form.surfaces[k] as string;
    const got = surfaceFold(tokenSurface(t, i));
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

function scan(root: Map<string, TrieNode>, t: Tokens): RawMatch[] {
  const out: RawMatch[] = [];
  const { keys, flags } = t;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    let node = root.get(keys[i] as string);
    if (node === undefined) continue;
    let best: RawMatch | undefined;
    let j = i;
    for (;;) {
      if (node.forms !== undefined) {
        let ok: Form[] | undefined;
        for (const f of node.forms) {
          if (caseHolds(f, t, i)) (ok ??= []).push(f);
        }
        if (ok) best = { first: i, last: j, forms: ok };
      }
      j++;
      if (j >= n || node.next === undefined) break;
      let key = keys[j] as string;
      if ((flags[j] as number) & TokenFlag.BreakBefore) {
        if (!node.gapEdges) break;
        key = GAP + gapKey(t.text.slice(t.ends[j - 1], t.starts[j])) + key;
      }
      const nextNode: TrieNode | undefined = node.next.get(key);
      if (nextNode === undefined) break;
      node = nextNode;
    }
    // "US$1,000", "HK$": a currency, not the country.
    if (best && t.text.charCodeAt(t.ends[best.last] as number) === 0x24) best = undefined;
    if (best) {
      const tail = best.forms.find((f) => f.tail !== undefined)?.tail;
      if (tail && t.text.startsWith(tail, t.ends[best.last])) best.tailLength = tail.length;
      out.push(best);
      i = best.last;
    }
  }
  return out;
}

/** Abbreviated titles written with a dot (Mr. Kishida). */
const DOTTED_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'sgt', 'st', 'pres']);

/** The word before token `i` in the same phrase: after a space, or after "Mr." and the like. */
function prevWord(t: Tokens, i: number): number {
  if (i === 0) return -1;
  const gap = t.text.slice(t.ends[i - 1], t.starts[i]);
  if (/^[\s\u00a0]{1,3}$/.test(gap)) return i - 1;
  if (/^\.[\s\u00a0]{1,2}$/.test(gap) && DOTTED_TITLES.has(t.keys[i - 1] as string)) return i - 1;
  return -1;
}

function resolve(g: CompiledGlossary, t: Tokens, raw: RawMatch[]): Match[] {
  const matches: Match[] = [];
  const mentioned = new Set<number>();
  const lastFull = new Map<string, number>(); // surname key → entry index last named in full
  const pendingContext: { m: Match; forms: Form[] }[] = [];

  for (const r of raw) {
    const start = t.starts[r.first] as number;
    const end = (t.ends[r.last] as number) + (r.tailLength ?? 0);
    const text = t.text.slice(start, end);
    const full = r.forms.filter((f) => !f.isSurname);
    if (full.length > 0) {
      const plain = full.find((f) => !f.context);
      const chosen = plain ?? full[0]!;
      const m: Match = { id: g.entries[chosen.entry]!.id, start, end, text, via: chosen.isTerm ? 'exact' : 'alias' };
      if (full.some((f) => f.context)) {
        // Decided once the page's other mentions are known.
        pendingContext.push({ m, forms: full });
        continue;
      }
      matches.push(m);
      mentioned.add(chosen.entry);
      const sk = g.surnameKeyOf.get(chosen.entry);
      if (sk !== undefined) lastFull.set(sk, chosen.entry);
      continue;
    }
    // A bare surname.
    if (!isCapitalized(t, r.first)) continue;
    const prev = prevWord(t, r.first);
    if (prev >= 0 && isCapitalized(t, prev) && !TITLE_WORDS.has(t.keys[prev] as string)) continue;
    const next = r.last + 1;
    if (next < t.length && !((t.flags[next] as number) & TokenFlag.BreakBefore) && isCapitalized(t, next)) continue;
    const key = t.keys.slice(r.first, r.last + 1).join(' ');
    const named = lastFull.get(key);
    let entry: number | undefined;
    if (named !== undefined) entry = named;
    else {
      const people = g.surnames.get(key) ?? [];
      if (people.length === 1) entry = people[0];
      else if (prev >= 0) {
        // A title may tell namesakes apart: "Chancellor Scholz".
        const title = t.keys[prev] as string;
        const fit = people.filter((p) => g.entries[p]!.periods?.some((pd) => pd.role.toLowerCase().includes(title)));
        if (fit.length === 1) entry = fit[0];
      }
    }
    if (entry === undefined) continue;
    matches.push({ id: g.entries[entry]!.id, start, end, text, via: 'surname' });
    mentioned.add(entry);
  }

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
    matches.push({ ...m, id: g.entries[f.entry]!.id, via: f.isTerm ? 'exact' : 'alias' });
  }
  matches.sort((a, b) => a.start - b.start);
  return matches;
}
