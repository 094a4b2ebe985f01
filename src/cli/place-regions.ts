/**
 * The reviewed region table of `import-places`: for each ISO 3166-2 subdivision the pack covers,
 * its English name, capital (a well-known fact, checked against the place's Wikipedia article) and
 * national-language name. `iso` records the `iso-3166` package's name where the English name
 * differs from it (Kunrei romanization "Hukusima", "Anhui Sheng", "Bayern"): those are the
 * dataset's values this table overrides, and tests/unit/import-places.test.ts fails when the
 * package changes one (re-review the row).
 *
 * Flags: `noBare` (the bare name is a common family name, a word or another place — Kochi is also
 * a city in Kerala: only "X Prefecture" and X県 match),
 * `cityName` (a city of the same name has its own entry: it takes the bare name), `gate` (the
 * bare name is also a country, a first name or another region: it matches only in context),
 * `cityState` (the region is the city: the GeoNames city of the same name is merged into it).
 * A gated region's term is qualified ("Georgia (U.S. state)", GATE_QUALIFIER) so that only its
 * context-ruled alias matches the bare name.
 */

/** The qualifier of a gated region's term, by country. */
export const GATE_QUALIFIER: Readonly<Record<string, string>> = {
  US: 'U.S. state',
  IN: 'India',
  DE: 'Germany',
  AU: 'Australia',
};

/** The kind of a region, as the summary says it. */
type RegionKind =
  | 'state'
  | 'federal district'
  | 'prefecture'
  | 'province'
  | 'autonomous region'
  | 'municipality'
  | 'union territory'
  | 'territory'
  | 'Land'
  | 'country of the United Kingdom';

/** One region of the table. */
export interface RegionRow {
  /** ISO 3166-2 code, e.g. JP-15. */
  code: string;
  /** English term (for JP: the bare name; "Prefecture" is added). */
  name: string;
  kind: RegionKind;
  /** Capital (omitted where it is disputed, split or recently changed). */
  capital?: string;
  /** The `iso-3166` package's name where it differs from `name`. */
  iso?: string;
  /** National-language name (ja, zh or de) and other English forms. */
  native?: string;
  also?: readonly string[];
  /** The English Wikipedia article where it is not the term. */
  wiki?: string;
  flags?: readonly ('noBare' | 'cityName' | 'gate' | 'cityState')[];
  /** An extra sentence of fact, for places whose status needs one. */
  note?: string;
  /** For a gated name: the ids that decide it, where the country's other places would not. */
  context?: readonly string[];
}

const row = (code: string, name: string, kind: RegionKind, capital?: string, extra: Partial<RegionRow> = {}): RegionRow => ({
  code,
  name,
  kind,
  ...(capital ? { capital } : {}),
  ...extra,
});

const US: [string, string, string][] = [
  ['AL', 'Alabama', 'Montgomery'],
  ['AK', 'Alaska', 'Juneau'],
  ['AZ', 'Arizona', 'Phoenix'],
  ['AR', 'Arkansas', 'Little Rock'],
  ['CA', 'California', 'Sacramento'],
  ['CO', 'Colorado', 'Denver'],
  ['CT', 'Connecticut', 'Hartford'],
  ['DE', 'Delaware', 'Dover'],
  ['FL', 'Florida', 'Tallahassee'],
  ['GA', 'Georgia', 'Atlanta'],
  ['HI', 'Hawaii', 'Honolulu'],
  ['ID', 'Idaho', 'Boise'],
  ['IL', 'Illinois', 'Springfield'],
  ['IN', 'Indiana', 'Indianapolis'],
  ['IA', 'Iowa', 'Des Moines'],
  ['KS', 'Kansas', 'Topeka'],
  ['KY', 'Kentucky', 'Frankfort'],
  ['LA', 'Louisiana', 'Baton Rouge'],
  ['ME', 'Maine', 'Augusta'],
  ['MD', 'Maryland', 'Annapolis'],
  ['MA', 'Massachusetts', 'Boston'],
  ['MI', 'Michigan', 'Lansing'],
  ['MN', 'Minnesota', 'Saint Paul'],
  ['MS', 'Mississippi', 'Jackson'],
  ['MO', 'Missouri', 'Jefferson City'],
  ['MT', 'Montana', 'Helena'],
  ['NE', 'Nebraska', 'Lincoln'],
  ['NV', 'Nevada', 'Carson City'],
  ['NH', 'New Hampshire', 'Concord'],
  ['NJ', 'New Jersey', 'Trenton'],
  ['NM', 'New Mexico', 'Santa Fe'],
  ['NY', 'New York', 'Albany'],
  ['NC', 'North Carolina', 'Raleigh'],
  ['ND', 'North Dakota', 'Bismarck'],
  ['OH', 'Ohio', 'Columbus'],
  ['OK', 'Oklahoma', 'Oklahoma City'],
  ['OR', 'Oregon', 'Salem'],
  ['PA', 'Pennsylvania', 'Harrisburg'],
  ['RI', 'Rhode Island', 'Providence'],
  ['SC', 'South Carolina', 'Columbia'],
  ['SD', 'South Dakota', 'Pierre'],
  ['TN', 'Tennessee', 'Nashville'],
  ['TX', 'Texas', 'Austin'],
  ['UT', 'Utah', 'Salt Lake City'],
  ['VT', 'Vermont', 'Montpelier'],
  ['VA', 'Virginia', 'Richmond'],
  ['WA', 'Washington', 'Olympia'],
  ['WV', 'West Virginia', 'Charleston'],
  ['WI', 'Wisconsin', 'Madison'],
  ['WY', 'Wyoming', 'Cheyenne'],
];

