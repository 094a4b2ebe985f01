import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlossaryFile } from '../../src/core/glossary-types';
import type { Suggestion } from '../../src/core/suggest';
import { glossary, inProcess, ROOT, useTmpDirs } from './cli-harness';

const EMPTY = 'tests/fixtures/glossary-empty';
const SMALL = 'tests/fixtures/bad-glossaries/valid';
const SEED_TXT = 'tests/fixtures/kyodo-kishida-nato-2024-07-10.txt';

const tmp = useTmpDirs('suggest');

describe('suggest on the seed article with an empty glossary', { timeout: 60_000 }, () => {
  it('the empty glossary is an empty folder kept by .gitkeep', () => {
    expect(readdirSync(path.join(ROOT, EMPTY))).toEqual(['.gitkeep']);
  });

  const run = glossary('suggest', SEED_TXT, '--json', '--glossary', EMPTY);

  it('proposes NATO, IP4, ACSA, LDP, Olaf Scholz, Keir Starmer, Yoon Suk Yeol and Volodymyr Zelenskyy', async () => {
    const r = await run;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const { suggestions } = JSON.parse(r.stdout) as { suggestions: Suggestion[] };
    const terms = suggestions.map((s) => s.term);
    for (const t of ['NATO', 'IP4', 'ACSA', 'LDP', 'Olaf Scholz', 'Keir Starmer', 'Yoon Suk Yeol', 'Volodymyr Zelenskyy'])
      expect(terms, t).toContain(t);
  });

  it("carries the article's own definition of ACSA, with counts and sentences", async () => {
    const { suggestions } = JSON.parse((await run).stdout) as { suggestions: Suggestion[] };
    const acsa = suggestions.find((s) => s.term === 'ACSA');
    expect(acsa).toMatchObject({ kind: 'acronym', definition: 'acquisition and cross-servicing agreement' });
    expect(acsa?.sentence).toContain('the acquisition and cross-servicing agreement, or ACSA');
    expect(suggestions.find((s) => s.term === 'NATO')).toMatchObject({ kind: 'acronym', count: 8 });
    expect(suggestions.find((s) => s.term === 'Keir Starmer')).toMatchObject({
      kind: 'person',
      definition: 'British Prime Minister',
    });
    for (const s of suggestions)
      expect(Object.keys(s).filter((k) => k !== 'definition')).toEqual(['term', 'kind', 'count', 'sentence', 'start']);
  });

  it('prints a readable list', async () => {
    const r = await glossary('suggest', SEED_TXT, '--glossary', EMPTY);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('ACSA  (acronym, 2×): acquisition and cross-servicing agreement');
    expect(lines).toContain('NATO  (acronym, 8×)');
    expect(lines).toContain('Olaf Scholz  (person, 3×): Chancellor');
    expect(lines[lines.indexOf('LDP  (acronym, 1×)') + 1]).toBe(
      '    Charges dropped against Kishida, other LDP members in slush fund case',
    );
  });
});

describe('suggest with a glossary', { timeout: 60_000 }, () => {
  it('proposes only what the glossary lacks', async () => {
    const r = await inProcess('suggest', SEED_TXT, '--json', '--glossary', SMALL);
    const terms = (JSON.parse(r.stdout) as { suggestions: Suggestion[] }).suggestions.map((s) => s.term);
    expect(terms).toEqual(expect.arrayContaining(['Yoon Suk Yeol', 'Volodymyr Zelenskyy', 'LDP']));
    for (const t of ['NATO', 'IP4', 'ACSA', 'Olaf Scholz', 'Scholz', 'Keir Starmer', 'Labour Party'])
      expect(terms).not.toContain(t);
  });
});

describe('suggest --write', { timeout: 60_000 }, () => {
  it('writes skeleton entries a maintainer must finish, then merges into the same file', async () => {
    const dir = tmp();
    const out = path.join(dir, 'seed-terms.json');
    const r = await glossary('suggest', SEED_TXT, '--glossary', EMPTY, '--write', out);
    expect(r.code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as GlossaryFile;
    expect(readFileSync(out, 'utf8')).toBe(`${JSON.stringify(written, null, 2)}\n`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      `wrote ${written.entries.length} new entries to ${out}; fill in each TODO, then run validate`,
    );
    expect(written.$schema).toMatch(/glossary\/schema\.json$/);
    const ids = written.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    const byId = new Map(written.entries.map((e) => [e.id, e]));
    const today = new Date().toISOString().slice(0, 10);
    expect(byId.get('acsa')).toEqual({
      id: 'acsa',
      term: 'ACSA',
      kind: 'agreement',
      aliases: ['acquisition and cross-servicing agreement'],
      summary: 'Acquisition and cross-servicing agreement.',
      sources: [{ title: 'TODO', url: 'https://example.org/TODO' }],
      updated: today,
    });
    expect(byId.get('olaf-scholz')).toMatchObject({ term: 'Olaf Scholz', kind: 'person' });
    expect(byId.get('labour-party')).toMatchObject({ kind: 'party' });
    expect(byId.get('ldp')?.summary).toBe('TODO: what is LDP? One or two sentences, plain text.');

    // Schema-valid shape: validate only complains about the placeholders (and a person's missing offices).
    const v = await inProcess('validate', '--glossary', dir);
    expect(v.code).toBe(1);
    const problems = v.stderr.trimEnd().split('\n').slice(0, -1);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems)
      expect(p).toMatch(/: entries\[\d+\]\.((summary|sources\[0\]): still a TODO placeholder|periods: a person needs periods)/);

    // A maintainer finishes one entry; a second run keeps it and adds nothing twice.
    const edited = structuredClone(written);
    const nato = edited.entries.find((e) => e.id === 'nato')!;
    nato.summary = 'A military alliance.';
    writeFileSync(out, JSON.stringify(edited));
    const again = await inProcess('suggest', SEED_TXT, '--glossary', EMPTY, '--write', out);
    expect(again.stdout.trimEnd().split('\n').at(-1)).toBe(
      `wrote 0 new entries to ${out} (${written.entries.length} already there); fill in each TODO, then run validate`,
    );
    const merged = JSON.parse(readFileSync(out, 'utf8')) as GlossaryFile;
    expect(merged.entries.find((e) => e.id === 'nato')?.summary).toBe('A military alliance.');
    expect(merged.entries).toHaveLength(written.entries.length);
  });

  it('with --json, keeps stdout pure JSON and reports the write on stderr', async () => {
    const out = path.join(tmp(), 'x.json');
    const r = await inProcess('suggest', SEED_TXT, '--json', '--glossary', SMALL, '--write', out);
    expect(JSON.parse(r.stdout)).toHaveProperty('suggestions');
    expect(r.stderr).toMatch(/^wrote \d+ new entries to .*x\.json; fill in each TODO, then run validate\n$/);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses to merge into a file that is not a glossary', async () => {
    const out = path.join(tmp(), 'bad.json');
    writeFileSync(out, '[1, 2]\n');
    const r = await inProcess('suggest', SEED_TXT, '--glossary', EMPTY, '--write', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`glossary: ${out}: wrong shape: a glossary file must be a JSON object with an "entries" array\n`);
    expect(readFileSync(out, 'utf8')).toBe('[1, 2]\n');
  });
});
