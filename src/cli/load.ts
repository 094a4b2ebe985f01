/**
 * Reading a glossary directory: every *.json in it except schema.json is a glossary file.
 * `readGlossaryDir` reports per-file problems for `validate`; `loadGlossary` gives the entries
 * of a valid glossary or throws one clear error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Entry, GlossaryFile } from '../core/glossary-types';
import { formatError, parseGlossaryJson, validateGlossaries, type GlossaryError } from '../core/glossary-validate';
import { CliError, describeFsError } from './errors';
import { displayPath } from './paths';

/** One file of a glossary directory as read: its text and parsed data, or why not. */
export interface GlossaryFileRead {
  /** The path as shown in messages (e.g. glossary/people.json). */
  file: string;
  /** Absolute path. */
  path: string;
  /** File name (people.json). */
  name: string;
  /** The file's text, when it could be read. */
  text?: string;
  /** The parsed JSON, when it parsed. */
  data?: unknown;
  /** Why it could not be read or parsed. */
  error?: GlossaryError;
}

/** The glossary files of `dir`, sorted by name; throws when `dir` is not a readable directory. */
function listGlossaryFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new CliError(`glossary directory ${displayPath(dir)}: not a directory`);
    names = readdirSync(dir);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`glossary directory ${displayPath(dir)}: ${describeFsError(err)}`);
  }
  return names
    .filter((n) => n.toLowerCase().endsWith('.json') && n !== 'schema.json')
    .sort()
    .map((n) => path.join(dir, n));
}

/** Reads and parses every glossary file of `dir`; problems are recorded per file, not thrown. */
export function readGlossaryDir(dir: string): GlossaryFileRead[] {
  return listGlossaryFiles(dir).map((abs) => {
    const file = displayPath(abs);
    const base: GlossaryFileRead = { file, path: abs, name: path.basename(abs) };
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      return { ...base, error: { file, path: '', message: `cannot read: ${describeFsError(err)}` } };
    }
    try {
      return { ...base, text, data: parseGlossaryJson(text) };
    } catch (err) {
      return { ...base, text, error: { file, path: '', message: (err as Error).message } };
    }
  });
}

/** A valid glossary: its files and all their entries, in file order. */
export interface LoadedGlossary {
  /** The files, parsed and valid. */
  files: { file: string; path: string; name: string; data: GlossaryFile }[];
  /** Every entry of every file. */
  entries: Entry[];
}

/** One line for a list of errors: the first, and how many more. */
function summarizeErrors(errors: GlossaryError[]): string {
  const more = errors.length - 1;
  const tail = more > 0 ? ` (and ${more} more error${more === 1 ? '' : 's'}; run "npm run glossary -- validate")` : '';
  return `${formatError(errors[0] as GlossaryError)}${tail}`;
}

/** Loads and validates the glossary in `dir`; throws one CliError naming the first problem. */
export function loadGlossary(dir: string): LoadedGlossary {
  const read = readGlossaryDir(dir);
  const failed = read.filter((f) => f.error).map((f) => f.error as GlossaryError);
  if (failed.length) throw new CliError(summarizeErrors(failed));
  const errors = validateGlossaries(read.map((f) => ({ file: f.file, data: f.data })));
  if (errors.length) throw new CliError(summarizeErrors(errors));
  const files = read.map((f) => ({ file: f.file, path: f.path, name: f.name, data: f.data as GlossaryFile }));
  return { files, entries: files.flatMap((f) => f.data.entries) };
}
