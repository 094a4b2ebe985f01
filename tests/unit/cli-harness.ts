import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/glossary';
import type { Io } from '../../src/cli/io';

/** Shared helpers for the tests of the glossary command line (tests/unit/cli-*.test.ts). */

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Absolute paths, so the command also runs with a working directory outside the repository.
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const CLI = path.join(ROOT, 'src/cli/glossary.ts');

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working directory; the repository root by default. */
  cwd?: string;
  /** Added to the environment. `npm_lifecycle_event` is removed unless given here. */
  env?: Record<string, string>;
}

/** Runs the real command line (`node --import tsx src/cli/glossary.ts …`), by default in the repository root. */
export function runGlossary(args: string[], options: RunOptions = {}): Promise<Result> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.npm_lifecycle_event) delete env.npm_lifecycle_event;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, CLI, ...args],
      { cwd: options.cwd ?? ROOT, env, maxBuffer: 1 << 26 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** Runs the real command line in the repository root: `glossary('find', file, '--json')`. */
export function glossary(...args: string[]): Promise<Result> {
  return runGlossary(args);
}

/** Runs the command line in this process (same code, no process start). */
export async function inProcess(...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (l) => void (stdout += `${l}\n`), err: (l) => void (stderr += `${l}\n`) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/**
 * Call once at the top of a test file: returns `tmp()`, which makes a new temporary directory
 * (named `glossary-<prefix>-…`) that is removed after the file's tests.
 */
export function useTmpDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(path.join(tmpdir(), `glossary-${prefix}-`));
    dirs.push(d);
    return d;
  };
}
