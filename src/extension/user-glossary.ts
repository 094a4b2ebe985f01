/**
 * The user's own glossary ("My glossary"): imported from a JSON file in the glossary format,
 * checked with the same validator as the bundled packs and the CLI, and kept in
 * `storage.local` (not `sync`: its 8 KB per-item quota) as one item.
 *
 * An import is all or nothing: the size is checked before the file is read, then the JSON is
 * parsed, then the schema and the semantic rules run over the whole file; only a file without
 * a single problem replaces the stored glossary. Entries are handled in Maps keyed by id, so
 * ids such as "constructor" or "prototype" are ordinary keys. User entries override bundled
 * entries with the same id.
 */
import { storage } from 'wxt/utils/storage';
import { ENTRY_KINDS, type Entry, type GlossaryFile } from '../core/glossary-types';
import { parseGlossaryJson, validateGlossaries, type GlossaryError } from '../core/glossary-validate';

/** Largest file accepted, in bytes (16 MiB: about 50,000 entries); checked before the file is read. */
const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/** Problems listed for one refused file, at most. */
export const MAX_PROBLEMS = 50;

/** The user's glossary as stored. */
export interface StoredUserGlossary {
  /** The glossary file, as imported and validated. */
  glossary: GlossaryFile;
  /** Name of the file it came from. */
  fileName: string;
  /** When it was imported or last changed (ISO 8601). */
  importedAt: string;
}

/** The user's glossary item in `storage.local` (null: none). */
export const userGlossaryItem = storage.defineItem<StoredUserGlossary | null>('local:userGlossary', {
  fallback: null,
  version: 1,
});

/** Where the user's glossary is read and written (the storage item, or a stand-in in tests). */
export interface UserGlossaryStore {
  /** Reads the stored value. */
  getValue(): Promise<StoredUserGlossary | null>;
  /** Replaces the stored value. */
  setValue(value: StoredUserGlossary | null): Promise<void>;
  /** Removes the stored value. */
  removeValue(): Promise<void>;
}

/** What an import needs of a file: its size before reading it, then its text. */
export interface ImportFile {
  /** File name, for messages. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** Reads the file as UTF-8 text. */
  text(): Promise<string>;
}

/** One reason a file was refused. */
export interface ImportProblem {
  /** Where: `entries[3].summary`, or '' for the whole file. */
  path: string;
  /** The entry it is in (1-based), when it is in one. */
  entryNumber?: number;
  /** That entry's term (or id), when it has one. */
  entryName?: string;
  /** The field, e.g. `summary` or `sources[0].url`, when there is one. */
  field?: string;
  /** What is wrong, in plain words. */
  message: string;
}

/** Why a file was refused: the kind of failure, for the message shown first. */
export type ImportFailure = 'too-large' | 'not-json' | 'invalid' | 'storage';

/** The outcome of an import. */
export type ImportResult =
  | { ok: true; stored: StoredUserGlossary; entries: number; ms: number }
  | { ok: false; failure: ImportFailure; problems: ImportProblem[]; total: number };

/** What to check a file against. */
export interface ImportContext {
  /** Ids of the bundled entries (user entries may refer to them in `related` and `context`). */
  bundledIds: Iterable<string>;
  /** Where to store the result; defaults to the storage item. */
  store?: UserGlossaryStore;
  /** The clock, for `importedAt`. */
  now?: () => Date;
}

function problem(path: string, message: string, data: unknown): ImportProblem {
  const m = /^entries\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (!m) return { path, message };
  const index = Number(m[1]);
  const entries = data && typeof data === 'object' ? (data as { entries?: unknown }).entries : undefined;
  const entry = Array.isArray(entries) ? (entries[index] as Record<string, unknown> | undefined) : undefined;
  const name =
    entry && typeof entry === 'object' ? (typeof entry.term === 'string' && entry.term ? entry.term : entry.id) : undefined;
  return {
    path,
    entryNumber: index + 1,
    ...(typeof name === 'string' && name ? { entryName: name.length > 80 ? `${name.slice(0, 79)}…` : name } : {}),
    ...(m[2] ? { field: m[2] } : {}),
    message,
  };
}

function refused(failure: ImportFailure, problems: ImportProblem[]): ImportResult {
  return { ok: false, failure, problems: problems.slice(0, MAX_PROBLEMS), total: problems.length };
}

/** Checks glossary JSON text against the schema and the rules; the parsed file when it is valid. */
export function checkGlossaryText(
  text: string,
  fileName: string,
  bundledIds: Iterable<string>,
): { ok: true; glossary: GlossaryFile } | { ok: false; failure: ImportFailure; problems: ImportProblem[] } {
  let data: unknown;
  try {
    data = parseGlossaryJson(text);
  } catch (err) {
    return {
      ok: false,
      failure: 'not-json',
      problems: [{ path: '', message: err instanceof Error ? err.message : String(err) }],
    };
  }
  const errors: GlossaryError[] = validateGlossaries([{ file: fileName, data }], bundledIds);
  if (errors.length) return { ok: false, failure: 'invalid', problems: errors.map((e) => problem(e.path, e.message, data)) };
  return { ok: true, glossary: data as GlossaryFile };
}