/** US states whose bare name is also a country, a first name or a surname: matched in context only. */
const US_GATED = new Set(['GA', 'VA', 'MT']);
/** Wikipedia titles of US states that are not the bare name. */
const US_WIKI: Readonly<Record<string, string>> = {
  GA: 'Georgia (U.S. state)',
  NY: 'New York (state)',
  WA: 'Washington (state)',
};

function usRows(): RegionRow[] {
  return US.map(([code, name, capital]) => {
    const extra: Partial<RegionRow> = {};
    if (US_WIKI[code]) extra.wiki = US_WIKI[code];
    if (US_GATED.has(code)) extra.flags = ['gate'];
    // New York: the bare name is the city as often as the state; Washington: the bare name is
    // the capital (washington-dc). Both are named "… State" and keep the bare name for neither.
    if (code === 'NY' || code === 'WA') return row(`US-${code}`, `${name} State`, 'state', capital, { ...extra, iso: name });
    return row(`US-${code}`, name, 'state', capital, extra);
  });
}

/** Japan: [code, English, Kunrei name in iso-3166 (if different), kanji, island, capital, flags]. */
const JP: [string, string, string, string, string, string, ('noBare' | 'cityName')?][] = [
  ['01', 'Hokkaido', 'Hokkaidô', '北海道', 'Hokkaido', 'Sapporo'],
  ['02', 'Aomori', '', '青森県', 'Honshu', 'Aomori'],
  ['03', 'Iwate', '', '岩手県', 'Honshu', 'Morioka'],
  ['04', 'Miyagi', '', '宮城県', 'Honshu', 'Sendai', 'noBare'],
  ['05', 'Akita', '', '秋田県', 'Honshu', 'Akita', 'noBare'],
  ['06', 'Yamagata', '', '山形県', 'Honshu', 'Yamagata', 'noBare'],
  ['07', 'Fukushima', 'Hukusima', '福島県', 'Honshu', 'Fukushima'],
  ['08', 'Ibaraki', '', '茨城県', 'Honshu', 'Mito'],
  ['09', 'Tochigi', 'Totigi', '栃木県', 'Honshu', 'Utsunomiya'],
  ['10', 'Gunma', '', '群馬県', 'Honshu', 'Maebashi'],
  ['11', 'Saitama', '', '埼玉県', 'Honshu', 'Saitama', 'cityName'],
  ['12', 'Chiba', 'Tiba', '千葉県', 'Honshu', 'Chiba', 'noBare'],
  ['14', 'Kanagawa', '', '神奈川県', 'Honshu', 'Yokohama'],
  ['15', 'Niigata', '', '新潟県', 'Honshu', 'Niigata'],
  ['16', 'Toyama', '', '富山県', 'Honshu', 'Toyama', 'noBare'],
  ['17', 'Ishikawa', 'Isikawa', '石川県', 'Honshu', 'Kanazawa', 'noBare'],
  ['18', 'Fukui', 'Hukui', '福井県', 'Honshu', 'Fukui', 'noBare'],
  ['19', 'Yamanashi', 'Yamanasi', '山梨県', 'Honshu', 'Kofu'],
  ['20', 'Nagano', '', '長野県', 'Honshu', 'Nagano', 'noBare'],
  ['21', 'Gifu', 'Gihu', '岐阜県', 'Honshu', 'Gifu'],
  ['22', 'Shizuoka', 'Sizuoka', '静岡県', 'Honshu', 'Shizuoka'],
  ['23', 'Aichi', 'Aiti', '愛知県', 'Honshu', 'Nagoya'],
  ['24', 'Mie', '', '三重県', 'Honshu', 'Tsu', 'noBare'],
  ['25', 'Shiga', 'Siga', '滋賀県', 'Honshu', 'Otsu', 'noBare'],
  ['26', 'Kyoto', 'Kyôto', '京都府', 'Honshu', 'Kyoto', 'cityName'],
  ['27', 'Osaka', 'Ôsaka', '大阪府', 'Honshu', 'Osaka', 'cityName'],
  ['28', 'Hyogo', 'Hyôgo', '兵庫県', 'Honshu', 'Kobe'],
  ['29', 'Nara', '', '奈良県', 'Honshu', 'Nara'],
  ['30', 'Wakayama', '', '和歌山県', 'Honshu', 'Wakayama'],
  ['31', 'Tottori', '', '鳥取県', 'Honshu', 'Tottori'],
  ['32', 'Shimane', 'Simane', '島根県', 'Honshu', 'Matsue'],
  ['33', 'Okayama', '', '岡山県', 'Honshu', 'Okayama', 'noBare'],
  ['34', 'Hiroshima', 'Hirosima', '広島県', 'Honshu', 'Hiroshima', 'cityName'],
  ['35', 'Yamaguchi', 'Yamaguti', '山口県', 'Honshu', 'Yamaguchi', 'noBare'],
  ['36', 'Tokushima', 'Tokusima', '徳島県', 'Shikoku', 'Tokushima'],
  ['37', 'Kagawa', '', '香川県', 'Shikoku', 'Takamatsu', 'noBare'],
  ['38', 'Ehime', '', '愛媛県', 'Shikoku', 'Matsuyama'],
  ['39', 'Kochi', 'Kôti', '高知県', 'Shikoku', 'Kochi', 'noBare'],
  ['40', 'Fukuoka', 'Hukuoka', '福岡県', 'Kyushu', 'Fukuoka', 'cityName'],
  ['41', 'Saga', '', '佐賀県', 'Kyushu', 'Saga', 'noBare'],
  ['42', 'Nagasaki', '', '長崎県', 'Kyushu', 'Nagasaki'],
  ['43', 'Kumamoto', '', '熊本県', 'Kyushu', 'Kumamoto'],
  ['44', 'Oita', 'Ôita', '大分県', 'Kyushu', 'Oita', 'noBare'],
  ['45', 'Miyazaki', '', '宮崎県', 'Kyushu', 'Miyazaki', 'noBare'],
  ['46', 'Kagoshima', 'Kagosima', '鹿児島県', 'Kyushu', 'Kagoshima'],
];

