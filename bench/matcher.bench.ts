/**
 * Matcher benchmark: our compiled word trie against (a) one RegExp per form, as mark.js does, and
 * (b) one combined alternation RegExp, on the real page texts of tests/fixtures/pages with
 * synthetic glossaries of 1k, 10k and 50k entries; plus load time and memory of the bundled
 * glossary. See docs/benchmarks.md for the figures and bench/oracle.ts for the regexes.
 *
 *   npm run bench                  markdown tables on stdout, progress on stderr
 *   npm run bench -- --json        only the JSON object on stdout
 *   npm run bench -- --quick       3 repetitions instead of 7
 *   npm run bench -- --sizes=1000,10000   other glossary sizes
 *   npm run bench -- --flexible    also time the combined regex with flexible spaces (slow)
 *   npm run bench -- --matcher=PATH   time another CompiledGlossary (a module exporting one), to
 *                                  try a change to src/core/matcher.ts before making it
 *
 * Method: one process, the same inputs for every implementation (the extracted page texts with
 * white space normalized, bench/corpus.ts); a warm-up of each (passes until ≥ 250 ms and ≥ 3
 * passes, so the JIT has optimized it), whose first pass also checks that all find the same
 * matches; then R repetitions in which the implementations alternate (the order rotates each
 * repetition). A sample is N passes over all pages, page by page (not concatenated), N chosen
 * from the warm-up's fastest pass so that a sample takes ≥ 50 ms; "ms" is the median
 * over the repetitions of the time of one pass (msMin: the minimum). Ours includes tokenizing.
 * Our matcher is also timed on the raw extracted text (what the content script scans).
 * Heap figures use a forced GC (exposed at run time with v8.setFlagsFromString when node was not
 * started with --expose-gc).
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { GlossaryEngine } from '../src/core/engine';
import { FuzzyIndex } from '../src/core/fuzzy';
import type { Entry, GlossaryFile } from '../src/core/glossary-types';
import { CompiledGlossary as SrcCompiledGlossary } from '../src/core/matcher';
import { loadCorpus, type CorpusPage } from './corpus';
import { ahoCorasick, findAhoCorasick } from './aho-corasick';
import { SemanticsGuard, syntheticGlossary } from './glossary-gen';
import { markdown, type Bundled, type Case } from './matcher-report';
import {
  combinedRegex,
  diffSpans,
  findCombined,
  findPerTerm,
  flexibleRegex,
  matchSpans,
  oracleForms,
  perTermRegexes,
  type SpanDifference,
  type Spans,
} from './oracle';

const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const QUICK = args.includes('--quick');
const MATCHER = args.find((a) => a.startsWith('--matcher='))?.slice(10);
const SIZES = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1000,10000,50000').split(',').map(Number);
const FLEXIBLE = args.includes('--flexible');
const REPS = QUICK ? 3 : 7;
/** A timed sample lasts at least this long (several passes when one pass is shorter). */
const SAMPLE_MS = 50;
/** Each implementation is warmed up for at least this long (and 3 passes) before timing. */
const WARM_MS = 250;
/** Above this many entries the per-form regexes are skipped (minutes per run). */
const PER_TERM_MAX = 10_000;

const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

function getGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}
const gc = getGc();

/** The matcher under test: src/core/matcher.ts, or the module given by --matcher. */
const CompiledGlossary: typeof SrcCompiledGlossary = MATCHER
  ? ((await import(path.resolve(MATCHER))) as { CompiledGlossary: typeof SrcCompiledGlossary }).CompiledGlossary
  : SrcCompiledGlossary;

