/**
 * Glossary search for the popup: "scholz" → Olaf Scholz, "kisida" → Fumio Kishida, "cross
 * servicing" → ACSA, each first, in well under a frame at 10,000 entries.
 *
 * A query never runs fuse.js over the whole glossary. Structures built once pick the candidates:
 * a sorted list of the words of every name (term and aliases) for prefix hits, an index of their
 * letter pairs (bigrams) for near-misses, and every summary's folded words in one string, which
 * one `indexOf` scan searches for words that start with the query's. fuse.js then scores only
 * those candidates (keys term, aliases and summary, weighted, with a tight threshold) through a
 * slice of its index, which is created once with `Fuse.createIndex`. Results are ranked in tiers:
 * a name equal to the query, then names whose words start with the query's words, then
 * near-misses of a name (ordered by edit distance), then summary-only hits (ordered by Fuse).
 * Strings only: no DOM, runs in Node.
 */
import Fuse, { type FuseIndex, type FuseOptionKey, type IFuseOptions, type RangeTuple } from 'fuse.js';
import type { Entry } from './glossary-types';
import { aliasObject } from './glossary-format';
import {
  addPosting,
  bigrams,
  editDistance,
  foldForFuse,
  MAX_QUERY_LENGTH,
  nameWords,
  NON_WORD_RE,
  prefixRanges,
  queryWords,
  WordIndex,
  type Name,
} from './search-words';
import { foldWord } from './tokenize';

export { editDistance, queryWords } from './search-words';

type FuseIndexRecord = FuseIndex<unknown>['records'][number];

/** How a hit matched, best first. */
export type HitKind = 'exact' | 'prefix' | 'fuzzy' | 'summary';

/** One search result. */
export interface SearchHit {
  /** The entry. */
  entry: Entry;
  /** Rank: lower is better (tier + a fraction within the tier). */
  score: number;
  /** How it matched. */
  kind: HitKind;
  /** Every query word is a whole word of the matched name (not only its start). */
  whole: boolean;
  /** Matched character ranges in the entry's term, inclusive, for highlighting. */
  termRanges: RangeTuple[];
  /** The alias that matched, when the term itself did not. */
  alias?: { text: string; ranges: RangeTuple[] };
}

/** What fuse.js indexes for one entry. */
interface FuseDoc {
  term: string;
  aliases: string[];
  summary: string;
}

const TIER: Record<HitKind, number> = { exact: 0, prefix: 1, fuzzy: 2, summary: 3 };
/** Largest share of a query's characters that may be wrong in a near-miss. */
const THRESHOLD = 0.3;
/** Candidates handed to fuse.js per query, at most (by shared letter pairs). */
const MAX_FUZZY_CANDIDATES = 120;
/** Summary candidates handed to fuse.js per query, at most. */
const MAX_SUMMARY_CANDIDATES = 120;
/** Queries shorter than this (in letters) look for prefixes only. */
const MIN_FUZZY_LENGTH = 3;
/** Recent queries whose results are kept (backspace, retyping). */
const CACHE_SIZE = 64;

const KEYS: FuseOptionKey<FuseDoc>[] = [
  { name: 'term', weight: 3 },
  { name: 'aliases', weight: 2 },
  { name: 'summary', weight: 0.5 },
];

/** fuse.js sees texts already folded (lower case, no diacritics), so it does no folding per query. */
const FUSE_OPTIONS: IFuseOptions<FuseDoc> = {
  keys: KEYS,
  threshold: THRESHOLD,
  ignoreLocation: true,
  isCaseSensitive: true,
  includeScore: true,
  includeMatches: true,
  minMatchCharLength: 2,
};

/** Positions of the keys above in an index record. */
const NAME_KEYS = [0, 1];
const SUMMARY_KEYS = [2];

/** A copy of an index record with only some keys, so fuse.js reads nothing else. */
function withKeys(rec: FuseIndexRecord, keys: number[]): FuseIndexRecord {
  const $: NonNullable<FuseIndexRecord['$']> = {};
  for (const k of keys) if (rec.$?.[k] !== undefined) $[k] = rec.$[k]!;
  return { i: rec.i, $ };
}