/** The island of each Japanese prefecture, for its summary. */
export const JP_ISLAND = new Map<string, string>(JP.map((r) => [`JP-${r[0]}`, r[4]]));

function jpRows(): RegionRow[] {
  return JP.map(([code, name, iso, kanji, , capital, flag]) =>
    row(`JP-${code}`, code === '01' ? name : `${name} Prefecture`, 'prefecture', capital, {
      ...(iso ? { iso } : {}),
      native: kanji,
      ...(flag ? { flags: [flag] } : {}),
    }),
  );
}

/** China: [code, English, iso-3166 name, Chinese, kind, capital]; Beijing, Hong Kong, Macau, Taiwan have entries already. */
const CN: [string, string, string, string, RegionKind, string][] = [
  ['AH', 'Anhui', 'Anhui Sheng', '安徽', 'province', 'Hefei'],
  ['FJ', 'Fujian', 'Fujian Sheng', '福建', 'province', 'Fuzhou'],
  ['GD', 'Guangdong', 'Guangdong Sheng', '广东', 'province', 'Guangzhou'],
  ['GS', 'Gansu', 'Gansu Sheng', '甘肃', 'province', 'Lanzhou'],
  ['GX', 'Guangxi', 'Guangxi Zhuangzu Zizhiqu', '广西', 'autonomous region', 'Nanning'],
  ['GZ', 'Guizhou', 'Guizhou Sheng', '贵州', 'province', 'Guiyang'],
  ['HA', 'Henan', 'Henan Sheng', '河南', 'province', 'Zhengzhou'],
  ['HB', 'Hubei', 'Hubei Sheng', '湖北', 'province', 'Wuhan'],
  ['HE', 'Hebei', 'Hebei Sheng', '河北', 'province', 'Shijiazhuang'],
  ['HI', 'Hainan', 'Hainan Sheng', '海南', 'province', 'Haikou'],
  ['HL', 'Heilongjiang', 'Heilongjiang Sheng', '黑龙江', 'province', 'Harbin'],
  ['HN', 'Hunan', 'Hunan Sheng', '湖南', 'province', 'Changsha'],
  ['JL', 'Jilin', 'Jilin Sheng', '吉林', 'province', 'Changchun'],
  ['JS', 'Jiangsu', 'Jiangsu Sheng', '江苏', 'province', 'Nanjing'],
  ['JX', 'Jiangxi', 'Jiangxi Sheng', '江西', 'province', 'Nanchang'],
  ['LN', 'Liaoning', 'Liaoning Sheng', '辽宁', 'province', 'Shenyang'],
  ['NM', 'Inner Mongolia', 'Nei Mongol Zizhiqu', '内蒙古', 'autonomous region', 'Hohhot'],
  ['NX', 'Ningxia', 'Ningxia Huizu Zizhiqu', '宁夏', 'autonomous region', 'Yinchuan'],
  ['QH', 'Qinghai', 'Qinghai Sheng', '青海', 'province', 'Xining'],
  ['SC', 'Sichuan', 'Sichuan Sheng', '四川', 'province', 'Chengdu'],
  ['SD', 'Shandong', 'Shandong Sheng', '山东', 'province', 'Jinan'],
  ['SN', 'Shaanxi', 'Shaanxi Sheng', '陕西', 'province', "Xi'an"],
  ['SX', 'Shanxi', 'Shanxi Sheng', '山西', 'province', 'Taiyuan'],
  ['XJ', 'Xinjiang', 'Xinjiang Uygur Zizhiqu', '新疆', 'autonomous region', 'Ürümqi'],
  ['XZ', 'Tibet Autonomous Region', 'Xizang Zizhiqu', '西藏', 'autonomous region', 'Lhasa'],
  ['YN', 'Yunnan', 'Yunnan Sheng', '云南', 'province', 'Kunming'],
  ['ZJ', 'Zhejiang', 'Zhejiang Sheng', '浙江', 'province', 'Hangzhou'],
  ['CQ', 'Chongqing', 'Chongqing Shi', '重庆', 'municipality', ''],
  ['SH', 'Shanghai', 'Shanghai Shi', '上海', 'municipality', ''],
  ['TJ', 'Tianjin', 'Tianjin Shi', '天津', 'municipality', ''],
];

