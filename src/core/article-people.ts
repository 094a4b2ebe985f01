/**
 * Who the article says its people are: a title before a name ("Finance Minister Jane Roe",
 * "Opposition leader Ann Poe", "Acme chief executive John Doe"), or an appositive after it
 * ("John Doe, the chief executive of Acme,", "John Doe, 61, a former governor of the state,",
 * "said Ann Poe, a spokeswoman for the World Bank"). Nothing is read across a sentence end or a
 * block break (the extractor's mark for a paragraph or a left-out element).
 */
import type { ArticleDefinition } from './definitions';
import { isCommonWord } from './common-words';
import { CALENDAR_WORDS, FUNCTION_WORDS, isCommonName } from './lexicon';
import { endsSentence, sentenceAround } from './sentence';

/** Spaces and a single line break: never a blank line or the extractor's block break (U+2029). */
const SP = '(?:[ \\t\\u00a0\\u2009\\u202f]|\\r?\\n(?![ \\t]*\\r?\\n))';
const NAME_WORD = "(?:\\p{Lu}[\\p{Ll}'’]+(?:-\\p{L}[\\p{Ll}'’]+)*|\\p{Lu}\\.)";
const PARTICLE = '(?:de|da|di|do|dos|du|van|von|der|den|del|della|la|le|bin|ibn|al|el|ter)';
/** Two to four name words (initials and particles allowed inside): Jane Roe, John Q. Public. */
const NAME = `(${NAME_WORD}(?:${SP}+(?:${PARTICLE}${SP}+)?${NAME_WORD}){1,3})`;

/** Offices written with a capital before a name (President, Foreign Minister, Chief Justice). */
const TITLE_CORE =
  '(?:Prime' +
  SP +
  '+Minister|Vice' +
  SP +
  '+President|President|Chancellor|Foreign' +
  SP +
  '+Minister|Defen[cs]e' +
  SP +
  '+Minister|Finance' +
  SP +
  '+Minister|' +
  'Defen[cs]e' +
  SP +
  '+Secretary|Foreign' +
  SP +
  '+Secretary|Home' +
  SP +
  '+Secretary|Secretary' +
  SP +
  '+of' +
  SP +
  '+State|Secretary[ \\t\\u00a0-]General|' +
  'Chief' +
  SP +
  '+Cabinet' +
  SP +
  '+Secretary|Chief' +
  SP +
  '+Justice|Chief' +
  SP +
  '+Executive|King|Queen|Emperor|Premier|Minister|Secretary|Governor|' +
  'Senator|Sen\\.|Rep\\.|Gov\\.|Representative|Speaker|Chairman|Chairwoman|Pope|Crown' +
  SP +
  '+Prince|Supreme' +
  SP +
  '+Leader|Leader|Mayor|' +
  'Ambassador|Commissioner|General|Gen\\.|Admiral|Judge|Justice|Prosecutor|Director)';
/** Roles written in lower case after a capitalized name of what they serve ("Acme chief executive"). */
const ROLE_LOWER =
  '(?:chief' +
  SP +
  '+executive|chief' +
  SP +
  '+economist|chief' +
  SP +
  '+strategist|chief|spokes(?:man|woman|person)|leader|chairman|chairwoman|' +
  'minister|secretary|governor|mayor|president|director|founder|co-founder|head|editor|analyst|economist|strategist|' +
  'correspondent|reporter|ambassador|envoy|lawmaker|senator|general|commander|official|adviser|advisor|negotiator|' +
  'executive|manager|coach|captain|prosecutor|lawyer|attorney|professor|researcher|activist|candidate|deputy)';
const CAP_WORD = "\\p{Lu}[\\p{L}&'’.\\-]*";
const TITLE = new RegExp(`((?:${CAP_WORD}${SP}+){0,3}${TITLE_CORE})${SP}+${NAME}`, 'gu');
const ROLE_TITLE = new RegExp(`((?:${CAP_WORD}${SP}+){1,3}${ROLE_LOWER})${SP}+${NAME}`, 'gu');

/** An appositive after a name: ", [age,] the/a/former … role …" up to the next comma or full stop. */
const APPOSITIVE = new RegExp(
  `${NAME},${SP}+(?:(\\d{1,3}),${SP}+)?((?:the|a|an|its|his|her|their|former|then|now)${SP}+(?:[^,;:()\\n\\r\\u2029.]|\\.(?=\\S))+?)(?=,|;|:|\\.(?!\\S)|\\)|${SP}[—–-]${SP}|$)`,
  'gu',
);

