import { describe, expect, it } from 'vitest';
import {
  articleDate,
  describePeriods,
  isoDateOf,
  isPeriodDate,
  periodEndExclusive,
  periodHolds,
  periodLastDay,
  periodStart,
} from '../../src/core/dates';

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

describe('period dates of reduced precision (YYYY, YYYY-MM)', () => {
  it('accepts a year, a year and month, or a real day, and nothing else', () => {
    for (const ok of ['1989', '1989-03', '1989-03-13', '2024-02-29', '2000-02-29', '0044-02-29', '1989-12'])
      expect(isPeriodDate(ok)).toBe(true);
    for (const bad of [
      '1989-13',
      '1989-00',
      '89',
      '1989-1',
      '1989-03-1',
      '2023-02-29',
      '1989-04-31',
      '1989-03-13T00:00',
      ' 1989',
      '',
    ])
      expect(isPeriodDate(bad)).toBe(false);
  });
  it('a reduced date starts on the first day of its year or month, and its last day ends it', () => {
    expect(periodStart('1989')).toBe('1989-01-01');
    expect(periodStart('1989-03')).toBe('1989-03-01');
    expect(periodStart('1989-03-13')).toBe('1989-03-13');
    expect(periodLastDay('2000')).toBe('2000-12-31');
    expect(periodLastDay('1996-02')).toBe('1996-02-29');
    expect(periodLastDay('1997-02')).toBe('1997-02-28');
    expect(periodLastDay('2000-04-15')).toBe('2000-04-15');
  });
  it('a reduced end holds until the day after its year or month; a full day is the first day without it', () => {
    expect(periodEndExclusive('2000')).toBe('2001-01-01');
    expect(periodEndExclusive('2000-12')).toBe('2001-01-01');
    expect(periodEndExclusive('2000-02')).toBe('2000-03-01');
    expect(periodEndExclusive('2000-09')).toBe('2000-10-01');
    expect(periodEndExclusive('2024-10-01')).toBe('2024-10-01');
  });
  it('which period holds on a day: to "2000" still holds on 31 December 2000, not on 1 January 2001', () => {
    const p = { from: '1990', to: '2000' };
    expect(periodHolds(p, '1989-12-31')).toBe(false);
    expect(periodHolds(p, '1990-01-01')).toBe(true);
    expect(periodHolds(p, '2000-12-31')).toBe(true);
    expect(periodHolds(p, '2001-01-01')).toBe(false);
  });
  it('from "1989-03" has not begun on 28 February 1989; it has on 1 March', () => {
    expect(periodHolds({ from: '1989-03' }, '1989-02-28')).toBe(false);
    expect(periodHolds({ from: '1989-03' }, '1989-03-01')).toBe(true);
    expect(periodHolds({ from: '1989-03', to: '1989-03' }, '1989-03-31')).toBe(true);
    expect(periodHolds({ from: '1989-03', to: '1989-03' }, '1989-04-01')).toBe(false);
  });
  it('labels years as before, and never calls a period ended within its last year', () => {
    const arnault = [{ role: 'Chairman of LVMH', from: '1989' }];
    expect(describePeriods(arnault, '1989-01-01', '2026-12-02')[0]).toMatchObject({
      relation: 'then',
      label: 'Chairman of LVMH (since 1989)',
    });
    expect(describePeriods(arnault, '1988-12-31', '2026-12-02')[0]?.relation).toBe('after');
    const chair = [{ role: 'Chair', from: '1990', to: '2000' }];
    // The article's date and today within the `to` year: it held then, and is not called ended.
    expect(describePeriods(chair, '2000-12-31', '2000-12-31')[0]).toMatchObject({
      relation: 'then',
      label: 'Chair (since 1990)',
    });
    expect(describePeriods(chair, '2000-06-01', '2026-12-02')[0]).toMatchObject({
      relation: 'then',
      label: 'Chair at the time (1990–2000)',
    });
    expect(describePeriods(chair, '2001-01-01', '2026-12-02')[0]).toMatchObject({
      relation: 'before',
      label: 'Formerly Chair (1990–2000)',
    });
  });
  it('orders periods of mixed precision by the day each begins', () => {
    const periods = [
      { role: 'A', from: '1989-03-13', to: '1995' },
      { role: 'B', from: '1995', to: '1999-06' },
      { role: 'C', from: '1999-06-15' },
    ];
    expect(describePeriods(periods, '2026-12-02', '2026-12-02').map((l) => l.period.role)).toEqual(['C', 'B', 'A']);
    // In 1995 both may hold (A ended some time that year); in 1996, only B.
    const at = (date: string) => describePeriods(periods, date, '2026-12-02').map((l) => [l.period.role, l.relation]);
    expect(at('1995-06-01')).toEqual([
      ['B', 'then'],
      ['A', 'then'],
      ['C', 'after'],
    ]);
    expect(at('1996-06-01')).toEqual([
      ['B', 'then'],
      ['A', 'before'],
      ['C', 'after'],
    ]);
  });
});
