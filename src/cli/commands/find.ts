/**
 * `find FILE [--json] [--no-fuzzy]`: every mention of every glossary entry in an article, found
 * by the extension's own engine.
 */
import { GlossaryEngine } from '../../core/engine';
import { readArticle } from '../article';
import type { Io } from '../io';
import { loadGlossary } from '../load';

/** Options of `find`. */
export interface FindOptions {
  /** Glossary directory. */
  glossaryDir: string;
  /** Article file (.txt or .html), absolute. */
  file: string;
  /** Print JSON instead of lines. */
  json?: boolean;
  /** Try near-misses of long names (default true). */
  fuzzy?: boolean;
}

/** One mention, as `find --json` prints it. */
export interface FoundMention {
  /** Entry id (`article:…` for a term only the article defines). */
  id: string;
  /** The entry's display term. */
  term: string;
  /** The mention as written. */
  text: string;
  /** UTF-16 start offset in the article's text. */
  start: number;
  /** UTF-16 end offset (exclusive). */
  end: number;
  /** How it matched: exact, alias, fuzzy, surname, article-definition. */
  via: string;
}

/** The mentions of the glossary's entries in `text`. */
export function findMentions(engine: GlossaryEngine, text: string, fuzzy = true): FoundMention[] {
  const analysis = engine.analyze(text, { fuzzy });
  const articleTerms = new Map(analysis.articleEntries.map((e) => [e.id, e.term]));
  return analysis.matches.map((m) => ({
    id: m.id,
    term: engine.entry(m.id)?.term ?? articleTerms.get(m.id) ?? m.id,
    text: m.text,
    start: m.start,
    end: m.end,
    via: m.via,
  }));
}

/** Runs `find`; returns the exit code. */
export async function runFind(options: FindOptions, io: Io): Promise<number> {
  const { text } = await readArticle(options.file);
  const { entries } = loadGlossary(options.glossaryDir);
  const matches = findMentions(new GlossaryEngine(entries), text, options.fuzzy !== false);
  if (options.json) io.out(JSON.stringify({ matches }));
  else for (const m of matches) io.out(`${m.start}-${m.end}  ${m.id}  ${JSON.stringify(m.text)}  (${m.via})`);
  return 0;
}
