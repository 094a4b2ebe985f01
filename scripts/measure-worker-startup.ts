/**
 * Service-worker start-up of a Chrome build, in real Chromium: for each of N launches (fresh
 * profile each time), the time from launching Chromium with the extension until the worker first
 * answers (a `worker.evaluate`, which runs once the worker's top-level script has been evaluated),
 * and the worker's own clock at that answer (`performance.now()`, milliseconds since the worker was
 * created). Prints medians and each run, plus background.js's size. Given several builds (say a
 * copy of the build before a change, and the build after), it alternates between them, so that a
 * busy machine slows them alike.
 *
 *   npx tsx scripts/measure-worker-startup.ts [runs=7] [.output/chrome-mv3 …]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/e2e/harness/chromium';

const runs = Number(process.argv[2] ?? 7);
const dirs = (process.argv.length > 3 ? process.argv.slice(3) : ['.output/chrome-mv3']).map((d) => resolve(d));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function once(dir: string): Promise<{ wallMs: number; workerMs: number }> {
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

const results = new Map<string, { wallMs: number; workerMs: number }[]>(dirs.map((d) => [d, []]));
for (let i = 0; i < runs; i++) for (const dir of dirs) results.get(dir)!.push(await once(dir));
for (const [dir, list] of results) {
  const kb = (statSync(join(dir, 'background.js')).size / 1000).toFixed(1);
  console.log(`${dir}: background.js ${kb} kB`);
  console.log(
    `  launch → worker's first answer: median ${median(list.map((r) => r.wallMs)).toFixed(0)} ms; ` +
      `worker's own clock at it: median ${median(list.map((r) => r.workerMs)).toFixed(1)} ms (${runs} runs)`,
  );
  console.log(
    `  each run (launch→answer/worker clock, ms): ${list.map((r) => `${r.wallMs.toFixed(0)}/${r.workerMs.toFixed(1)}`).join(' ')}`,
  );
}
