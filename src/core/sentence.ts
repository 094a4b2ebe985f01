/**
 * Sentences of a text: where one ends (a full stop that is not an initial or an abbreviation,
 * !, ?, a line or paragraph break) and the sentence around an offset. The article readers, the
 * suggester and the CLI's context column share these.
 */
import { DOTTED_ABBREVIATIONS } from './lexicon';
import type { Tokens } from './tokenize';

/** Paragraph breaks: U+2029 (the extractor's block break) and line breaks (see `isBreak`). */
const HARD_BREAK = /[\n\r\u2029]/;

/**
 * Whether the character at `p` breaks the text: the extractor's block break, or a blank line. A
 * single line break is only whitespace (HTML text wraps inside its paragraphs).
 */
function isBreak(text: string, p: number): boolean {
  const ch = text[p] as string;
  if (ch === '\u2029') return true;
  if (ch !== '\n' && ch !== '\r') return false;
  return /^[ \t]*\r?\n/.test(text.slice(p + 1, p + 40)) || /\n[ \t]*\r?$/.test(text.slice(Math.max(0, p - 40), p));
}

/** Whether the full stop at `p` ends a sentence (not J. Smith, Mr. Abe, U.S. officials, 3.5). */
function fullStopEnds(text: string, p: number): boolean {
  const next = text.slice(p + 1, p + 3);
  if (/^[\p{Ll}\p{N}]/u.test(next) || /^\s\p{Ll}/u.test(next)) return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, p - 12), p))?.[1] ?? '';
  const last = word.slice(word.lastIndexOf('.') + 1);
  if (last.length === 1 && last === last.toUpperCase()) return false; // an initial, or U.S.
  return !DOTTED_ABBREVIATIONS.has(last.toLowerCase());
}

/** Whether the character at `p` ends a sentence. */
export function endsSentence(text: string, p: number): boolean {
  const ch = text[p] as string;
  if (ch === '!' || ch === '?') return true;
  if (HARD_BREAK.test(ch)) return isBreak(text, p);
  return ch === '.' && fullStopEnds(text, p);
}

/** Start and end (exclusive, after its closing mark) of the sentence holding offset `at`. */
export function sentenceBounds(text: string, at: number): { start: number; end: number } {
  let s = at;
  while (s > 0 && !endsSentence(text, s - 1)) s--;
  let e = at;
  while (e < text.length && !endsSentence(text, e)) e++;
  if (e < text.length && !isBreak(text, e)) e++;
  while (s < e && /[\s"”’)\]]/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

/** The sentence around `at`, with its start offset, spaces collapsed. */
export function sentenceAround(text: string, at: number): { start: number; text: string } {
  const { start, end } = sentenceBounds(text, at);
  return { start, text: text.slice(start, end).replace(/\s+/g, ' ') };
}

/** Whether token `i` begins a sentence (only quotes, brackets and spaces since the last end). */
export function isSentenceInitial(t: Tokens, i: number): boolean {
  for (let p = (t.starts[i] as number) - 1; p >= 0; p--) {
    const ch = t.text[p] as string;
    if (endsSentence(t.text, p)) return true;
    if (ch === '.') return false;
    if (!/[\s"“”'‘’([«—–-]/.test(ch)) return false;
  }
  return true;
}
