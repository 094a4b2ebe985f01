/** Finding the system browser the e2e tests drive, or saying exactly how to get one. */
import { accessSync, constants, statSync } from 'node:fs';

/** What to look for: the variable that names it, the paths tried otherwise, and the message when none is found. */
export interface BrowserLookup {
  envVar: string;
  candidates: readonly string[];
  notFound: string;
  /** Environment to read `envVar` from (tests pass their own). */
  env?: Readonly<Record<string, string | undefined>>;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser's executable, or an Error that says what is missing and how to install it. */
export function findBrowser({ envVar, candidates, notFound, env = process.env }: BrowserLookup): string {
  const explicit = env[envVar];
  if (explicit !== undefined && explicit !== '') {
    if (isExecutableFile(explicit)) return explicit;
    // An explicit setting that is wrong is an error, not a reason to pick another browser.
    throw new Error(`${notFound} ${envVar}=${explicit} is not an executable file.`);
  }
  for (const candidate of candidates) if (isExecutableFile(candidate)) return candidate;
  const looked = candidates.length > 0 ? candidates.join(', ') : '(no fallback paths allowed)';
  throw new Error(`${notFound} Looked in: ${looked}.`);
}
