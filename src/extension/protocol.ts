/**
 * The one typed message protocol between the content script, the popup and the background.
 * Every message is declared here with what it carries and returns; nothing else is sent.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ArticleDefinition } from '../core/definitions';
import type { Entry } from '../core/glossary-types';
import type { Match } from '../core/matcher';
import type { HitKind } from '../core/search';

/** An entry as a tooltip's card needs it. */
export type CardEntry = Omit<Entry, 'aliases' | 'details' | 'surname' | 'reviewed'>;

/** What the content script asks the background to analyze. */
export interface AnalyzeRequest {
  /** The page text (article first), as extracted. */
  text: string;
  /** The article's date (YYYY-MM-DD), if the page gives one. */
  date?: string;
  /** Ids of the entries the page holds already (from its earlier analyses): not sent again. */
  known?: string[];
}

/** The background's answer: mentions, and the entries they refer to. */
export interface AnalyzeResponse {
  /** Every mention in the text. */
  matches: Match[];
  /**
   * The entries mentioned and their related ones, by id (glossary entries and article-only ones),
   * less those the request says the page holds, and without what a tooltip never shows
   * (aliases, details, surname, review date).
   */
  entries: Record<string, CardEntry>;
  /** The article's own definitions, by entry id. */
  definitions: Record<string, ArticleDefinition>;
}

/** A term found on a page, for the popup's "On this page". */
export interface PageTerm {
  /** Entry id. */
  id: string;
  /** Display term. */
  term: string;
  /** Number of mentions. */
  count: number;
}

/** A search from the popup: one keystroke. */
export interface SearchRequest {
  /** What was typed. */
  query: string;
  /** Results wanted, at most (default 20). */
  limit?: number;
}

/** One search result, as the popup shows it. */
export interface SearchResult {
  /** The entry. */
  entry: Entry;
  /** How it matched. */
  kind: HitKind;
  /** Whether every word typed is a whole word of the name (for "Explain": an exact hit). */
  whole: boolean;
  /** Matched character ranges of the term (inclusive), for highlighting. */
  termRanges: [number, number][];
  /** The alias that matched, when the term did not. */
  alias?: { text: string; ranges: [number, number][] };
}

/** The answer to a search. */
export interface SearchResponse {
  /** The query it answers (the popup drops answers to older keystrokes). */
  query: string;
  /** Results, best first. */
  results: SearchResult[];
}

/** What the glossary holds now. */
export interface GlossaryInfo {
  /** Entries searched and matched (bundled and user, overrides counted once). */
  total: number;
  /** Entries of the user's glossary. */
  user: number;
  /** Name of the user's glossary, if there is one. */
  userName?: string;
}

/** One bundled glossary pack, as the options page lists it. */
export interface PackInfo {
  /** The pack's `name` (what `Settings.packsOff` holds). */
  name: string;
  /** The pack's own description (shown where no localized one exists). */
  description: string;
  /** Number of entries. */
  entries: number;
}

/** Messages handled by the background. */
export interface BackgroundProtocol {
  /** Finds every glossary mention in a page's text. */
  analyze(req: AnalyzeRequest): AnalyzeResponse;
  /** Reports the terms found in the sender's tab (drives the badge). */
  reportPageTerms(terms: PageTerm[]): void;
  /** Searches the glossary (bundled and user entries) for the popup. */
  search(req: SearchRequest): SearchResponse;
  /** Entries by id, for related terms and "On this page" (unknown ids are left out). */
  getEntries(ids: string[]): Entry[];
  /** Counts of the current glossary; asking also warms up the search index. */
  getGlossaryInfo(): GlossaryInfo;
  /** The bundled packs (each on or off in `Settings.packsOff`), for the options page. */
  getPacks(): PackInfo[];
  /**
   * Runs the tooltip library (tippy.js and its CSS, left out of the content script) in the
   * sender's frame, in the content script's world (src/page/tooltip-code.ts).
   */
  loadTooltipCode(): void;
}

/** Messages handled by the content script of a tab. */
export interface ContentProtocol {
  /** The terms found on this page. */
  getPageTerms(): PageTerm[];
  /** Scrolls to the first mention of an entry and opens its tooltip. */
  revealTerm(id: string): boolean;
  /**
   * The glossary changed (the user imported, edited or removed "My glossary", or turned a pack on
   * or off): analyze the page
   * again, so that new entries are marked and removed ones are not. Sent by the background to
   * every tab whose content script has asked it to analyze; a tab that does not answer is skipped.
   */
  glossaryChanged(): void;
}

/** Background-bound messaging. */
export const backgroundMessaging = defineExtensionMessaging<BackgroundProtocol>();
/** Tab-bound messaging. */
export const contentMessaging = defineExtensionMessaging<ContentProtocol>();