/** A search index over entries, built once; `search` answers one keystroke. */
export class GlossarySearch {
  private readonly entries: readonly Entry[];
  private readonly names: Name[][];
  private readonly docs: FuseDoc[];
  private readonly fuseIndex: FuseIndex<FuseDoc>;
  private readonly nameIndex: WordIndex;
  /** Every summary's folded words, each summary framed by spaces, all in one string. */
  private readonly summaryText: string;
  /** Where each doc's summary starts in `summaryText` (one more: the end). */
  private readonly summaryStarts: Int32Array;
  private readonly gramIndex = new Map<number, number[]>();
  /** Per-doc scratch counters, reset after each query through `touched`. */
  private readonly counts: Uint16Array;
  private readonly seen: Int32Array;
  private readonly cache = new Map<string, SearchHit[]>();
  private readonly cacheSize: number;

  /** `cacheSize`: how many recent queries' results are kept (backspace is then free); 0 keeps none. */
  constructor(entries: readonly Entry[], { cacheSize = CACHE_SIZE }: { cacheSize?: number } = {}) {
    this.entries = entries;
    this.cacheSize = cacheSize;
    this.counts = new Uint16Array(entries.length);
    this.seen = new Int32Array(entries.length).fill(-1);
    const nameWordsMap = new Map<string, number[]>();
    const summaries: string[] = [];
    const grams = this.gramIndex;
    this.names = entries.map((entry, doc) => {
      const texts = [entry.term, ...(entry.aliases ?? []).map((a) => aliasObject(a).text)];
      const names: Name[] = [];
      const foldedSeen = new Set<string>();
      texts.forEach((text, k) => {
        const words = nameWords(text);
        const folded = words.map((w) => w.key).join(' ');
        if (!folded) return;
        if (foldedSeen.has(folded)) {
          // Of two spellings of one name, show the capitalized one.
          const same = names.find((n) => n.folded === folded && !n.isTerm);
          if (same && text !== text.toLowerCase() && same.text === same.text.toLowerCase()) {
            same.text = text;
            same.words = words;
          }
          return;
        }
        foldedSeen.add(folded);
        names.push({ text, words, folded, isTerm: k === 0 });
        for (const w of words) {
          addPosting(nameWordsMap, w.key, doc);
          for (const g of bigrams(w.key)) addPosting(grams, g, doc);
        }
      });
      summaries.push(` ${foldWord(entry.summary).replace(NON_WORD_RE, ' ')} `);
      return names;
    });
    this.nameIndex = new WordIndex(nameWordsMap);
    this.summaryStarts = new Int32Array(summaries.length + 1);
    let at = 0;
    summaries.forEach((text, doc) => {
      this.summaryStarts[doc] = at;
      at += text.length;
    });
    this.summaryStarts[summaries.length] = at;
    this.summaryText = summaries.join('');
    this.docs = entries.map((entry, doc) => ({
      term: foldForFuse(entry.term),
      aliases: this.names[doc]!.filter((n) => !n.isTerm).map((n) => foldForFuse(n.text)),
      summary: foldForFuse(entry.summary),
    }));
    this.fuseIndex = Fuse.createIndex(KEYS, this.docs);
  }

  /** Number of entries searched. */
  get size(): number {
    return this.entries.length;
  }

