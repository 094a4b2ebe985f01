/**
 * Settings v1 → v2: adds the modifier key, keyboard shortcuts and kinds shown (#6), and cleans
 * the list of sites where the glossary is off (v1 stored whatever was typed: "https://Site/x").
 */
import { ENTRY_KINDS } from '../../core/glossary-types';

/** Settings as version 1 stored them (every field optional: stored data may be partial). */
export interface SettingsV1 {
  enabled?: boolean;
  disabledSites?: string[];
  markStyle?: 'underline' | 'highlight' | 'none';
  markEveryMention?: boolean;
  includePageChrome?: boolean;
  hoverDelayMs?: number;
}

/** Settings as version 2 stores them. */
export interface SettingsV2 extends Required<SettingsV1> {
  modifierKey: 'none' | 'alt' | 'shift';
  shortcuts: { next: string; previous: string };
  kindsShown: string[];
}

/** A hostname from what a user may have typed as a site ("https://www.Example.com/a" → "www.example.com"). */
export function siteHostname(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`);
    return url.hostname.replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Migrates one stored v1 value. Unknown fields are dropped; missing ones get v2 defaults. */
export function v001ToV002(value: unknown): SettingsV2 {
  const v1 = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const sites = Array.isArray(v1.disabledSites) ? v1.disabledSites : [];
  return {
    enabled: typeof v1.enabled === 'boolean' ? v1.enabled : true,
    disabledSites: [...new Set(sites.flatMap((s) => (typeof s === 'string' ? (siteHostname(s) ?? []) : [])))],
    markStyle: v1.markStyle === 'highlight' || v1.markStyle === 'none' ? v1.markStyle : 'underline',
    markEveryMention: v1.markEveryMention === true,
    includePageChrome: v1.includePageChrome === true,
    hoverDelayMs: typeof v1.hoverDelayMs === 'number' && Number.isFinite(v1.hoverDelayMs) ? v1.hoverDelayMs : 150,
    modifierKey: 'none',
    shortcuts: { next: 'KeyN', previous: 'KeyP' },
    kindsShown: [...ENTRY_KINDS],
  };
}
