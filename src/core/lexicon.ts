/**
 * The one lexicon of the core: the small closed word lists that the matcher, the fuzzy pass, the
 * article readers and the suggester share (titles, roles, demonyms, calendar words, Roman
 * numerals). Every word is lower case, as folded keys are.
 */

import commonNames from './generated/common-names.json';

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Courtesy titles: they say a name is a person's, not what the person is. */
export const COURTESY_TITLES = words('mr mrs ms miss mx dr prof sir dame lord lady');

/** Abbreviations written with a full stop that does not end a sentence (Mr. Kishida, Gen. Smith). */
export const DOTTED_ABBREVIATIONS = words(
  'mr mrs ms mx dr prof st sr jr gen lt col capt cmdr sgt rev gov sen rep pres supt insp no vs messrs',
);

/** Words of office that may stand before a name ("President", "Foreign Minister", "Sen."). */
export const TITLE_WORDS = words(
  `${[...COURTESY_TITLES].join(' ')} president chancellor prime minister premier king queen prince princess ` +
    'emperor empress secretary general senator sen rep representative governor gov leader speaker ambassador ' +
    'chairman chairwoman chair chairperson director vice deputy foreign defense defence finance justice mayor pope judge ' +
    'commissioner admiral colonel gen lt sgt pm ceo former then new acting opposition party state chief executive ' +
    'spokesman spokeswoman spokesperson minister ministers crown supreme cardinal archbishop bishop rabbi imam sheikh ' +
    'general lieutenant captain major commander marshal officer councillor councilman councilwoman assemblyman ' +
    'assemblywoman congressman congresswoman lawmaker mp mep attorney prosecutor inspector superintendent',
);

/**
 * Words that follow a name without making a longer name of it ("NATO Secretary General", "Japan
 * Coast Guard" is a name; "Japan Monday" is not): offices, weekdays, months and generic nouns news
 * puts after a name in headings and captions.
 */
export const NAME_NEIGHBOURS = words(
  `${[...TITLE_WORDS].join(' ')} monday tuesday wednesday thursday friday saturday sunday ` +
    'january february march april may june july august september october november december ' +
    'summit summits government governments official officials leaders leader forces troops talks ties relations ' +
    'president presidents minister ministers lawmakers voters citizens residents authorities police majority minority ' +
    'whip administration cabinet campaign embassy embassies consulate envoy envoys ambassador forces army navy',
);

/** Weekdays and months (capitalized in English, never names on their own). */
export const CALENDAR_WORDS = words(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december',
);

/** Sentence-initial words that are not part of a name that follows them ("In Japan", "The Hague" aside). */
export const FUNCTION_WORDS = words(
  'the a an in on at for with of to from by and but or as when while since after before under over into ' +
    'meanwhile then also both this that these those its their his her our my your some many most all each every ' +
    // French, Spanish, Italian, Portuguese and German articles and prepositions ("La CNIL", "Le Monde").
    'la le les l du des au aux el los las lo il gli una un une der die das den dem des ein eine und et',
);

/** Lower-case words allowed inside a name: Bank of Japan, Ursula von der Leyen. */
export const NAME_CONNECTORS = words('of the for de del der den di da dos du la le van von bin al y');

/** Demonyms that are not a place name plus a regular ending. */
const IRREGULAR_DEMONYMS = words(
  'german american mexican thai french dutch swiss greek iraqi israeli pakistani afghan saudi emirati kuwaiti qatari ' +
    'yemeni bangladeshi nepali somali filipino arab arabic muslim jewish catholic protestant islamic czech slovak ' +
    'british english scottish welsh irish danish swedish finnish polish spanish turkish kurdish japanese chinese ' +
    'vietnamese taiwanese lebanese sudanese congolese maltese',
);

/** Endings that make a demonym of a place name: Kenya → Kenyan, Africa → Africans, Iraq → Iraqi. */
export const DEMONYM_SUFFIXES: readonly string[] = ['n', 'ns', 'an', 'ans', 'ian', 'ians', 'ese', 'ish', 'i', 'is', 'ic'];

/** A word ending the way demonyms end (Japanese, Spanish, Canadians, Korean). */
const DEMONYM_ENDING = /(?:ese|ish|ians?|eans?)$/;

/** Whether a folded word is a demonym: an irregular one, or a regular ending ("-ese", "-ian"). */
export function isDemonym(key: string): boolean {
  return IRREGULAR_DEMONYMS.has(key.replace(/s$/, '')) || DEMONYM_ENDING.test(key);
}

/** Whether `word` is `name` plus a demonym ending (Kenyan of Kenya, South Koreans of South Korea). */
export function isDemonymOf(word: string, name: string): boolean {
  return word !== name && word.startsWith(name) && DEMONYM_SUFFIXES.includes(word.slice(name.length));
}

/** A Roman numeral as written after a name (Charles III, Pope Leo XIV, World War II). */
export const ROMAN_NUMERAL = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

let commonNameSet: ReadonlySet<string> | undefined;

/** Whether a folded word is a common English given name or surname (Jackson, Paul, Warren). */
export function isCommonName(key: string): boolean {
  return (commonNameSet ??= new Set(commonNames)).has(key);
}
