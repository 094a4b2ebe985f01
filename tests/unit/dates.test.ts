import { describe, expect, it } from 'vitest';
import { articleDate, describePeriods, isoDateOf } from '../../src/core/dates';

describe("the article's date", () => {
  it('prefers meta, then JSON-LD, then <time>', () => {
    expect(articleDate({ meta: ['2024-07-10T19:05:00+09:00'], jsonLd: ['{"datePublished":"2020-01-01"}'] })).toBe('2024-07-10');
    expect(
      articleDate({ meta: [null], jsonLd: ['{"@graph":[{"@type":"NewsArticle","datePublished":"2023-03-18T10:00:00Z"}]}'] }),
    ).toBe('2023-03-18');
    expect(articleDate({ jsonLd: ['not json'], times: ['2022-02-24'] })).toBe('2022-02-24');
  });
  it('has no date when the page gives none or an invalid one', () => {
    expect(articleDate({})).toBeUndefined();
    expect(isoDateOf('2024-02-31')).toBeUndefined();
    expect(isoDateOf('yesterday')).toBeUndefined();
  });
});

describe('periods at the article’s date', () => {
  const kishida = [{ role: 'Prime Minister of Japan', from: '2021-10-04', to: '2024-10-01' }];
  const starmer = [{ role: 'Prime Minister of the United Kingdom', from: '2024-07-05' }];
  it('says what was true then, and that it has ended', () => {
    expect(describePeriods(kishida, '2024-07-10', '2026-11-26')[0]?.label).toBe(
      'Prime Minister of Japan at the time (2021–2024)',
    );
  });
  it('says "since" for a period still current', () => {
    expect(describePeriods(starmer, '2024-07-10', '2026-11-26')[0]?.label).toBe(
      'Prime Minister of the United Kingdom (since 2024)',
    );
  });
  it('says "later" for a period that began after the article', () => {
    expect(describePeriods(starmer, '2024-07-01', '2026-11-26')[0]?.label).toBe(
      'Later Prime Minister of the United Kingdom (since 2024)',
    );
  });
  it('says "formerly" for a period over before the article', () => {
    expect(describePeriods(kishida, '2025-06-01', '2026-11-26')[0]?.label).toBe('Formerly Prime Minister of Japan (2021–2024)');
  });
});
