/**
 * What one page glossary knows about its page: the mentions found, the entries and article
 * definitions they refer to, the article's date and the settings. The scan queue (controller.ts)
 * fills it; the hover and keyboard handling (tooltip-interaction.ts) reads it.
 */
import type { ArticleDefinition } from '../core/definitions';
import type { Entry } from '../core/glossary-types';
import type { Settings } from '../extension/settings';
import { MentionIndex, type HighlightPainter, type Mention } from './highlights';

/** The state shared by a page glossary's scans and its tooltip. */
export interface PageState {
  /** Every mention found, drawn or not. */
  readonly index: MentionIndex;
  /** Draws the marks where the browser has the CSS Custom Highlight API. */
  painter: HighlightPainter | undefined;
  /** The entries mentioned, by id. */
  readonly entries: Record<string, Entry>;
  /** The article's own definitions, by entry id. */
  readonly definitions: Record<string, ArticleDefinition>;
  /** The article's date (YYYY-MM-DD), if the page gives one. */
  date: string | undefined;
  /** The settings in force. */
  settings: Settings;
}

/** The state of a page before its first scan. */
export function newPageState(settings: Settings): PageState {
  return {
    index: new MentionIndex(),
    painter: undefined,
    entries: Object.create(null) as Record<string, Entry>,
    definitions: Object.create(null) as Record<string, ArticleDefinition>,
    date: undefined,
    settings,
  };
}

/** Whether a mention is drawn: the first of its entry, or every one when the settings say so. */
export function isDrawn(mention: Mention, settings: Settings): boolean {
  return mention.first || settings.markEveryMention;
}
