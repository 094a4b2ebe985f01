import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GlossaryEngine } from '../../src/core/engine';
import type { GlossaryFile } from '../../src/core/glossary-types';
import { suggestTerms, type Suggestion } from '../../src/core/suggest';

const seed = readFileSync(new URL('../fixtures/kyodo-kishida-nato-2024-07-10.txt', import.meta.url), 'utf8');
const small = JSON.parse(
  readFileSync(new URL('../fixtures/bad-glossaries/valid/seed.json', import.meta.url), 'utf8'),
) as GlossaryFile;
const empty = new GlossaryEngine([]);

function byTerm(list: Suggestion[]): Map<string, Suggestion> {
  return new Map(list.map((s) => [s.term, s]));
}

describe('suggestTerms on the seed article with an empty glossary', () => {
  const list = suggestTerms(seed, empty);
  const terms = byTerm(list);

  it('proposes the acronyms and the people, with their kinds', () => {
    for (const t of ['NATO', 'IP4', 'ACSA', 'LDP']) expect(terms.get(t)?.kind, t).toBe('acronym');
    for (const t of ['Olaf Scholz', 'Keir Starmer', 'Yoon Suk Yeol', 'Volodymyr Zelenskyy', 'Fumio Kishida'])
      expect(terms.get(t)?.kind, t).toBe('person');
  });

  it("carries the article's own definitions", () => {
    expect(terms.get('ACSA')?.definition).toBe('acquisition and cross-servicing agreement');
    expect(terms.get('IP4')?.definition).toBe('The four nations in the Indo-Pacific region');
    expect(terms.get('Keir Starmer')?.definition).toBe('British Prime Minister');
    expect(terms.get('Yoon Suk Yeol')?.definition).toBe('South Korean President');
    expect(terms.get('Volodymyr Zelenskyy')?.definition).toBe('Ukrainian President');
  });

  it('counts mentions: all 8 NATOs, a surname alone merged into the full name', () => {
    expect(terms.get('NATO')?.count).toBe(8);
    expect(terms.get('Olaf Scholz')?.count).toBe(3);
    expect(terms.get('Fumio Kishida')?.count).toBe(10);
    expect(terms.has('Scholz')).toBe(false);
    expect(terms.has('Kishida')).toBe(false);
    // The acronym and its long form are both mentions.
    expect(terms.get('ACSA')?.count).toBe(2);
  });

  it('gives the sentence each candidate came from', () => {
    expect(terms.get('ACSA')?.sentence).toMatch(/^On the security front, .* or ACSA, which simplifies .* German military\.$/);
    expect(terms.get('IP4')?.sentence).toMatch(/^The four nations in the Indo-Pacific region, collectively called IP4, /);
    expect(terms.get('LDP')?.sentence).toBe('Charges dropped against Kishida, other LDP members in slush fund case');
    for (const s of list) expect(seed.replace(/\s+/g, ' '), s.term).toContain(s.sentence);
  });

  it('proposes capitalized multi-word names of organizations and places', () => {
    expect(terms.get('Labour Party')?.kind).toBe('organization');
    expect(terms.get('Japan Self-Defense Forces')?.kind).toBe('organization');
    for (const t of ['North Korea', 'South Korea', 'New Zealand', 'Indo-Pacific', 'Asia-Pacific', 'United States'])
      expect(terms.get(t)?.kind, t).toBe('place');
    for (const t of ['Taiwan', 'Beijing', 'Haneda', 'Kyodo', 'China']) expect(terms.has(t), t).toBe(true);
  });

  it('leaves out common words, titles, weekdays, demonyms and words of the language', () => {
    for (const t of [
      'Conservative',
      'Prime Minister',
      'Japanese',
      'British',
      'Ukrainian',
      'Wednesday',
      'Friday',
      'PM',
      'Atlantic',
      'Related',
      'During',
      'Chancellor',
      'Japanese Prime Minister',
    ])
      expect(terms.has(t), t).toBe(false);
  });

  it('ranks: defined terms first, then by mentions, then by first mention', () => {
    const defined = list.filter((s) => s.definition);
    expect(list.slice(0, defined.length)).toEqual(defined);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1] as Suggestion;
      const b = list[i] as Suggestion;
      if (Boolean(a.definition) !== Boolean(b.definition)) continue;
      expect(a.count > b.count || (a.count === b.count && a.start < b.start), `${a.term} before ${b.term}`).toBe(true);
    }
    expect(list[0]?.term).toBe('Fumio Kishida');
  });
});