/** Role nouns that make an appositive say who a person is. */
const ROLE_NOUNS = new Set(
  (
    'minister secretary president chancellor premier governor mayor senator lawmaker legislator congressman congresswoman ' +
    'representative member leader chairman chairwoman chair chairperson head founder co-founder director executive chief ' +
    'ceo cfo coo officer official spokesman spokeswoman spokesperson ambassador envoy adviser advisor aide negotiator ' +
    'professor researcher scientist economist analyst strategist lawyer attorney prosecutor judge justice general admiral ' +
    'commander colonel captain coach editor correspondent reporter journalist author activist candidate deputy manager ' +
    'partner owner president-elect king queen prince princess emperor pope bishop archbishop cardinal imam rabbi ' +
    'militant commander fighter soldier veteran student teacher doctor nurse'
  ).split(' '),
);
/** Words that make the phrase a clause, not a description ("the president said"). */
const VERBS = new Set(
  (
    'said says told tells added asked is was are were be been has have had will would can could may might did does do ' +
    'announced warned urged called'
  ).split(' '),
);
/** Words before a name that make it a place or a time, not a person ("In Washington, the…"). */
const PREPOSITIONS = new Set('in at from on for with by of to into near across outside inside'.split(' '));

const MAX_ROLE_WORDS = 14;

/**
 * The name as written without trailing weekdays, months or function words ("Jane Roe Monday" →
 * "Jane Roe"); undefined when it is not a person's name: one word, an initial at the end, or only
 * common English words that are nobody's names ("Public License").
 */
function trimName(raw: string): string | undefined {
  const words = raw.split(/\s+/);
  while (words.length > 1) {
    const last = (words[words.length - 1] as string).toLowerCase();
    if (!CALENDAR_WORDS.has(last) && !FUNCTION_WORDS.has(last)) break;
    words.pop();
  }
  if (words.length < 2 || /\.$/.test(words[words.length - 1] as string)) return undefined;
  const keys = words.map((w) => w.toLowerCase());
  if (FUNCTION_WORDS.has(keys[0] as string) || CALENDAR_WORDS.has(keys[0] as string)) return undefined;
  if (keys.every((k) => isCommonWord(k) && !isCommonName(k))) return undefined;
  // The raw prefix of the kept words (offsets stay those of the text).
  return (new RegExp(`^\\S+(?:\\s+\\S+){${words.length - 1}}`).exec(raw) as RegExpExecArray)[0];
}

/** Whether an appositive phrase says who someone is: a role noun, no verb, not too long. */
function isRolePhrase(phrase: string): boolean {
  const words = phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter(Boolean);
  if (words.length < 2 || words.length > MAX_ROLE_WORDS) return false;
  if (words.some((w) => VERBS.has(w))) return false;
  return words.some((w) => ROLE_NOUNS.has(w.replace(/s$/, '')) || ROLE_NOUNS.has(w));
}

/** The word before offset `at`, lower-cased ("" at a sentence start). */
function wordBefore(text: string, at: number): string {
  return (/([\p{L}]+)[ \t\u00a0]*$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1] ?? '').toLowerCase();
}

function definition(
  text: string,
  name: string,
  start: number,
  words: string,
  kind: ArticleDefinition['kind'],
): ArticleDefinition {
  return { term: name, definition: words, kind, start, end: start + name.length, sentence: sentenceAround(text, start).text };
}

/** People the text introduces with a title before their name. */
function titledPeople(text: string): ArticleDefinition[] {
  const out: ArticleDefinition[] = [];
  for (const re of [TITLE, ROLE_TITLE]) {
    for (const m of text.matchAll(re)) {
      // A title never reaches back over a sentence end ("…on Sunday. Opposition leader Mary Grey").
      let title = m[1] as string;
      for (let k = title.length - 1; k >= 0; k--)
        if (endsSentence(text, (m.index as number) + k)) {
          title = title.slice(k + 1);
          break;
        }
      const words = title.trim().replace(/\s+/g, ' ').split(' ');
      while (words.length > 1 && FUNCTION_WORDS.has((words[0] as string).toLowerCase())) words.shift();
      const name = trimName(m[2] as string);
      if (!name) continue;
      const start = (m.index as number) + m[0].lastIndexOf(m[2] as string);
      out.push(definition(text, name, start, words.join(' '), 'title'));
    }
  }
  return out;
}

/** People the text describes in an appositive after their name. */
function describedPeople(text: string): ArticleDefinition[] {
  const out: ArticleDefinition[] = [];
  for (const m of text.matchAll(APPOSITIVE)) {
    const start = m.index as number;
    const name = trimName(m[1] as string);
    const phrase = (m[3] as string).trim().replace(/\s+/g, ' ');
    if (!name || !isRolePhrase(phrase) || PREPOSITIONS.has(wordBefore(text, start))) continue;
    out.push(definition(text, name, start, phrase, 'appositive'));
  }
  return out;
}

/** Every person the text introduces, with the article's own words for who they are. */
export function findArticlePeople(text: string): ArticleDefinition[] {
  return [...describedPeople(text), ...titledPeople(text)];
}
