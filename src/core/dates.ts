/**
 * Dates: the article's date from the page's metadata strings, and which of an entry's periods
 * held on that date ("Prime Minister of Japan at the time (2021–2024)"). A period's `from` and
 * `to` may be written with reduced precision (ISO 8601): `1989`, `1989-03` or `1989-03-13`, as
 * the source gives it. A reduced `from` starts on the first day of its year or month; a reduced
 * `to` covers its whole year or month. A full-day `to` is the day the period stopped holding.
 */
import type { Period } from './glossary-types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The calendar date (YYYY-MM-DD) of an ISO date or date-time string, or undefined. */
export function isoDateOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const m = ISO_DATE.exec(trimmed);
  if (m) {
    const [, y, mo, d] = m;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
    return `${y}-${mo}-${d}`;
  }
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed) || !/\d{4}/.test(trimmed)) return undefined;
  return new Date(parsed).toISOString().slice(0, 10);
}

/** A period date as written: a year, a year and month, or a full day. */
const PERIOD_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in `month` (1–12) of `year`, by the Gregorian calendar (no Date: years below 100 too). */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `value` is a period date: `YYYY`, `YYYY-MM` (month 01–12) or a real day `YYYY-MM-DD`. */
export function isPeriodDate(value: string): boolean {
  const m = PERIOD_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  return d === undefined || (Number(d) >= 1 && Number(d) <= daysInMonth(Number(y), month));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The first day (YYYY-MM-DD) a period date covers: `1989` → `1989-01-01`, `1989-03` → `1989-03-01`. */
export function periodStart(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** The last day (YYYY-MM-DD) a period date covers: `2000` → `2000-12-31`, `1996-02` → `1996-02-29`. */
export function periodLastDay(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) return `${value}-${pad2(daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7))))}`;
  return value;
}

/**
 * The first day a period ending at `to` no longer holds: a full day is that day (the day a
 * successor took office); a year or month ends after its last day (`2000` → `2001-01-01`).
 */
export function periodEndExclusive(to: string): string {
  if (to.length === 10) return to;
  const year = Number(to.slice(0, 4));
  if (to.length === 4) return `${String(year + 1).padStart(4, '0')}-01-01`;
  const month = Number(to.slice(5, 7));
  return month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${to.slice(0, 4)}-${pad2(month + 1)}-01`;
}

/** Whether `period` held on `date` (YYYY-MM-DD). */
export function periodHolds(period: Pick<Period, 'from' | 'to'>, date: string): boolean {
  return periodStart(period.from) <= date && (period.to === undefined || date < periodEndExclusive(period.to));
}

/** Today's date as YYYY-MM-DD (UTC). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Where an article's date may be written, most reliable first. */
export interface DateHints {
  /** `<meta property="article:published_time">` and similar meta values. */
  meta?: (string | null | undefined)[];
  /** Raw JSON-LD script bodies. */
  jsonLd?: string[];
  /** `<time datetime>` values, in document order. */
  times?: (string | null | undefined)[];
}

function datePublishedIn(node: unknown, depth = 0): string | undefined {
  if (depth > 6 || node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const n of node) {
      const d = datePublishedIn(n, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  const obj = node as Record<string, unknown>;
  if (typeof obj.datePublished === 'string') return obj.datePublished;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const d = datePublishedIn(obj[key], depth + 1);
    if (d) return d;
  }
  return undefined;
}

/** The article's publication date from its metadata, or undefined when it has none. */
export function articleDate(hints: DateHints): string | undefined {
  for (const v of hints.meta ?? []) {
    const d = isoDateOf(v);
    if (d) return d;
  }
  for (const raw of hints.jsonLd ?? []) {
    try {
      const d = isoDateOf(datePublishedIn(JSON.parse(raw)));
      if (d) return d;
    } catch {
      // A malformed JSON-LD block is ignored; other hints may still give the date.
    }
  }
  for (const v of hints.times ?? []) {
    const d = isoDateOf(v);
    if (d) return d;
  }
  return undefined;
}

/** A period as the tooltip shows it, relative to the article's date. */
export interface PeriodLabel {
  /** The period. */
  period: Period;
  /** How it relates to the date: held then, before, or after. */
  relation: 'then' | 'before' | 'after';
  /** Text such as "Prime Minister of Japan at the time (2021–2024)". */
  label: string;
}

const year = (d: string): string => d.slice(0, 4);

/** How period labels are worded; each receives the role and the years. */
export interface PeriodWording {
  /** Held on the article's date, since ended. */
  thenEnded(role: string, from: string, to: string): string;
  /** Held on the article's date and still held. */
  thenCurrent(role: string, from: string): string;
  /** Over before the article's date. */
  before(role: string, from: string, to: string): string;
  /** Held after the article's date, since ended. */
  afterEnded(role: string, from: string, to: string): string;
  /** Taken after the article's date, still held. */
  afterCurrent(role: string, from: string): string;
}

/** English wording. */
const ENGLISH_PERIODS: PeriodWording = {
  thenEnded: (role, from, to) => `${role} at the time (${from}–${to})`,
  thenCurrent: (role, from) => `${role} (since ${from})`,
  before: (role, from, to) => `Formerly ${role} (${from}–${to})`,
  afterEnded: (role, from, to) => `Later ${role} (${from}–${to})`,
  afterCurrent: (role, from) => `Later ${role} (since ${from})`,
};

/** Describes the periods of an entry as of `date` (the article's date), with `now` for "since". */
export function describePeriods(
  periods: readonly Period[] | undefined,
  date: string,
  now: string = today(),
  wording: PeriodWording = ENGLISH_PERIODS,
): PeriodLabel[] {
  if (!periods?.length) return [];
  const labels: PeriodLabel[] = [];
  for (const p of periods) {
    // An end written as a year or month is past only once that year or month is over: on a day
    // within it, the period may still hold, so it is not called ended.
    const ended = p.to !== undefined && periodEndExclusive(p.to) <= now;
    const from = year(p.from);
    const to = p.to === undefined ? '' : year(p.to);
    if (periodHolds(p, date)) {
      const label = ended ? wording.thenEnded(p.role, from, to) : wording.thenCurrent(p.role, from);
      labels.push({ period: p, relation: 'then', label });
    } else if (p.to !== undefined && periodEndExclusive(p.to) <= date) {
      labels.push({ period: p, relation: 'before', label: wording.before(p.role, from, to) });
    } else {
      const label = ended ? wording.afterEnded(p.role, from, to) : wording.afterCurrent(p.role, from);
      labels.push({ period: p, relation: 'after', label });
    }
  }
  const order = { then: 0, before: 1, after: 2 } as const;
  return labels.sort(
    (a, b) => order[a.relation] - order[b.relation] || periodStart(b.period.from).localeCompare(periodStart(a.period.from)),
  );
}
