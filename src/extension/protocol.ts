/**
 * The one typed message protocol between the content script, the popup and the background.
 * Every message is declared here with what it carries and returns; nothing else is sent.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ArticleDefinition } from '../core/definitions';
import type { Entry } from '../core/glossary-types';
import type { Match } from '../core/matcher';

/** What the content script asks the background to analyze. */
export interface AnalyzeRequest {
  /** The page text (article first), as extracted. */
  text: string;
  /** The article's date (YYYY-MM-DD), if the page gives one. */
  date?: string;
}

/** The background's answer: mentions, and the entries they refer to. */
export interface AnalyzeResponse {
  /** Every mention in the text. */
  matches: Match[];
  /** The entries mentioned, by id (glossary entries and article-only ones). */
  entries: Record<string, Entry>;
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

/** Messages handled by the background. */
export interface BackgroundProtocol {
  /** Finds every glossary mention in a page's text. */
  analyze(req: AnalyzeRequest): AnalyzeResponse;
  /** Reports the terms found in the sender's tab (drives the badge). */
  reportPageTerms(terms: PageTerm[]): void;
}

/** Messages handled by the content script of a tab. */
export interface ContentProtocol {
  /** The terms found on this page. */
  getPageTerms(): PageTerm[];
  /** Scrolls to the first mention of an entry and opens its tooltip. */
  revealTerm(id: string): boolean;
}

/** Background-bound messaging. */
export const backgroundMessaging = defineExtensionMessaging<BackgroundProtocol>();
/** Tab-bound messaging. */
export const contentMessaging = defineExtensionMessaging<ContentProtocol>();
