/**
 * Paths on the command line: the repository root, the bundled glossary, the directory a user's
 * relative paths start from, and how a path is shown in messages.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above src/cli/). */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled glossary directory, whatever the working directory. */
export const DEFAULT_GLOSSARY_DIR = path.join(REPO_ROOT, 'glossary');

/** The bundled JSON Schema. */
export const SCHEMA_PATH = path.join(DEFAULT_GLOSSARY_DIR, 'schema.json');

/**
 * Where the user typed the command: `npm run glossary` runs in the repository root, so relative
 * paths start from npm's INIT_CWD then; otherwise from the working directory.
 */
function userCwd(): string {
  const init = process.env.INIT_CWD;
  return process.env.npm_lifecycle_event === 'glossary' && init ? init : process.cwd();
}

/** An absolute path for a path the user typed. */
export function resolveUserPath(p: string): string {
  return path.resolve(userCwd(), p);
}

/** A path as shown in messages: relative to where the user is when inside it, else absolute. */
export function displayPath(abs: string): string {
  const rel = path.relative(userCwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}
