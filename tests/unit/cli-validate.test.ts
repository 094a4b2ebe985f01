import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary, inProcess, ROOT, useTmpDirs } from './cli-harness';

const BAD = 'tests/fixtures/bad-glossaries';
const VALID = `${BAD}/valid`;

const tmp = useTmpDirs('validate');

const lines = (s: string): string[] => s.split('\n').filter(Boolean);

/** One fixture per rule: the exact lines `validate` prints on stderr (file path left out). */
const EXPECTED: Record<string, (string | RegExp)[]> = {
  'missing-summary': ['glossary.json: entries[1].summary: required field is missing'],
  'duplicate-id': [`glossary.json: entries[1].id: duplicate id "nato" (also ${BAD}/duplicate-id/glossary.json: entries[0])`],
  'duplicate-id-across-files': [
    `b.json: entries[0].id: duplicate id "nato" (also ${BAD}/duplicate-id-across-files/a.json: entries[0])`,
  ],
  // Ids are lower-case kebab-case, so two ids that differ only by case cannot both pass.
  'duplicate-id-case': ['glossary.json: entries[0].id: id must be kebab-case (a-z, 0-9 and single hyphens)'],
  'alias-claimed-twice': [
    `glossary.json: entries[1]: "Conservative" is also claimed by "conservative-party-canada" (${BAD}/alias-claimed-twice/glossary.json); give all but one of them a "context" rule`,
  ],
  'alias-context-missing': ['glossary.json: entries[0].aliases[0].context: context id "labour-party-uk" does not exist'],
  'related-missing': ['glossary.json: entries[0].related: related id "labour-party-uk" does not exist'],
  'periods-out-of-order': ['glossary.json: entries[0].periods[1]: periods must be in order, oldest first'],
  'period-ends-before-begins': ['glossary.json: entries[0].periods[0]: ends (2021-12-08) before it begins (2025-05-06)'],
  'summary-too-long': ['glossary.json: entries[0].summary: too long: at most 280 characters'],
  'html-in-summary': ['glossary.json: entries[0].summary: must be plain text (no HTML: < and > are not allowed)'],
  'script-in-summary': ['glossary.json: entries[0].summary: must be plain text, not HTML or script'],
  'http-source': ['glossary.json: entries[0].sources[0].url: source URL must start with https://'],
  'unknown-field': ['glossary.json: entries[0]: unknown field "colour"'],
  'bad-kind': [/^glossary\.json: entries\[0\]\.kind: must be one of: person, organization, .*, other$/],
  'bad-date': ['glossary.json: entries[0].updated: must be an ISO date (YYYY-MM-DD)'],
  'missing-entries': ['glossary.json: entries: required field is missing'],
  'wrong-top-level-type': ['glossary.json: (file): a glossary file must be a JSON object with an "entries" array, not an array'],
  'not-json': [/^glossary\.json: \(file\): not JSON at line 11, column \d+: \S.*$/],
  'truncated-json': [/^glossary\.json: \(file\): not JSON(:| at line \d+, column \d+) .*(ends too early|truncated)/],
  'empty-file': ['glossary.json: (file): not JSON: the file is empty'],
  unsorted: [
    'glossary.json: entries[1].id: entries must be sorted by id: "nato" comes before "olaf-scholz" (fix: validate --fix)',
  ],
  unformatted: [
    'glossary.json: (file): not in the canonical format (JSON.stringify(data, null, 2) and one final newline): first difference at line 2 (fix: validate --fix)',
  ],
  'missing-schema-reference': [
    'glossary.json: $schema: name the schema so editors can check the file: "$schema": "./schema.json"',
  ],
  'todo-placeholder': [
    'glossary.json: entries[0].summary: still a TODO placeholder: write the summary',
    'glossary.json: entries[0].sources[0]: still a TODO placeholder: cite a real source',
  ],
};

