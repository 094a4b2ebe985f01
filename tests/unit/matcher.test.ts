import { describe, expect, it } from 'vitest';
import { GlossaryEngine } from '../../src/core/engine';
import { TEST_ENTRIES, entry } from './test-entries';

const engine = new GlossaryEngine(TEST_ENTRIES);
const find = (text: string, fuzzy = false) => engine.analyze(text, { fuzzy, definitions: false }).matches;
const ids = (text: string, fuzzy = false) => find(text, fuzzy).map((m) => `${m.id}:${m.text}`);

describe('normalization keeps offsets into the original text', () => {
  it('offsets point at the mention as written', () => {
    const text = 'Talks with N.A.T.O. and the Indo\u2011Pacific.';
    for (const m of find(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(ids(text)).toEqual(['nato:N.A.T.O.', 'indo-pacific:Indo\u2011Pacific']);
  });
  it('folds Unicode compatibility forms (full-width NATO)', () => {
    expect(ids('ＮＡＴＯ members')).toEqual(['nato:ＮＡＴＯ']);
  });
  it('folds diacritics both ways (Erdoğan / Erdogan)', () => {
    expect(ids('Recep Tayyip Erdogan spoke')).toEqual(['recep-erdogan:Recep Tayyip Erdogan']);
    expect(ids('Recep Tayyip Erdoğan spoke')).toEqual(['recep-erdogan:Recep Tayyip Erdoğan']);
  });
  it('treats hyphen, dash variants and spaces alike inside a term', () => {
    for (const form of ['Indo-Pacific', 'Indo Pacific', 'Indo\u2011Pacific', 'Indo\u2013Pacific', 'Indo\u00a0Pacific'])
      expect(ids(`the ${form} region`)).toEqual([`indo-pacific:${form}`]);
  });
  it('treats apostrophe variants alike', () => {
    for (const ap of ["'", '\u2019', '\u02bc'])
      expect(ids(`the People${ap}s Republic of China`)).toEqual([`peoples-republic:People${ap}s Republic of China`]);
  });
  it('reads across non-breaking and zero-width spaces', () => {
    expect(ids('Olaf\u00a0Scholz and Olaf\u200bScholz')).toEqual([
      'olaf-scholz:Olaf\u00a0Scholz',
      'olaf-scholz:Olaf\u200bScholz',
    ]);
  });
  it('ignores a soft hyphen inside a word', () => {
    expect(ids('Kishi\u00adda arrived. Fumio Kishi\u00adda')).toContain('fumio-kishida:Fumio Kishi\u00adda');
  });
  it('does not read a currency prefix as the country (US$1,000)', () => {
    expect(ids('He gave US$1,000 to the US campaign')).toEqual(['us:US']);
  });
  it('matches dotted acronyms', () => {
    expect(ids('N.A.T.O. and U.S. forces')).toEqual(['nato:N.A.T.O.', 'us:U.S.']);
  });
  it('a dotted acronym can begin a phrase (U.S.-Japan)', () => {
    const e = new GlossaryEngine([entry('alliance', 'US-Japan Alliance', 'agreement')]);
    expect(e.analyze('the U.S.-Japan Alliance', { fuzzy: false }).matches.map((m) => m.text)).toEqual(['U.S.-Japan Alliance']);
  });
  it('matches possessives without the possessive', () => {
    expect(ids("Kishida's trip and NATO’s summit")).toEqual(['fumio-kishida:Kishida', 'nato:NATO']);
  });
  it('matches plurals only where an entry allows them', () => {
    expect(ids('two ballistic missiles')).toEqual(['ballistic-missile:ballistic missiles']);
    expect(ids('NATOs')).toEqual([]);
  });
  it('does not join words across sentence punctuation or paragraphs', () => {
    expect(ids('in Japan. Self-Defense Forces')).toEqual(['japan:Japan', 'japan-self-defense-forces:Self-Defense Forces']);
    expect(ids('South\u2029Korea')).toEqual(['korea:Korea']);
  });
});

describe('case rules', () => {
  it('short all-caps acronyms match only in capitals', () => {
    expect(ids('IP4 ACSA LDP')).toEqual(['ip4:IP4', 'acsa:ACSA', 'ldp:LDP']);
    expect(ids('ip4 acsa Ldp ldp')).toEqual([]);
  });
  it('names that are common words match only capitalized', () => {
    expect(ids('the labour market and conservative estimates')).toEqual([]);
    expect(ids('14 years of Conservative rule; Labour won')).toEqual([
      'conservative-party-uk:Conservative',
      'labour-party-uk:Labour',
    ]);
  });
  it('all-caps text still matches a capitalized name (headlines)', () => {
    expect(ids('LABOUR PARTY WINS')).toEqual(['labour-party-uk:LABOUR PARTY']);
  });
  it('lower-case glossary forms match in any case', () => {
    expect(ids('the Acquisition and Cross-Servicing Agreement')).toEqual(['acsa:Acquisition and Cross-Servicing Agreement']);
  });
  it('nothing matches inside a longer word', () => {
    expect(ids('VIP4 NATOPS IP45 JapanTimes')).toEqual([]);
  });
  it('forms of every case shape hold their rule, with and without accents in the text', () => {
    const e = new GlossaryEngine([
      entry('iphone', 'iPhone', 'other', { aliases: [{ text: 'iPad', caseSensitive: true }] }),
      entry('mcdonalds', "McDonald's", 'organization'),
      entry('labour', 'Labour', 'party', {
        aliases: [
          { text: 'Labour Party', caseSensitive: true },
          { text: 'lab', caseSensitive: true },
        ],
      }),
      entry('sdf', 'SDF', 'organization', { aliases: [{ text: 'JSDF 2', caseSensitive: true }] }),
      entry('strasse', 'Straße', 'place'),
    ]);
    const got = (text: string): string[] => e.analyze(text, { fuzzy: false, definitions: false }).matches.map((m) => m.text);
    // Variants apart (side by side they would read as one longer name). Mixed case (compared
    // letter by letter): capitals must stay capitals.
    expect(got('iPhone; IPHONE; Iphone; iphone')).toEqual(['iPhone', 'IPHONE']);
    expect(got('iPad; IPAD; Ipad')).toEqual(['iPad']);
    expect(got("McDonald's; MCDONALD'S; Mcdonald's; mcDonald's")).toEqual(["McDonald's", "MCDONALD'S"]);
    // Capitalized, as written only where the alias is case-sensitive.
    expect(got('Labour Party; LABOUR PARTY; Labour party; labour')).toEqual(['Labour Party', 'LABOUR', 'Labour']);
    expect(got('lab; Lab; LAB')).toEqual(['lab']);
    // All capitals with a digit.
    expect(got('JSDF 2; Jsdf 2; jsdf 2; SDF; Sdf')).toEqual(['JSDF 2', 'SDF']);
    // A non-ASCII capital or letter: the text's accents and spellings do not matter, its case does.
    expect(got('Straße; STRASSE; Strasse; straße')).toEqual(['Straße', 'STRASSE', 'Strasse']);
  });
});

describe('longest leftmost match', () => {
  it('prefers the longer term at the same start', () => {
    expect(ids('the Japan Self-Defense Forces')).toEqual(['japan-self-defense-forces:Japan Self-Defense Forces']);
    expect(ids('South Korea and Korea')).toEqual(['south-korea:South Korea', 'korea:Korea']);
  });
  it('never reports overlapping matches', () => {
    const ms = find('Japan Self-Defense Forces Japan South Korea');
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
  });
});

describe('regular-expression metacharacters in terms are literal', () => {
  it('matches "C++ (v2.0)?" only as written', () => {
    const e = new GlossaryEngine([entry('cpp', 'C++ (v2.0)?', 'concept'), entry('dot', 'a.b', 'concept')]);
    const f = (t: string) => e.analyze(t, { fuzzy: false, definitions: false }).matches.map((m) => m.text);
    expect(f('We use C++ (v2.0)? daily')).toEqual(['C++ (v2.0)?']);
    expect(f('We use C (v2.0) and C++ v2')).toEqual([]);
    expect(f('axb and a.b')).toEqual(['a.b']);
  });
});

describe('people by surname and title', () => {
  it('links a later bare surname to the person named in full', () => {
    const ms = find('Chancellor Olaf Scholz met Fumio Kishida. Later, Mr. Kishida and Chancellor Scholz spoke; Scholz left.');
    expect(ms.map((m) => `${m.id}:${m.via}`)).toEqual([
      'olaf-scholz:exact',
      'fumio-kishida:exact',
      'fumio-kishida:surname',
      'olaf-scholz:surname',
      'olaf-scholz:surname',
    ]);
  });
  it('links a bare surname with no full name only when one person has it', () => {
    expect(ids('Kishida arrived.')).toEqual(['fumio-kishida:Kishida']);
    expect(ids('Smith arrived.')).toEqual([]); // two people named Smith
  });
  it('after a full name, the surname means that person', () => {
    expect(ids('Hans Smith spoke. Smith left.')).toEqual(['hans-smith:Hans Smith', 'hans-smith:Smith']);
  });
  it('a title can tell namesakes apart', () => {
    expect(ids('Governor Smith spoke.')).toEqual(['anna-smith:Smith']);
  });
  it('another first name means another person', () => {
    expect(ids('Fumio Kishida met Hiro Kishida.')).toEqual(['fumio-kishida:Fumio Kishida']);
  });
  it('a name ending the previous sentence is not a first name', () => {
    expect(ids('He met Fumio Kishida. Kishida said')).toEqual(['fumio-kishida:Fumio Kishida', 'fumio-kishida:Kishida']);
    expect(ids('He met Hiro. Kishida said')).toEqual(['fumio-kishida:Kishida']);
  });
  it('a lower-case surname-like word is not a name', () => {
    expect(ids('a yoon was seen')).toEqual([]);
  });
});

describe('languages written without spaces', () => {
  it('matches Japanese aliases with no word boundaries', () => {
    expect(ids('岸田文雄首相は北大西洋条約機構（NATO）の首脳会議に出席した')).toEqual([
      'fumio-kishida:岸田文雄',
      'nato:北大西洋条約機構',
      'nato:NATO',
    ]);
    expect(ids('ゼレンスキー大統領と自民党')).toEqual(['volodymyr-zelenskyy:ゼレンスキー', 'ldp:自民党']);
  });
  it('matches katakana names with the middle dot', () => {
    expect(ids('オラフ・ショルツ首相')).toEqual(['olaf-scholz:オラフ・ショルツ']);
  });
});

describe('fuzzy matching of long names', () => {
  const cases: [string, string][] = [
    ['President Zelensky said', 'volodymyr-zelenskyy'],
    ['President Zelenskiy said', 'volodymyr-zelenskyy'],
    ['Zelenskyj said', 'volodymyr-zelenskyy'],
    ['met Olaf Scholtz today', 'olaf-scholz'],
    ['met Kier Starmer today', 'keir-starmer'],
  ];
  for (const [text, id] of cases)
    it(`"${text}" → ${id}, marked as fuzzy`, () => {
      const ms = find(text, true);
      expect(ms).toHaveLength(1);
      expect(ms[0]).toMatchObject({ id, via: 'fuzzy' });
    });
  it('"Yoon Suk-yeol" matches (hyphenated, lower-case given name)', () => {
    expect(find('President Yoon Suk-yeol said', true).map((m) => m.id)).toEqual(['yoon-suk-yeol']);
  });
  it('never matches short or common words, or demonyms', () => {
    expect(find('The Starter said Japanese and South Korean officials met Koreans. Olaf left.', true)).toEqual([]);
    expect(find('Scholl and Smyth arrived', true)).toEqual([]);
  });
});

describe("the article's date", () => {
  it('an event that began after the article is not what it means', () => {
    const e = new GlossaryEngine([
      entry('summit-2024', '2024 NATO summit', 'event', {
        aliases: ['NATO summit'],
        periods: [{ role: 'Summit', from: '2024-07-09', to: '2024-07-11' }],
      }),
    ]);
    expect(e.analyze('the NATO summit', { date: '2015-03-01' }).matches).toEqual([]);
    expect(e.analyze('the NATO summit', { date: '2024-07-10' }).matches).toHaveLength(1);
  });
  it('an event known only to its month or year begins on the first day of it', () => {
    const e = new GlossaryEngine([
      entry('crisis', 'Test crisis', 'event', { periods: [{ role: 'Crisis', from: '2019-03' }] }),
      entry('scandal', 'Test scandal', 'event', { periods: [{ role: 'Scandal', from: '1999', to: '2024' }] }),
    ]);
    const ids = (date: string) => e.analyze('the Test crisis and the Test scandal', { date }).matches.map((m) => m.id);
    expect(ids('1998-12-31')).toEqual([]);
    expect(ids('1999-01-01')).toEqual(['scandal']);
    expect(ids('2019-02-28')).toEqual(['scandal']);
    expect(ids('2019-03-01')).toEqual(['crisis', 'scandal']);
  });
});

describe('ambiguous aliases with a context rule', () => {
  const e = new GlossaryEngine([
    entry('georgia-country', 'Georgia', 'country', { aliases: ['Tbilisi'] }),
    entry('georgia-state', 'State of Georgia', 'place', { aliases: [{ text: 'Georgia', context: ['atlanta'] }] }),
    entry('atlanta', 'Atlanta', 'place'),
  ]);
  const f = (t: string) => e.analyze(t, { fuzzy: false, definitions: false }).matches.map((m) => `${m.id}:${m.text}`);
  it('uses the entry without context by default', () => {
    expect(f('Georgia votes.')).toEqual(['georgia-country:Georgia']);
  });
  it('uses the entry whose context is on the page', () => {
    expect(f('Georgia votes. Atlanta waits.')).toEqual(['georgia-state:Georgia', 'atlanta:Atlanta']);
  });
  it('counts an entry related to the context as the context', () => {
    const e2 = new GlossaryEngine([
      entry('japan', 'Japan', 'country'),
      entry('tokyo', 'Tokyo', 'place', { related: ['japan'] }),
      entry('sdf', 'Self-Defense Forces', 'military', { aliases: [{ text: 'SDF', context: ['japan'] }] }),
    ]);
    const g = (t: string) => e2.analyze(t, { fuzzy: false }).matches.map((m) => m.id);
    expect(g('The SDF in Tokyo.')).toEqual(['sdf', 'tokyo']);
    expect(g('The SDF in Syria.')).toEqual([]);
  });
});
