import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/cli/article';
import type { FoundMention as Mention } from '../../src/cli/commands/find';
import { glossary, ROOT, useTmpDirs } from './cli-harness';

const SMALL = 'tests/fixtures/bad-glossaries/valid';
const SEED_TXT = 'tests/fixtures/kyodo-kishida-nato-2024-07-10.txt';
const SEED_HTML = 'tests/fixtures/kyodo-article.html';

const tmp = useTmpDirs('find');

/** Every mention of the small glossary's terms in the seed article, in order: [id, text as written, via]. */
const SEED_MENTIONS: [string, string, string][] = [
  ['fumio-kishida', 'Fumio Kishida', 'exact'], // Japanese Prime Minister Fumio Kishida left for Washington
  ['nato', 'NATO', 'exact'], // 1: to attend a NATO summit
  ['fumio-kishida', 'Kishida', 'surname'], // During his five-day overseas trip through Sunday, Kishida
  ['olaf-scholz', 'Olaf Scholz', 'exact'], // Chancellor Olaf Scholz
  ['nato', 'NATO', 'exact'], // 2: between NATO and its Indo-Pacific partners
  ['fumio-kishida', 'Kishida', 'surname'], // Kishida told reporters
  ['fumio-kishida', 'Fumio Kishida', 'exact'], // (photo caption) Fumio Kishida waves
  ['nato', 'NATO', 'exact'], // 3: its relations with NATO
  ['nato', 'NATO', 'exact'], // 4: not a member of NATO
  ['fumio-kishida', 'Kishida', 'surname'], // Kishida is scheduled to join
  ['fumio-kishida', 'Kishida', 'surname'], // Kishida is set to call upon
  ['nato', 'NATO', 'exact'], // 5: NATO members
  ['nato', 'NATO', 'exact'], // 6: New Zealand and NATO
  ['fumio-kishida', 'Kishida', 'surname'], // Kishida said.
  ['ip4', 'IP4', 'exact'], // collectively called IP4
  ['nato', 'NATO', 'exact'], // 7: The NATO summit will be held
  ['fumio-kishida', 'Kishida', 'surname'], // In Washington, meanwhile, Kishida
  ['keir-starmer', 'Keir Starmer', 'exact'],
  ['labour-party-uk', 'Labour Party', 'exact'],
  ['conservative-party-uk', 'Conservative', 'alias'], // 14 years of Conservative rule
  ['fumio-kishida', 'Kishida', 'surname'], // On Friday, Kishida
  ['olaf-scholz', 'Scholz', 'surname'], // to meet with Scholz
  ['olaf-scholz', 'Scholz', 'surname'], // when Scholz visited Tokyo
  ['acsa', 'acquisition and cross-servicing agreement', 'alias'],
  ['acsa', 'ACSA', 'exact'],
  ['nato', 'NATO', 'exact'], // 8: NATO to launch 4 new defense projects (related coverage)
  ['fumio-kishida', 'Kishida', 'surname'], // Charges dropped against Kishida
];

const TERMS: Record<string, string> = {
  'fumio-kishida': 'Fumio Kishida',
  nato: 'NATO',
  'olaf-scholz': 'Olaf Scholz',
  ip4: 'IP4',
  'keir-starmer': 'Keir Starmer',
  'labour-party-uk': 'Labour Party',
  'conservative-party-uk': 'Conservative Party',
  acsa: 'ACSA',
};

