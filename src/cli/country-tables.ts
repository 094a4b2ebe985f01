/**
 * The hand-kept tables of `import-countries` (src/cli/import-countries.ts): statuses, capital
 * labels, extra and dropped aliases, language tags and Wikipedia titles. Reviewed corrections of
 * the dataset's own fields are in src/cli/country-overrides.ts.
 */

/** Status of each included non-sovereign territory (the package does not say whose it is). */
export const TERRITORY_STATUS: Readonly<Record<string, string>> = {
  AI: 'a British Overseas Territory',
  AS: 'an unincorporated territory of the United States',
  AW: 'a constituent country of the Kingdom of the Netherlands',
  AX: 'an autonomous region of Finland',
  BL: 'an overseas collectivity of France',
  BM: 'a British Overseas Territory',
  BQ: 'a group of three special municipalities of the Netherlands',
  CC: 'an external territory of Australia',
  CK: 'a self-governing island country in free association with New Zealand',
  CW: 'a constituent country of the Kingdom of the Netherlands',
  CX: 'an external territory of Australia',
  EH: 'a disputed territory',
  FK: 'a British Overseas Territory',
  FO: 'an autonomous territory of the Kingdom of Denmark',
  GF: 'an overseas department and region of France',
  GG: 'a British Crown Dependency',
  GI: 'a British Overseas Territory',
  GL: 'an autonomous territory of the Kingdom of Denmark',
  GP: 'an overseas department and region of France',
  GU: 'an unincorporated territory of the United States',
  HK: 'a special administrative region of China',
  IM: 'a British Crown Dependency',
  KY: 'a British Overseas Territory',
  MF: 'an overseas collectivity of France',
  MO: 'a special administrative region of China',
  MP: 'an unincorporated territory of the United States',
  MQ: 'an overseas department and region of France',
  MS: 'a British Overseas Territory',
  NC: 'a special collectivity of France',
  NF: 'an external territory of Australia',
  NU: 'a self-governing island country in free association with New Zealand',
  PF: 'an overseas collectivity of France',
  PM: 'an overseas collectivity of France',
  PN: 'a British Overseas Territory',
  PR: 'an unincorporated territory of the United States',
  RE: 'an overseas department and region of France',
  SH: 'a British Overseas Territory',
  SX: 'a constituent country of the Kingdom of the Netherlands',
  TC: 'a British Overseas Territory',
  TK: 'a dependent territory of New Zealand',
  VG: 'a British Overseas Territory',
  VI: 'an unincorporated territory of the United States',
  WF: 'an overseas collectivity of France',
  YT: 'an overseas department and region of France',
};

/** Places whose status is contested or special: their own neutral wording. */
export const SPECIAL_STATUS: Readonly<Record<string, string>> = {
  TW: 'a self-governed island',
  XK: 'a partially recognized state',
  PS: 'a United Nations non-member observer state',
  VA: 'a sovereign city-state',
};

/** Where the package's capital needs other words (or none) to stay neutral and accurate. */
export const CAPITAL_LABEL: Readonly<Record<string, string | null>> = {
  HK: null,
  MO: null,
  BQ: null,
  // City-states and Gibraltar: the capital is the place itself.
  GI: null,
  MC: null,
  SG: null,
  VA: null,
};

/** Well-known English forms the package lacks or lists only as codes. */
export const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['US', 'USA'],
  GB: ['UK', 'Britain', 'Great Britain'],
  KR: ['ROK'],
  KP: ['DPRK'],
  CN: ['PRC'],
  AE: ['UAE'],
  CD: ['DRC'],
  TR: ['Turkey'],
  VA: ['Holy See'],
  CV: ['Cabo Verde'],
  // The package gives it as the official name, which it is not (see the RE override).
  RE: ['Réunion Island'],
};

/** Japanese forms standard in the Japanese press that the package lacks. */
export const EXTRA_JAPANESE: Readonly<Record<string, readonly string[]>> = {
  US: ['米国'],
  AU: ['豪州'],
};