const CN_EXTRA: Readonly<Record<string, Partial<RegionRow>>> = {
  GX: { also: ['Guangxi Zhuang Autonomous Region'] },
  NM: { also: ['Inner Mongolia Autonomous Region'] },
  NX: { also: ['Ningxia Hui Autonomous Region'] },
  XJ: { also: ['Xinjiang Uyghur Autonomous Region'] },
  XZ: { also: ['Xizang'] },
};

function cnRows(): RegionRow[] {
  return CN.map(([code, name, iso, zh, kind, capital]) =>
    row(`CN-${code}`, name, kind, capital, {
      iso,
      native: zh,
      ...(CN_EXTRA[code] ?? {}),
      ...(kind === 'municipality' ? { flags: ['cityState'] } : {}),
    }),
  );
}

/** India: [code, English, kind, capital]; the English name is the iso-3166 name without macrons. */
const IN: [string, string, RegionKind, string][] = [
  ['AN', 'Andaman and Nicobar Islands', 'union territory', ''],
  ['AP', 'Andhra Pradesh', 'state', ''],
  ['AR', 'Arunachal Pradesh', 'state', 'Itanagar'],
  ['AS', 'Assam', 'state', 'Dispur'],
  ['BR', 'Bihar', 'state', 'Patna'],
  ['CG', 'Chhattisgarh', 'state', 'Raipur'],
  ['CH', 'Chandigarh', 'union territory', ''],
  ['DH', 'Dadra and Nagar Haveli and Daman and Diu', 'union territory', 'Daman'],
  ['DL', 'Delhi', 'union territory', ''],
  ['GA', 'Goa', 'state', 'Panaji'],
  ['GJ', 'Gujarat', 'state', 'Gandhinagar'],
  ['HP', 'Himachal Pradesh', 'state', 'Shimla'],
  ['HR', 'Haryana', 'state', 'Chandigarh'],
  ['JH', 'Jharkhand', 'state', 'Ranchi'],
  ['JK', 'Jammu and Kashmir', 'union territory', ''],
  ['KA', 'Karnataka', 'state', 'Bengaluru'],
  ['KL', 'Kerala', 'state', 'Thiruvananthapuram'],
  ['LA', 'Ladakh', 'union territory', ''],
  ['LD', 'Lakshadweep', 'union territory', 'Kavaratti'],
  ['MH', 'Maharashtra', 'state', 'Mumbai'],
  ['ML', 'Meghalaya', 'state', 'Shillong'],
  ['MN', 'Manipur', 'state', 'Imphal'],
  ['MP', 'Madhya Pradesh', 'state', 'Bhopal'],
  ['MZ', 'Mizoram', 'state', 'Aizawl'],
  ['NL', 'Nagaland', 'state', 'Kohima'],
  ['OD', 'Odisha', 'state', 'Bhubaneswar'],
  ['PB', 'Punjab', 'state', 'Chandigarh'],
  ['PY', 'Puducherry', 'union territory', 'Puducherry'],
  ['RJ', 'Rajasthan', 'state', 'Jaipur'],
  ['SK', 'Sikkim', 'state', 'Gangtok'],
  ['TN', 'Tamil Nadu', 'state', 'Chennai'],
  ['TR', 'Tripura', 'state', 'Agartala'],
  ['TS', 'Telangana', 'state', 'Hyderabad'],
  ['UK', 'Uttarakhand', 'state', ''],
  ['UP', 'Uttar Pradesh', 'state', 'Lucknow'],
  ['WB', 'West Bengal', 'state', 'Kolkata'],
];

