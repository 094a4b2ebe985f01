import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/cli/article';
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
  ['article:volodymyr-zelenskyy', 'Volodymyr Zelenskyy', 'article-definition'], // Ukrainian President Volodymyr Zelenskyy
  ['nato', 'NATO', 'exact'], // 7: The NATO summit will be held
  ['fumio-kishida', 'Kishida', 'surname'], // In Washington, meanwhile, Kishida
  ['keir-starmer', 'Keir Starmer', 'exact'],
  ['labour-party-uk', 'Labour Party', 'exact'],
  ['conservative-party-uk', 'Conservative', 'alias'], // 14 years of Conservative rule
  ['article:yoon-suk-yeol', 'Yoon Suk Yeol', 'article-definition'], // South Korean President Yoon Suk Yeol
  ['fumio-kishida', 'Kishida', 'surname'], // On Friday, Kishida
  ['olaf-scholz', 'Scholz', 'surname'], // to meet with Scholz
  ['olaf-scholz', 'Scholz', 'surname'], // when Scholz visited Tokyo
  ['acsa', 'acquisition and cross-servicing agreement', 'alias'],
  ['acsa', 'ACSA', 'exact'],
  ['nato', 'NATO', 'exact'], // 8: NATO to launch 4 new defense projects (related coverage)
  ['fumio-kishida', 'Kishida', 'surname'], // Charges dropped against Kishida
];

const TERMS: Record<string, string> = {
  'article:volodymyr-zelenskyy': 'Volodymyr Zelenskyy',
  'article:yoon-suk-yeol': 'Yoon Suk Yeol',
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

  it('prints exactly {"date", "matches":[{id, term, text, start, end, via, context, definition?, role?}]}', async () => {
    const r = await run;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { date: string | null; matches: Mention[] };
    expect(Object.keys(out)).toEqual(['date', 'matches']);
    expect(out.date).toBeNull(); // a .txt file says no date
    for (const m of out.matches) {
      const keys = ['id', 'term', 'text', 'start', 'end', 'via', 'context'];
      if (m.definition) keys.push('definition');
      if (m.role) keys.push('role');
      expect(Object.keys(m)).toEqual(keys);
      expect(m.context).toContain(m.text);
    }
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

  it('prints the date, then per mention: start-end  id  "text"  (via)  role; article words, and its sentence', async () => {
    const r = await glossary('find', SEED_TXT, '--date', '2024-07-10', '--glossary', SMALL);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('date: 2024-07-10');
    const rows = lines.slice(1);
    expect(rows).toHaveLength(SEED_MENTIONS.length * 2);
    expect(rows[0]).toMatch(
      /^24-37 {2}fumio-kishida {2}"Fumio Kishida" {2}\(exact\) {2}role: Prime Minister of Japan at the time/,
    );
    expect(rows[0]).toContain('article: Japanese Prime Minister');
    expect(rows[1]).toBe(
      '    Japanese Prime Minister Fumio Kishida left for Washington on Wednesday to attend a NATO summit to confirm cooperation',
    );
    for (let i = 0; i < rows.length; i += 2) {
      expect(rows[i]).toMatch(/^\d+-\d+ {2}[a-z0-9:-]+ {2}".+" {2}\((exact|alias|fuzzy|surname|article-definition)\)/);
      expect(rows[i + 1]).toMatch(/^ {4}\S/);
    }
  });
});

describe('find on the seed article (.html)', { timeout: 60_000 }, () => {
  it("reads the page with the content script's extraction; offsets point at the right text", async () => {
    const r = await glossary('find', SEED_HTML, '--json', '--glossary', SMALL);
    expect(r.code).toBe(0);
    const { matches } = JSON.parse(r.stdout) as { matches: Mention[] };
    const { text } = await readHtml(readFileSync(path.join(ROOT, SEED_HTML), 'utf8'));
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
      {
        id: 'olaf-scholz',
        term: 'Olaf Scholz',
        text: 'Olaf Scholtz',
        start: 11,
        end: 23,
        via: 'fuzzy',
        context: 'Chancellor Olaf Scholtz met reporters.',
        // The article's title for him, though the name is misspelt; no date in a .txt file:
        // roles as of today, and Scholz's ended in 2025.
        definition: 'Chancellor',
      },
    ]);
    const exact = await glossary('find', file, '--json', '--no-fuzzy', '--glossary', SMALL);
    // Without fuzzy matching the glossary does not know him; the article's title still says who he is.
    expect(exact.code).toBe(0);
    expect(JSON.parse(exact.stdout).matches).toEqual([
      expect.objectContaining({ id: 'article:olaf-scholtz', via: 'article-definition', definition: 'Chancellor' }),
    ]);
  });

  it('names article-only terms by the term the article defines', async () => {
    const r = await glossary('find', SEED_TXT, '--json', '--glossary', 'tests/fixtures/glossary-empty');
    const { matches } = JSON.parse(r.stdout) as { matches: Mention[] };
    const acsa = matches.filter((m) => m.via === 'article-definition' && m.term === 'ACSA');
    expect(acsa.map((m) => m.text)).toEqual(['acquisition and cross-servicing agreement', 'ACSA']);
    expect(acsa[0]?.id).toMatch(/^article:/);
  });
});

describe('find and the article date', { timeout: 60_000 }, () => {
  const page = (date: string, body: string): string =>
    `<html><head><meta property="article:published_time" content="${date}T09:00:00Z"></head><body><article>${body}</article></body></html>`;

  it('reads the date from the page, shows the role held then, and --date overrides it', async () => {
    const dir = tmp();
    const file = path.join(dir, 'scholz.html');
    writeFileSync(file, page('2023-05-02', '<p>Chancellor Olaf Scholz met reporters in Berlin on Tuesday.</p>'));
    const then = JSON.parse((await glossary('find', file, '--json', '--glossary', SMALL)).stdout) as {
      date: string;
      matches: Mention[];
    };
    expect(then.date).toBe('2023-05-02');
    expect(then.matches[0]?.role).toBe('Chancellor of Germany at the time (2021–2025)');
    const later = JSON.parse((await glossary('find', file, '--json', '--date', '2026-01-15', '--glossary', SMALL)).stdout);
    expect(later.date).toBe('2026-01-15');
    expect(later.matches[0]?.role).toBeUndefined();
  });

  it('does not link a page dated before an event began to that event', async () => {
    const dir = tmp();
    const file = path.join(dir, 'gaza-2014.html');
    writeFileSync(file, page('2014-07-20', '<p>The war in Gaza entered its third week as talks in Cairo stalled.</p>'));
    const old = JSON.parse((await glossary('find', file, '--json')).stdout) as { matches: Mention[] };
    expect(old.matches.map((m) => m.id)).not.toContain('gaza-war');
    const recent = JSON.parse((await glossary('find', file, '--json', '--date', '2024-01-20')).stdout) as {
      matches: Mention[];
    };
    expect(recent.matches.map((m) => m.id)).toContain('gaza-war');
  });

  it('refuses a --date that is not a calendar date', async () => {
    const r = await glossary('find', SEED_TXT, '--date', '2024-13-01', '--glossary', SMALL);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date: expected YYYY-MM-DD, got "2024-13-01"');
  });
});
