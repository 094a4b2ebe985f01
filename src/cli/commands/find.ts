/**
 * `find FILE [--json] [--no-fuzzy] [--date YYYY-MM-DD]`: every mention of every glossary entry in
 * an article, found by the extension's own engine, with what the tooltip will say: the mention's
 * sentence, the article's own words for the entry, and the role valid on the article's date.
 */
import { describePeriods, isoDateOf, today } from '../../core/dates';
import { GlossaryEngine, type Analysis } from '../../core/engine';
import type { Entry } from '../../core/glossary-types';
import { sentenceBounds } from '../../core/sentence';
import { readArticle } from '../article';
import { CliError } from '../errors';
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
  /** The article's date (YYYY-MM-DD), overriding what an HTML page says. */
  date?: string;
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
  /** The mention's sentence (or about 80 characters either side of it). */
  context: string;
  /** What the article itself says the entry is, when it says. */
  definition?: string;
  /** The role valid on the article's date, for entries with periods. */
  role?: string;
}

/** What `find --json` prints. */
interface FindResult {
  /** The article's date the engine used, or null when the article gives none. */
  date: string | null;
  /** Every mention, in text order. */
  matches: FoundMention[];
}

/** Longest sentence given whole as context; a longer one is cut to this around the mention. */
const CONTEXT_AROUND = 80;

/** The mention's sentence, or the text around it when the sentence is long. */
export function contextOf(text: string, start: number, end: number): string {
  const s = sentenceBounds(text, start);
  let from = s.start;
  let to = Math.max(s.end, end);
  if (to - from > 2 * CONTEXT_AROUND + (end - start)) {
    from = Math.max(from, start - CONTEXT_AROUND);
    to = Math.min(to, end + CONTEXT_AROUND);
  }
  return text
    .slice(from, to)
    .replace(/[\s\u2029]+/g, ' ')
    .trim();
}

/** The role an entry's periods give on `date` ("Prime Minister of Japan at the time (2021–2024)"). */
function roleOn(entry: Entry | undefined, date: string): string | undefined {
  return describePeriods(entry?.periods, date).find((p) => p.relation === 'then')?.label;
}

/** The mentions of `analysis` as `find` reports them. */
function reportMentions(engine: GlossaryEngine, text: string, analysis: Analysis, date?: string): FoundMention[] {
  const article = new Map(analysis.articleEntries.map((e) => [e.id, e]));
  const on = date ?? today();
  return analysis.matches.map((m) => {
    const entry = engine.entry(m.id) ?? article.get(m.id);
    const definition = analysis.definitions[m.id]?.definition;
    const role = roleOn(entry, on);
    return {
      id: m.id,
      term: entry?.term ?? m.id,
      text: m.text,
      start: m.start,
      end: m.end,
      via: m.via,
      context: contextOf(text, m.start, m.end),
      ...(definition ? { definition } : {}),
      ...(role ? { role } : {}),
    };
  });
}

/** One line of plain output: offsets, id, the mention, how, then what the tooltip adds. */
function line(m: FoundMention): string {
  const extra = [m.role ? `role: ${m.role}` : '', m.definition ? `article: ${m.definition}` : ''].filter(Boolean);
  return `${m.start}-${m.end}  ${m.id}  ${JSON.stringify(m.text)}  (${m.via})${extra.length ? `  ${extra.join('; ')}` : ''}\n    ${m.context}`;
}

/** Runs `find`; returns the exit code. */
export async function runFind(options: FindOptions, io: Io): Promise<number> {
  if (options.date !== undefined && isoDateOf(options.date) !== options.date)
    throw new CliError(`--date: expected YYYY-MM-DD, got "${options.date}"`, 2);
  const article = await readArticle(options.file);
  const date = options.date ?? article.date;
  const { entries } = loadGlossary(options.glossaryDir);
  const engine = new GlossaryEngine(entries);
  const analysis = engine.analyze(article.text, { fuzzy: options.fuzzy !== false, ...(date ? { date } : {}) });
  const matches = reportMentions(engine, article.text, analysis, date);
  if (options.json) {
    const result: FindResult = { date: date ?? null, matches };
    io.out(JSON.stringify(result));
    return 0;
  }
  io.out(`date: ${date ?? 'none (periods as of today)'}`);
  for (const m of matches) io.out(line(m));
  return 0;
}
