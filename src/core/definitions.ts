/**
 * What an article defines itself: acronyms ("the acquisition and cross-servicing agreement, or
 * ACSA"; "ACSA (acquisition …)"; "… (ACSA)"; "\"personally identifiable information\" (PII)"),
 * names it gives ("…, collectively called IP4"; "known as …"), and who its people are
 * (article-people.ts: "British Prime Minister Keir Starmer", "John Doe, the chief executive of
 * Acme"). Nothing is read across a sentence end or a block break.
 */
import { findArticlePeople } from './article-people';
import { FUNCTION_WORDS } from './lexicon';
import { sentenceAround } from './sentence';

/** A definition read from the article's own words. */
export interface ArticleDefinition {
  /** The defined term as written (ACSA, IP4, Keir Starmer). */
  term: string;
  /** What the article says it is (plain text). */
  definition: string;
  /** Which pattern found it: an acronym, a name given, a title before a name, an appositive after one. */
  kind: 'acronym' | 'called' | 'title' | 'appositive';
  /** UTF-16 offset of the term in the text. */
  start: number;
  /** UTF-16 end offset of the term. */
  end: number;
  /** The sentence it came from. */
  sentence: string;
}

const L = '\\p{L}\\p{N}';
/** Spaces and a single line break: never a blank line or the extractor's block break (U+2029). */
const SP = '(?:[ \\t\\u00a0\\u2009\\u202f]|\\r?\\n(?![ \\t]*\\r?\\n))';
const WORD = `[${L}][${L}'’\\-]*`;
const ACRONYM = '[A-Z][A-Za-z0-9]{0,2}[A-Z0-9][A-Za-z0-9]{0,4}';

const OR_ACRONYM = new RegExp(
  `\\b(?:the|a|an)${SP}+((?:${WORD}${SP}+){0,9}${WORD}),?${SP}+or${SP}+(?:the${SP}+)?(${ACRONYM})(?![${L}])`,
  'gu',
);
const ACRONYM_PAREN = new RegExp(`(?<![${L}])(${ACRONYM})${SP}*[(（]((?:${WORD}${SP}+){1,9}${WORD})[)）]`, 'gu');
/** "long form (ACR)", the long form perhaps in quotes: "personally identifiable information" (PII). */
const PAREN_ACRONYM = new RegExp(`["“‘']?((?:${WORD}${SP}+){1,9}${WORD})["”’']?${SP}*[(（](${ACRONYM})[)）]`, 'gu');
const CALLED = new RegExp(
  `(?:collectively${SP}+)?(?:called|known${SP}+as|dubbed|referred${SP}+to${SP}+as|nicknamed)${SP}+(?:the${SP}+)?["“]?((?:[A-Z][${L}\\-]*)(?:${SP}+[A-Z][${L}\\-]*){0,4})`,
  'gu',
);
/** Words that end the noun phrase a "known as" name is given to, counted back from it. */
const CLAUSE_WORDS = new Set(
  'that which who whom whose where when while because although if as and but or than said says'.split(' '),
);
/** Words a noun phrase starts with. */
const DETERMINERS = new Set('the a an its their his her our this these those'.split(' '));
/** The longest noun phrase a "called" name is given to, in words. */
const MAX_CALLED_WORDS = 12;

/** Word initials, splitting at spaces and hyphens ("cross-servicing" gives c and s). */
function initials(phrase: string): string[] {
  return phrase
    .split(/[\s\-‐‑–]+/)
    .filter(Boolean)
    .map((w) => (w[0] as string).toLowerCase());
}

const STOPWORDS = new Set(['a', 'an', 'and', 'of', 'the', 'for', 'in', 'on', 'to', 'with', 'at', 'by', 'or', '&']);

/**
 * The longest tail of `phrase` that the acronym abbreviates: it starts with a content word whose
 * initial is the acronym's first letter, the acronym's letters appear in it in order, and every
 * content word's initial is one of the acronym's letters. Undefined when no tail fits.
 */
export function expansionFor(acronym: string, phrase: string): string | undefined {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  if (letters.length < 2) return undefined;
  const words = phrase.split(/\s+/).filter(Boolean);
  for (let from = 0; from < words.length; from++) {
    const first = (words[from] as string).toLowerCase();
    if (STOPWORDS.has(first) || first[0] !== letters[0]) continue;
    const tail = words.slice(from).join(' ');
    const content = tail.split(/[\s\-‐‑–]+/).filter((w) => w && !STOPWORDS.has(w.toLowerCase()));
    if (content.length > letters.length + 1) continue;
    if (!content.every((w) => letters.includes((w[0] as string).toLowerCase()))) continue;
    const chars = tail.toLowerCase().replace(/[^a-z0-9]/g, '');
    let k = 0;
    for (const c of chars) if (c === letters[k]) k++;
    if (k === letters.length) return tail;
  }
  return undefined;
}