describe('suggestTerms with a glossary', () => {
  const engine = new GlossaryEngine(small.entries);
  const terms = byTerm(suggestTerms(seed, engine));

  it('drops what the glossary already matches, surnames included', () => {
    for (const t of ['NATO', 'IP4', 'ACSA', 'Olaf Scholz', 'Fumio Kishida', 'Keir Starmer', 'Labour Party', 'Scholz', 'Kishida'])
      expect(terms.has(t), t).toBe(false);
  });

  it('still proposes the rest, without the titles around known names', () => {
    for (const t of ['Yoon Suk Yeol', 'Volodymyr Zelenskyy', 'LDP', 'Taiwan']) expect(terms.has(t), t).toBe(true);
    expect([...terms.keys()].filter((t) => /Prime Minister/.test(t))).toEqual([]);
  });
});

describe('suggestTerms on small texts', () => {
  const terms = (text: string): Map<string, Suggestion> => byTerm(suggestTerms(text, empty));

  it('keeps a name after a sentence-initial common word, and whole names with connectors', () => {
    const t = terms('The Bank of Japan raised rates. Although Japan agreed, Ursula von der Leyen did not.');
    expect(t.get('Bank of Japan')?.kind).toBe('organization');
    expect(t.has('Japan')).toBe(true);
    expect(t.has('Ursula von der Leyen')).toBe(true);
    expect(t.has('Although Japan')).toBe(false);
  });

  it('reads a title or an honorific before a name as a person', () => {
    const t = terms('President Biden said so. It was Mr. Smith who met Foreign Minister Yoko Kamikawa.');
    expect(t.get('Biden')).toMatchObject({ kind: 'person', definition: 'President' });
    expect(t.get('Smith')?.kind).toBe('person');
    expect(t.get('Smith')?.definition).toBeUndefined();
    expect(t.get('Yoko Kamikawa')).toMatchObject({ kind: 'person', definition: 'Foreign Minister' });
  });

  it('takes a common word the article always capitalizes as a name, once is not enough', () => {
    const t = terms('Talks with China went well; China agreed. Conservative rule ended.');
    expect(t.get('China')?.count).toBe(2);
    expect(t.has('Conservative')).toBe(false);
  });

  it('skips all-capital headlines, keeps dotted acronyms and regnal numerals', () => {
    const t = terms('JAPAN AND NATO SIGN DEAL\nThe U.S. delegation recalled World War II with King Charles III.');
    expect(t.has('JAPAN')).toBe(false);
    expect(t.has('NATO')).toBe(false);
    expect(t.has('U.S.')).toBe(true);
    expect(t.has('World War II')).toBe(true);
    expect(t.has('II')).toBe(false);
  });

  it('leaves out demonyms of places the text or the glossary names, and months', () => {
    const t = terms(
      'Kenyan officials met in Nairobi. Kenya agreed. Africans and Europeans came from across Africa in March, and in March again.',
    );
    expect([...t.keys()].sort()).toEqual(['Africa', 'Kenya', 'Nairobi']);
  });

  it('merges a lone word into a full name only when it reads as a surname', () => {
    const t = terms(
      'Firefox is fast. The Mozilla Firefox browser is open. Firefox again. Reporters asked Anna Lindqvist. Lindqvist said no.',
    );
    expect(t.get('Firefox')?.count).toBe(2);
    expect(t.get('Mozilla Firefox')).toMatchObject({ kind: 'name', count: 1 });
    expect(t.get('Anna Lindqvist')).toMatchObject({ kind: 'person', count: 2 });
  });

  it('finds nothing in text without names', () => {
    expect(suggestTerms('nothing to see here, only lower case words.', empty)).toEqual([]);
  });
});
