/** What an entry may say: nothing true only "now", and no office held after the entry says its person died. */
import { describe, expect, it } from 'vitest';
import { saysPersonDied, wordingErrors } from '../../src/core/editorial-rules';
import type { Entry } from '../../src/core/glossary-types';

const SOURCE = [{ title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/X' }];

function person(summary: string, periods: Entry['periods'], extra: Partial<Entry> = {}): Entry {
  return { id: 'x', term: 'Ann Roe', kind: 'person', summary, periods, sources: SOURCE, updated: '2026-12-02', ...extra };
}

function errorsOf(entry: Entry): string[] {
  return wordingErrors([{ file: 'test.json', data: { name: 'test', entries: [entry] } as never }]).map(
    (e) => `${e.path}: ${e.message}`,
  );
}

describe('saysPersonDied', () => {
  it('reads the entry’s own person dying, however the sentence names them', () => {
    expect(saysPersonDied(person('Ann Roe was a poet. She died in 2020.', []))).toBe(true);
    expect(saysPersonDied(person('Ann Roe was imprisoned and died in custody in 2017.', []))).toBe(true);
    expect(saysPersonDied(person('Ann Roe led the party; Roe died on 1 May 2001.', []))).toBe(true);
    expect(saysPersonDied(person('A poet, who was killed in 1990.', []))).toBe(true);
  });

  it('does not take someone else’s death for the entry’s', () => {
    expect(saysPersonDied(person('Ann Roe has led the council since Ali Khamenei was killed in 2026.', []))).toBe(false);
    expect(saysPersonDied(person('Ann Roe became leader after her predecessor died in office.', []))).toBe(false);
  });
});

describe('wordingErrors', () => {
  it('asks for an end date on every office of a person the entry says died', () => {
    const errors = errorsOf(
      person('Ann Roe was mayor from 1990. She died in 2001.', [
        { role: 'Mayor of Springfield', from: '1990-01-01' },
        { role: 'Senator', from: '1980-01-01', to: '1990-01-01' },
      ]),
    );
    expect(errors).toEqual(['entries[0].periods[0].to: the entry says Ann Roe died: "Mayor of Springfield" needs its end date']);
  });

  it('refuses words that are true only on the day they were written, in summary and details', () => {
    const errors = errorsOf(
      person('Ann Roe is currently mayor.', [{ role: 'Mayor', from: '2020-01-01' }], {
        details: 'At present she chairs the board.',
      }),
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^entries\[0\]\.summary: "currently" is true only on the day/);
    expect(errors[1]).toMatch(/^entries\[0\]\.details: "At present"/);
  });

  it('asks for the end of a dead person’s period written as a year, and takes a year as an end', () => {
    expect(errorsOf(person('Ann Roe founded the firm in 1978 and died in 2023.', [{ role: 'Founder', from: '1978' }]))).toEqual([
      'entries[0].periods[0].to: the entry says Ann Roe died: "Founder" needs its end date',
    ]);
    expect(
      errorsOf(person('Ann Roe founded the firm in 1978 and died in 2023.', [{ role: 'Founder', from: '1978', to: '2023-11' }])),
    ).toEqual([]);
  });

  it('passes a dated, closed entry', () => {
    expect(
      errorsOf(
        person('Ann Roe was mayor from 1990 until she died in 2001.', [{ role: 'Mayor', from: '1990-01-01', to: '2001-03-02' }]),
      ),
    ).toEqual([]);
  });
});
