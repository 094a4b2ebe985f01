/**
 * Reviewed overrides of `import-countries` (issue #17): the fields `world-countries` gets wrong or
 * leaves ambiguous — capitals, official names — each with the dataset's value it replaces, the
 * reason and the page it was checked on. tests/unit/import-countries.test.ts fails when the
 * dataset no longer has the value an override replaces: the override then needs a new review.
 *
 * Fields: `capital` (dataset: the package's capitals joined by "; "; value: the phrase that
 * follows the status in the summary, e.g. "capital: Amsterdam; seat of government: The Hague",
 * or null to name no capital) and `officialName` (value: the official name, or null to state
 * none). `note` adds a sentence to the entry's details.
 *
 * Checked and left as the dataset has them (no override): Myanmar's capital Naypyidaw (since
 * 2006), Kazakhstan's Astana (the name restored in 2022), and the names Türkiye, Czechia,
 * Eswatini and North Macedonia (the package's common names are these since their renaming).
 */
import type { Override } from './generator-helpers';

/** A country override, with an optional sentence for the details. */
export interface CountryOverride extends Override {
  note?: string;
  /** The title of `source` when it is not a Wikipedia article. */
  sourceTitle?: string;
}

const WP = 'https://en.wikipedia.org/wiki/';

export const COUNTRY_OVERRIDES: readonly CountryOverride[] = [
  {
    key: 'TK',
    field: 'capital',
    dataset: 'Fakaofo',
    value: null,
    note: 'Tokelau has no official capital: the seat of its government rotates annually among its three atolls, Atafu, Nukunonu and Fakaofo.',
    reason: 'Tokelau has no capital; the administrative seat rotates each year among the three atolls.',
    source: `${WP}Tokelau`,
  },
  {
    key: 'AF',
    field: 'officialName',
    dataset: 'Islamic Republic of Afghanistan',
    value: null,
    note: 'The Islamic Republic of Afghanistan ended when the Taliban took power in August 2021; the Taliban call the country the Islamic Emirate of Afghanistan, a name not widely recognised internationally.',
    reason:
      'The Islamic Republic fell in August 2021; the Taliban government and its name are not widely recognised, so no official name is stated.',
    source: `${WP}Afghanistan`,
  },
  {
    key: 'IL',
    field: 'capital',
    dataset: 'Jerusalem',
    value: 'seat of government: Jerusalem, whose status as capital is disputed',
    reason:
      'Israel proclaims Jerusalem its capital; most states do not recognise it as such and keep their embassies in Tel Aviv.',
    source: `${WP}Status_of_Jerusalem`,
  },
  {
    key: 'PS',
    field: 'capital',
    dataset: 'Ramallah',
    value: 'proclaimed capital: East Jerusalem; administrative centre: Ramallah',
    reason: 'The State of Palestine proclaims East Jerusalem its capital; its government sits in Ramallah.',
    source: `${WP}State_of_Palestine`,
  },
  {
    key: 'BO',
    field: 'capital',
    dataset: 'Sucre',
    value: 'constitutional capital: Sucre; seat of government: La Paz',
    reason: 'Sucre is the constitutional capital; the executive and legislature sit in La Paz.',
    source: `${WP}Bolivia`,
  },
  {
    key: 'CI',
    field: 'capital',
    dataset: 'Yamoussoukro',
    value: 'capital: Yamoussoukro; largest city and economic centre: Abidjan',
    reason: 'Yamoussoukro is the official capital, but most government offices and embassies are in Abidjan.',
    source: `${WP}Ivory_Coast`,
  },
  {
    key: 'SZ',
    field: 'capital',
    dataset: 'Lobamba',
    value: 'capitals: Mbabane (executive) and Lobamba (legislative and royal)',
    reason: 'Mbabane is the executive capital; Lobamba is the legislative and royal capital.',
    source: `${WP}Eswatini`,
  },
  {
    key: 'ID',
    field: 'capital',
    dataset: 'Jakarta',
    value: 'capital: Jakarta (a move to Nusantara, on Borneo, was legislated in 2022)',
    reason:
      'A 2022 law designated Nusantara in East Kalimantan as the future capital; as of September 2025 no decree had moved the capital, and a 2025 regulation targets 2028 for it to become the political capital.',
    source: 'https://www.thejakartapost.com/indonesia/2025/09/23/prabowo-gives-nusantara-certainty-with-new-regulation.html',
    sourceTitle: 'Prabowo gives Nusantara certainty with new regulation — The Jakarta Post, 2025-09-23',
  },
  {
    key: 'LK',
    field: 'capital',
    dataset: 'Colombo',
    value: 'capitals: Sri Jayawardenepura Kotte (legislative) and Colombo (executive and judicial)',
    reason: 'Sri Jayawardenepura Kotte is the legislative capital; Colombo is the executive and judicial capital.',
    source: `${WP}Sri_Lanka`,
  },
  {
    key: 'NL',
    field: 'capital',
    dataset: 'Amsterdam',
    value: 'capital: Amsterdam; seat of government: The Hague',
    reason: 'Amsterdam is the constitutional capital; the government, parliament and supreme court sit in The Hague.',
    source: `${WP}Netherlands`,
  },
  {
    key: 'ZA',
    field: 'capital',
    dataset: 'Pretoria; Bloemfontein; Cape Town',
    value: 'capitals: Pretoria (executive), Bloemfontein (judicial) and Cape Town (legislative)',
    reason: 'South Africa has three capitals, one for each branch of government.',
    source: `${WP}South_Africa`,
  },
  {
    key: 'BJ',
    field: 'capital',
    dataset: 'Porto-Novo',
    value: 'capital: Porto-Novo; seat of government: Cotonou',
    reason: 'Porto-Novo is the official capital; the government sits in Cotonou.',
    source: `${WP}Benin`,
  },
  {
    key: 'MY',
    field: 'capital',
    dataset: 'Kuala Lumpur',
    value: 'capital: Kuala Lumpur; administrative centre: Putrajaya',
    reason: 'Kuala Lumpur is the capital; the federal government moved to Putrajaya.',
    source: `${WP}Malaysia`,
  },
  {
    key: 'EH',
    field: 'capital',
    dataset: 'El Aaiún',
    value: null,
    reason: 'The territory is disputed between Morocco and the Sahrawi Arab Democratic Republic; naming a capital takes a side.',
    source: `${WP}Western_Sahara`,
  },
];

/** The dataset value of an override's field, as `dataset` records it. */
export function countryDatasetValue(c: { name: { official: string }; capital: readonly string[] }, field: string): string {
  if (field === 'capital') return c.capital.join('; ');
  if (field === 'officialName') return c.name.official;
  throw new Error(`country-overrides: unknown field "${field}"`);
}
