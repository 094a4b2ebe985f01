/**
 * Glossary validation: the JSON Schema (compiled ahead of time by ajv, see
 * scripts/build-validator.ts) plus the semantic rules a schema cannot express. One validator
 * serves the bundled packs, the CLI and the user's import.
 */
import type { Entry, GlossaryFile, Period } from './glossary-types';
import { isPeriodDate, periodLastDay, periodStart } from './dates';
import { aliasObject, caseModeOf, pluralOf } from './glossary-format';
import { tokenize } from './tokenize';
// @ts-expect-error: generated JavaScript without types.
import schemaValidate from './generated/glossary-schema-validator.js';

/** One problem in a glossary file. */
export interface GlossaryError {
  /** File name (or "import") the problem is in. */
  file: string;
  /** Where in the file, e.g. `entries[3].summary`. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
}

/** `FILE: entries[3].summary: what is wrong`. */
export function formatError(e: GlossaryError): string {
  return `${e.file}: ${e.path || '(file)'}: ${e.message}`;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function jsonPointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function describeAjv(e: AjvError): { path: string; message: string } {
  const path = jsonPointerToPath(e.instancePath);
  switch (e.keyword) {
    case 'required':
      return {
        path: path ? `${path}.${String(e.params.missingProperty)}` : String(e.params.missingProperty),
        message: 'required field is missing',
      };
    case 'additionalProperties':
      return { path, message: `unknown field "${String(e.params.additionalProperty)}"` };
    case 'pattern':
      if (/sources\[\d+\]\.url$/.test(path)) return { path, message: 'source URL must start with https://' };
      if (/\.id$|related\[\d+\]$/.test(path)) return { path, message: 'id must be kebab-case (a-z, 0-9 and single hyphens)' };
      if (/\.(from|to)$/.test(path)) return { path, message: 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD' };
      if (/\.(updated|reviewed)$/.test(path)) return { path, message: 'must be an ISO date (YYYY-MM-DD)' };
      if (/\.(summary|details)$/.test(path)) return { path, message: 'must be plain text (no HTML: < and > are not allowed)' };
      return { path, message: `does not match the expected format (${String(e.params.pattern)})` };
    case 'maxLength':
      return { path, message: `too long: at most ${String(e.params.limit)} characters` };
    case 'minLength':
      return { path, message: 'must not be empty' };
    case 'minItems':
      return { path, message: `needs at least ${String(e.params.limit)} item(s)` };
    case 'enum':
      return { path, message: `must be one of: ${(e.params.allowedValues as string[]).join(', ')}` };
    case 'type':
      return { path, message: `must be ${String(e.params.type)}` };
    default:
      return { path, message: e.message ?? e.keyword };
  }
}

/** Schema errors of one parsed file. */
export function schemaErrors(data: unknown, file: string): GlossaryError[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return [
      {
        file,
        path: '',
        message: `a glossary file must be a JSON object with an "entries" array, not ${Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data}`,
      },
    ];
  if (schemaValidate(data)) return [];
  const errors = (schemaValidate.errors ?? []) as AjvError[];
  const seen = new Set<string>();
  const out: GlossaryError[] = [];
  for (const e of errors) {
    // oneOf on aliases reports every branch; keep the useful line.
    if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const d = describeAjv(e);
    const key = `${d.path}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, ...d });
  }
  return out;
}

/** A glossary file as loaded, with its name for error messages. */
export interface NamedGlossary {
  /** File name as shown in errors. */
  file: string;
  /** The parsed content. */
  data: GlossaryFile;
}

/** The canonical form of an id for uniqueness (case and Unicode normal form ignored). */
export function idKey(id: string): string {
  return id.normalize('NFKC').toLowerCase();
}

const HTML_LIKE = /<\/?[a-z!][^>]*>|javascript:|on[a-z]+\s*=/i;

/** One entry of one file, with where it is. */
interface Located {
  file: string;
  index: number;
  entry: Entry;
}

/** A form (term or alias) an entry claims, keyed by how the matcher would find it. */
interface Claim extends Located {
  /** The alias has a context rule, so another entry may claim the same words. */
  hasContext: boolean;
  text: string;
}

/** Every entry of every file, in order; records the ids in `ids` and reports duplicates. */
function collectIds(files: NamedGlossary[], ids: Map<string, { file: string; index: number }>, out: GlossaryError[]): Located[] {
  const all: Located[] = [];
  for (const { file, data } of files) {
    data.entries.forEach((entry, index) => {
      all.push({ file, index, entry });
      const key = idKey(entry.id);
      const prior = ids.get(key);
      if (prior && prior.index >= 0)
        out.push({
          file,
          path: `entries[${index}].id`,
          message: `duplicate id "${entry.id}" (also ${prior.file}: entries[${prior.index}])`,
        });
      else ids.set(key, { file, index });
    });
  }
  return all;
}

/**
 * A period's own problems: a date that is no calendar day or month, an end before its start
 * (compared as intervals: `to: "1989"` covers the whole of 1989, so it may follow `from:
 * "1989-03-13"`), and a start earlier than the period before it.
 */
function periodErrors(periods: readonly Period[], k: number, path: string, file: string, out: GlossaryError[]): void {
  const period = periods[k]!;
  const bad = (['from', 'to'] as const).filter((f) => period[f] !== undefined && !isPeriodDate(period[f]));
  for (const f of bad) out.push({ file, path: `${path}.${f}`, message: `"${period[f]}" is not a real date` });
  if (bad.length) return;
  if (period.to !== undefined && periodLastDay(period.to) < periodStart(period.from))
    out.push({ file, path, message: `ends (${period.to}) before it begins (${period.from})` });
  const prev = periods[k - 1];
  if (prev && isPeriodDate(prev.from) && periodStart(prev.from) > periodStart(period.from))
    out.push({ file, path, message: 'periods must be in order, oldest first' });
}

/** An entry's own problems: HTML in its text, related ids, periods, dates in the future. */
function entryFieldErrors({ file, index, entry }: Located, ids: ReadonlyMap<string, unknown>, out: GlossaryError[]): void {
  const p = (field: string): string => `entries[${index}].${field}`;
  for (const field of ['term', 'summary', 'details'] as const) {
    const v = entry[field];
    if (typeof v === 'string' && HTML_LIKE.test(v))
      out.push({ file, path: p(field), message: 'must be plain text, not HTML or script' });
  }
  for (const r of entry.related ?? []) {
    if (!ids.has(idKey(r))) out.push({ file, path: p('related'), message: `related id "${r}" does not exist` });
    if (r === entry.id) out.push({ file, path: p('related'), message: 'an entry cannot be related to itself' });
  }
  (entry.periods ?? []).forEach((period, k) => periodErrors(entry.periods!, k, p(`periods[${k}]`), file, out));
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  for (const field of ['updated', 'reviewed'] as const) {
    const day = entry[field];
    if (day !== undefined && day > tomorrow) out.push({ file, path: p(field), message: `"${day}" is in the future` });
  }
}

/** The entry's term and alias forms; reports alias context ids that do not exist and aliases with nothing to match. */
function entryForms(
  { file, index, entry }: Located,
  ids: ReadonlyMap<string, unknown>,
  out: GlossaryError[],
): { text: string; context: boolean }[] {
  const forms = [{ text: entry.term, context: false }];
  (entry.aliases ?? []).forEach((a, k) => {
    const o = aliasObject(a);
    if (o.context)
      for (const c of o.context)
        if (!ids.has(idKey(c)))
          out.push({ file, path: `entries[${index}].aliases[${k}].context`, message: `context id "${c}" does not exist` });
    forms.push({ text: o.text, context: Boolean(o.context) });
    if (o.plural) forms.push({ text: pluralOf(o.text), context: Boolean(o.context) });
    if (tokenize(o.text).length === 0)
      out.push({ file, path: `entries[${index}].aliases[${k}]`, message: 'alias has no letters or digits to match' });
  });
  return forms;
}

/** Adds the entry's distinct forms to `claims`, keyed by folded words (and the text, for a case-sensitive form). */
function addClaims(at: Located, forms: { text: string; context: boolean }[], claims: Map<string, Claim[]>): void {
  const own = new Set<string>();
  for (const f of forms) {
    const key = `${tokenize(f.text).keys.join(' ')}|${caseModeOf(f.text) === 'sensitive' ? f.text : ''}`;
    if (own.has(key)) continue;
    own.add(key);
    const list = claims.get(key) ?? [];
    list.push({ ...at, hasContext: f.context, text: f.text });
    claims.set(key, list);
  }
}

/** Forms claimed by two entries or more, more than one of them without a context rule. */
function claimErrors(claims: Map<string, Claim[]>, out: GlossaryError[]): void {
  for (const list of claims.values()) {
    const entries = new Set(list.map((c) => c.entry.id));
    if (entries.size < 2) continue;
    const withoutRule = list.filter((c) => !c.hasContext);
    if (withoutRule.length < 2) continue;
    const [first, ...rest] = withoutRule;
    for (const c of rest)
      out.push({
        file: c.file,
        path: `entries[${c.index}]`,
        message: `"${c.text}" is also claimed by "${first!.entry.id}" (${first!.file}); give all but one of them a "context" rule`,
      });
  }
}

/** Semantic errors across all files (run after the schema passes). */
function semanticErrors(files: NamedGlossary[], extraIds: Iterable<string> = []): GlossaryError[] {
  const out: GlossaryError[] = [];
  const ids = new Map<string, { file: string; index: number }>();
  for (const id of extraIds) ids.set(idKey(id), { file: '(bundled)', index: -1 });
  const all = collectIds(files, ids, out);
  // Aliases claimed by two entries need a rule (context) to tell them apart.
  const claims = new Map<string, Claim[]>();
  for (const at of all) {
    entryFieldErrors(at, ids, out);
    addClaims(at, entryForms(at, ids, out), claims);
  }
  claimErrors(claims, out);
  return out;
}

/**
 * Schema and semantic errors of a set of glossary files (parsed JSON). The semantic rules also
 * run over the well-formed entries of files the schema rejects, so one entry's missing `summary`
 * does not hide a duplicate id elsewhere; indexes in paths and messages are the files' own.
 */
export function validateGlossaries(files: { file: string; data: unknown }[], extraIds?: Iterable<string>): GlossaryError[] {
  const errors: GlossaryError[] = [];
  const checked: NamedGlossary[] = [];
  /** For a file with schema errors: the original index of each entry kept. */
  const kept = new Map<string, number[]>();
  for (const f of files) {
    const e = schemaErrors(f.data, f.file);
    if (!e.length) {
      checked.push(f as NamedGlossary);
      continue;
    }
    errors.push(...e);
    const entries = (f.data as { entries?: unknown } | null)?.entries;
    if (!Array.isArray(entries)) continue;
    const keep: number[] = [];
    entries.forEach((entry, k) => {
      const probe = { name: 'probe', description: 'probe', language: 'en', entries: [entry] };
      if (schemaErrors(probe, f.file).length === 0) keep.push(k);
    });
    kept.set(f.file, keep);
    const data = { ...(f.data as GlossaryFile), entries: keep.map((k) => entries[k] as Entry) };
    checked.push({ file: f.file, data });
  }
  const original = (file: string, index: string): string => String(kept.get(file)?.[Number(index)] ?? index);
  const semantic = semanticErrors(checked, extraIds).map((e) =>
    kept.size === 0
      ? e
      : {
          ...e,
          path: e.path.replace(/^entries\[(\d+)\]/, (_, k: string) => `entries[${original(e.file, k)}]`),
          message: e.message.replace(
            /\(also (.+?): entries\[(\d+)\]\)/,
            (_, f: string, k: string) => `(also ${f}: entries[${original(f, k)}])`,
          ),
        },
  );
  return [...errors, ...semantic];
}

/**
 * The bundled glossary's editorial rules, beyond what a user's import must meet: a person has
 * dated periods (what they were on the article's date is the point), and an event has its dates
 * (an article written before it began must not be linked to it).
 */
export function editorialErrors(files: readonly NamedGlossary[]): GlossaryError[] {
  const out: GlossaryError[] = [];
  for (const { file, data } of files)
    data.entries.forEach((entry, index) => {
      if ((entry.kind !== 'event' && entry.kind !== 'person') || entry.periods?.length) return;
      const message =
        entry.kind === 'event'
          ? 'an event needs periods: when it happened (a yearly one: since when), so that older articles are not linked to it'
          : "a person needs periods: the offices or roles they held, with dates, so the tooltip can say what they were on the article's date";
      out.push({ file, path: `entries[${index}].periods`, message });
    });
  return out;
}

/** A parse failure, located (line and column, 1-based) when the parser says where. */
function describeJsonError(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(msg);
  if (text.trim() === '') return 'not JSON: the file is empty';
  if (pos) {
    const at = Number(pos[1]);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const truncated = at >= text.trimEnd().length;
    return `not JSON at line ${line}, column ${column}${truncated ? ' (the file ends too early: truncated?)' : ''}: ${msg.replace(/ in JSON at position \d+.*$/, '')}`;
  }
  if (/Unexpected end/.test(msg)) return 'not JSON: the file ends too early (truncated?)';
  return `not JSON: ${msg}`;
}

/** Parses glossary JSON text: strips a UTF-8 BOM; throws an Error with a located, plain message. */
export function parseGlossaryJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new Error(describeJsonError(body, err), { cause: err });
  }
}
