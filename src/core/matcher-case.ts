/**
 * The case rules of the matcher, checked for a trie hit's candidate forms only: a plain token by
 * its case flags against the packed shape of the form's word, anything else character by
 * character.
 */
import { MIXED_SHAPES, surfacesOf, type Form } from './matcher-index';
import { TokenFlag, type Tokens } from './tokenize';

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
export function caseHolds(form: Form, t: Tokens, first: number): boolean {
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
