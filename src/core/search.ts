/**
 * Glossary search for the popup: fuse.js over term, aliases and summary (weighted), with a tight
 * threshold, plus exact and prefix hits on the folded term first ("scholz" → Olaf Scholz).
 */
import Fuse, { type FuseResult, type RangeTuple } from 'fuse.js';
import type { Entry } from './glossary-types';
import { aliasObject } from './matcher';
import { foldWord } from './tokenize';

/** One search result. */
export interface SearchHit {
  /** The entry. */
  entry: Entry;
  /** Fuse score (0 is perfect). */
  score: number;
  /** Matched character ranges in the entry's term, for highlighting. */
  termRanges: RangeTuple[];
}

interface Doc {
  entry: Entry;
  term: string;
  aliases: string[];
  summary: string;
}

const fold = (s: string): string => s.split(/\s+/).map(foldWord).join(' ');

/** A search index over entries, built once. */
export class GlossarySearch {
  private readonly fuse: Fuse<Doc>;

  constructor(entries: readonly Entry[]) {
    const docs = entries.map((entry) => ({
      entry,
      term: entry.term,
      aliases: (entry.aliases ?? []).map((a) => aliasObject(a).text),
      summary: entry.summary,
    }));
    this.fuse = new Fuse(docs, {
      keys: [
        { name: 'term', weight: 3 },
        { name: 'aliases', weight: 2 },
        { name: 'summary', weight: 0.5 },
      ],
      threshold: 0.34,
      ignoreLocation: true,
      ignoreDiacritics: true,
      includeScore: true,
      includeMatches: true,
      minMatchCharLength: 2,
    });
  }

  /** Entries for a query, best first. */
  search(query: string, limit = 20): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const fq = fold(q);
    const results = this.fuse.search(q, { limit: limit * 2 });
    const hits = results.map((r: FuseResult<Doc>) => ({
      entry: r.item.entry,
      score: boost(r.item, fq, r.score ?? 1),
      termRanges: (r.matches ?? []).filter((m) => m.key === 'term').flatMap((m) => [...m.indices]),
    }));
    return hits.sort((a, b) => a.score - b.score).slice(0, limit);
  }
}

/** Exact and word-prefix hits on the term or an alias rank above fuzzy summary hits. */
function boost(doc: Doc, fq: string, score: number): number {
  const names = [doc.term, ...doc.aliases].map(fold);
  if (names.some((n) => n === fq)) return score - 2;
  if (names.some((n) => n.split(' ').some((w) => w.startsWith(fq)))) return score - 1;
  return score;
}
