/**
 * `stale [--before YYYY-MM-DD] [--json]`: the entries whose facts may have changed since they
 * were last checked, with the reasons, for maintainers' reviews. A report: it exits 0 whatever
 * it finds. The rules (documented in glossary/README.md, "Keeping facts fresh"):
 * - `never-reviewed`: the entry has no `reviewed` date;
 * - `checked-before`: its `reviewed` date (or, without one, `updated`) is before `--before`
 *   (default: 365 days before today);
 * - `changes-often`: a kind whose facts change often — a person or event with an open-ended
 *   period (in office, ongoing), any group, party or military — checked before the shorter
 *   horizon (default: 90 days before today; with `--before`, halfway between it and today);
 * - `long-open`: a period with no end that began more than 10 years ago, whatever the review
 *   date (still true, or an end nobody recorded?).
 * "Today" is the UTC date, or GLOSSARY_TODAY (YYYY-MM-DD) when set, so tests need no clock.
 */
import { today as clockToday, periodStart } from '../../core/dates';
import type { Entry, Period } from '../../core/glossary-types';
import { usageError } from '../errors';
import type { Io } from '../io';
import { loadGlossary } from '../load';

/** The reasons, in the order they are listed and counted. */
const STALE_REASONS = ['never-reviewed', 'checked-before', 'changes-often', 'long-open'] as const;
/** Why an entry is listed. */
type StaleReason = (typeof STALE_REASONS)[number];

/** Days before today of the default `--before`. */
const DEFAULT_BEFORE_DAYS = 365;
/** Days before today of the default shorter horizon (without `--before`). */
const DEFAULT_HORIZON_DAYS = 90;
/** An open-ended period that began more than this many years ago is listed as `long-open`. */
const LONG_OPEN_YEARS = 10;
/** Kinds listed past the shorter horizon whatever their periods. */
const VOLATILE_KINDS: ReadonlySet<string> = new Set(['group', 'party', 'military']);
/** Kinds listed past the shorter horizon when one of their periods is open-ended. */
const VOLATILE_WHEN_OPEN: ReadonlySet<string> = new Set(['person', 'event']);

/** Options of `stale`. */
export interface StaleOptions {
  /** Glossary directory. */
  glossaryDir: string;
  /** `--before`: entries checked before this date are listed. */
  before?: string;
  /** Print JSON instead of lines. */
  json?: boolean;
  /** Today (YYYY-MM-DD); default GLOSSARY_TODAY or the clock. */
  today?: string;
}

/** One listed entry, as `--json` prints it. */
interface StaleEntry {
  file: string;
  id: string;
  term: string;
  kind: string;
  reviewed?: string;
  updated: string;
  reasons: StaleReason[];
}

/** What `stale --json` prints. */
interface StaleReport {
  /** Entries checked before this date are listed (`checked-before`). */
  before: string;
  /** The shorter horizon of kinds that change often (`changes-often`). */
  horizon: string;
  /** The listed entries, by file, then first reason, then id. */
  entries: StaleEntry[];
}

/** `value` if it is a real calendar date written YYYY-MM-DD; else a usage error naming `what`. */
function parseIsoDate(value: string, what: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    throw usageError(`${what} must be a date written YYYY-MM-DD, not "${value}"`);
  return value;
}

const DAY_MS = 86_400_000;
const toMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date `days` days before `iso`. */
function daysBefore(iso: string, days: number): string {
  return fromMs(toMs(iso) - days * DAY_MS);
}

/** The same day `years` years before `iso` (29 February becomes 28 February). */
function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split('-');
  const date = `${String(Number(y) - years).padStart(4, '0')}-${m}-${d}`;
  return m === '02' && d === '29' && fromMs(toMs(date)) !== date ? date.replace(/29$/, '28') : date;
}

/** The `before` date and the shorter horizon for today and an optional `--before`. */
export function staleDates(today: string, before?: string): { before: string; horizon: string } {
  if (before === undefined)
    return { before: daysBefore(today, DEFAULT_BEFORE_DAYS), horizon: daysBefore(today, DEFAULT_HORIZON_DAYS) };
  const span = Math.round((toMs(today) - toMs(before)) / DAY_MS);
  return { before, horizon: span > 0 ? daysBefore(today, Math.floor(span / 2)) : before };
}

/** The open-ended periods of `entry` that began before `since`. */
function longOpenPeriods(entry: Entry, since: string): Period[] {
  return (entry.periods ?? []).filter((p) => p.to === undefined && periodStart(p.from) < since);
}