const IN_EXTRA: Readonly<Record<string, Partial<RegionRow>>> = {
  // Pakistan's Punjab is in the news with India's capital and states: only Indian Punjab's own
  // cities and neighbours decide the bare name.
  PB: { wiki: 'Punjab, India', flags: ['gate'], context: ['amritsar', 'ludhiana', 'chandigarh', 'haryana', 'himachal-pradesh'] },
  PY: { iso: 'Puducherry (Pondicherry)', also: ['Pondicherry'] },
  DL: {
    also: ['National Capital Territory of Delhi'],
    flags: ['cityState'],
    note: 'New Delhi, the national capital, lies within it.',
  },
  CH: { note: 'The city is the capital of both Punjab and Haryana.' },
  JK: {
    note: 'It was formed in 2019 in the part of the disputed Kashmir region that India administers; Srinagar is its summer and Jammu its winter capital.',
    wiki: 'Jammu and Kashmir (union territory)',
  },
  LA: { note: 'It was formed as a union territory in 2019.' },
  OD: { also: ['Orissa'] },
};

function inRows(): RegionRow[] {
  return IN.map(([code, name, kind, capital]) => row(`IN-${code}`, name, kind, capital, IN_EXTRA[code] ?? {}));
}

const CA: [string, string, RegionKind, string][] = [
  ['AB', 'Alberta', 'province', 'Edmonton'],
  ['BC', 'British Columbia', 'province', 'Victoria'],
  ['MB', 'Manitoba', 'province', 'Winnipeg'],
  ['NB', 'New Brunswick', 'province', 'Fredericton'],
  ['NL', 'Newfoundland and Labrador', 'province', "St. John's"],
  ['NS', 'Nova Scotia', 'province', 'Halifax'],
  ['NT', 'Northwest Territories', 'territory', 'Yellowknife'],
  ['NU', 'Nunavut', 'territory', 'Iqaluit'],
  ['ON', 'Ontario', 'province', 'Toronto'],
  ['PE', 'Prince Edward Island', 'province', 'Charlottetown'],
  ['QC', 'Quebec', 'province', 'Quebec City'],
  ['SK', 'Saskatchewan', 'province', 'Regina'],
  ['YT', 'Yukon', 'territory', 'Whitehorse'],
];

