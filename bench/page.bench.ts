/**
 * `npm run bench:page`: the content script versus two in-page matchers on the corpus pages, in
 * one Chromium run: the competent peer (bench/peer.ts: one combined regex of every surface form
 * of the bundled glossary, one TreeWalker pass, the CSS Highlight API) and mark.js (one DOM pass
 * per form; given an evenly spread sample of the forms, since it cannot take them all).
 * Reported per page: main-thread milliseconds spent by each (from a Chromium trace, counting only
 * script from the extension, or from the peer's or mark.js's own scripts), the longest such task,
 * and the number of marks. Medians over runs whose order rotates.
 *
 * Usage: npm run build && npm run bench:page [-- --runs 3 --markjs-forms 100 --json]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aliasObject, aliasTexts } from '../src/core/glossary-format';
import type { GlossaryFile } from '../src/core/glossary-types';
import { peerScript, sampleForms } from './peer';
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
const MARKJS_FORMS = Number(args[args.indexOf('--markjs-forms') + 1]) || 100;
const MARK_HOST = 'https://markjs-bench.invalid';
const PEER_HOST = 'https://peer-bench.invalid';

function surfaceForms(): string[] {
  const dir = join(PROJECT_ROOT, 'glossary');
  const forms = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'schema.json')) {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GlossaryFile;
    for (const e of data.entries) {
      forms.add(e.term);
      for (const a of e.aliases ?? []) for (const t of aliasTexts(aliasObject(a))) forms.add(t);
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

/** A page with an injected matcher (the peer or mark.js) whose scripts are served from `host`. */
async function runInjected(h: ExtensionHarness, url: string, host: string): Promise<Sample> {
  const page = await h.context.newPage();
  const tracing = await startTracing(h.context, page);
  await page.goto(url, { waitUntil: 'load', timeout: 600_000 });
  // The driver sets window.__marked when it is done.
  await page.waitForFunction(() => (window as unknown as { __marked?: number }).__marked !== undefined, undefined, {
    timeout: 900_000,
    polling: 500,
  });
  const marks = await page.evaluate(() => (window as unknown as { __marked: number }).__marked);
  const events = await tracing.stop();
  await page.close();
  const main = scriptTasksFromTrace(events, host).filter((t) => t.threadName === 'CrRendererMain');
  return { ms: main.reduce((a, t) => a + t.extensionMs, 0), longest: Math.max(0, ...main.map((t) => t.extensionMs)), marks };
}

interface Row {
  page: string;
  ours: Sample;
  peer: Sample;
  markJs: Sample;
}

/** Medians of each figure over the runs. */
function medianSample(xs: Sample[]): Sample {
  return { ms: median(xs.map((s) => s.ms)), longest: median(xs.map((s) => s.longest)), marks: median(xs.map((s) => s.marks)) };
}

