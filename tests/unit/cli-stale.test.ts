import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { staleDates } from '../../src/cli/commands/stale';
import { inProcess, runGlossary } from './cli-harness';

const MIXED = 'tests/fixtures/stale/mixed';
const A = `${MIXED}/people-and-events.json`;
const G = `${MIXED}/groups.json`;
/** "Today" of every test: the fixtures' dates are written around it. */
const TODAY = '2026-06-01';

describe('stale: the dates', () => {
  it('by default: 365 days before today, and a 90-day horizon', () => {
    expect(staleDates(TODAY)).toEqual({ before: '2025-06-01', horizon: '2026-03-03' });
    expect(staleDates('2025-03-01')).toEqual({ before: '2024-03-01', horizon: '2024-12-01' });
  });
  it('with --before: the horizon is halfway between it and today', () => {
    expect(staleDates(TODAY, '2026-01-01')).toEqual({ before: '2026-01-01', horizon: '2026-03-18' });
    expect(staleDates(TODAY, '2026-05-31')).toEqual({ before: '2026-05-31', horizon: '2026-06-01' });
  });
  it('with --before today or later, the horizon is --before itself', () => {
    expect(staleDates(TODAY, TODAY)).toEqual({ before: TODAY, horizon: TODAY });
    expect(staleDates(TODAY, '2027-01-01')).toEqual({ before: '2027-01-01', horizon: '2027-01-01' });
  });
});