function heapUsed(): number {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

function machine(): Record<string, string | number> {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    /* not Linux */
  }
  return {
    node: process.version,
    v8: process.versions.v8,
    cpus: os.availableParallelism(),
    cpu,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGB: round(os.totalmem() / 2 ** 30, 1),
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

interface Impl {
  name: 'ours' | 'combinedRegex' | 'perTermRegex' | 'oursRaw' | 'ahoCorasick';
  /** One pass: finds every match in every page; returns the spans of each page. */
  run: () => Spans[];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const t0 = performance.now();
  if (MATCHER) log(`matcher under test: ${MATCHER}`);
  const pages = await loadCorpus();
  const textBytes = pages.reduce((s, p) => s + p.bytes, 0);
  const rawBytes = pages.reduce((s, p) => s + p.rawBytes, 0);
  log(
    `corpus: ${pages.length} pages, ${textBytes} bytes of normalized text (${rawBytes} raw; extracted in ${Math.round(performance.now() - t0)} ms)`,
  );

  const bundled = bundledFigures();
  const cases: Case[] = [];
  for (const n of SIZES) cases.push(runCase(n, pages));

  const out = {
    cases,
    bundled,
    machine: machine(),
    method: {
      reps: REPS,
      statistic: 'median of the repetitions (msMin: minimum); ms per pass over all pages',
      input: 'extracted page texts, white space normalized (bench/corpus.ts); raw: as extracted',
      ms: 'sum over the pages, page by page; ours includes tokenize()',
      mb: '1 MB = 10^6 bytes of UTF-8 text',
      perTermRegexMaxTerms: PER_TERM_MAX,
      gc: gc ? 'forced' : 'unavailable (heap figures are noisy)',
    },
  };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(out)}\n`);
  else process.stdout.write(markdown(cases, bundled, out.machine, REPS));
}

/** Runs `fn` once and returns its duration. */
function timeOnce<T>(fn: () => T): [T, number] {
  const s = performance.now();
  const r = fn();
  return [r, performance.now() - s];
}

function runCase(n: number, pages: CorpusPage[]): Case {
  log(`\n== ${n} entries`);
  const texts = pages.map((p) => p.text);
  const raws = pages.map((p) => p.raw);
  const textBytes = pages.reduce((s, p) => s + p.bytes, 0);
  const rawBytes = pages.reduce((s, p) => s + p.rawBytes, 0);
  const guard = new SemanticsGuard(texts);
  const entries = syntheticGlossary(n, texts, { guard });
  const forms = oracleForms(entries);
  log(
    `left out ${guard.excluded.length} forms the corpus also writes otherwise: ${guard.excluded
      .slice(0, 8)
      .map((x) => `${x.form} (${x.corpus})`)
      .join(', ')}`,
  );

  // Compile time: median of REPS compiles; heap of one compiled glossary.
  const compileTimes: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const [g, ms] = timeOnce(() => new CompiledGlossary(entries));
    compileTimes.push(ms);
    if (g.formCount === 0) throw new Error('empty glossary');
  }
  const h0 = heapUsed();
  const g = new CompiledGlossary(entries);
  const heapMB = (heapUsed() - h0) / 2 ** 20;
  log(
    `compile: median ${median(compileTimes).toFixed(1)} ms (${compileTimes.map((t) => t.toFixed(0)).join(' ')}); ${g.formCount} forms, ${g.nodeCount} nodes, ${heapMB.toFixed(1)} MB heap`,
  );

  const combined = combinedRegex(forms);
  const [ac, acCompileMs] = timeOnce(() => ahoCorasick(forms));
  log(`Aho–Corasick (ahocorasick package): built in ${acCompileMs.toFixed(0)} ms`);
  const perTerm = n <= PER_TERM_MAX ? perTermRegexes(forms) : undefined;

  const impls: Impl[] = [
    { name: 'ours', run: () => texts.map((t) => matchSpans(g.findExact(t))) },
    { name: 'combinedRegex', run: () => texts.map((t) => findCombined(combined, t)) },
    { name: 'oursRaw', run: () => raws.map((t) => matchSpans(g.findExact(t))) },
    { name: 'ahoCorasick', run: () => texts.map((t) => findAhoCorasick(ac, t)) },
  ];
  if (perTerm) impls.push({ name: 'perTermRegex', run: () => texts.map((t) => findPerTerm(perTerm, t)) });

  // Warm-up (passes per sample from it), and the oracle comparison.
  const outputs = new Map<string, Spans[]>();
  const passes: Record<string, number> = {};
  let combinedFirst = 0;
  for (const impl of impls) {
    const [out, first] = timeOnce(impl.run);
    let warm = first;
    let runs = 1;
    let fastest = Infinity;
    while (runs < 3 || warm < WARM_MS) {
      const [, ms] = timeOnce(impl.run);
      warm += ms;
      runs++;
      fastest = Math.min(fastest, ms);
    }
    outputs.set(impl.name, out);
    passes[impl.name] = Math.max(1, Math.ceil(SAMPLE_MS / Math.max(fastest, 0.01)));
    if (impl.name === 'combinedRegex') combinedFirst = first;
    log(
      `warm-up ${impl.name}: first pass ${first.toFixed(1)} ms, then ${runs - 1} more (fastest ${fastest.toFixed(1)} ms) → ${passes[impl.name]} passes per sample`,
    );
  }
  const ours = outputs.get('ours')!;
  const oracle = outputs.get('combinedRegex')!;
  const differences = compare(texts, ours, oracle, outputs.get('perTermRegex'));
  const count = (s: Spans[]): number => s.reduce((a, x) => a + x.length / 2, 0);
  const matches = count(ours);
  const rawMatches = count(outputs.get('oursRaw')!);
  log(`matches: ${matches} (raw text: ${rawMatches}); differences: ${differences}`);

  // Timed repetitions, alternating the implementations.
  const times = new Map<string, number[]>(impls.map((i) => [i.name, []]));
  for (let r = 0; r < REPS; r++) {
    for (let k = 0; k < impls.length; k++) {
      const impl = impls[(r + k) % impls.length]!;
      const reps = passes[impl.name]!;
      const s = performance.now();
      for (let i = 0; i < reps; i++) if (impl.run().length !== texts.length) throw new Error('lost a page');
      times.get(impl.name)!.push((performance.now() - s) / reps);
    }
    log(`rep ${r + 1}/${REPS}: ${impls.map((i) => `${i.name} ${times.get(i.name)!.at(-1)!.toFixed(2)} ms`).join(', ')}`);
  }
  const med = (name: string): number => round(median(times.get(name)!), 3);
  const min = (name: string): number => round(Math.min(...times.get(name)!), 3);
  const oursMs = med('ours');
  const rawMs = med('oursRaw');

  let flexible: Case['flexibleRegex'];
  if (FLEXIBLE) flexible = timeFlexible(forms, texts, ours);

  return {
    terms: n,
    textBytes,
    compileMs: round(median(compileTimes)),
    ms: {
      ours: oursMs,
      combinedRegex: med('combinedRegex'),
      ahoCorasick: med('ahoCorasick'),
      ...(perTerm ? { perTermRegex: med('perTermRegex') } : {}),
    },
    sameMatches: differences === 0,
    forms: g.formCount,
    nodes: g.nodeCount,
    matches,
    mbPerSec: round(textBytes / 1e6 / (oursMs / 1000), 1),
    heapMB: round(heapMB, 1),
    msMin: {
      ours: min('ours'),
      combinedRegex: min('combinedRegex'),
      ahoCorasick: min('ahoCorasick'),
      ...(perTerm ? { perTermRegex: min('perTermRegex') } : {}),
    },
    passes,
    raw: { textBytes: rawBytes, ms: rawMs, mbPerSec: round(rawBytes / 1e6 / (rawMs / 1000), 1), matches: rawMatches },
    combinedRegexFirstMs: round(combinedFirst),
    ahoCorasickCompileMs: round(acCompileMs),
    ahoCorasickHits: count(outputs.get('ahoCorasick')!),
    combinedRegexSourceKB: Math.round(combined.source.length / 1024),
    excludedForms: guard.excluded.length,
    ...(perTerm ? {} : { perTermRegexSkipped: `more than ${PER_TERM_MAX} entries (a pass takes tens of seconds)` }),
    ...(flexible ? { flexibleRegex: flexible } : {}),
    ...(differences ? { differences } : {}),
  };
}

/** Number of spans that differ between ours and the oracle (and between the two regexes); logged. */
function compare(texts: string[], ours: Spans[], oracle: Spans[], perTerm?: Spans[]): number {
  const differences: (SpanDifference & { page: number; against: string })[] = [];
  texts.forEach((text, p) => {
    for (const d of diffSpans(text, ours[p]!, oracle[p]!)) differences.push({ ...d, page: p, against: 'ours vs combinedRegex' });
    if (perTerm)
      for (const d of diffSpans(text, perTerm[p]!, oracle[p]!))
        differences.push({ ...d, page: p, against: 'perTermRegex vs combinedRegex' });
  });
  for (const d of differences.slice(0, 30))
    log(
      `  page ${d.page} ${d.against}: only ${d.side === 'ours' ? 'the first' : 'combinedRegex'} [${d.start},${d.end}) ${JSON.stringify(d.text)} in ${JSON.stringify(d.context)}`,
    );
  return differences.length;
}

/** The flexible combined regex: first pass (with V8's compile), then up to 2 more if it is fast enough. */
function timeFlexible(forms: ReturnType<typeof oracleForms>, texts: string[], ours: Spans[]): NonNullable<Case['flexibleRegex']> {
  let re: RegExp;
  try {
    re = flexibleRegex(forms);
    const [out, firstMs] = timeOnce(() => texts.map((t) => findCombined(re, t)));
    const sameMatches = texts.every((t, p) => diffSpans(t, ours[p]!, out[p]!).length === 0);
    log(`flexible regex: first pass ${firstMs.toFixed(0)} ms; sameMatches ${sameMatches}`);
    if (firstMs > 60_000) return { firstMs: round(firstMs), runs: 1, sameMatches };
    const more = [0, 1].map(() => timeOnce(() => texts.map((t) => findCombined(re, t)))[1]);
    log(`flexible regex: then ${more.map((t) => t.toFixed(0)).join(', ')} ms`);
    return { ms: round(median(more)), firstMs: round(firstMs), runs: 3, sameMatches };
  } catch (err) {
    log(`flexible regex: ${(err as Error).message.slice(0, 200)}`);
    return {
      error: `${(err as Error).name}: ${(err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}`,
    };
  }
}

/** A compiled glossary and its fuzzy index, as GlossaryEngine builds them (or with --matcher's). */
function buildEngine(entries: Entry[]): { compiled: SrcCompiledGlossary; fuzzy: () => unknown } {
  if (!MATCHER) {
    const engine = new GlossaryEngine(entries);
    return { compiled: engine.compiled, fuzzy: () => engine.fuzzy };
  }
  const compiled = new CompiledGlossary(entries);
  return { compiled, fuzzy: () => new FuzzyIndex(compiled) };
}

/**
 * Load time and memory of the glossary the extension ships (glossary/*.json but schema.json).
 * Run first, so that the first load is cold, as in a browser.
 */
function bundledFigures(): Bundled {
  log('== bundled glossary');
  const dir = path.join(root, 'glossary');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort();
  const read = (): string[] => files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const parse = (texts: string[]): Entry[] => texts.flatMap((t) => (JSON.parse(t) as GlossaryFile).entries);
  let s = performance.now();
  const coldEngine = buildEngine(parse(read()));
  const coldLoadMs = performance.now() - s;
  s = performance.now();
  coldEngine.fuzzy();
  const coldFuzzyIndexMs = performance.now() - s;

  const raw = read();
  const parseTimes: number[] = [];
  const compileTimes: number[] = [];
  const fuzzyTimes: number[] = [];
  let entries: Entry[] = [];
  for (let r = 0; r < Math.max(REPS, 5); r++) {
    const [parsed, p] = timeOnce(() => parse(raw));
    entries = parsed;
    const [engine, c] = timeOnce(() => buildEngine(entries));
    const [, f] = timeOnce(() => engine.fuzzy());
    parseTimes.push(p);
    compileTimes.push(c);
    fuzzyTimes.push(f);
  }
  const h0 = heapUsed();
  const engine = buildEngine(entries);
  const h1 = heapUsed();
  engine.fuzzy();
  const h2 = heapUsed();
  const b: Bundled = {
    files,
    entries: entries.length,
    forms: engine.compiled.formCount,
    nodes: engine.compiled.nodeCount,
    coldLoadMs: round(coldLoadMs),
    coldFuzzyIndexMs: round(coldFuzzyIndexMs),
    parseMs: round(median(parseTimes)),
    compileMs: round(median(compileTimes)),
    fuzzyIndexMs: round(median(fuzzyTimes)),
    heapMB: round((h1 - h0) / 2 ** 20, 2),
    heapWithFuzzyMB: round((h2 - h0) / 2 ** 20, 2),
  };
  log(JSON.stringify(b));
  return b;
}

await main();
