/**
 * `suggest FILE [--json] [--write OUT.json]`: the terms of an article the glossary lacks
 * (src/core/suggest.ts), and with `--write` skeleton entries for a maintainer to finish, merged
 * into OUT.json (created when missing) in the canonical format.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GlossaryEngine } from '../../core/engine';
import { kebabId } from '../../core/entry-id';
import type { Entry, EntryKind, GlossaryFile } from '../../core/glossary-types';
import { idKey, parseGlossaryJson } from '../../core/glossary-validate';
import { suggestTerms, type Suggestion } from '../../core/suggest';
import { readArticle } from '../article';
import { CliError, describeFsError } from '../errors';
import type { Io } from '../io';
import { loadGlossary } from '../load';
import { displayPath, SCHEMA_PATH } from '../paths';
import { canonicalJson, sortedByIds, TODO_MARK, TODO_URL } from './validate';

/** Options of `suggest`. */
export interface SuggestOptions {
  /** Glossary directory. */
  glossaryDir: string;
  /** Article file (.txt or .html), absolute. */
  file: string;
  /** Print JSON instead of lines. */
  json?: boolean;
  /** Glossary file to add skeleton entries to, absolute. */
  write?: string;
  /** The date to stamp `updated` with (default: today, UTC). */
  today?: string;
}

/** The schema kind a suggestion most likely has; the maintainer checks it. */
function schemaKind(s: Suggestion): EntryKind {
  const last = s.term.split(/\s+/).pop()?.toLowerCase() ?? '';
  switch (s.kind) {
    case 'person':
      return 'person';
    case 'place':
      return 'place';
    case 'organization':
      if (last === 'party') return 'party';
      if (/^(forces|army|navy|force)$/.test(last)) return 'military';
      return 'organization';
    case 'acronym': {
      const d = (s.definition ?? '').toLowerCase();
      if (/\b(agreement|treaty|pact|accord|convention)$/.test(d)) return 'agreement';
      if (/\bparty$/.test(d)) return 'party';
      if (/\b(nations|countries|states|members|group)\b/.test(d)) return 'group';
      if (/\b(organi[sz]ation|alliance|agency|union|council|commission|bank|fund|association)$/.test(d)) return 'organization';
      return 'other';
    }
    default:
      return 'other';
  }
}

/** A sentence from a definition: first letter upper case, a final full stop. */
function asSentence(text: string): string {
  const t = text.trim();
  const s = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** Skeleton glossary entries for suggestions: real id, term and kind; TODO summary and source. */
function skeletonEntries(suggestions: Suggestion[], today: string): Entry[] {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const s of suggestions) {
    const id = kebabId(s.term);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const alias = s.kind === 'acronym' && s.definition && s.definition === s.definition.toLowerCase() ? [s.definition] : [];
    out.push({
      id,
      term: s.term,
      kind: schemaKind(s),
      ...(alias.length ? { aliases: alias } : {}),
      summary: s.definition ? asSentence(s.definition) : `${TODO_MARK}: what is ${s.term}? One or two sentences, plain text.`,
      sources: [{ title: TODO_MARK, url: TODO_URL }],
      updated: today,
    });
  }
  return out;
}

/** Adds skeleton entries to the glossary file `out` (created when missing); returns how many were new. */
function writeSkeletons(out: string, entries: Entry[], article: string): { added: number; skipped: number } {
  let data: GlossaryFile;
  if (existsSync(out)) {
    let text: string;
    try {
      text = readFileSync(out, 'utf8');
    } catch (err) {
      throw new CliError(`cannot read ${displayPath(out)}: ${describeFsError(err)}`);
    }
    let parsed: unknown;
    try {
      parsed = parseGlossaryJson(text);
    } catch (err) {
      throw new CliError(`${displayPath(out)}: ${(err as Error).message}`);
    }
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed) ||
      !Array.isArray((parsed as GlossaryFile).entries)
    )
      throw new CliError(`${displayPath(out)}: wrong shape: a glossary file must be a JSON object with an "entries" array`);
    data = parsed as GlossaryFile;
  } else {
    let schema = path.relative(path.dirname(out), SCHEMA_PATH).split(path.sep).join('/');
    if (!schema.startsWith('.')) schema = `./${schema}`;
    data = {
      $schema: schema,
      name: path.basename(out, path.extname(out)),
      description: `Terms suggested from ${path.basename(article)}. ${TODO_MARK}: describe this pack.`,
      language: 'en',
      entries: [],
    };
  }
  const have = new Set(data.entries.map((e) => (typeof e?.id === 'string' ? idKey(e.id) : '')));
  const fresh = entries.filter((e) => !have.has(idKey(e.id)));
  const merged = sortedByIds({ ...data, entries: [...data.entries, ...fresh] });
  try {
    writeFileSync(out, canonicalJson(merged));
  } catch (err) {
    throw new CliError(`cannot write ${displayPath(out)}: ${describeFsError(err)}`);
  }
  return { added: fresh.length, skipped: entries.length - fresh.length };
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Runs `suggest`; returns the exit code. */
export async function runSuggest(options: SuggestOptions, io: Io): Promise<number> {
  const { text } = await readArticle(options.file);
  const { entries } = loadGlossary(options.glossaryDir);
  const suggestions = suggestTerms(text, new GlossaryEngine(entries));
  if (options.json) io.out(JSON.stringify({ suggestions }));
  else {
    if (suggestions.length === 0) io.out('no suggestions: the glossary already covers every candidate');
    for (const s of suggestions) {
      io.out(`${s.term}  (${s.kind}, ${s.count}×)${s.definition ? `: ${s.definition}` : ''}`);
      io.out(`    ${clip(s.sentence, 160)}`);
    }
  }
  if (options.write) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const { added, skipped } = writeSkeletons(options.write, skeletonEntries(suggestions, today), options.file);
    const line = `wrote ${added} new entr${added === 1 ? 'y' : 'ies'} to ${displayPath(options.write)}${skipped ? ` (${skipped} already there)` : ''}; fill in each TODO, then run validate`;
    if (options.json) io.err(line);
    else io.out(line);
  }
  return 0;
}
