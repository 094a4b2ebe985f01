/**
 * Settings v2 → v3: adds the packs the reader turned off (#13: all on) and whether terms outside
 * the article are marked too (#12: only the article). The new fields take the defaults of
 * ../settings (written once, there); the v2 fields are kept as they are (read back through
 * `sanitizeSettings`, as every stored value is).
 */
import { DEFAULT_SETTINGS } from '../settings';
import type { SettingsV2 } from './v001-to-v002';

/** Settings as version 3 stores them. */
export interface SettingsV3 extends SettingsV2 {
  packsOff: string[];
  markOutsideArticle: boolean;
}

/** Migrates one stored v2 value. */
export function v002ToV003(value: unknown): SettingsV3 {
  const v2 = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as SettingsV2;
  return {
    ...v2,
    packsOff: [...DEFAULT_SETTINGS.packsOff],
    markOutsideArticle: DEFAULT_SETTINGS.markOutsideArticle,
  };
}
