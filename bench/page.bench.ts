/**
 * `npm run bench:page`: the content script versus mark.js on the corpus pages, in one Chromium
 * run. Both are given the same glossary surface forms (every term and alias of the bundled
 * glossary). Reported per page: main-thread milliseconds spent by each (from a Chromium trace,
 * counting only script from the extension or from mark.js and its driver), the longest such
 * task, and the number of marks. Medians over alternating runs.
 *
 * Usage: npm run build && npm run bench:page [-- --runs 3 --json]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aliasObject } from '../src/core/glossary-format';
import type { GlossaryFile } from '../src/core/glossary-types';
import {
  extensionTasksFromTrace,
  launchWithExtension,
  loadFixturePages,
  PROJECT_ROOT,
  scriptTasksFromTrace,
  settledMarkCount,
  servePage,
  startTracing,
  type ExtensionHarness,
} from '../tests/e2e/harness';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const JSON_OUT = args.includes('--json');
const MARK_HOST = 'https://markjs-bench.invalid';

function surfaceForms(): string[] {
  const dir = join(PROJECT_ROOT, 'glossary');
  const forms = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'schema.json')) {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GlossaryFile;
    for (const e of data.entries) {
      forms.add(e.term);
      for (const a of e.aliases ?? []) forms.add(aliasObject(a).text);
    }
  }
  return [...forms];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Sample {
  ms: number;
  longest: number;
  marks: number;
}

async function runOurs(h: ExtensionHarness, url: string): Promise<Sample> {
  const page = await h.context.newPage();
  const tracing = await startTracing(h.context, page);
  await page.goto(url, { waitUntil: 'load' });
  const marks = await settledMarkCount(page, 60_000);
  const events = await tracing.stop();
  await page.close();
  const main = extensionTasksFromTrace(events, h.extensionId).filter((t) => t.threadName === 'CrRendererMain');
  return { ms: main.reduce((a, t) => a + t.extensionMs, 0), longest: Math.max(0, ...main.map((t) => t.extensionMs)), marks };
}

async function runMarkJs(h: ExtensionHarness, url: string): Promise<Sample> {
  const page = await h.context.newPage();
  const tracing = await startTracing(h.context, page);
  await page.goto(url, { waitUntil: 'load', timeout: 600_000 });
  // mark.js runs synchronously: evaluate() answers only once it is done.
  await page.waitForFunction(() => (window as unknown as { __marked?: number }).__marked !== undefined, undefined, {
    timeout: 900_000,
    polling: 500,
  });
  const marks = await page.evaluate(() => (window as unknown as { __marked: number }).__marked);
  const events = await tracing.stop();
  await page.close();
  const main = scriptTasksFromTrace(events, MARK_HOST).filter((t) => t.threadName === 'CrRendererMain');
  return { ms: main.reduce((a, t) => a + t.extensionMs, 0), longest: Math.max(0, ...main.map((t) => t.extensionMs)), marks };
}

async function main(): Promise<void> {
  const forms = surfaceForms();
  const markJs = readFileSync(join(PROJECT_ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  // mark.js handles a keyword array by recursion, one DOM pass per keyword: thousands of
  // keywords in one call overflow the stack. The driver feeds it batches of 100, each batch in
  // its own task (as an integration would), and records the total when all are done.
  const driver = `window.addEventListener('load', () => setTimeout(() => {
    const forms = ${JSON.stringify(forms)};
    const ctx = new Mark(document.body);
    let total = 0;
    const opts = { separateWordSearch: false, caseSensitive: true, diacritics: false,
      accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?', '"', "'", '’', '”', '“', '(', ')'] },
      exclude: ['script', 'style', 'noscript', 'textarea', 'input', 'select', 'code', 'pre', 'svg', 'math', 'h1', 'h2', 'h3', 'a', 'nav'] };
    const step = (i) => {
      if (i >= forms.length) { window.__marked = total; return; }
      ctx.mark(forms.slice(i, i + 100), { ...opts, done: (n) => { total += n; setTimeout(() => step(i + 100), 0); } });
    };
    step(0);
  }, 0));`;
  // Only pages the extension runs on by default (news sites); Wikipedia is not one.
  const pages = loadFixturePages().filter((p) => !p.url.includes('wikipedia.org'));
  const h = await launchWithExtension();
  try {
    await servePage(h.context, `${MARK_HOST}/mark.min.js`, markJs, { contentType: 'text/javascript' });
    await servePage(h.context, `${MARK_HOST}/driver.js`, driver, { contentType: 'text/javascript' });
    const rows = [];
    for (const p of pages) {
      const markUrl = `${MARK_HOST}/${p.file}`;
      const withMark = p.html.replace(
        /<\/head>/i,
        `<script src="${MARK_HOST}/mark.min.js"></script><script src="${MARK_HOST}/driver.js"></script></head>`,
      );
      await servePage(h.context, p.url, p.html);
      await servePage(h.context, markUrl, withMark);
      const ours: Sample[] = [];
      const theirs: Sample[] = [];
      for (let r = 0; r < RUNS; r++) {
        // Alternate the order so neither always runs on a warmer browser.
        if (r % 2 === 0) {
          ours.push(await runOurs(h, p.url));
          theirs.push(await runMarkJs(h, markUrl));
        } else {
          theirs.push(await runMarkJs(h, markUrl));
          ours.push(await runOurs(h, p.url));
        }
      }
      rows.push({
        page: p.file,
        oursMs: median(ours.map((s) => s.ms)),
        oursLongestMs: median(ours.map((s) => s.longest)),
        oursMarks: median(ours.map((s) => s.marks)),
        markJsMs: median(theirs.map((s) => s.ms)),
        markJsLongestMs: median(theirs.map((s) => s.longest)),
        markJsMarks: median(theirs.map((s) => s.marks)),
      });
      if (!JSON_OUT) process.stderr.write(`${p.file} done\n`);
    }
    const total = { ours: rows.reduce((a, r) => a + r.oursMs, 0), markJs: rows.reduce((a, r) => a + r.markJsMs, 0) };
    if (JSON_OUT) {
      console.log(JSON.stringify({ forms: forms.length, runs: RUNS, rows, total, ratio: total.markJs / total.ours }, null, 2));
      return;
    }
    const f = (n: number): string => n.toFixed(1);
    console.log(`Surface forms given to both: ${forms.length}; runs per page: ${RUNS} (medians)\n`);
    console.log(
      '| page | ours: main-thread ms | ours: longest task ms | ours: marks | mark.js: main-thread ms | mark.js: longest task ms | mark.js: marks | mark.js ÷ ours |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows)
      console.log(
        `| ${r.page} | ${f(r.oursMs)} | ${f(r.oursLongestMs)} | ${r.oursMarks} | ${f(r.markJsMs)} | ${f(r.markJsLongestMs)} | ${r.markJsMarks} | ${f(r.markJsMs / Math.max(r.oursMs, 0.1))}× |`,
      );
    console.log(`| **total** | ${f(total.ours)} | | | ${f(total.markJs)} | | | ${f(total.markJs / total.ours)}× |`);
  } finally {
    await h.close();
  }
}

await main();
