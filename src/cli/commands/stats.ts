/**
 * `stats [--json]`: what a glossary holds — entries per file and per kind, aliases, entries
 * without sources, the oldest `updated`. Works on any well-shaped glossary, valid or not.
 */
import { CliError } from '../errors';
import type { Io } from '../io';
import { readGlossaryDir } from '../load';

/** Options of `stats`. */
export interface StatsOptions {
  /** Glossary directory. */
  glossaryDir: string;
  /** Print JSON instead of a table. */
  json?: boolean;
}

/** The figures `stats --json` prints. */
interface GlossaryStats {
  /** Total number of entries. */
  entries: number;
  /** Entries per file name. */
  files: Record<string, number>;
  /** Entries per kind, most first. */
  kinds: Record<string, number>;
  /** Total number of aliases. */
  aliases: number;
  /** Entries with no source. */
  withoutSources: number;
  /** The oldest `updated` date, or null without entries. */
  oldestUpdated: string | null;
  /** Id of the entry last checked longest ago, or null. */
  oldestEntry: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Computes the figures of a glossary directory; throws a CliError on unreadable or ill-shaped files. */
function glossaryStats(glossaryDir: string): GlossaryStats {
  const stats: GlossaryStats = {
    entries: 0,
    files: {},
    kinds: {},
    aliases: 0,
    withoutSources: 0,
    oldestUpdated: null,
    oldestEntry: null,
  };
  const kinds = new Map<string, number>();
  for (const f of readGlossaryDir(glossaryDir)) {
    if (f.error) throw new CliError(`${f.file}: ${f.error.message}`);
    if (!isObj(f.data) || !Array.isArray(f.data.entries))
      throw new CliError(`${f.file}: wrong shape: a glossary file must be a JSON object with an "entries" array`);
    const entries = f.data.entries.filter(isObj);
    stats.files[f.name] = entries.length;
    stats.entries += entries.length;
    for (const e of entries) {
      const kind = typeof e.kind === 'string' ? e.kind : '(none)';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (Array.isArray(e.aliases)) stats.aliases += e.aliases.length;
      if (!Array.isArray(e.sources) || e.sources.length === 0) stats.withoutSources++;
      if (typeof e.updated === 'string' && (stats.oldestUpdated === null || e.updated < stats.oldestUpdated)) {
        stats.oldestUpdated = e.updated;
        stats.oldestEntry = typeof e.id === 'string' ? e.id : null;
      }
    }
  }
  for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) stats.kinds[kind] = n;
  return stats;
}

/** Runs `stats`; returns the exit code. */
export function runStats(options: StatsOptions, io: Io): number {
  const s = glossaryStats(options.glossaryDir);
  if (options.json) {
    io.out(JSON.stringify(s));
    return 0;
  }
  const width = Math.max(5, ...Object.keys(s.files).map((n) => n.length));
  for (const [name, n] of Object.entries(s.files)) io.out(`${name.padEnd(width)}  ${String(n).padStart(5)}`);
  const files = Object.keys(s.files).length;
  io.out(
    `${'total'.padEnd(width)}  ${String(s.entries).padStart(5)} ${s.entries === 1 ? 'entry' : 'entries'} in ${files} ${files === 1 ? 'file' : 'files'}`,
  );
  io.out(
    `kinds: ${
      Object.entries(s.kinds)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || '(none)'
    }`,
  );
  io.out(`aliases: ${s.aliases}`);
  io.out(`without sources: ${s.withoutSources}`);
  io.out(`oldest updated: ${s.oldestUpdated ? `${s.oldestUpdated} (${s.oldestEntry ?? '?'})` : '(none)'}`);
  return 0;
}
