/**
 * `validate [--fix]`: the schema and semantic rules of src/core/glossary-validate.ts, plus the
 * rules of a maintained data set: entries sorted by id, the canonical JSON formatting, a
 * `$schema` reference, and no placeholders left by `suggest --write`. `--fix` sorts and
 * reformats files in place (it changes nothing else).
 */
import { writeFileSync } from 'node:fs';
import { wordingErrors } from '../../core/editorial-rules';
import {
  editorialErrors,
  formatError,
  schemaErrors,
  validateGlossaries,
  type GlossaryError,
  type NamedGlossary,
} from '../../core/glossary-validate';
import { CliError, describeFsError } from '../errors';
import type { Io } from '../io';
import { readGlossaryDir, type GlossaryFileRead } from '../load';

/** Options of `validate`. */
export interface ValidateOptions {
  /** Glossary directory. */
  glossaryDir: string;
  /** Sort entries by id and reformat files before checking. */
  fix?: boolean;
}

/** The canonical text of a glossary file: `JSON.stringify(data, null, 2)` and one final newline. */
export function canonicalJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Placeholder text `suggest --write` leaves for a maintainer to replace. */
export const TODO_MARK = 'TODO';
/** Placeholder source URL `suggest --write` leaves. */
export const TODO_URL = 'https://example.org/TODO';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The data with its entries sorted by id (stable; entries without a string id stay last). */
export function sortedByIds(data: Obj): Obj {
  if (!Array.isArray(data.entries)) return data;
  const idOf = (e: unknown): string | undefined => (isObj(e) && typeof e.id === 'string' ? e.id : undefined);
  const entries = [...data.entries].sort((a, b) => {
    const x = idOf(a);
    const y = idOf(b);
    if (x === undefined || y === undefined) return Number(x === undefined) - Number(y === undefined);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { ...data, entries };
}

function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}

/** The maintenance rules of one parsed file (sorting, formatting, `$schema`, placeholders). */
function styleErrors(f: { file: string; text: string; data: unknown }): GlossaryError[] {
  const out: GlossaryError[] = [];
  if (!isObj(f.data)) return out;
  const { file, data } = f;
  if (typeof data.$schema !== 'string' || !data.$schema.endsWith('schema.json'))
    out.push({ file, path: '$schema', message: 'name the schema so editors can check the file: "$schema": "./schema.json"' });
  const entries = Array.isArray(data.entries) ? data.entries : [];
  for (let k = 1; k < entries.length; k++) {
    const prev = isObj(entries[k - 1]) ? (entries[k - 1] as Obj).id : undefined;
    const id = isObj(entries[k]) ? (entries[k] as Obj).id : undefined;
    if (typeof prev === 'string' && typeof id === 'string' && id < prev) {
      out.push({
        file,
        path: `entries[${k}].id`,
        message: `entries must be sorted by id: "${id}" comes before "${prev}" (fix: validate --fix)`,
      });
      break;
    }
  }
  entries.forEach((e, k) => {
    if (!isObj(e)) return;
    if (typeof e.summary === 'string' && e.summary.startsWith(TODO_MARK))
      out.push({ file, path: `entries[${k}].summary`, message: 'still a TODO placeholder: write the summary' });
    if (Array.isArray(e.sources))
      e.sources.forEach((s, j) => {
        if (isObj(s) && (s.url === TODO_URL || s.title === TODO_MARK))
          out.push({ file, path: `entries[${k}].sources[${j}]`, message: 'still a TODO placeholder: cite a real source' });
      });
  });
  const canonical = canonicalJson(data);
  if (f.text !== canonical)
    out.push({
      file,
      path: '',
      message: `not in the canonical format (JSON.stringify(data, null, 2) and one final newline): first difference at line ${firstDifferentLine(f.text, canonical)} (fix: validate --fix)`,
    });
  return out;
}

function fixFile(f: GlossaryFileRead, io: Io): GlossaryFileRead {
  if (!isObj(f.data) || f.text === undefined) return f;
  const data = sortedByIds(f.data);
  const text = canonicalJson(data);
  if (text === f.text) return f;
  try {
    writeFileSync(f.path, text);
  } catch (err) {
    throw new CliError(`cannot write ${f.file}: ${describeFsError(err)}`);
  }
  io.out(`fixed ${f.file} (sorted by id and reformatted)`);
  return { ...f, text, data };
}

/** Runs `validate`; prints each problem as `FILE: path: message`; returns the exit code. */
export function runValidate(options: ValidateOptions, io: Io): number {
  let files = readGlossaryDir(options.glossaryDir);
  if (options.fix) files = files.map((f) => fixFile(f, io));
  const parsed = files.filter((f) => !f.error);
  const named = parsed.map((f) => ({ file: f.file, data: f.data }));
  const wellFormed = named.filter((f) => schemaErrors(f.data, f.file).length === 0) as NamedGlossary[];
  const all: GlossaryError[] = [
    ...files.filter((f) => f.error).map((f) => f.error as GlossaryError),
    ...validateGlossaries(named),
    ...editorialErrors(wellFormed),
    ...wordingErrors(wellFormed),
    ...parsed.flatMap((f) => styleErrors({ file: f.file, text: f.text as string, data: f.data })),
  ];
  const seen = new Set<string>();
  const errors = all.filter((e) => !seen.has(formatError(e)) && Boolean(seen.add(formatError(e))));
  const order = new Map(files.map((f, i) => [f.file, i]));
  errors.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  const entryCount = parsed.reduce((n, f) => n + (isObj(f.data) && Array.isArray(f.data.entries) ? f.data.entries.length : 0), 0);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (errors.length === 0) {
    io.out(`${plural(files.length, 'file')}, ${entryCount} ${entryCount === 1 ? 'entry' : 'entries'}: valid`);
    return 0;
  }
  for (const e of errors) io.err(formatError(e));
  const bad = new Set(errors.map((e) => e.file)).size;
  io.err(`glossary: ${plural(errors.length, 'error')} in ${bad} of ${plural(files.length, 'file')}`);
  return 1;
}
