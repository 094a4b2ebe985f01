/**
 * Service-worker start-up of Chrome builds, in real Chromium. For each launch (fresh profile each
 * time), Chromium traces its own start-up (`--trace-startup`), and the script reads from the trace
 * the time the worker's thread spent compiling the extension's modules (background.js alone too)
 * and evaluating them. It also gives the time from
 * launching Chromium until the worker first answers (a `worker.evaluate`, which runs once the
 * worker's top-level script has been evaluated), which a busy machine makes noisy.
 *
 * Given several builds (say a copy of the build before a change, and the build after), it
 * alternates between them, so that a busy machine slows them alike. Prints medians and each run.
 *
 *   npx tsx scripts/measure-worker-startup.ts [runs=7] [.output/chrome-mv3 …]
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/e2e/harness/chromium';
import { TRACE_CATEGORIES, type TraceEvent } from '../tests/e2e/harness/trace';

const runs = Number(process.argv[2] ?? 7);
const dirs = (process.argv.length > 3 ? process.argv.slice(3) : ['.output/chrome-mv3']).map((d) => resolve(d));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Run {
  /** Launch → the worker's first answer. */
  wallMs: number;
  /** Worker thread time compiling the extension's modules. */
  compileMs: number;
  /** ...of which background.js. */
  backgroundCompileMs: number;
  /** Worker thread time evaluating the module graph (top-level code). */
  evaluateMs: number;
}

async function once(dir: string): Promise<Run> {
  const profile = mkdtempSync(join(tmpdir(), 'news-glossary-startup-'));
  const traceFile = join(profile, 'startup-trace.json');
  const start = performance.now();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      `--trace-startup=${TRACE_CATEGORIES.join(',')}`,
      `--trace-startup-file=${traceFile}`,
      '--trace-startup-format=json',
      '--trace-startup-duration=3',
    ],
  });
  try {
    let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    while (!worker) worker = await context.waitForEvent('serviceworker');
    await worker.evaluate(() => performance.now());
    const wallMs = performance.now() - start;
    const prefix = `chrome-extension://${new URL(worker.url()).host}/`;
    // The trace is written when its duration ends.
    await new Promise((r) => setTimeout(r, 4000));
    await context.close();
    const raw = JSON.parse(readFileSync(traceFile, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
    const events = Array.isArray(raw) ? raw : raw.traceEvents;
    const workerThreads = new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && /ServiceWorker/.test(String(e.args?.['name'])))
        .map((e) => `${e.pid}:${e.tid}`),
    );
    let compileMs = 0;
    let backgroundCompileMs = 0;
    let evaluateMs = 0;
    for (const e of events) {
      if (e.ph !== 'X' || !workerThreads.has(`${e.pid}:${e.tid}`)) continue;
      const url = (e.args?.['data'] as { url?: string } | undefined)?.url ?? e.args?.['fileName'];
      const ms = (e.dur ?? 0) / 1000;
      if (e.name === 'v8.compileModule' && typeof url === 'string' && url.startsWith(prefix)) {
        compileMs += ms;
        if (url === `${prefix}background.js`) backgroundCompileMs += ms;
      } else if (e.name === 'v8.evaluateModule') {
        evaluateMs += ms; // the module graph's top-level code (the worker runs only the extension's)
      }
    }
    return { wallMs, compileMs, backgroundCompileMs, evaluateMs };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

const results = new Map<string, Run[]>(dirs.map((d) => [d, []]));
for (let i = 0; i < runs; i++) for (const dir of dirs) results.get(dir)!.push(await once(dir));
for (const [dir, list] of results) {
  const kb = (statSync(join(dir, 'background.js')).size / 1000).toFixed(1);
  console.log(`${dir}: background.js ${kb} kB (${runs} runs, medians)`);
  const m = (f: (r: Run) => number): string => median(list.map(f)).toFixed(1);
  console.log(
    `  worker thread: compiling the modules ${m((r) => r.compileMs)} ms (background.js ${m((r) => r.backgroundCompileMs)} ms), ` +
      `evaluating them ${m((r) => r.evaluateMs)} ms; launch → worker's first answer ${m((r) => r.wallMs)} ms`,
  );
  console.log(
    `  each run (compile/background.js/evaluate/launch→answer, ms): ${list
      .map((r) => [r.compileMs, r.backgroundCompileMs, r.evaluateMs, r.wallMs].map((x) => x.toFixed(0)).join('/'))
      .join(' ')}`,
  );
}
