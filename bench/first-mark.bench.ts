/**
 * `npm run bench:first-mark`: how soon the first mark appears on the Kyodo article (served at its
 * real address), after `load`, with the background service worker cold (stopped, as Chrome does
 * after 30 s idle) and warm; the worker's start-up, glossary load + compile and first analysis
 * (its `performance.measure` entries, src/extension/background-main.ts); and the heap of the
 * worker and of a page with and without the content script. Medians over alternating runs.
 *
 * Usage: npm run build && npm run bench:first-mark [-- --runs 7 --json --dir .output/chrome-mv3]
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import {
  KYODO_URL,
  launchPlain,
  launchWithExtension,
  loadFixturePages,
  loadKyodoHtml,
  servePage,
  settledMarkCount,
  type ExtensionHarness,
} from '../tests/e2e/harness';
import { STARTUP_MEASURES } from '../src/extension/startup-measures';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
const JSON_OUT = args.includes('--json');
/** Another build to measure (say a copy of the build before a change): `--dir PATH`. */
const EXTENSION_DIR = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : undefined;
const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : NaN;
};

/** In the page's main world: the time of `load`, and of the first frame with a mark. */
const FIRST_MARK_PROBE = `(() => {
  const w = window;
  addEventListener('load', () => { w.__loadAt = performance.now(); });
  const poll = () => {
    const h = CSS.highlights && CSS.highlights.get('glossary-hover');
    if (h && h.size > 0) { w.__firstMarkAt = performance.now(); return; }
    setTimeout(poll, 1);
  };
  poll();
})();`;

async function firstMark(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.goto(KYODO_URL, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __firstMarkAt?: number }).__firstMarkAt !== undefined, undefined, {
    timeout: 30_000,
    polling: 20,
  });
  const ms = await page.evaluate(() => {
    const w = window as unknown as { __firstMarkAt: number; __loadAt: number };
    return w.__firstMarkAt - w.__loadAt;
  });
  await page.close();
  return ms;
}

/** A CDP session on a page, where the ServiceWorker domain can stop every worker. */
async function stopWorkers(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.close();
}

