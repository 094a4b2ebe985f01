/**
 * Editorial rules on what an entry says, for the bundled glossary (the CLI's `validate`): a
 * tooltip must be true on the day it is read, so nothing in it may lean on "now", and a person
 * the entry itself says has died holds no office after that.
 */
import type { Entry } from './glossary-types';
import type { GlossaryError, NamedGlossary } from './glossary-validate';

/** Words that make a claim true only on the day it was written. */
const UNDATED_NOW = /\b(currently|presently|at present|nowadays|as of now|as of today|to this day)\b/i;

/** "died", "was killed", … and the word before it. */
const DEATH = /(\S+)\s+(?:died|was killed|was assassinated|was executed)\b/g;

/** Words before "died" that make the entry's own subject the one who died ("he died", "and died"). */
const SUBJECT_WORDS = new Set(['he', 'she', 'they', 'and', 'who', 'later', 'then', 'also', 'himself', 'herself']);

/** Whether the entry's text says its own person died ("he died", "and died in custody", "Jobs died"). */
export function saysPersonDied(entry: Pick<Entry, 'term' | 'surname' | 'summary' | 'details'>): boolean {
  const own = new Set([...entry.term.toLowerCase().split(/\s+/), entry.surname?.toLowerCase()].filter(Boolean));
  const text = [entry.summary, entry.details].filter(Boolean).join(' ');
  for (const m of text.matchAll(DEATH)) {
    const before = m[1]!.toLowerCase().replace(/[^\p{L}'-]/gu, '');
    if (SUBJECT_WORDS.has(before) || own.has(before)) return true;
  }
  return false;
}

/** The rule broken by one entry, if any, as [path, message] pairs. */
function entryProblems(entry: Entry): [string, string][] {
  const out: [string, string][] = [];
  for (const field of ['summary', 'details'] as const) {
    const hit = entry[field] ? UNDATED_NOW.exec(entry[field]) : null;
    if (hit) out.push([field, `"${hit[0]}" is true only on the day it was written: give the date ("as of 2026", "since 2024")`]);
  }
  if (entry.kind === 'person' && saysPersonDied(entry))
    entry.periods?.forEach((p, i) => {
      if (!p.to) out.push([`periods[${i}].to`, `the entry says ${entry.term} died: "${p.role}" needs its end date`]);
    });
  return out;
}

/** Every entry's breaches of the editorial rules above. */
export function wordingErrors(files: readonly NamedGlossary[]): GlossaryError[] {
  return files.flatMap(({ file, data }) =>
    data.entries.flatMap((entry, index) =>
      entryProblems(entry).map(([path, message]) => ({ file, path: `entries[${index}].${path}`, message })),
    ),
  );
}
