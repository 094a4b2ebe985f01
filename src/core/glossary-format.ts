/**
 * The glossary format's rules for matching (glossary/README.md): how a form's case is read from
 * how it is written, what an alias object adds (plurals), and which word of a person's name is
 * their surname. The matcher, the validator, the search and the tools read the format here.
 */
import type { Alias, AliasObject, Entry } from './glossary-types';
import { ROMAN_NUMERAL } from './lexicon';

/** How the case of a form must agree with the text. */
export type CaseMode = 'sensitive' | 'insensitive' | 'capitals';

/** Forms in capitals up to this many letters and digits match in exactly their case (NATO, IP4). */
const ACRONYM_MAX = 6;

/** The case rule of a form: explicit, or by how it is written. */
export function caseModeOf(text: string, caseSensitive?: boolean): CaseMode {
  if (caseSensitive === true) return 'sensitive';
  if (caseSensitive === false) return 'insensitive';
  const ascii = asciiCaseMode(text);
  if (ascii !== undefined) return ascii;
  const hasUpper = text !== text.toLowerCase();
  const hasLower = text !== text.toUpperCase();
  if (!hasUpper) return 'insensitive';
  const compact = text.replace(/[\s.-]/g, '');
  if (!hasLower && compact.length <= ACRONYM_MAX) return 'sensitive';
  return 'capitals';
}

/**
 * `caseModeOf` for a text of ASCII characters, read character by character (no string made; the
 * glossary compiler asks for every form); undefined when the text has any other character.
 */
function asciiCaseMode(text: string): CaseMode | undefined {
  let upper = false;
  let lower = false;
  let compact = 0; // characters other than white space, full stops and hyphens
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return undefined;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    if (c !== 32 && c !== 46 && c !== 45 && !(c >= 9 && c <= 13)) compact++;
  }
  if (!upper) return 'insensitive';
  return !lower && compact <= ACRONYM_MAX ? 'sensitive' : 'capitals';
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

/** The forms an alias contributes: itself and, where allowed, its plural. */
export function aliasTexts(a: AliasObject): string[] {
  if (!a.plural) return [a.text];
  return [a.text, pluralOf(a.text)];
}

/** The family name used alone for a person, or undefined when there is none. */
export function surnameOf(entry: Entry): string | undefined {
  if (entry.kind !== 'person') return undefined;
  if (entry.surname) return entry.surname;
  const words = entry.term.split(/\s+/);
  if (words.length < 2) return undefined;
  const last = words[words.length - 1] as string;
  const first = last[0] as string;
  if (last.length < 3 || ROMAN_NUMERAL.test(last) || first !== first.toUpperCase()) return undefined;
  return last;
}