/**
 * The noun phrase a name is given to ("…, known as the Quad"): the words before "known as" back to
 * a clause boundary (a bracket, colon, semicolon or dash, a verb such as "said", or a word such as
 * "that" or "which"), at most MAX_CALLED_WORDS. Undefined when what is left is not a phrase.
 */
function calledPhrase(text: string, sentenceStart: number, at: number): string | undefined {
  let before = text
    .slice(sentenceStart, at)
    .replace(
      /(?:[\s,;:]+|\b(?:also|commonly|widely|popularly|better|often|now|formerly|locally|sometimes|is|was|are|were)\b)+$/i,
      '',
    )
    .trim();
  const cut = Math.max(before.lastIndexOf('('), before.lastIndexOf(':'), before.lastIndexOf(';'), before.lastIndexOf('—'));
  if (cut >= 0) before = before.slice(cut + 1).trim();
  const words = before.split(/\s+/).filter(Boolean);
  let from = words.length;
  while (from > 0 && words.length - from < MAX_CALLED_WORDS) {
    const w = (words[from - 1] as string).toLowerCase().replace(/[^\p{L}'-]/gu, '');
    if (CLAUSE_WORDS.has(w) || /[,)\]]$|[)\]]/.test(words[from - 1] as string)) break;
    from--;
  }
  if (from > 0 && words.length - from >= MAX_CALLED_WORDS) return undefined;
  // Not a noun phrase yet ("Mozilla maintains a … website"): it starts at its first determiner.
  if (!DETERMINERS.has((words[from] ?? '').toLowerCase())) {
    const d = words.findIndex((w, k) => k > from && DETERMINERS.has(w.toLowerCase()));
    if (d > 0) from = d;
  }
  const phrase = words.slice(from).join(' ');
  // Cut inside the sentence, the phrase starts as a noun phrase does: "the …", "a …", or a name.
  const first = words[from] ?? '';
  const startsPhrase = from === 0 || FUNCTION_WORDS.has(first.toLowerCase()) || /^\p{Lu}/u.test(first);
  return phrase.length >= 4 && startsPhrase ? phrase : undefined;
}

/** Every definition the text gives of its own terms, in text order, one per term. */
export function findDefinitions(text: string): ArticleDefinition[] {
  const out: ArticleDefinition[] = [];
  const add = (d: ArticleDefinition): void => {
    if (!out.some((o) => o.term === d.term)) out.push(d);
  };
  const acronym = (term: string, definition: string, start: number): void =>
    add({ term, definition, kind: 'acronym', start, end: start + term.length, sentence: sentenceAround(text, start).text });

  // "the long form, or ACR" and "long form (ACR)": the acronym follows its expansion.
  for (const [re, longAt, acrAt] of [
    [OR_ACRONYM, 1, 2],
    [PAREN_ACRONYM, 1, 2],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const acr = m[acrAt] as string;
      const long = expansionFor(acr, (m[longAt] as string).replace(/\s+/g, ' '));
      // A long form is words, not another code ("an ARMv7 or ARMv6 CPU").
      if (long && long.includes(' ')) acronym(acr, long, (m.index as number) + m[0].lastIndexOf(acr));
    }
  }
  // "ACR (long form)".
  for (const m of text.matchAll(ACRONYM_PAREN)) {
    const acr = m[1] as string;
    const inside = (m[2] as string).trim();
    if (expansionFor(acr, inside) && initials(inside)[0] === acr[0]?.toLowerCase()) acronym(acr, inside, m.index as number);
  }
  for (const m of text.matchAll(CALLED)) {
    const term = m[1] as string;
    const at = m.index as number;
    const sentence = sentenceAround(text, at);
    const phrase = calledPhrase(text, sentence.start, at);
    if (!phrase) continue;
    const start = at + m[0].lastIndexOf(term);
    add({ term, definition: phrase, kind: 'called', start, end: start + term.length, sentence: sentence.text });
  }
  for (const d of findArticlePeople(text)) add(d);
  out.sort((a, b) => a.start - b.start);
  return out;
}
