/** The kinds of thing a glossary entry can describe. */
export const ENTRY_KINDS = [
  'person',
  'organization',
  'group',
  'party',
  'place',
  'country',
  'agreement',
  'event',
  'concept',
  'publication',
  'institution',
  'military',
  'other',
] as const;

/** What kind of thing an entry describes. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** An alternative surface form of an entry, with its own matching rules. */
export interface AliasObject {
  /** The text as it appears in articles. */
  text: string;
  /** true: exact case only; false: any case; omitted: the default rule (see glossary/README.md). */
  caseSensitive?: boolean;
  /** BCP 47 language of this form, e.g. "ja". */
  lang?: string;
  /** Whether near-misses of this form may match fuzzily; omitted: the default rule. */
  fuzzy?: boolean;
  /** Whether an English plural (-s/-es) of this form also matches. */
  plural?: boolean;
  /** Ids of entries: this alias counts only on pages where one of them is also mentioned. */
  context?: string[];
}

/** An alias is either its text (default rules) or an object with rules. */
export type Alias = string | AliasObject;

/** A time-bounded fact, e.g. an office held. */
export interface Period {
  /** The role or state, e.g. "Prime Minister of Japan". */
  role: string;
  /** ISO date it began, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD. */
  from: string;
  /** ISO date it ended (YYYY, YYYY-MM or YYYY-MM-DD); omitted while it is still true. */
  to?: string;
}

/** A public source that backs an entry. */
interface Source {
  /** Human-readable title of the source. */
  title: string;
  /** https URL of the source. */
  url: string;
}

/** One glossary entry: a term, the forms it appears in, and what it means. */
export interface Entry {
  /** Stable kebab-case identifier, unique across all glossary files. */
  id: string;
  /** Display name. Also matched in text. */
  term: string;
  /** What kind of thing this is. */
  kind: EntryKind;
  /** Other surface forms that refer to this entry. */
  aliases?: Alias[];
  /** Plain text, one or two sentences, at most 280 characters. */
  summary: string;
  /** Optional plain-text elaboration, at most 1,000 characters. */
  details?: string;
  /** Time-aware facts, oldest first. */
  periods?: Period[];
  /** For people: the family name used alone in later mentions (default: last word of term). */
  surname?: string;
  /** Ids of related entries. */
  related?: string[];
  /** At least one source. */
  sources: Source[];
  /** ISO date the entry was last edited. */
  updated: string;
  /** ISO date every claim (summary, details, periods) was last checked against the sources. */
  reviewed?: string;
}

/** A glossary file: one topic pack. */
export interface GlossaryFile {
  /** Path of the JSON Schema this file follows. */
  $schema?: string;
  /** Short name of the pack. */
  name: string;
  /** What the pack covers. */
  description: string;
  /** BCP 47 language of the pack's text. */
  language: string;
  /** Where generated data came from (e.g. a registry package and version). */
  generatedFrom?: { package: string; version: string; command: string };
  /** The entries. */
  entries: Entry[];
}
