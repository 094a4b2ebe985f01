/**
 * Service-worker start-up of a Chrome build, in real Chromium: for each of N launches (fresh
 * profile each time), the time from launching Chromium with the extension until the worker first
 * answers (a `worker.evaluate`, which runs once the worker's top-level script has been evaluated),
 * and the worker's own clock at that answer (`performance.now()`, milliseconds since the worker was
 * created). Prints medians and each run, plus background.js's size.
 *
 *   npx tsx scripts/measure-worker-startup.ts [.output/chrome-mv3] [runs=7]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/e2e/harness/chromium';

const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
const runs = Number(process.argv[3] ?? 7);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function once(): Promise<{ wallMs: number; workerMs: number }> {
  const profile = mkdtempSync(join(tmpdir(), 'news-glossary-startup-'));
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
    ],
  });
  try {
    let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    while (!worker) worker = await context.waitForEvent('serviceworker');
    const workerMs = await worker.evaluate(() => performance.now());
    return { wallMs: performance.now() - start, workerMs };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const results: { wallMs: number; workerMs: number }[] = [];
for (let i = 0; i < runs; i++) results.push(await once());
const kb = (statSync(join(dir, 'background.js')).size / 1000).toFixed(1);
console.log(`${dir}: background.js ${kb} kB`);
console.log(
  `launch → worker's first answer: median ${median(results.map((r) => r.wallMs)).toFixed(0)} ms; ` +
    `worker's own clock at it: median ${median(results.map((r) => r.workerMs)).toFixed(1)} ms (${runs} runs)`,
);
console.log(results.map((r) => `${r.wallMs.toFixed(0)}/${r.workerMs.toFixed(1)}`).join(' '));
