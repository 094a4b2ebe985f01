/**
 * Dates: the article's date from the page's metadata strings, and which of an entry's periods
 * held on that date ("Prime Minister of Japan at the time (2021–2024)").
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
    const ended = p.to !== undefined && p.to <= now;
    const from = year(p.from);
    const to = p.to === undefined ? '' : year(p.to);
    if (p.from <= date && (p.to === undefined || date < p.to)) {
      const label = ended ? wording.thenEnded(p.role, from, to) : wording.thenCurrent(p.role, from);
      labels.push({ period: p, relation: 'then', label });
    } else if (p.to !== undefined && p.to <= date) {
      labels.push({ period: p, relation: 'before', label: wording.before(p.role, from, to) });
    } else {
      const label = ended ? wording.afterEnded(p.role, from, to) : wording.afterCurrent(p.role, from);
      labels.push({ period: p, relation: 'after', label });
    }
  }
  const order = { then: 0, before: 1, after: 2 } as const;
  return labels.sort((a, b) => order[a.relation] - order[b.relation] || b.period.from.localeCompare(a.period.from));
}