/** Imports a file as the user's glossary, replacing the previous one only if the file is valid. */
export async function importUserGlossary(file: ImportFile, ctx: ImportContext): Promise<ImportResult> {
  const started = performance.now();
  if (file.size > MAX_IMPORT_BYTES)
    return refused('too-large', [
      { path: '', message: `the file is ${formatBytes(file.size)}; the largest accepted is ${formatBytes(MAX_IMPORT_BYTES)}` },
    ]);
  if (file.size === 0) return refused('not-json', [{ path: '', message: 'not JSON: the file is empty' }]);
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return refused('not-json', [
      { path: '', message: `the file could not be read: ${err instanceof Error ? err.message : String(err)}` },
    ]);
  }
  const checked = checkGlossaryText(text, file.name, ctx.bundledIds);
  if (!checked.ok) return refused(checked.failure, checked.problems);
  return store(checked.glossary, file.name, ctx, started);
}

async function store(glossary: GlossaryFile, fileName: string, ctx: ImportContext, started: number): Promise<ImportResult> {
  const stored: StoredUserGlossary = { glossary, fileName, importedAt: (ctx.now?.() ?? new Date()).toISOString() };
  try {
    await (ctx.store ?? userGlossaryItem).setValue(stored);
  } catch (err) {
    // Quota exceeded and the like: storage.local writes all or nothing, so the old glossary stays.
    return refused('storage', [{ path: '', message: err instanceof Error ? err.message : String(err) }]);
  }
  return { ok: true, stored, entries: glossary.entries.length, ms: performance.now() - started };
}

/** Adds one entry to the user's glossary (creating it if needed), validated with the rest. */
export async function addUserEntry(
  entry: Entry,
  ctx: ImportContext & { defaults: Pick<GlossaryFile, 'name' | 'description' | 'language'> },
): Promise<ImportResult> {
  const started = performance.now();
  const current = await loadUserGlossary(ctx.store);
  const base: GlossaryFile = current?.glossary ?? { ...ctx.defaults, entries: [] };
  const byId = new Map(base.entries.map((e) => [e.id, e]));
  byId.set(entry.id, entry);
  const glossary: GlossaryFile = { ...base, entries: [...byId.values()] };
  const text = JSON.stringify(glossary);
  const checked = checkGlossaryText(text, current?.fileName ?? 'my-glossary.json', ctx.bundledIds);
  if (!checked.ok) return refused(checked.failure, checked.problems);
  return store(checked.glossary, current?.fileName ?? 'my-glossary.json', ctx, started);
}

/** Removes the user's glossary. */
export async function removeUserGlossary(store: UserGlossaryStore = userGlossaryItem): Promise<void> {
  await store.removeValue();
}

/** The user's glossary as a JSON file (two-space indent, final newline), the format it is imported in. */
export function exportUserGlossary(stored: StoredUserGlossary): string {
  return `${JSON.stringify(stored.glossary, null, 2)}\n`;
}

function isEntryShape(e: unknown): e is Entry {
  if (!e || typeof e !== 'object') return false;
  const v = e as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.term === 'string' &&
    typeof v.summary === 'string' &&
    typeof v.updated === 'string' &&
    (ENTRY_KINDS as readonly unknown[]).includes(v.kind) &&
    Array.isArray(v.sources) &&
    (v.aliases === undefined || Array.isArray(v.aliases))
  );
}

/**
 * The stored glossary, checked for shape (it was fully validated when imported; a full
 * re-validation of 50,000 entries on every start would cost more than it protects). Entries
 * that lost their shape are dropped; anything else damaged reads as no glossary.
 */
export function sanitizeStoredGlossary(value: unknown): StoredUserGlossary | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const g = v.glossary as Record<string, unknown> | undefined;
  if (!g || typeof g !== 'object' || !Array.isArray(g.entries)) return null;
  const glossary: GlossaryFile = {
    name: typeof g.name === 'string' ? g.name : '',
    description: typeof g.description === 'string' ? g.description : '',
    language: typeof g.language === 'string' ? g.language : 'en',
    entries: g.entries.filter(isEntryShape),
  };
  return {
    glossary,
    fileName: typeof v.fileName === 'string' ? v.fileName : '',
    importedAt: typeof v.importedAt === 'string' ? v.importedAt : '',
  };
}

/** The user's glossary, or null when there is none. */
export async function loadUserGlossary(
  store: Pick<UserGlossaryStore, 'getValue'> = userGlossaryItem,
): Promise<StoredUserGlossary | null> {
  return sanitizeStoredGlossary(await store.getValue());
}

/** Bundled entries overridden by user entries with the same id; new user entries after them. */
export function mergeEntries(bundled: readonly Entry[], user: readonly Entry[]): Entry[] {
  const byId = new Map<string, Entry>();
  for (const e of bundled) byId.set(e.id, e);
  // Map.set keeps an existing key's place: an override stays where the bundled entry was.
  for (const e of user) byId.set(e.id, e);
  return [...byId.values()];
}

/** "1.2 MB" (decimal units, as file managers show them). */
function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)} KB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}