/**
 * Forms of the package left out (compared folded), because in English news they usually mean
 * something else: a wider region or either of two places ("Congo", "Korea", "Macedonia",
 * "Timor", "Guiana", "Virgin Islands"), one part of the place ("Bonaire", "Saint Vincent"),
 * another place or a person ("Granada", "Guadalupe", "Salvador", "Norfolk", "Dominique", "Mann"),
 * a demonym or language ("Thai", "Somali", "Saudi", "Argentine", "Togolese"), a company name
 * ("Emirates"; "Nippon" and "Nihon" mostly occur in company names), or a plain word
 * ("Zhonghua": Chinese; "Prathet": country; "Mexicanos", "Portuguesa": adjectives).
 */
export const DROPPED_ALIASES = new Set<string>([
  'antille francesi',
  'argentine',
  'bonaire',
  'congo',
  'dominique',
  'emirates',
  'granada',
  'guadalupe',
  'guiana',
  'ilhas virgens',
  'korea',
  'macedonia',
  'mann',
  'mexicanos',
  'nihon',
  'nippon',
  'norfolk',
  'panenske ostrovy',
  'portuguesa',
  'prathet',
  'saint vincent',
  'salvador',
  'saudi',
  'somali',
  'thai',
  'timor',
  'togolese',
  'virgin islands',
  'zhonghua',
]);

/**
 * Translations left out: a bare "Congo" (콩고, 刚果, الكونغو, کانگو: either Congo), 조선 (also the
 * Joseon dynasty), and names that take a side where the pack stays neutral (فلسطين اشغالی,
 * "occupied Palestine", for Israel; the Sahrawi Arab Democratic Republic, one claimant, for
 * Western Sahara).
 */
export const DROPPED_FORMS: Readonly<Record<string, readonly string[]>> = {
  CD: ['الكونغو', 'کانگو'],
  CG: ['콩고', '刚果'],
  KP: ['조선'],
  IL: ['فلسطين اشغالی'],
  EH: ['Sahrawi Arab Democratic Republic', 'Sahra Demokratik Arap Cumhuriyeti'],
};

/** Places whose English official name in the package is not one to state (see DROPPED_FORMS). */
export const NO_OFFICIAL_NAME = new Set<string>(['EH']);

/** BCP 47 tags of the package's ISO 639-3 translation keys (srp is written in Latin script). */
export const LANGUAGE_TAGS: Readonly<Record<string, string>> = {
  ara: 'ar',
  bre: 'br',
  ces: 'cs',
  cym: 'cy',
  deu: 'de',
  est: 'et',
  fas: 'fa',
  fin: 'fi',
  fra: 'fr',
  hrv: 'hr',
  hun: 'hu',
  ita: 'it',
  jpn: 'ja',
  kor: 'ko',
  nld: 'nl',
  per: 'fa',
  pol: 'pl',
  por: 'pt',
  rus: 'ru',
  slk: 'sk',
  spa: 'es',
  srp: 'sr-Latn',
  swe: 'sv',
  tur: 'tr',
  urd: 'ur',
  zho: 'zh',
};

/** English Wikipedia article titles where the package's common name is not the article. */
export const WIKIPEDIA_TITLES: Readonly<Record<string, string>> = {
  AX: 'Åland',
  BS: 'The Bahamas',
  CD: 'Democratic Republic of the Congo',
  CZ: 'Czech Republic',
  FM: 'Federated States of Micronesia',
  GE: 'Georgia (country)',
  GM: 'The Gambia',
  IE: 'Republic of Ireland',
  MF: 'Collectivity of Saint Martin',
  PS: 'State of Palestine',
  TL: 'East Timor',
  TR: 'Turkey',
};

/** Sovereign states named with "the" in running text. */
export const WITH_THE = new Set<string>(['US', 'GB', 'AE', 'NL', 'PH', 'BS', 'GM', 'CF', 'DO', 'MV', 'KM', 'CG', 'MH']);