describe('validate: one bad-glossary fixture per rule', () => {
  it('has an expectation for every fixture directory', () => {
    const dirs = readdirSync(path.join(ROOT, BAD)).filter((d) => d !== 'valid');
    expect(dirs.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [fixture, expected] of Object.entries(EXPECTED)) {
    it(`rejects ${fixture}`, async () => {
      const r = await inProcess('validate', '--glossary', `${BAD}/${fixture}`);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const got = lines(r.stderr);
      expect(got).toHaveLength(expected.length + 1);
      expected.forEach((want, i) => {
        const line = got[i] as string;
        const prefix = `${BAD}/${fixture}/`;
        expect(line.startsWith(prefix), line).toBe(true);
        const rest = line.slice(prefix.length);
        if (typeof want === 'string') expect(rest).toBe(want);
        else expect(rest).toMatch(want);
      });
      expect(got.at(-1)).toMatch(/^glossary: \d+ errors? in 1 of \d+ files?$/);
    });
  }
});

describe('validate through the real command', { timeout: 60_000 }, () => {
  it('passes on the small valid glossary', async () => {
    const r = await glossary('validate', '--glossary', VALID);
    expect(r).toEqual({ code: 0, stdout: '1 file, 8 entries: valid\n', stderr: '' });
  });

  it('on a copy with a summary removed and an entry duplicated: exits 1 naming the file, the field and the id', async () => {
    const dir = tmp();
    const data = JSON.parse(readFileSync(path.join(ROOT, VALID, 'seed.json'), 'utf8'));
    const scholz = data.entries.findIndex((e: { id: string }) => e.id === 'olaf-scholz');
    delete data.entries[scholz].summary;
    const nato = data.entries.findIndex((e: { id: string }) => e.id === 'nato');
    data.entries.splice(nato + 1, 0, structuredClone(data.entries[nato]));
    const file = path.join(dir, 'seed.json');
    writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
    const r = await glossary('validate', '--glossary', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const got = lines(r.stderr);
    expect(got).toContain(`${file}: entries[${scholz + 1}].summary: required field is missing`);
    expect(got).toContain(`${file}: entries[${nato + 1}].id: duplicate id "nato" (also ${file}: entries[${nato}])`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--fix sorts and reformats a file in place, then it validates', async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, BAD, 'unsorted', 'glossary.json'), path.join(dir, 'a.json'));
    cpSync(path.join(ROOT, BAD, 'unformatted', 'glossary.json'), path.join(dir, 'b.json'));
    const before = await inProcess('validate', '--glossary', dir);
    expect(before.code).toBe(1);
    // b.json's nato duplicates a.json's: fix cannot help with that, so drop it from a.json first.
    const a = JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'));
    a.entries = a.entries.filter((e: { id: string }) => e.id !== 'nato');
    a.entries.push({ ...structuredClone(a.entries[0]), id: 'aaa-first', term: 'Aaa', summary: 'A test entry.' });
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(a));
    const r = await glossary('validate', '--fix', '--glossary', dir);
    expect(lines(r.stdout)).toEqual([
      `fixed ${path.join(dir, 'a.json')} (sorted by id and reformatted)`,
      `fixed ${path.join(dir, 'b.json')} (sorted by id and reformatted)`,
      '2 files, 3 entries: valid',
    ]);
    expect(r.code).toBe(0);
    const fixed = JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'));
    expect(fixed.entries.map((e: { id: string }) => e.id)).toEqual(['aaa-first', 'olaf-scholz']);
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe(
      `${JSON.stringify(JSON.parse(readFileSync(path.join(dir, 'b.json'), 'utf8')), null, 2)}\n`,
    );
  });

  it('passes on an empty glossary directory', async () => {
    const r = await inProcess('validate', '--glossary', 'tests/fixtures/glossary-empty');
    expect(r).toEqual({ code: 0, stdout: '0 files, 0 entries: valid\n', stderr: '' });
  });
});
