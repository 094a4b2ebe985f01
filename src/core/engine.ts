/**
 * The one implementation the extension, the CLI and the tests share: a glossary compiled once,
 * then `analyze(text)` for every mention — exact, surname, fuzzy and the article's own terms.
 */
import { periodStart } from './dates';
import { findDefinitions, type ArticleDefinition } from './definitions';
import type { Entry } from './glossary-types';
import { FuzzyIndex, type FuzzyKey } from './fuzzy';
import { CompiledGlossary, type Match } from './matcher';
import type { PrecompiledTrie } from './matcher-precompiled';
import { tokenize } from './tokenize';
import { refuseNamePieces } from './whole-name';

/** Options of one analysis. */
export interface AnalyzeOptions {
  /** Try near-misses of long names (default true). */
  fuzzy?: boolean;
  /** Read the article's own definitions (default true). */
  definitions?: boolean;
  /** The article's date (YYYY-MM-DD): an event that began later cannot be what it means. */
  date?: string;
}

/** Everything found in one text. */
export interface Analysis {
  /** Every mention, in text order, non-overlapping. */
  matches: Match[];
  /** The article's own definitions, by the id of the entry they define. */
  definitions: Record<string, ArticleDefinition>;
  /** Entries made from the article's words for terms the glossary lacks (ids `article:…`). */
  articleEntries: Entry[];
}

/** Prefix of ids of entries that exist only in the article's own words. */
export const ARTICLE_ID_PREFIX = 'article:';

/** A glossary compiled at build time (src/core/compiled-index-codec.ts). */
export interface PrecompiledGlossary {
  trie: PrecompiledTrie;
  /** The names the fuzzy index holds. */
  fuzzyNames: FuzzyKey[];
}

/** A glossary ready to analyze texts. */
export class GlossaryEngine {
  /** The compiled exact matcher. */
  readonly compiled: CompiledGlossary;
  private fuzzyIndex: FuzzyIndex | undefined;
  private readonly fuzzyNames: FuzzyKey[] | undefined;

  /** Compiles `entries`, or takes them as compiled at build time (`precompiled`, from the same entries). */
  constructor(entries: readonly Entry[], precompiled?: PrecompiledGlossary) {
    this.compiled = new CompiledGlossary(entries, precompiled?.trie);
    this.fuzzyNames = precompiled?.fuzzyNames;
  }

  /** The entries, by index. */
  get entries(): readonly Entry[] {
    return this.compiled.entries;
  }

  /** The entry with this id. */
  entry(id: string): Entry | undefined {
    const i = this.compiled.indexById.get(id);
    return i === undefined ? undefined : this.compiled.entries[i];
  }

  /** The fuzzy index, built on first use. */
  get fuzzy(): FuzzyIndex {
    return (this.fuzzyIndex ??= new FuzzyIndex(this.compiled, this.fuzzyNames));
  }

  /** Finds every mention of every entry in `text`. Offsets are UTF-16 offsets into `text`. */
  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const tokens = tokenize(text);
    let matches = this.compiled.findExact(text, tokens);
    if (options.fuzzy !== false) {
      const { matches: fuzzy, replaced } = this.fuzzy.find(tokens, matches);
      if (fuzzy.length) matches = [...matches.filter((m) => !replaced.has(m)), ...fuzzy].sort((a, b) => a.start - b.start);
    }
    matches = refuseNamePieces(tokens, matches);
    if (options.date) {
      const date = options.date;
      matches = matches.filter((m) => {
        const e = this.entry(m.id);
        const from = e?.kind === 'event' ? e.periods?.[0]?.from : undefined;
        return !from || periodStart(from) <= date;
      });
    }
    const definitions: Record<string, ArticleDefinition> = Object.create(null);
    const articleEntries: Entry[] = [];
    if (options.definitions !== false) {
      const extra = this.readArticle(text, tokens, matches);
      Object.assign(definitions, extra.definitions);
      articleEntries.push(...extra.entries);
      if (extra.matches.length) matches = [...matches, ...extra.matches].sort((a, b) => a.start - b.start);
    }
    return { matches, definitions, articleEntries };
  }

  /**
   * The article's own words: a definition of a glossary entry (the mention at the defined span, or
   * the term as the glossary knows it) is kept for that entry; a term or person the glossary lacks
   * gets an article entry, whose mentions (and later bare surnames, "Ms. Roe") are matched where
   * no glossary mention is.
   */
  private readArticle(
    text: string,
    tokens: ReturnType<typeof tokenize>,
    matches: Match[],
  ): { entries: Entry[]; matches: Match[]; definitions: Record<string, ArticleDefinition> } {
    const definitions: Record<string, ArticleDefinition> = Object.create(null);
    const unknown: ArticleDefinition[] = [];
    const at = new Map(matches.map((m) => [`${m.start}:${m.end}`, m.id]));
    for (const d of findDefinitions(text)) {
      const id =
        at.get(`${d.start}:${d.end}`) ??
        this.compiled.findExact(d.term).find((m) => m.start === 0 && m.end === d.term.length)?.id;
      if (id) definitions[id] ??= d;
      else unknown.push(d);
    }
    if (!unknown.length) return { entries: [], matches: [], definitions };
    const entries = unknown.map(articleEntry);
    unknown.forEach((d, i) => (definitions[entries[i]!.id] = d));
    const local = new CompiledGlossary(entries);
    const taken = (m: Match): boolean => matches.some((e) => e.start < m.end && m.start < e.end);
    const found = local
      .findExact(text, tokens)
      .filter((m) => !taken(m))
      .map((m) => ({ ...m, via: 'article-definition' as const }));
    return { entries, matches: found, definitions };
  }
}

/** An entry made from the article's words for a term or person the glossary lacks. */
function articleEntry(d: ArticleDefinition): Entry {
  const person = d.kind === 'title' || d.kind === 'appositive';
  return {
    id: `${ARTICLE_ID_PREFIX}${tokenize(d.term).keys.join('-')}`,
    term: d.term,
    kind: person ? 'person' : 'other',
    aliases: d.kind === 'acronym' && d.definition === d.definition.toLowerCase() ? [d.definition] : [],
    summary: d.definition,
    sources: [],
    updated: '',
  };
}
