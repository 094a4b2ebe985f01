/**
 * The background's glossary service: the current entries (bundled, overridden by the user's),
 * compiled for matching and indexed for search at most once per worker life and glossary
 * version, each only when first needed. It answers the content script's `analyze` and the
 * popup's `search` off the page's main thread. `invalidate()` (the user's glossary changed, or a
 * pack was turned on or off) drops both; requests already running finish on the version they
 * started with.
 */
import { isoDateOf } from '../core/dates';
import { GlossaryEngine, type PrecompiledGlossary } from '../core/engine';
import type { Entry } from '../core/glossary-types';
import { GlossarySearch } from '../core/search';
import type { AnalyzeRequest, AnalyzeResponse, CardEntry, GlossaryInfo, SearchRequest, SearchResponse } from './protocol';

/** The entries of one glossary version, as loaded. */
export interface GlossarySnapshot {
  /** Every entry, each id once (possibly decoded only when read: compiled-index-codec.ts). */
  entries: Entry[];
  /** The same entries compiled at build time, if they were (the bundled packs, all on). */
  precompiled?: PrecompiledGlossary;
  /** Entries of the user's glossary. */
  user: number;
  /** Name of the user's glossary, if any. */
  userName?: string;
}

/** A service over a glossary that may change (the user's import). */
export interface GlossaryService {
  /** Mentions in a page's text, with the entries they refer to. */
  analyze(req: AnalyzeRequest): Promise<AnalyzeResponse>;
  /** Entries for one keystroke of the popup's search. */
  search(req: SearchRequest): Promise<SearchResponse>;
  /** Entries by id (unknown ids left out). */
  entries(ids: readonly string[]): Promise<Entry[]>;
  /** Counts of the current glossary; builds the search index in the background of the answer. */
  info(): Promise<GlossaryInfo>;
  /** Drops the compiled glossary, so the next request loads and compiles the current entries. */
  invalidate(): void;
}

/** Largest number of results one search returns. */
const MAX_SEARCH_RESULTS = 50;

interface Version {
  snapshot: GlossarySnapshot;
  /** Entry index by id, made on first use. */
  byId?: Map<string, number>;
  engine?: GlossaryEngine;
  search?: GlossarySearch;
}

/** Most entry ids an analysis request may name as known (more are ignored). */
const MAX_KNOWN_IDS = 10_000;

/** An entry without what a tooltip's card never shows. */
function cardEntry(entry: Entry): CardEntry {
  const { aliases: _a, details: _d, surname: _s, reviewed: _r, ...card } = entry;
  return card;
}

/**
 * One analysis, with the entries it mentions (and their related ones), less those the page says it
 * holds, and the article's own.
 */
function analyzeWith(e: GlossaryEngine, req: AnalyzeRequest): AnalyzeResponse {
  // What a message carries is checked, not trusted: a date that is not a calendar date is dropped.
  const text = typeof req?.text === 'string' ? req.text : '';
  const date = typeof req?.date === 'string' && isoDateOf(req.date) === req.date ? req.date : undefined;
  const known = new Set(
    Array.isArray(req?.known) ? req.known.slice(0, MAX_KNOWN_IDS).filter((id) => typeof id === 'string') : [],
  );
  const result = e.analyze(text, date ? { date } : {});
  const out: Record<string, CardEntry> = Object.create(null);
  const seen = new Set<string>();
  const include = (id: string): Entry | undefined => {
    if (seen.has(id)) return undefined;
    seen.add(id);
    const entry = e.entry(id);
    if (entry && !known.has(id)) out[id] = cardEntry(entry);
    return entry;
  };
  for (const m of result.matches) for (const r of include(m.id)?.related ?? []) include(r);
  // The article's own entries are always sent: another article (an SPA navigation) may define the same term otherwise.
  for (const a of result.articleEntries) out[a.id] = cardEntry(a);
  return { matches: result.matches, entries: out, definitions: result.definitions };
}

/** One keystroke's results, as the popup shows them. */
function searchWith(s: GlossarySearch, req: SearchRequest): SearchResponse {
  // What a message carries is checked, not trusted.
  const query = typeof req?.query === 'string' ? req.query : '';
  const limit = Math.max(1, Math.min(MAX_SEARCH_RESULTS, Math.floor(Number(req?.limit ?? 20)) || 20));
  const hits = s.search(query, limit);
  return {
    query,
    results: hits.map((h) => ({
      entry: h.entry,
      kind: h.kind,
      whole: h.whole,
      termRanges: h.termRanges.map(([a, b]) => [a, b] as [number, number]),
      ...(h.alias ? { alias: { text: h.alias.text, ranges: h.alias.ranges.map(([a, b]) => [a, b] as [number, number]) } } : {}),
    })),
  };
}

/** Creates the service; `load` is asked again after each `invalidate()`. */
export function createGlossaryService(load: () => Promise<GlossarySnapshot> | GlossarySnapshot): GlossaryService {
  let current: Promise<Version> | undefined;
  const version = (): Promise<Version> => {
    if (current) return current;
    const loading = Promise.resolve()
      .then(load)
      .then((snapshot): Version => ({ snapshot }));
    // A failed load is not cached: the next request tries again.
    loading.catch(() => {
      if (current === loading) current = undefined;
    });
    current = loading;
    return loading;
  };
  const engineOf = (v: Version): GlossaryEngine => (v.engine ??= new GlossaryEngine(v.snapshot.entries, v.snapshot.precompiled));
  // The ids without reading the entries when the build compiled them.
  const byIdOf = (v: Version): Map<string, number> => {
    const s = v.snapshot;
    return (v.byId ??= new Map((s.precompiled?.trie.ids ?? s.entries.map((e) => e.id)).map((id, i) => [id, i])));
  };
  const searchOf = (v: Version): GlossarySearch => (v.search ??= new GlossarySearch(v.snapshot.entries));

  return {
    async analyze(req) {
      return analyzeWith(engineOf(await version()), req);
    },
    async search(req) {
      return searchWith(searchOf(await version()), req);
    },
    async entries(ids) {
      const v = await version();
      return (Array.isArray(ids) ? ids : []).flatMap((id) => {
        const i = typeof id === 'string' ? byIdOf(v).get(id) : undefined;
        const e = i === undefined ? undefined : v.snapshot.entries[i];
        return e ? [e] : [];
      });
    },
    async info() {
      const v = await version();
      const { snapshot } = v;
      // Warm the index after answering, so the first keystroke does not wait for it.
      setTimeout(() => searchOf(v), 0);
      return {
        total: snapshot.entries.length,
        user: snapshot.user,
        ...(snapshot.userName ? { userName: snapshot.userName } : {}),
      };
    },
    invalidate() {
      current = undefined;
    },
  };
}
