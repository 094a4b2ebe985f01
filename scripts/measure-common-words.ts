/**
 * Node measurement of what the common-word list costs the background at start-up: two builds of
 * src/core/common-words.ts, each bundled alone and minified (esbuild, as a browser bundle would
 * hold it), then, in a fresh Node process per run, alternating: the time to import (parse, compile,
 * evaluate) the module, and the first lookup. Medians of N runs each.
 *
 *   npx tsx scripts/measure-common-words.ts OLD.ts NEW.ts [runs=15]
 *
 * (OLD.ts: for example `git show <commit>:src/core/common-words.ts > tmp/common-words-old.ts`.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const [oldSource, newSource] = process.argv.slice(2, 4).map((p) => resolve(p!));
const runs = Number(process.argv[4] ?? 15);
if (!oldSource || !newSource) throw new Error('usage: measure-common-words.ts OLD.ts NEW.ts [runs]');

const out = resolve('tmp/measure-common-words');
mkdirSync(out, { recursive: true });
const bundles = { before: join(out, 'before.mjs'), after: join(out, 'after.mjs') };
for (const [name, entry] of [
  ['before', oldSource],
  ['after', newSource],
] as const) {
  buildSync({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', outfile: bundles[name] });
}

const probe = join(out, 'probe.mjs');
writeFileSync(
  probe,
  `const t0 = performance.now();
const m = await import(process.argv[2]);
const t1 = performance.now();
m.isCommonWord('because');
const t2 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstLookupMs: t2 - t1 }));
`,
);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<string, { importMs: number; firstLookupMs: number }[]> = { before: [], after: [] };
for (let i = 0; i < runs; i++) {
  for (const name of ['before', 'after'] as const) {
    results[name]!.push(JSON.parse(execFileSync(process.execPath, [probe, bundles[name]], { encoding: 'utf8' })));
  }
}
for (const name of ['before', 'after'] as const) {
  const list = results[name]!;
  const kb = (statSync(bundles[name]).size / 1000).toFixed(1);
  console.log(
    `${name}: ${kb} kB minified; import median ${median(list.map((r) => r.importMs)).toFixed(1)} ms, ` +
      `first lookup median ${median(list.map((r) => r.firstLookupMs)).toFixed(1)} ms (${runs} runs)`,
  );
}