/** Australia: South Australia and Western Australia have entries already. */
const AU: [string, string, RegionKind, string][] = [
  ['ACT', 'Australian Capital Territory', 'territory', 'Canberra'],
  ['NSW', 'New South Wales', 'state', 'Sydney'],
  ['NT', 'Northern Territory', 'territory', 'Darwin'],
  ['QLD', 'Queensland', 'state', 'Brisbane'],
  ['TAS', 'Tasmania', 'state', 'Hobart'],
  ['VIC', 'Victoria', 'state', 'Melbourne'],
];

/** Germany: [code, English, iso-3166 (German) name if different, capital]; Berlin has an entry already. */
const DE: [string, string, string, string][] = [
  ['BB', 'Brandenburg', '', 'Potsdam'],
  ['BW', 'Baden-Württemberg', '', 'Stuttgart'],
  ['BY', 'Bavaria', 'Bayern', 'Munich'],
  ['HB', 'Bremen', '', ''],
  ['HE', 'Hesse', 'Hessen', 'Wiesbaden'],
  ['HH', 'Hamburg', '', ''],
  ['MV', 'Mecklenburg-Western Pomerania', 'Mecklenburg-Vorpommern', 'Schwerin'],
  ['NI', 'Lower Saxony', 'Niedersachsen', 'Hanover'],
  ['NW', 'North Rhine-Westphalia', 'Nordrhein-Westfalen', 'Düsseldorf'],
  ['RP', 'Rhineland-Palatinate', 'Rheinland-Pfalz', 'Mainz'],
  ['SH', 'Schleswig-Holstein', '', 'Kiel'],
  ['SL', 'Saarland', '', 'Saarbrücken'],
  ['SN', 'Saxony', 'Sachsen', 'Dresden'],
  ['ST', 'Saxony-Anhalt', 'Sachsen-Anhalt', 'Magdeburg'],
  ['TH', 'Thuringia', 'Thüringen', 'Erfurt'],
];

function deRows(): RegionRow[] {
  return DE.map(([code, name, iso, capital]) => {
    const extra: Partial<RegionRow> = iso ? { iso, native: iso } : {};
    if (code === 'HB' || code === 'HH') extra.flags = ['cityState'];
    // "Hesse" is also a surname (Hermann Hesse): the bare name matches in context only.
    if (code === 'HE') extra.flags = ['gate'];
    return row(`DE-${code}`, name, 'Land', capital, extra);
  });
}

/** UK nations; Northern Ireland has an entry already. The regions of England are not in ISO 3166-2. */
const GB: [string, string, string][] = [
  ['ENG', 'England', 'London'],
  ['SCT', 'Scotland', 'Edinburgh'],
  ['WLS', 'Wales', 'Cardiff'],
];

/** Every region of the pack, in a fixed order. */
export function regionRows(): RegionRow[] {
  return [
    ...usRows(),
    ...jpRows(),
    ...cnRows(),
    ...inRows(),
    ...CA.map(([code, name, kind, capital]) => row(`CA-${code}`, name, kind, capital)),
    ...AU.map(([code, name, kind, capital]) =>
      row(`AU-${code}`, name, kind, capital, code === 'VIC' ? { wiki: 'Victoria (state)', flags: ['gate'] } : {}),
    ),
    ...deRows(),
    ...GB.map(([code, name, capital]) => row(`GB-${code}`, name, 'country of the United Kingdom', capital)),
  ];
}

/** The country entry id (glossary/countries.json) of each ISO 3166-1 code the table covers. */
export const COUNTRY_IDS: Readonly<Record<string, string>> = {
  US: 'united-states',
  JP: 'japan',
  CN: 'china',
  IN: 'india',
  CA: 'canada',
  AU: 'australia',
  DE: 'germany',
  GB: 'united-kingdom',
};