/** The reasons to list `entry` (none: it is fresh). */
function reasonsFor(entry: Entry, dates: { before: string; horizon: string; longOpenSince: string }): StaleReason[] {
  const checked = entry.reviewed ?? entry.updated;
  const open = (entry.periods ?? []).some((p) => p.to === undefined);
  const volatile = VOLATILE_KINDS.has(entry.kind) || (open && VOLATILE_WHEN_OPEN.has(entry.kind));
  const reasons: StaleReason[] = [];
  if (entry.reviewed === undefined) reasons.push('never-reviewed');
  if (checked < dates.before) reasons.push('checked-before');
  if (volatile && checked < dates.horizon) reasons.push('changes-often');
  if (longOpenPeriods(entry, dates.longOpenSince).length) reasons.push('long-open');
  return reasons;
}

/** A report with, for each listed entry, the glossary entry it comes from. */
interface StaleFindings extends StaleReport {
  /** Open-ended periods that began before this date are `long-open`. */
  longOpenSince: string;
  /** The glossary entry of each listed one. */
  source: Map<StaleEntry, Entry>;
}

/** The report for a glossary directory; throws a CliError on an invalid glossary or a bad date. */
function staleReport(options: StaleOptions): StaleFindings {
  const today = parseIsoDate(options.today ?? process.env.GLOSSARY_TODAY ?? clockToday(), 'today (GLOSSARY_TODAY)');
  const before = options.before === undefined ? undefined : parseIsoDate(options.before, '--before');
  const dates = { ...staleDates(today, before), longOpenSince: yearsBefore(today, LONG_OPEN_YEARS) };
  const source = new Map<StaleEntry, Entry>();
  const rank = (r: StaleEntry): number => STALE_REASONS.indexOf(r.reasons[0] as StaleReason);
  const entries: StaleEntry[] = [];
  // Files come sorted by name; within a file, entries go by first reason, then id.
  for (const f of loadGlossary(options.glossaryDir).files) {
    const rows: StaleEntry[] = [];
    for (const e of f.data.entries) {
      const reasons = reasonsFor(e, dates);
      if (!reasons.length) continue;
      const row: StaleEntry = {
        file: f.file,
        id: e.id,
        term: e.term,
        kind: e.kind,
        ...(e.reviewed !== undefined ? { reviewed: e.reviewed } : {}),
        updated: e.updated,
        reasons,
      };
      rows.push(row);
      source.set(row, e);
    }
    rows.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    entries.push(...rows);
  }
  return { before: dates.before, horizon: dates.horizon, longOpenSince: dates.longOpenSince, entries, source };
}

/** How many listed entries have each reason. */
function countReasons(entries: readonly StaleEntry[]): Record<StaleReason, number> {
  const counts = Object.fromEntries(STALE_REASONS.map((r) => [r, 0])) as Record<StaleReason, number>;
  for (const e of entries) for (const r of e.reasons) counts[r]++;
  return counts;
}

/** A reason as the plain output shows it: `long-open` names its periods. */
function describeReason(reason: StaleReason, entry: Entry | undefined, since: string): string {
  if (reason !== 'long-open' || !entry) return reason;
  const periods = longOpenPeriods(entry, since).map((p) => `from ${p.from}: ${p.role}`);
  return `${reason} (${periods.join('; ')})`;
}

/** Runs `stale`; returns the exit code (0: it is a report). */
export function runStale(options: StaleOptions, io: Io): number {
  const r = staleReport(options);
  if (options.json) {
    io.out(JSON.stringify({ before: r.before, horizon: r.horizon, entries: r.entries }));
    return 0;
  }
  const fileWidth = Math.max(0, ...r.entries.map((e) => e.file.length));
  const idWidth = Math.max(0, ...r.entries.map((e) => e.id.length));
  for (const e of r.entries) {
    const reasons = e.reasons.map((x) => describeReason(x, r.source.get(e), r.longOpenSince)).join(', ');
    io.out(`${e.file.padEnd(fileWidth)}  ${e.id.padEnd(idWidth)}  ${reasons}`);
  }
  const counts = Object.entries(countReasons(r.entries))
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  const n = r.entries.length;
  io.out(`${n} ${n === 1 ? 'entry' : 'entries'} to look at (before ${r.before}, horizon ${r.horizon}): ${counts}`);
  return 0;
}
