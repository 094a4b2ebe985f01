/**
 * The regex baselines of the matcher benchmark, which are also its correctness oracle.
 *
 * Each form (term or alias) of a glossary is matched as literal text, as whole words:
 * `(?<!WORD)(?:…)(?!WORD)`. Three ways to run the forms:
 * - combined: one RegExp, every spelling in one alternation, longest first, so the first
 *   alternative that matches at a position is the longest (leftmost-longest by construction).
 *   The alternatives are plain literals, which V8 sorts and factors by common prefix (in effect,
 *   its own trie in native code): the fastest regex there is for this job;
 * - flexible: the same alternation with the spaces of each form written `[ \t\n\r\u00a0]+`, as
 *   one would for raw page text. Any such class makes V8 try the alternatives one by one at every
 *   position (and above some size it refuses to compile them: "Regular expression too large");
 * - per term: one RegExp per form, as mark.js does; every occurrence of every form is collected,
 *   then resolved leftmost-longest greedily (start ascending, length descending, no overlaps).
 *
 * The input is the normalized page text (bench/corpus.ts: each run of white space is one space,
 * or U+2029 at a blank line), on which these regexes have the semantics of our matcher in "exact
 * mode" (bench/glossary-gen.ts) for forms of letters and single spaces:
 * - WORD is what src/core/tokenize.ts puts inside a token: letters, digits, combining marks, and
 *   any astral code point; but not Han/Hiragana/Katakana (one token per character there). Flag
 *   `v` is used for the set difference; otherwise it is the `u` flag.
 * - Case: an alias (`caseSensitive: true`) is matched as written. A term follows the default
 *   rule of `caseModeOf` (src/core/matcher.ts): no capital → any case; all capitals, ≤ 6 letters →
 *   as written; else "capitals": each capital must be a capital in the text, a lower-case letter
 *   may be either. A literal regex cannot say "either" without character classes (which would
 *   cost it V8's prefix factoring), so a term is given the spellings news text uses: as written and
 *   in capitals (plus lower case and capitalized words for the any-case rule). A text that writes
 *   a term in some other mix of cases would show up as a difference.
 * What remains different is reported by `diffSpans`, never hidden: our matcher joins the words of
 * a form across hyphens and apostrophes, folds diacritics and reads dotted acronyms (U.S.).
 */
import type { Entry } from '../src/core/glossary-types';
import { aliasObject, caseModeOf, type CaseMode } from '../src/core/glossary-format';
import type { Match } from '../src/core/matcher';

/** One form to match, with its case rule. */
export interface OracleForm {
  text: string;
  mode: CaseMode;
}

const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u30fc\\u3005\\uff70';
/** A character that continues a word (v-flag class). */
const WORD = `[[[\\p{L}\\p{N}\\p{M}]--[${CJK}]][\\u{10000}-\\u{10FFFF}]]`;
/** Flags of every oracle RegExp. */
const FLAGS = 'gv';
/** Between the words of a flexible form. */
const FLEX_GAP = '[ \\t\\n\\r\\u00a0]+';

/** Every form of the entries: the term (default case rule) and each alias (its own rule). */
export function oracleForms(entries: readonly Entry[]): OracleForm[] {
  const forms: OracleForm[] = [];
  for (const e of entries) {
    forms.push({ text: e.term, mode: caseModeOf(e.term) });
    for (const raw of e.aliases ?? []) {
      const a = aliasObject(raw);
      if (a.plural || a.context)
        throw new Error(`oracle: alias ${JSON.stringify(a.text)} uses plural/context (not in exact mode)`);
      forms.push({ text: a.text, mode: caseModeOf(a.text, a.caseSensitive) });
    }
  }
  return forms;
}

/** The spellings of a form a literal regex looks for (see the case notes above). */
export function spellings(form: OracleForm): string[] {
  const { text } = form;
  const out = [text];
  if (form.mode !== 'sensitive') out.push(text.toUpperCase());
  if (form.mode === 'insensitive') {
    const lower = text.toLowerCase();
    out.push(
      lower,
      lower.replace(/(^| )(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase()),
    );
  }
  return [...new Set(out)];
}

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** Distinct strings, longest first (ties by text, for determinism). */
function longestFirst(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

const wrap = (body: string): RegExp => new RegExp(`(?<!${WORD})(?:${body})(?!${WORD})`, FLAGS);

/** One alternation of every spelling of every form, longest first. */
export function combinedRegex(forms: readonly OracleForm[]): RegExp {
  return wrap(longestFirst(forms.flatMap(spellings)).map(escape).join('|'));
}

/** The same alternation, each space written as FLEX_GAP. */
export function flexibleRegex(forms: readonly OracleForm[]): RegExp {
  return wrap(
    longestFirst(forms.flatMap(spellings))
      .map((s) => s.split(' ').map(escape).join(FLEX_GAP))
      .join('|'),
  );
}

/** One RegExp per distinct form (its spellings in one small alternation). */
export function perTermRegexes(forms: readonly OracleForm[]): RegExp[] {
  const seen = new Set<string>();
  const out: RegExp[] = [];
  for (const f of forms) {
    const key = `${f.mode}\u0000${f.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(wrap(longestFirst(spellings(f)).map(escape).join('|')));
  }
  return out;
}

/** Spans as a flat list: start0, end0, start1, end1, … in text order. */
export type Spans = number[];

/** Leftmost-longest matches of one alternation (it continues after each match). */
export function findCombined(re: RegExp, text: string): Spans {
  const out: Spans = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m.index, m.index + m[0].length);
  return out;
}

/**
 * Every occurrence of every form (each regex is resumed one character after the start of its
 * last match, so an occurrence overlapping another of the same form is not lost), then resolved
 * leftmost-longest: by start ascending, length descending, skipping overlaps.
 */
export function findPerTerm(res: readonly RegExp[], text: string): Spans {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      re.lastIndex = m.index + ((text.codePointAt(m.index) as number) > 0xffff ? 2 : 1);
    }
  }
  const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]!);
  const out: Spans = [];
  let free = 0;
  for (const i of order) {
    if (starts[i]! < free) continue;
    out.push(starts[i]!, ends[i]!);
    free = ends[i]!;
  }
  return out;
}

/** Our matches as spans. */
export function matchSpans(matches: readonly Match[]): Spans {
  const out: Spans = [];
  for (const m of matches) out.push(m.start, m.end);
  return out;
}

/** A span found by one side only, with its text and some context, for a report. */
export interface SpanDifference {
  side: 'ours' | 'oracle';
  start: number;
  end: number;
  text: string;
  context: string;
}

/** The spans found by only one side (empty when both agree). */
export function diffSpans(text: string, ours: Spans, oracle: Spans): SpanDifference[] {
  const set = (s: Spans): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i < s.length; i += 2) out.add(`${s[i]}:${s[i + 1]}`);
    return out;
  };
  const a = set(ours);
  const b = set(oracle);
  const describe = (side: 'ours' | 'oracle', k: string): SpanDifference => {
    const [start, end] = k.split(':').map(Number) as [number, number];
    const context = text.slice(Math.max(0, start - 40), Math.min(text.length, end + 40));
    return { side, start, end, text: text.slice(start, end), context };
  };
  const out: SpanDifference[] = [];
  for (const k of a) if (!b.has(k)) out.push(describe('ours', k));
  for (const k of b) if (!a.has(k)) out.push(describe('oracle', k));
  return out.sort((x, y) => x.start - y.start);
}
