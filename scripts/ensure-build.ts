/**
 * Makes sure a browser's build exists in .output, building it (`wxt build`) if it does not. Used by
 * the tests that check built files (manifest, bundle scan, web-ext lint); `npm test` builds both
 * browsers first, so this only builds when a test file is run on its own. Test files run in
 * parallel, so one build at a time per browser, behind a lock directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The browsers built, by their WXT name, with the folder their MV3 build goes to. */
export const BUILD_DIRS = {
  chrome: join(ROOT, '.output/chrome-mv3'),
  firefox: join(ROOT, '.output/firefox-mv3'),
} as const;

/** A browser WXT builds for here. */
export type BuildBrowser = keyof typeof BUILD_DIRS;

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** Returns the build folder of `browser`, building it first if it has no manifest.json. */
export function ensureBuild(browser: BuildBrowser, timeoutMs = 180_000): string {
  const dir = BUILD_DIRS[browser];
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return dir;
  const lock = join(ROOT, '.output', `.building-${browser}`);
  mkdirSync(join(ROOT, '.output'), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building it: wait for it.
      if (existsSync(manifest) && !existsSync(lock)) return dir;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock} (remove it if no build is running)`);
      sleep(200);
    }
  }
  try {
    if (!existsSync(manifest)) {
      const args = ['wxt', 'build', ...(browser === 'chrome' ? [] : ['-b', browser])];
      execFileSync('npx', args, { cwd: ROOT, stdio: 'pipe', timeout: timeoutMs });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (!existsSync(manifest)) throw new Error(`\`npx wxt build -b ${browser}\` wrote no ${manifest}`);
  return dir;
}