/** The extension's running worker (a new one after a stop). */
function currentWorker(h: ExtensionHarness): Worker | undefined {
  return h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`));
}

async function workerMeasures(h: ExtensionHarness): Promise<Record<string, number>> {
  const w = currentWorker(h);
  if (!w) return {};
  return w.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration] as [string, number])),
  );
}

/** JS heap in use (after a forced GC) of the page's isolate: main world and content scripts. */
async function pageHeapMB(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function heapOfLargestPage(h: ExtensionHarness): Promise<{ page: string; withMB: number; withoutMB: number }> {
  const largest = loadFixturePages()
    .filter((p) => !p.url.includes('wikipedia.org'))
    .sort((a, b) => b.html.length - a.html.length)[0]!;
  const plain = await launchPlain();
  try {
    await servePage(h.context, largest.url, largest.html);
    await servePage(plain.context, largest.url, largest.html);
    const withExt: number[] = [];
    const without: number[] = [];
    for (let r = 0; r < 3; r++) {
      const a = await h.context.newPage();
      await a.goto(largest.url, { waitUntil: 'load' });
      await settledMarkCount(a);
      withExt.push(await pageHeapMB(h.context, a));
      await a.close();
      const b = await plain.context.newPage();
      await b.goto(largest.url, { waitUntil: 'load' });
      await b.waitForTimeout(1500);
      without.push(await pageHeapMB(plain.context, b));
      await b.close();
    }
    return { page: largest.file, withMB: median(withExt), withoutMB: median(without) };
  } finally {
    await plain.close();
  }
}

/** The worker's JS heap after a forced GC, through the DevTools protocol of its own target. */
async function workerHeapMB(port: number, extensionId: string): Promise<number | undefined> {
  const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    type: string;
    url: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = list.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  if (!target) return undefined;
  const { default: WebSocket } = await import('ws');
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let id = 0;
  const send = (method: string): Promise<Record<string, unknown>> =>
    new Promise((resolve) => {
      const my = ++id;
      const on = (raw: Buffer): void => {
        const msg = JSON.parse(raw.toString()) as { id?: number; result?: Record<string, unknown> };
        if (msg.id === my) {
          ws.off('message', on);
          resolve(msg.result ?? {});
        }
      };
      ws.on('message', on);
      ws.send(JSON.stringify({ id: my, method }));
    });
  await send('HeapProfiler.enable');
  await send('HeapProfiler.collectGarbage');
  const { usedSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  ws.close();
  return usedSize / 2 ** 20;
}

async function main(): Promise<void> {
  const port = 9400 + Math.floor(Math.random() * 500);
  const h = await launchWithExtension({
    extraArgs: [`--remote-debugging-port=${port}`],
    ...(EXTENSION_DIR ? { extensionDir: EXTENSION_DIR } : {}),
  });
  try {
    await h.context.addInitScript(FIRST_MARK_PROBE);
    await servePage(h.context, KYODO_URL, loadKyodoHtml());
    await firstMark(h.context); // the browser's own first page: not measured
    const cold: number[] = [];
    const warm: number[] = [];
    const measures: Record<string, number[]> = {};
    for (let r = 0; r < RUNS; r++) {
      await stopWorkers(h.context);
      await new Promise((resolve) => setTimeout(resolve, 300));
      cold.push(await firstMark(h.context));
      await new Promise((resolve) => setTimeout(resolve, 1500)); // the rest of the page, then idle
      for (const [k, v] of Object.entries(await workerMeasures(h))) (measures[k] ??= []).push(v);
      warm.push(await firstMark(h.context));
      log(`run ${r + 1}/${RUNS}: cold ${cold.at(-1)!.toFixed(0)} ms, warm ${warm.at(-1)!.toFixed(0)} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const swHeap = await workerHeapMB(port, h.extensionId);
    const heap = await heapOfLargestPage(h);
    const m = (name: string): number => median(measures[name] ?? []);
    const out = {
      runs: RUNS,
      firstMarkAfterLoadMs: { cold: median(cold), warm: median(warm), coldAll: cold, warmAll: warm },
      worker: {
        startUpMs: m(STARTUP_MEASURES.startUp),
        loadMs: m(STARTUP_MEASURES.load),
        loadAndCompileMs: m(STARTUP_MEASURES.compile),
        firstAnalysisMs: m(STARTUP_MEASURES.firstAnalysis),
        heapMB: swHeap,
      },
      contentScriptHeap: { ...heap, deltaMB: heap.withMB - heap.withoutMB },
    };
    if (JSON_OUT) console.log(JSON.stringify(out, null, 2));
    else printReport(out);
  } finally {
    await h.close();
  }
}

function printReport(o: {
  runs: number;
  firstMarkAfterLoadMs: { cold: number; warm: number };
  worker: { startUpMs: number; loadMs: number; loadAndCompileMs: number; firstAnalysisMs: number; heapMB: number | undefined };
  contentScriptHeap: { page: string; withMB: number; withoutMB: number; deltaMB: number };
}): void {
  const f = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(1));
  const { worker: w, contentScriptHeap: c } = o;
  console.log(`Kyodo article, ${o.runs} runs (medians); the worker stopped before each cold run\n`);
  console.log(
    '| first mark after load, cold worker | warm worker | worker start-up (script evaluation) | load + compile (with fuzzy index, warm-up analysis) | of which load | first analysis |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${f(o.firstMarkAfterLoadMs.cold)} ms | ${f(o.firstMarkAfterLoadMs.warm)} ms | ${f(w.startUpMs)} ms | ${f(w.loadAndCompileMs)} ms | ${f(w.loadMs)} ms | ${f(w.firstAnalysisMs)} ms |`,
  );
  console.log(
    `\nHeap after GC: service worker ${f(w.heapMB)} MB; ${c.page}: page with the content script ${f(c.withMB)} MB, without ${f(c.withoutMB)} MB, difference ${f(c.deltaMB)} MB`,
  );
}

await main();
