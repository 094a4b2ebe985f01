/**
 * Settings v1 → v2: adds the modifier key, keyboard shortcuts and kinds shown (#6), and cleans
 * the list of sites where the glossary is off (v1 stored whatever was typed: "https://Site/x").
 */
import { siteHostname } from '../../core/urls';
import { DEFAULT_SETTINGS } from '../settings';

/** Settings as version 1 stored them (every field optional: stored data may be partial). */
interface SettingsV1 {
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

/** Migrates one stored v1 value. Unknown fields are dropped; missing ones get the defaults of ../settings (written once, there). */
export function v001ToV002(value: unknown): SettingsV2 {
  const v1 = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const sites = Array.isArray(v1.disabledSites) ? v1.disabledSites : [];
  const d = DEFAULT_SETTINGS;
  return {
    enabled: typeof v1.enabled === 'boolean' ? v1.enabled : d.enabled,
    disabledSites: [...new Set(sites.flatMap((s) => (typeof s === 'string' ? (siteHostname(s) ?? []) : [])))],
    markStyle:
      v1.markStyle === 'underline' || v1.markStyle === 'highlight' || v1.markStyle === 'none' ? v1.markStyle : d.markStyle,
    markEveryMention: typeof v1.markEveryMention === 'boolean' ? v1.markEveryMention : d.markEveryMention,
    includePageChrome: typeof v1.includePageChrome === 'boolean' ? v1.includePageChrome : d.includePageChrome,
    hoverDelayMs: typeof v1.hoverDelayMs === 'number' && Number.isFinite(v1.hoverDelayMs) ? v1.hoverDelayMs : d.hoverDelayMs,
    modifierKey: d.modifierKey,
    shortcuts: { ...d.shortcuts },
    kindsShown: [...d.kindsShown],
  };
}