/** mark.js given `forms` in batches of 100, each batch in its own task, as an integration would. */
function markJsDriver(forms: readonly string[]): string {
  return `window.addEventListener('load', () => setTimeout(() => {
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
}

async function measurePage(h: ExtensionHarness, p: { file: string; url: string; html: string }): Promise<Row> {
  const peerUrl = `${PEER_HOST}/${p.file}`;
  const markUrl = `${MARK_HOST}/${p.file}`;
  const inject = (srcs: string[]): string =>
    p.html.replace(/<\/head>/i, `${srcs.map((src) => `<script src="${src}"></script>`).join('')}</head>`);
  await servePage(h.context, p.url, p.html);
  await servePage(h.context, peerUrl, inject([`${PEER_HOST}/peer.js`]));
  await servePage(h.context, markUrl, inject([`${MARK_HOST}/mark.min.js`, `${MARK_HOST}/driver.js`]));
  const runs: Record<'ours' | 'peer' | 'markJs', Sample[]> = { ours: [], peer: [], markJs: [] };
  const order = [
    ['ours', () => runOurs(h, p.url)],
    ['peer', () => runInjected(h, peerUrl, PEER_HOST)],
    ['markJs', () => runInjected(h, markUrl, MARK_HOST)],
  ] as const;
  for (let r = 0; r < RUNS; r++) {
    // Rotate the order so that none always runs on a warmer browser.
    for (let k = 0; k < order.length; k++) {
      const [name, run] = order[(r + k) % order.length]!;
      runs[name].push(await run());
    }
  }
  return { page: p.file, ours: medianSample(runs.ours), peer: medianSample(runs.peer), markJs: medianSample(runs.markJs) };
}

function printTable(rows: Row[], forms: number, markForms: number): void {
  const f = (n: number): string => (n >= 1000 ? Math.round(n).toLocaleString('en') : n.toFixed(1));
  const x = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(1)}×` : '—');
  // Totals over the pages the extension runs on (a page that is not a default site costs it 0).
  const ran = rows.filter((r) => r.ours.ms > 0);
  const sum = (k: keyof Omit<Row, 'page'>): number => ran.reduce((a, r) => a + r[k].ms, 0);
  const max = (k: keyof Omit<Row, 'page'>): number => Math.max(...rows.map((r) => r[k].longest));
  console.log(
    `Surface forms: ${forms} (ours and the peer: all); mark.js: a sample of ${markForms}; runs per page: ${RUNS} (medians); main-thread ms from a Chromium trace\n`,
  );
  console.log(
    '| page | ours: main thread | ours: longest task | ours: marks | peer: main thread | peer: longest task | peer: marks | peer ÷ ours | mark.js (sample): main thread | mark.js: longest task | mark.js ÷ ours |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.page} | ${f(r.ours.ms)} | ${f(r.ours.longest)} | ${r.ours.marks} | ${f(r.peer.ms)} | ${f(r.peer.longest)} | ${r.peer.marks} | ${x(r.peer.ms, r.ours.ms)} | ${f(r.markJs.ms)} | ${f(r.markJs.longest)} | ${x(r.markJs.ms, r.ours.ms)} |`,
    );
  console.log(
    `| **total** (pages we run on; longest: max) | ${f(sum('ours'))} | ${f(max('ours'))} | | ${f(sum('peer'))} | ${f(max('peer'))} | | ${x(sum('peer'), sum('ours'))} | ${f(sum('markJs'))} | ${f(max('markJs'))} | ${x(sum('markJs'), sum('ours'))} |`,
  );
}

async function main(): Promise<void> {
  const forms = surfaceForms();
  const markForms = sampleForms(forms, MARKJS_FORMS);
  const markJs = readFileSync(join(PROJECT_ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  // Only pages the extension runs on by default (news sites); Wikipedia is not one.
  const only = args.includes('--pages') ? args[args.indexOf('--pages') + 1]!.split(',') : undefined;
  const pages = loadFixturePages().filter((p) => !p.url.includes('wikipedia.org') && (!only || only.includes(p.file)));
  const h = await launchWithExtension();
  try {
    await servePage(h.context, `${MARK_HOST}/mark.min.js`, markJs, { contentType: 'text/javascript' });
    await servePage(h.context, `${MARK_HOST}/driver.js`, markJsDriver(markForms), { contentType: 'text/javascript' });
    await servePage(h.context, `${PEER_HOST}/peer.js`, peerScript(forms), { contentType: 'text/javascript' });
    const rows: Row[] = [];
    for (const p of pages) {
      rows.push(await measurePage(h, p));
      if (!JSON_OUT) process.stderr.write(`${p.file} done\n`);
    }
    const total = (k: 'ours' | 'peer' | 'markJs'): number => rows.filter((r) => r.ours.ms > 0).reduce((a, r) => a + r[k].ms, 0);
    if (JSON_OUT) {
      const totals = { ours: total('ours'), peer: total('peer'), markJs: total('markJs') };
      const ratio = { peerOverOurs: totals.peer / totals.ours, markJsOverOurs: totals.markJs / totals.ours };
      console.log(
        JSON.stringify({ forms: forms.length, markJsForms: markForms.length, runs: RUNS, rows, totals, ratio }, null, 2),
      );
      return;
    }
    printTable(rows, forms.length, markForms.length);
  } finally {
    await h.close();
  }
}

await main();
