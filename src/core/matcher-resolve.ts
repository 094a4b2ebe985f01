/**
 * From trie hits to mentions: each hit's forms resolved to one entry. A full name or alias is its
 * entry; a bare surname goes through the surname rules (matcher-surnames.ts); a form with a
 * context rule waits until the page's other mentions are known.
 */
import type { EntryTables, Form } from './matcher-index';
import type { RawMatch } from './matcher-scan';
import { bareSurname } from './matcher-surnames';
import type { Tokens } from './tokenize';

/** How a mention was recognized. */
type Via = 'exact' | 'alias' | 'fuzzy' | 'surname' | 'article-definition';

/** One mention of a glossary entry in a text. */
export interface Match {
  /** Id of the entry (or `article:KEY` for a term only the article defines). */
  id: string;
  /** UTF-16 start offset in the text. */
  start: number;
  /** UTF-16 end offset (exclusive). */
  end: number;
  /** The mention as written. */
  text: string;
  /** How it was recognized. */
  via: Via;
}

/** A mention whose forms have context rules, decided once the page's other mentions are known. */
interface Pending {
  m: Match;
  forms: Form[];
}

/** The mentions of a scan's hits, in text order. */
export function resolve(g: EntryTables, t: Tokens, raw: RawMatch[]): Match[] {
  const matches: Match[] = [];
  const { ids, surnameKeys } = g;
  const mentioned = new Set<number>();
  const lastFull = new Map<string, number>(); // surname key → entry index last named in full
  let pendingContext: Pending[] | undefined;

  for (const r of raw) {
    const start = t.starts[r.first] as number;
    const end = (t.ends[r.last] as number) + r.tailLength;
    const text = t.text.slice(start, end);
    if (r.forms.length === 1) {
      // The common case: one form, no surname, no context rule.
      const f = r.forms[0] as Form;
      if (!f.isSurname && f.context === undefined) {
        matches.push({ id: ids[f.entry] as string, start, end, text, via: f.isTerm ? 'exact' : 'alias' });
        mentioned.add(f.entry);
        const sk = surnameKeys[f.entry];
        if (sk !== undefined) lastFull.set(sk, f.entry);
        continue;
      }
    }
    const full = r.forms.filter((f) => !f.isSurname);
    if (full.length > 0) {
      const plain = full.find((f) => !f.context);
      const chosen = plain ?? full[0]!;
      const m: Match = { id: ids[chosen.entry] as string, start, end, text, via: chosen.isTerm ? 'exact' : 'alias' };
      if (full.some((f) => f.context)) {
        // Decided once the page's other mentions are known.
        (pendingContext ??= []).push({ m, forms: full });
        continue;
      }
      matches.push(m);
      mentioned.add(chosen.entry);
      const sk = surnameKeys[chosen.entry];
      if (sk !== undefined) lastFull.set(sk, chosen.entry);
      continue;
    }
    // A bare surname.
    const entry = bareSurname(g, t, r, lastFull);
    if (entry === undefined) continue;
    matches.push({ id: ids[entry] as string, start, end, text, via: 'surname' });
    mentioned.add(entry);
  }
  // Without forms that wait for their context, the matches are already in text order.
  if (pendingContext === undefined) return matches;
  addContextMatches(g, mentioned, pendingContext, matches);
  matches.sort((a, b) => a.start - b.start);
  return matches;
}

/**
 * Adds the pending mentions whose context holds. A context counts as present when the entry is
 * mentioned, or a mentioned entry relates to it (Tokyo's page is a Japan page).
 */
function addContextMatches(g: EntryTables, mentioned: ReadonlySet<number>, pending: Pending[], matches: Match[]): void {
  const present = new Set(mentioned);
  for (const e of mentioned)
    for (const r of g.entries[e]!.related ?? []) {
      const i = g.indexById.get(r);
      if (i !== undefined) present.add(i);
    }
  for (const { m, forms } of pending) {
    // A form whose context is present wins; else the form without a context rule, if any.
    const f = forms.find((x) => x.context?.some((c) => present.has(c))) ?? forms.find((x) => !x.context);
    if (!f) continue;
    matches.push({ ...m, id: g.ids[f.entry] as string, via: f.isTerm ? 'exact' : 'alias' });
  }
}
