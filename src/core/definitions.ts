/**
 * What an article defines itself: acronyms ("the acquisition and cross-servicing agreement, or
 * ACSA"; "ACSA (acquisition …)"; "… (ACSA)"), names it gives ("…, collectively called IP4";
 * "known as …"), and the titles it puts before names ("British Prime Minister Keir Starmer").
 */

/** A definition read from the article's own words. */
export interface ArticleDefinition {
  /** The defined term as written (ACSA, IP4, Keir Starmer). */
  term: string;
  /** What the article says it is (plain text). */
  definition: string;
  /** Which pattern found it. */
  kind: 'acronym' | 'called' | 'title';
  /** UTF-16 offset of the term in the text. */
  start: number;
  /** UTF-16 end offset of the term. */
  end: number;
  /** The sentence it came from. */
  sentence: string;
}

const L = '\\p{L}\\p{N}';
const WORD = `[${L}][${L}'’\\-]*`;
const ACRONYM = '[A-Z][A-Za-z0-9]{0,2}[A-Z0-9][A-Za-z0-9]{0,4}';

const OR_ACRONYM = new RegExp(
  `\\b(?:the|a|an)\\s+((?:${WORD}\\s+){0,9}${WORD}),?\\s+or\\s+(?:the\\s+)?(${ACRONYM})(?![${L}])`,
  'gu',
);
const ACRONYM_PAREN = new RegExp(`(?<![${L}])(${ACRONYM})\\s*[(（]((?:${WORD}[\\s]+){1,9}${WORD})[)）]`, 'gu');
const PAREN_ACRONYM = new RegExp(`((?:${WORD}\\s+){1,9}${WORD})\\s*[(（](${ACRONYM})[)）]`, 'gu');
const CALLED = new RegExp(
  `(?:collectively\\s+)?(?:called|known\\s+as|dubbed|referred\\s+to\\s+as|nicknamed)\\s+(?:the\\s+)?["“]?((?:[A-Z][${L}\\-]*)(?:\\s+[A-Z][${L}\\-]*){0,4})`,
  'gu',
);
const TITLE_CORE =
  '(?:Prime\\s+Minister|President|Chancellor|Vice\\s+President|Foreign\\s+Minister|Defen[cs]e\\s+Minister|Finance\\s+Minister|' +
  'Defen[cs]e\\s+Secretary|Foreign\\s+Secretary|Home\\s+Secretary|Secretary\\s+of\\s+State|Secretary[\\s-]General|Chief\\s+Cabinet\\s+Secretary|' +
  'King|Queen|Emperor|Premier|Minister|Governor|Senator|Speaker|Chairman|Chairwoman|Pope|Crown\\s+Prince|Supreme\\s+Leader|Leader)';
const NAME = `((?:[A-Z][\\p{Ll}'’\\-]+\\s+){1,3}[A-Z][\\p{Ll}'’\\-]+)`;
const TITLE = new RegExp(`((?:(?:[A-Z][\\p{Ll}]+)\\s+){0,3}${TITLE_CORE})\\s+${NAME}`, 'gu');
const LEADING_FUNCTION_WORDS = new Set(
  'The In On At For With When And But As By From After Before While Since Under Meanwhile Then'.split(' '),
);

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

function sentenceAround(text: string, at: number): { start: number; text: string } {
  let s = at;
  while (s > 0 && !/[.!?\n\u2029]/.test(text[s - 1] as string)) s--;
  let e = at;
  while (e < text.length && !/[.!?\n\u2029]/.test(text[e] as string)) e++;
  if (e < text.length) e++;
  const raw = text.slice(s, e);
  const lead = raw.length - raw.trimStart().length;
  return { start: s + lead, text: raw.trim() };
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
      const long = expansionFor(acr, m[longAt] as string);
      if (long) acronym(acr, long, (m.index as number) + m[0].lastIndexOf(acr));
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
    // The noun phrase the name is given to: the sentence up to the comma before "called".
    let before = text
      .slice(sentence.start, at)
      .replace(
        /(?:[\s,;:]+|\b(?:also|commonly|widely|popularly|better|often|now|formerly|locally|sometimes|is|was|are|were)\b)+$/i,
        '',
      )
      .trim();
    // The phrase the name belongs to starts after the last bracket, colon, semicolon or dash.
    const cut = Math.max(before.lastIndexOf('('), before.lastIndexOf(':'), before.lastIndexOf(';'), before.lastIndexOf('—'));
    if (cut >= 0) before = before.slice(cut + 1).trim();
    if (before.length < 4 || before.length > 200) continue;
    const start = at + m[0].lastIndexOf(term);
    add({ term, definition: before, kind: 'called', start, end: start + term.length, sentence: sentence.text });
  }
  for (const m of text.matchAll(TITLE)) {
    let title = (m[1] as string).replace(/\s+/g, ' ');
    const words = title.split(' ');
    while (words.length > 1 && LEADING_FUNCTION_WORDS.has(words[0] as string)) words.shift();
    title = words.join(' ');
    const name = (m[2] as string).replace(/\s+/g, ' ');
    const start = (m.index as number) + m[0].lastIndexOf(m[2] as string);
    add({
      term: name,
      definition: title,
      kind: 'title',
      start,
      end: start + (m[2] as string).length,
      sentence: sentenceAround(text, start).text,
    });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
