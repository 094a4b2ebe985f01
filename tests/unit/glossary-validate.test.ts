import { describe, expect, it } from 'vitest';
import { formatError, validateGlossaries } from '../../src/core/glossary-validate';
import { entry } from './test-entries';

describe('validateGlossaries', () => {
  it("reports a duplicate id even when another entry of the file breaks the schema, with the file's own indexes", () => {
    const { summary: _dropped, ...noSummary } = entry('nato', 'NATO', 'organization');
    const data = {
      name: 'world',
      description: 'test',
      language: 'en',
      entries: [noSummary, entry('ip4', 'IP4', 'group'), entry('ip4', 'IP4 again', 'group')],
    };
    const lines = validateGlossaries([{ file: 'world.json', data }]).map(formatError);
    expect(lines).toContain('world.json: entries[0].summary: required field is missing');
    expect(lines).toContain('world.json: entries[2].id: duplicate id "ip4" (also world.json: entries[1])');
  });

  describe('periods of reduced precision', () => {
    const errorsOf = (...periods: { role: string; from: string; to?: string }[]): string[] => {
      const data = {
        name: 'p',
        description: 'test',
        language: 'en',
        entries: [entry('ann-roe', 'Ann Roe', 'person', { periods })],
      };
      return validateGlossaries([{ file: 'p.json', data }]).map(formatError);
    };
    it('accepts YYYY, YYYY-MM and YYYY-MM-DD in from and to', () => {
      expect(errorsOf({ role: 'Chair', from: '1989' })).toEqual([]);
      expect(
        errorsOf({ role: 'Chair', from: '1989-03', to: '1995' }, { role: 'CEO', from: '1995-06-01', to: '2001-02' }),
      ).toEqual([]);
    });
    it('refuses a month 13, a two-digit year, a one-digit month and an impossible day', () => {
      expect(errorsOf({ role: 'Chair', from: '1989-13' })).toEqual([
        'p.json: entries[0].periods[0].from: must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
      ]);
      expect(errorsOf({ role: 'Chair', from: '89' })).toEqual([
        'p.json: entries[0].periods[0].from: must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
      ]);
      expect(errorsOf({ role: 'Chair', from: '1989', to: '1989-1' })).toEqual([
        'p.json: entries[0].periods[0].to: must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
      ]);
      expect(errorsOf({ role: 'Chair', from: '2023-02-29' })).toEqual([
        'p.json: entries[0].periods[0].from: "2023-02-29" is not a real date',
      ]);
    });
    it('compares from and to as intervals: a year-precision end covers its whole year', () => {
      expect(errorsOf({ role: 'Chair', from: '1989-03-13', to: '1989' })).toEqual([]);
      expect(errorsOf({ role: 'Chair', from: '1989', to: '1989-01-01' })).toEqual([]);
      expect(errorsOf({ role: 'Chair', from: '1989-03', to: '1989-03' })).toEqual([]);
      expect(errorsOf({ role: 'Chair', from: '1990', to: '1989-12-31' })).toEqual([
        'p.json: entries[0].periods[0]: ends (1989-12-31) before it begins (1990)',
      ]);
      expect(errorsOf({ role: 'Chair', from: '1989-04-01', to: '1989-03' })).toEqual([
        'p.json: entries[0].periods[0]: ends (1989-03) before it begins (1989-04-01)',
      ]);
    });
    it('orders periods by the first day each may have begun', () => {
      expect(errorsOf({ role: 'A', from: '1989' }, { role: 'B', from: '1989-01-01' })).toEqual([]);
      expect(errorsOf({ role: 'A', from: '1989-03-13' }, { role: 'B', from: '1989' })).toEqual([
        'p.json: entries[0].periods[1]: periods must be in order, oldest first',
      ]);
    });
    it('keeps the entry dates full days', () => {
      const data = {
        name: 'p',
        description: 'test',
        language: 'en',
        entries: [entry('ann-roe', 'Ann Roe', 'person', { updated: '2026' })],
      };
      expect(validateGlossaries([{ file: 'p.json', data }]).map(formatError)).toEqual([
        'p.json: entries[0].updated: must be an ISO date (YYYY-MM-DD)',
      ]);
    });
  });
});
