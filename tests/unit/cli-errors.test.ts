import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary, inProcess, type Result, ROOT, runGlossary, useTmpDirs } from './cli-harness';

const BAD = 'tests/fixtures/bad-glossaries';
const SMALL = `${BAD}/valid`;
const SEED_TXT = 'tests/fixtures/kyodo-kishida-nato-2024-07-10.txt';

const tmp = useTmpDirs('errors');

/** Expects exactly one `glossary: …` line on stderr, nothing on stdout, and the exit code. */
function expectOneLine(r: Result, code: number, line: string | RegExp): void {
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  if (typeof line === 'string') expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
  expect(r.code).toBe(code);
}

describe('errors a maintainer meets: one line on stderr, exit 1 for data, 2 for usage', { timeout: 60_000 }, () => {
  it('an article file that does not exist', async () => {
    expectOneLine(
      await glossary('find', 'missing.txt', '--glossary', SMALL),
      1,
      'glossary: cannot read missing.txt: no such file or directory',
    );
  });

  it('an article that cannot be read (a directory)', async () => {
    const dir = path.join(tmp(), 'folder.txt');
    mkdirSync(dir);
    expectOneLine(
      await glossary('suggest', dir, '--glossary', SMALL),
      1,
      `glossary: cannot read ${dir}: is a directory, not a file`,
    );
  });

  it('an article of a kind the CLI does not read', async () => {
    expectOneLine(
      await glossary('find', 'notes.pdf', '--glossary', SMALL),
      2,
      'glossary: find reads a .txt or .html file, not "notes.pdf"',
    );
  });

  it('a glossary directory that does not exist, or is a file', async () => {
    expectOneLine(
      await glossary('validate', '--glossary', 'does-not-exist'),
      1,
      'glossary: glossary directory does-not-exist: no such file or directory',
    );
    expectOneLine(
      await glossary('stats', '--glossary', SEED_TXT),
      1,
      `glossary: glossary directory ${SEED_TXT}: not a directory`,
    );
  });

  it('a glossary file that is not JSON, with line and column', async () => {
    expectOneLine(
      await glossary('find', SEED_TXT, '--glossary', `${BAD}/not-json`),
      1,
      /^glossary: tests\/fixtures\/bad-glossaries\/not-json\/glossary\.json: \(file\): not JSON at line 11, column \d+: \S.*$/,
    );
    expectOneLine(
      await glossary('stats', '--glossary', `${BAD}/truncated-json`),
      1,
      /^glossary: tests\/fixtures\/bad-glossaries\/truncated-json\/glossary\.json: not JSON.*(truncated|ends too early)/,
    );
  });

  it('a glossary file of the wrong shape', async () => {
    expectOneLine(
      await glossary('find', SEED_TXT, '--glossary', `${BAD}/wrong-top-level-type`),
      1,
      'glossary: tests/fixtures/bad-glossaries/wrong-top-level-type/glossary.json: (file): a glossary file must be a JSON object with an "entries" array, not an array',
    );
  });

  it('an invalid glossary: the first error, how many more, and what to run', async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, BAD, 'missing-summary', 'glossary.json'), path.join(dir, 'a.json'));
    cpSync(path.join(ROOT, BAD, 'http-source', 'glossary.json'), path.join(dir, 'b.json'));
    expectOneLine(
      await glossary('suggest', SEED_TXT, '--glossary', dir),
      1,
      `glossary: ${dir}/a.json: entries[1].summary: required field is missing (and 1 more error; run "npm run glossary -- validate")`,
    );
  });

  it('a glossary file that cannot be read: validate names it among the errors', async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, SMALL, 'seed.json'), path.join(dir, 'seed.json'));
    mkdirSync(path.join(dir, 'broken.json'));
    const v = await glossary('validate', '--glossary', dir);
    expect(v.code).toBe(1);
    expect(v.stderr.split('\n')).toEqual([
      `${dir}/broken.json: (file): cannot read: is a directory, not a file`,
      'glossary: 1 error in 1 of 2 files',
      '',
    ]);
    expectOneLine(
      await glossary('find', SEED_TXT, '--glossary', dir),
      1,
      `glossary: ${dir}/broken.json: (file): cannot read: is a directory, not a file`,
    );
  });

  it('usage errors through the real command', async () => {
    expectOneLine(await glossary('frobnicate'), 2, 'glossary: unknown command "frobnicate" (see --help)');
    expectOneLine(await glossary('find', SEED_TXT, '--jsn'), 2, 'glossary: unknown option "--jsn" for find (see --help)');
  });

  it('usage errors', async () => {
    const cases: [string[], string][] = [
      [[], 'glossary: missing command: validate, find, suggest, stats, stale, import-countries or import-places (see --help)'],
      [['frobnicate'], 'glossary: unknown command "frobnicate" (see --help)'],
      [['find', SEED_TXT, '--jsn'], 'glossary: unknown option "--jsn" for find (see --help)'],
      [['validate', '--json'], 'glossary: unknown option "--json" for validate (see --help)'],
      [['find'], 'glossary: find needs a FILE (.txt or .html)'],
      [['find', 'a.txt', 'b.txt'], 'glossary: find takes one FILE, got 2'],
      [['validate', 'extra'], 'glossary: validate takes no file argument (got "extra")'],
      [['stats', '--glossary'], 'glossary: option --glossary needs a value'],
      [['suggest', SEED_TXT, '--write'], 'glossary: option --write needs a value'],
      [['stats', '--json=yes'], 'glossary: option --json takes no value'],
      [['import-countries', 'extra'], 'glossary: import-countries takes no file argument (got "extra")'],
    ];
    for (const [args, line] of cases) expectOneLine(await inProcess(...args), 2, line);
  });
});

describe('help and paths', { timeout: 60_000 }, () => {
  it('--help prints usage and exits 0, also after a command', async () => {
    for (const args of [['--help'], ['-h'], ['find', '--help']]) {
      const r = args[0] === '--help' ? await glossary(...args) : await inProcess(...args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Usage: npm run glossary -- <command> \[options\]\n/);
      for (const c of ['validate', 'find FILE', 'suggest FILE', 'stats', 'import-countries', '--glossary DIR'])
        expect(r.stdout).toContain(c);
    }
  });

  it('--glossary=DIR works like --glossary DIR', async () => {
    const r = await glossary('validate', `--glossary=${SMALL}`);
    expect(r).toEqual({ code: 0, stdout: '1 file, 8 entries: valid\n', stderr: '' });
  });

  it('the default glossary is the bundled one, whatever the working directory', async () => {
    const r = await runGlossary(['stats', '--json'], { cwd: tmp() });
    expect(r.stderr).toBe('');
    const bundled = readdirSync(path.join(ROOT, 'glossary')).filter((n) => n.endsWith('.json') && n !== 'schema.json');
    expect(Object.keys(JSON.parse(r.stdout).files).sort()).toEqual(bundled.sort());
  });

  it('under `npm run glossary`, relative paths start where the user typed the command', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'article.txt'), 'NATO met.');
    mkdirSync(path.join(dir, 'g'));
    cpSync(path.join(ROOT, SMALL, 'seed.json'), path.join(dir, 'g', 'seed.json'));
    const r = await runGlossary(['find', 'article.txt', '--json', '--glossary', 'g'], {
      env: { npm_lifecycle_event: 'glossary', INIT_CWD: dir },
    });
    expect(r).toEqual({
      code: 0,
      stdout:
        '{"date":null,"matches":[{"id":"nato","term":"NATO","text":"NATO","start":0,"end":4,"via":"exact","context":"NATO met."}]}\n',
      stderr: '',
    });
  });
});
