import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expansionFor, findDefinitions } from '../../src/core/definitions';
import { GlossaryEngine } from '../../src/core/engine';
import { TEST_ENTRIES } from './test-entries';

const seed = readFileSync(new URL('../fixtures/kyodo-kishida-nato-2024-07-10.txt', import.meta.url), 'utf8');
const defs = (text: string) => Object.fromEntries(findDefinitions(text).map((d) => [d.term, `${d.kind}: ${d.definition}`]));

describe("the article's own definitions", () => {
  it('reads every definition in the seed article', () => {
    expect(defs(seed)).toEqual({
      'Fumio Kishida': 'title: Japanese Prime Minister',
      'Olaf Scholz': 'title: Chancellor',
      IP4: 'called: The four nations in the Indo-Pacific region',
      'Volodymyr Zelenskyy': 'title: Ukrainian President',
      'Keir Starmer': 'title: British Prime Minister',
      'Yoon Suk Yeol': 'title: South Korean President',
      ACSA: 'acronym: acquisition and cross-servicing agreement',
    });
  });
  it('reads "the long form, or ACRONYM"', () => {
    expect(defs('They signed the reciprocal access agreement, or RAA, last year.')).toEqual({
      RAA: 'acronym: reciprocal access agreement',
    });
  });
  it('reads "ACRONYM (long form)" and "long form (ACRONYM)"', () => {
    expect(defs('The IAEA (International Atomic Energy Agency) said so.')).toMatchObject({
      IAEA: 'acronym: International Atomic Energy Agency',
    });
    expect(defs('the Association of Southeast Asian Nations (ASEAN) met')).toEqual({
      ASEAN: 'acronym: Association of Southeast Asian Nations',
    });
  });
  it('reads "known as" and "dubbed"', () => {
    expect(defs('The security dialogue of four democracies, known as the Quad, met.')).toEqual({
      Quad: 'called: The security dialogue of four democracies',
    });
  });
  it('takes only the phrase the name belongs to', () => {
    expect(defs('Firefox OS (project name: Boot to Gecko also known as B2G) is an OS.')).toEqual({
      B2G: 'called: Boot to Gecko',
    });
  });
  it('does not take a parenthesis that is not an expansion', () => {
    expect(defs('The UN (which met on Monday) said.')).toEqual({});
    expect(expansionFor('ACSA', 'two countries signed the deal')).toBeUndefined();
  });
});

describe('definitions in analysis', () => {
  const engine = new GlossaryEngine(TEST_ENTRIES.filter((e) => e.id !== 'ip4'));
  const result = engine.analyze(seed);
  it('attaches the article definition to a glossary entry', () => {
    expect(result.definitions.acsa?.definition).toBe('acquisition and cross-servicing agreement');
    expect(result.definitions['keir-starmer']?.definition).toBe('British Prime Minister');
  });
  it('gives a term the glossary lacks an entry from the article’s words', () => {
    const ip4 = result.articleEntries.find((e) => e.term === 'IP4');
    expect(ip4?.summary).toBe('The four nations in the Indo-Pacific region');
    const mentions = result.matches.filter((m) => m.id === ip4?.id);
    expect(mentions.map((m) => [m.text, m.via])).toEqual([['IP4', 'article-definition']]);
  });
});
