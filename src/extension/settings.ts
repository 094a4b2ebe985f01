/**
 * Settings: one typed, versioned storage item with defaults and migrations. Everything read back
 * from storage is validated field by field, so a damaged value falls back to its default.
 */
import { storage } from 'wxt/utils/storage';

/** The user's settings. */
export interface Settings {
  /** The glossary is on. */
  enabled: boolean;
  /** Hostnames where it is off. */
  disabledSites: string[];
  /** How terms are marked. */
  markStyle: 'underline' | 'highlight' | 'none';
  /** Mark every mention, not only the first of each term. */
  markEveryMention: boolean;
  /** Also read headlines, bylines, link text and navigation. */
  includePageChrome: boolean;
  /** Milliseconds the pointer rests on a term before its tooltip opens. */
  hoverDelayMs: number;
}

/** Defaults for a new install. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  markStyle: 'underline',
  markEveryMention: false,
  includePageChrome: false,
  hoverDelayMs: 150,
};

/** Normalizes any stored value into valid settings. */
export function sanitizeSettings(value: unknown): Settings {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const d = DEFAULT_SETTINGS;
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : d.enabled,
    disabledSites: Array.isArray(v.disabledSites) ? v.disabledSites.filter((s): s is string => typeof s === 'string') : d.disabledSites,
    markStyle: v.markStyle === 'underline' || v.markStyle === 'highlight' || v.markStyle === 'none' ? v.markStyle : d.markStyle,
    markEveryMention: typeof v.markEveryMention === 'boolean' ? v.markEveryMention : d.markEveryMention,
    includePageChrome: typeof v.includePageChrome === 'boolean' ? v.includePageChrome : d.includePageChrome,
    hoverDelayMs:
      typeof v.hoverDelayMs === 'number' && Number.isFinite(v.hoverDelayMs) ? Math.min(2000, Math.max(0, v.hoverDelayMs)) : d.hoverDelayMs,
  };
}

/** The settings item in `storage.local`. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Current settings, validated. */
export async function loadSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/** Saves a change to the settings. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await loadSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** Whether the glossary runs on a hostname under these settings. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  const host = hostname.toLowerCase();
  return !settings.disabledSites.some((s) => host === s || host.endsWith(`.${s}`));
}