describe('find on the seed article (.txt)', { timeout: 60_000 }, () => {
  const text = readFileSync(path.join(ROOT, SEED_TXT), 'utf8');
  const run = glossary('find', SEED_TXT, '--json', '--glossary', SMALL);

  it('prints exactly {"matches":[{id, term, text, start, end, via}]}', async () => {
    const r = await run;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { matches: Mention[] };
    expect(Object.keys(out)).toEqual(['matches']);
    for (const m of out.matches) expect(Object.keys(m)).toEqual(['id', 'term', 'text', 'start', 'end', 'via']);
  });

  it('finds every labeled mention, in order, and nothing else', async () => {
    const { matches } = JSON.parse((await run).stdout) as { matches: Mention[] };
    expect(matches.map((m) => [m.id, m.text, m.via])).toEqual(SEED_MENTIONS);
    for (const m of matches) expect(m.term).toBe(TERMS[m.id]);
  });

  it('gives UTF-16 offsets into the file as read', async () => {
    const { matches } = JSON.parse((await run).stdout) as { matches: Mention[] };
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds all 8 NATOs, Kishida and Scholz by surname, "Conservative rule", the lower-case long form of ACSA', async () => {
    const { matches } = JSON.parse((await run).stdout) as { matches: Mention[] };
    expect(matches.filter((m) => m.id === 'nato')).toHaveLength(8);
    expect(matches.filter((m) => m.text === 'Kishida').every((m) => m.via === 'surname')).toBe(true);
    expect(matches.filter((m) => m.text === 'Kishida')).toHaveLength(text.match(/(?<!Fumio )Kishida/g)?.length ?? -1);
    expect(matches.filter((m) => m.text === 'Scholz').every((m) => m.via === 'surname' && m.id === 'olaf-scholz')).toBe(true);
    const conservative = matches.find((m) => m.id === 'conservative-party-uk') as Mention;
    expect(text.slice(conservative.start, conservative.end + 5)).toBe('Conservative rule');
    expect(matches.find((m) => m.text === 'acquisition and cross-servicing agreement')?.id).toBe('acsa');
  });

  it('prints one line per mention: start-end  id  "text"  (via)', async () => {
    const r = await glossary('find', SEED_TXT, '--glossary', SMALL);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(SEED_MENTIONS.length);
    expect(lines[0]).toBe('24-37  fumio-kishida  "Fumio Kishida"  (exact)');
    for (const line of lines)
      expect(line).toMatch(/^\d+-\d+ {2}[a-z0-9:-]+ {2}".+" {2}\((exact|alias|fuzzy|surname|article-definition)\)$/);
  });
});

describe('find on the seed article (.html)', { timeout: 60_000 }, () => {
  it("reads the page with the content script's extraction; offsets point at the right text", async () => {
    const r = await glossary('find', SEED_HTML, '--json', '--glossary', SMALL);
    expect(r.code).toBe(0);
    const { matches } = JSON.parse(r.stdout) as { matches: Mention[] };
    const text = await htmlToText(readFileSync(path.join(ROOT, SEED_HTML), 'utf8'));
    for (const m of matches) expect(text.slice(m.start, m.end), `${m.id} at ${m.start}`).toBe(m.text);
    // The page's article body: no headline, links or related coverage.
    expect(matches.filter((m) => m.id === 'nato')).toHaveLength(7);
    expect(new Set(matches.map((m) => m.id))).toEqual(new Set(Object.keys(TERMS)));
    expect(matches.find((m) => m.via === 'surname' && m.id === 'olaf-scholz')?.text).toBe('Scholz');
  });
});

describe('find --no-fuzzy', { timeout: 60_000 }, () => {
  it('turns off near-miss matching of long names', async () => {
    const dir = tmp();
    const file = path.join(dir, 'typo.txt');
    writeFileSync(file, 'Chancellor Olaf Scholtz met reporters.');
    const fuzzy = await glossary('find', file, '--json', '--glossary', SMALL);
    expect(JSON.parse(fuzzy.stdout).matches).toEqual([
      { id: 'olaf-scholz', term: 'Olaf Scholz', text: 'Olaf Scholtz', start: 11, end: 23, via: 'fuzzy' },
    ]);
    const exact = await glossary('find', file, '--json', '--no-fuzzy', '--glossary', SMALL);
    expect(exact).toEqual({ code: 0, stdout: '{"matches":[]}\n', stderr: '' });
  });

  it('names article-only terms by the term the article defines', async () => {
    const r = await glossary('find', SEED_TXT, '--json', '--glossary', 'tests/fixtures/glossary-empty');
    const { matches } = JSON.parse(r.stdout) as { matches: Mention[] };
    const acsa = matches.filter((m) => m.via === 'article-definition' && m.term === 'ACSA');
    expect(acsa.map((m) => m.text)).toEqual(['acquisition and cross-servicing agreement', 'ACSA']);
    expect(acsa[0]?.id).toMatch(/^article:/);
  });
});