describe('stale', { timeout: 60_000 }, () => {
  beforeEach(() => void vi.stubEnv('GLOSSARY_TODAY', TODAY));
  afterEach(() => void vi.unstubAllEnvs());

  it('--json: every entry to look at, with its dates and reasons, by file, then reason, then id', async () => {
    const r = await inProcess('stale', '--json', '--glossary', MIXED);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const row = (file: string, id: string, term: string, kind: string, dates: object, reasons: string[]) => ({
      file,
      id,
      term,
      kind,
      ...dates,
      reasons,
    });
    expect(JSON.parse(r.stdout)).toEqual({
      before: '2025-06-01',
      horizon: '2026-03-03',
      entries: [
        row(G, 'alliance-group', 'Alliance Group', 'group', { reviewed: '2025-05-01', updated: '2025-05-01' }, [
          'checked-before',
          'changes-often',
        ]),
        row(G, 'test-party', 'Test Party', 'party', { reviewed: '2026-02-01', updated: '2026-02-01' }, ['changes-often']),
        row(A, 'never-person', 'Never Person', 'person', { updated: '2026-05-20' }, ['never-reviewed']),
        row(A, 'old-unreviewed', 'Unreviewed Concept', 'concept', { updated: '2025-03-01' }, [
          'never-reviewed',
          'checked-before',
        ]),
        // `reviewed` counts, not the later `updated`.
        row(A, 'edited-not-reviewed', 'Edited Concept', 'concept', { reviewed: '2025-02-01', updated: '2026-05-01' }, [
          'checked-before',
        ]),
        row(A, 'old-concept', 'Old Concept', 'concept', { reviewed: '2025-01-10', updated: '2025-01-10' }, ['checked-before']),
        row(A, 'in-office', 'Office Holder', 'person', { reviewed: '2026-01-15', updated: '2026-01-15' }, ['changes-often']),
        row(A, 'ongoing-war', 'Ongoing War', 'event', { reviewed: '2026-02-01', updated: '2026-02-01' }, ['changes-often']),
        // Reviewed last month, but in office since 2012.
        row(A, 'long-ruler', 'Long Ruler', 'person', { reviewed: '2026-05-01', updated: '2026-05-01' }, ['long-open']),
      ],
    });
    // Not listed: reviewed on the --before date itself, a war that ended, a person in office
    // reviewed after the horizon, a party and an armed force reviewed after it.
    const ids = (JSON.parse(r.stdout) as { entries: { id: string }[] }).entries.map((e) => e.id);
    for (const id of ['boundary-concept', 'ended-war', 'fresh-person', 'fresh-party', 'military-force'])
      expect(ids).not.toContain(id);
  });

  it('prints one line per entry, FILE  id  reasons, and the counts per reason', async () => {
    const r = await inProcess('stale', '--glossary', MIXED);
    expect(r.code).toBe(0);
    const pad = (file: string) => file.padEnd(A.length);
    expect(r.stdout.split('\n')).toEqual([
      `${pad(G)}  alliance-group       checked-before, changes-often`,
      `${pad(G)}  test-party           changes-often`,
      `${pad(A)}  never-person         never-reviewed`,
      `${pad(A)}  old-unreviewed       never-reviewed, checked-before`,
      `${pad(A)}  edited-not-reviewed  checked-before`,
      `${pad(A)}  old-concept          checked-before`,
      `${pad(A)}  in-office            changes-often`,
      `${pad(A)}  ongoing-war          changes-often`,
      `${pad(A)}  long-ruler           long-open (from 2012-05-07: President of Testland)`,
      '9 entries to look at (before 2025-06-01, horizon 2026-03-03): never-reviewed 2, checked-before 4, changes-often 4, long-open 1',
      '',
    ]);
  });

  it('--before moves both dates: halfway to today for kinds that change often', async () => {
    const r = await inProcess('stale', '--json', '--before', '2026-01-01', '--glossary', MIXED);
    const report = JSON.parse(r.stdout) as { before: string; horizon: string; entries: { id: string; reasons: string[] }[] };
    expect(report.before).toBe('2026-01-01');
    expect(report.horizon).toBe('2026-03-18');
    const reasons = Object.fromEntries(report.entries.map((e) => [e.id, e.reasons]));
    expect(reasons['boundary-concept']).toEqual(['checked-before']);
    expect(reasons['military-force']).toEqual(['changes-often']);
    expect(reasons['fresh-person']).toBeUndefined();
    expect(report.entries).toHaveLength(11);
  });

  it('an open-ended period counts as long only past ten years', async () => {
    vi.stubEnv('GLOSSARY_TODAY', '2022-05-07');
    const r = await inProcess('stale', '--json', '--glossary', MIXED);
    const longOpen = (JSON.parse(r.stdout) as { entries: { id: string; reasons: string[] }[] }).entries
      .filter((e) => e.reasons.includes('long-open'))
      .map((e) => e.id);
    expect(longOpen).toEqual([]);
    vi.stubEnv('GLOSSARY_TODAY', '2022-05-08');
    const later = await inProcess('stale', '--json', '--glossary', MIXED);
    expect(later.stdout).toContain('"long-ruler"');
  });

  it('a start known only to the year or month counts from its first day', async () => {
    const longOpen = async (today: string): Promise<string[]> => {
      vi.stubEnv('GLOSSARY_TODAY', today);
      const r = await inProcess('stale', '--json', '--glossary', 'tests/fixtures/stale/reduced');
      return (JSON.parse(r.stdout) as { entries: { id: string; reasons: string[] }[] }).entries
        .filter((e) => e.reasons.includes('long-open'))
        .map((e) => e.id);
    };
    // Ten years after 1 January 2012, not yet ten after 1 March 2012.
    expect(await longOpen('2022-01-01')).toEqual([]);
    expect(await longOpen('2022-02-28')).toEqual(['year-chair']);
    expect(await longOpen('2022-03-02')).toEqual(['month-chair', 'year-chair']);
    vi.stubEnv('GLOSSARY_TODAY', '2022-03-02');
    const lines = (await inProcess('stale', '--glossary', 'tests/fixtures/stale/reduced')).stdout.split('\n');
    expect(lines[0]).toMatch(/month-chair +long-open \(from 2012-03: Chair of Test Group\)$/);
    expect(lines[1]).toMatch(/year-chair +long-open \(from 2012: Chair of Other Group\)$/);
  });

  it('an empty glossary has nothing to look at', async () => {
    const r = await inProcess('stale', '--glossary', 'tests/fixtures/glossary-empty');
    expect(r).toEqual({
      code: 0,
      stdout:
        '0 entries to look at (before 2025-06-01, horizon 2026-03-03): never-reviewed 0, checked-before 0, changes-often 0, long-open 0\n',
      stderr: '',
    });
  });

  it.each(['2026-02-30', '2026-1-1', 'yesterday', '01/06/2026'])('a bad --before (%s) is a usage error, exit 2', async (date) => {
    const r = await inProcess('stale', '--before', date, '--glossary', MIXED);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `glossary: --before must be a date written YYYY-MM-DD, not "${date}"\n` });
  });

  it('a bad GLOSSARY_TODAY is a usage error too', async () => {
    vi.stubEnv('GLOSSARY_TODAY', '2026-13-01');
    const r = await inProcess('stale', '--glossary', MIXED);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('glossary: today (GLOSSARY_TODAY) must be a date written YYYY-MM-DD, not "2026-13-01"\n');
  });

  it('--before needs a value; unknown options are refused', async () => {
    expect((await inProcess('stale', '--before')).stderr).toBe('glossary: option --before needs a value\n');
    expect((await inProcess('stale', '--fix')).stderr).toBe('glossary: unknown option "--fix" for stale (see --help)\n');
  });

  it('an invalid glossary is a data error, exit 1', async () => {
    const r = await inProcess('stale', '--glossary', 'tests/fixtures/bad-glossaries/duplicate-id-across-files');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('runs from the real command line and is in --help', async () => {
    const r = await runGlossary(['stale', '--glossary', MIXED], { env: { GLOSSARY_TODAY: TODAY } });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(10);
    const help = await inProcess('--help');
    expect(help.stdout).toContain('stale [--before YYYY-MM-DD] [--json]');
  });
});