  /** Entries for a query, best first. */
  search(query: string, limit = 20): SearchHit[] {
    const qwords = queryWords(query);
    if (!qwords.length) return [];
    const cacheKey = `${limit}|${qwords.join(' ')}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;

    const hits = new Map<number, SearchHit>();
    const joined = qwords.join(' ');
    for (const doc of this.prefixCandidates(qwords)) {
      const hit = this.prefixHit(doc, qwords, joined);
      if (hit) hits.set(doc, hit);
    }
    const letters = qwords.join('').length;
    if (hits.size < limit && letters >= MIN_FUZZY_LENGTH) {
      const fuzzy = this.fuzzyCandidates(qwords).filter((d) => !hits.has(d));
      const summary = this.summaryCandidates(qwords).filter((d) => !hits.has(d));
      this.fuseHits(fuzzy, summary, query.slice(0, MAX_QUERY_LENGTH).trim(), qwords, hits);
      // Every query word starts a word of the summary, but not as one phrase: still a hit.
      for (const doc of summary)
        if (!hits.has(doc))
          hits.set(doc, { entry: this.entries[doc]!, score: TIER.summary + 0.99, kind: 'summary', whole: false, termRanges: [] });
    }
    const out = [...hits.entries()]
      .sort((a, b) => a[1].score - b[1].score || a[0] - b[0])
      .slice(0, limit)
      .map(([, h]) => h);
    if (this.cacheSize > 0) {
      if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(cacheKey, out);
    }
    return out;
  }

  /** Docs where every query word starts some word of a name. */
  private prefixCandidates(qwords: string[]): number[] {
    const { counts, seen } = this;
    const touched: number[] = [];
    qwords.forEach((q, k) => {
      this.nameIndex.eachPrefixed(q, (docs) => {
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i]!;
          if (seen[d] === k) continue;
          // Only docs that matched every earlier word can still match all.
          if (counts[d] !== k) continue;
          seen[d] = k;
          if (counts[d] === 0) touched.push(d);
          counts[d]++;
        }
      });
    });
    const out = touched.filter((d) => counts[d] === qwords.length);
    for (const d of touched) {
      counts[d] = 0;
      seen[d] = -1;
    }
    return out;
  }

  /** An exact or prefix hit on one of the doc's names, or undefined. */
  private prefixHit(doc: number, qwords: string[], joined: string): SearchHit | undefined {
    let best: { score: number; kind: HitKind; name: Name; ranges: RangeTuple[]; whole: boolean } | undefined;
    for (const name of this.names[doc]!) {
      const m = prefixRanges(name, qwords);
      if (!m) continue;
      const kind: HitKind = name.folded === joined ? 'exact' : 'prefix';
      // Within the tier: the term before an alias, whole words before prefixes, short names first.
      const cover = joined.length / Math.max(joined.length, name.folded.length);
      const score = TIER[kind] + (name.isTerm ? 0 : 0.1) + (m.whole ? 0 : 0.2) + (1 - cover) * 0.5;
      if (!best || score < best.score) best = { score, kind, name, ranges: m.ranges, whole: m.whole };
    }
    if (!best) return undefined;
    const entry = this.entries[doc]!;
    if (best.name.isTerm) return { entry, score: best.score, kind: best.kind, whole: best.whole, termRanges: best.ranges };
    const termName = this.names[doc]!.find((n) => n.isTerm);
    return {
      entry,
      score: best.score,
      kind: best.kind,
      whole: best.whole,
      termRanges: (termName && prefixRanges(termName, qwords)?.ranges) || [],
      alias: { text: best.name.text, ranges: best.ranges },
    };
  }

  /** Docs sharing enough letter pairs with the query to be within the threshold's edits. */
  private fuzzyCandidates(qwords: string[]): number[] {
    const { counts } = this;
    const touched: number[] = [];
    let needed = 0;
    for (const q of qwords) {
      const gs = [...new Set(bigrams(q))];
      // One edit removes at most two letter pairs (the q-gram lemma).
      needed += Math.max(0, gs.length - 2 * Math.floor(THRESHOLD * q.length));
      for (const g of gs) {
        const docs = this.gramIndex.get(g);
        if (!docs) continue;
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i]!;
          if (counts[d] === 0) touched.push(d);
          counts[d] = counts[d]! + 1;
        }
      }
    }
    needed = Math.max(1, needed);
    const out = touched.filter((d) => counts[d]! >= needed);
    out.sort((a, b) => counts[b]! - counts[a]! || a - b);
    for (const d of touched) counts[d] = 0;
    return out.slice(0, MAX_FUZZY_CANDIDATES);
  }

  /** Docs whose summary has a word starting with each query word of 3+ letters (one scan of all summaries). */
  private summaryCandidates(qwords: string[]): number[] {
    const words = qwords.filter((q) => q.length >= 3).map((q) => ` ${q}`);
    if (!words.length) return [];
    // The longest word is likely the rarest: find it, then check the others in that summary only.
    const anchor = words.reduce((a, b) => (b.length > a.length ? b : a));
    const { summaryText: text, summaryStarts: starts } = this;
    const out: number[] = [];
    for (let at = text.indexOf(anchor); at >= 0 && out.length < MAX_SUMMARY_CANDIDATES;) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi - 1) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid;
      }
      const end = starts[lo + 1]!;
      // A slice shares the big string's characters: no copy.
      const own = words.length > 1 ? text.slice(starts[lo]!, end) : '';
      if (words.every((w) => w === anchor || own.includes(w))) out.push(lo);
      at = text.indexOf(anchor, end);
    }
    return out;
  }

  /**
   * Scores candidates with fuse.js, through a slice of the one index: near-miss candidates on
   * their names, summary candidates on their summary, both on all three keys.
   */
  private fuseHits(fuzzy: number[], summary: number[], query: string, qwords: string[], hits: Map<number, SearchHit>): void {
    if (!fuzzy.length && !summary.length) return;
    const { keys, records } = this.fuseIndex;
    const inSummary = new Set(summary);
    const slice: typeof records = [];
    for (const d of fuzzy) {
      const rec = records[d]!;
      slice.push(inSummary.delete(d) ? rec : withKeys(rec, NAME_KEYS));
    }
    for (const d of inSummary) slice.push(withKeys(records[d]!, SUMMARY_KEYS));
    const fuse = new Fuse(this.docs, FUSE_OPTIONS, Fuse.parseIndex<FuseDoc>({ keys, records: slice }));
    const joined = qwords.join(' ');
    for (const r of fuse.search(foldForFuse(query))) {
      const doc = r.refIndex;
      const entry = this.entries[doc]!;
      const matches = r.matches ?? [];
      const term = this.names[doc]!.find((n) => n.isTerm);
      const termRanges =
        term && this.docs[doc]!.term.length === entry.term.length
          ? matches.filter((m) => m.key === 'term').flatMap((m) => [...m.indices])
          : [];
      const aliasMatch = matches.find((m) => m.key === 'aliases');
      const onName = matches.some((m) => m.key === 'term') || aliasMatch !== undefined;
      const distance = onName ? this.nameDistance(doc, joined) : 1;
      if (onName && distance <= THRESHOLD) {
        const hit: SearchHit = {
          entry,
          score: TIER.fuzzy + distance + (termRanges.length ? 0 : 0.05),
          kind: 'fuzzy',
          whole: false,
          termRanges,
        };
        const alias =
          aliasMatch && !termRanges.length ? this.names[doc]!.filter((n) => !n.isTerm)[aliasMatch.refIndex ?? -1] : undefined;
        if (alias)
          hit.alias = {
            text: alias.text,
            ranges: alias.text.length === aliasMatch!.value?.length ? [...aliasMatch!.indices] : [],
          };
        hits.set(doc, hit);
      } else if (matches.some((m) => m.key === 'summary')) {
        hits.set(doc, {
          entry,
          score: TIER.summary + Math.min(0.98, r.score ?? 0.98),
          kind: 'summary',
          whole: false,
          termRanges: [],
        });
      }
    }
  }

  /** The smallest relative edit distance between the query and a run of words of a name, plus a tie-break for short names. */
  private nameDistance(doc: number, joined: string): number {
    const n = joined.split(' ').length;
    let best = 1;
    for (const name of this.names[doc]!) {
      const keys = name.words.map((w) => w.key);
      for (let i = 0; i + n <= keys.length || i === 0; i++) {
        const window = keys.slice(i, i + n).join(' ');
        const longest = Math.max(joined.length, window.length, 1);
        const d = editDistance(joined, window, Math.floor(THRESHOLD * longest));
        // Of two equally near names, the one the query covers more of ("tokio": Tokyo before Tokyo Stock Exchange).
        const rel = d / longest + (1 - Math.min(1, joined.length / name.folded.length)) * 0.01;
        if (rel < best) best = rel;
        if (i + n >= keys.length) break;
      }
    }
    return best;
  }
}
