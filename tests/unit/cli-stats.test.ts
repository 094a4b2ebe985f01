import { describe, expect, it } from 'vitest';
import { glossary, inProcess } from './cli-harness';

const SMALL = 'tests/fixtures/bad-glossaries/valid';

describe('stats', { timeout: 60_000 }, () => {
  it('--json: the total, per file, per kind, aliases, entries without sources, the oldest update', async () => {
    const r = await glossary('stats', '--json', '--glossary', SMALL);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      entries: 8,
      files: { 'seed.json': 8 },
      kinds: { person: 3, party: 2, agreement: 1, group: 1, organization: 1 },
      aliases: 10,
      withoutSources: 0,
      oldestUpdated: '2026-11-20',
      oldestEntry: 'acsa',
    });
  });

  it('prints a table', async () => {
    const r = await inProcess('stats', '--glossary', SMALL);
    expect(r.stdout.split('\n')).toEqual([
      'seed.json      8',
      'total          8 entries in 1 file',
      'kinds: person 3, party 2, agreement 1, group 1, organization 1',
      'aliases: 10',
      'without sources: 0',
      'oldest updated: 2026-11-20 (acsa)',
      '',
    ]);
  });

  it('counts an invalid but well-shaped glossary (entries without sources)', async () => {
    const r = await inProcess('stats', '--json', '--glossary', 'tests/fixtures/bad-glossaries/duplicate-id-across-files');
    expect(JSON.parse(r.stdout)).toMatchObject({ entries: 2, files: { 'a.json': 1, 'b.json': 1 }, withoutSources: 0 });
  });

  it('an empty glossary has no entries', async () => {
    const r = await inProcess('stats', '--json', '--glossary', 'tests/fixtures/glossary-empty');
    expect(JSON.parse(r.stdout)).toEqual({
      entries: 0,
      files: {},
      kinds: {},
      aliases: 0,
      withoutSources: 0,
      oldestUpdated: null,
      oldestEntry: null,
    });
  });

  it('rejects a file of the wrong shape in one line', async () => {
    const r = await inProcess('stats', '--glossary', 'tests/fixtures/bad-glossaries/wrong-top-level-type');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'glossary: tests/fixtures/bad-glossaries/wrong-top-level-type/glossary.json: wrong shape: a glossary file must be a JSON object with an "entries" array\n',
    });
  });
});
