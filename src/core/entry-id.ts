/**
 * Entry ids: kebab case, diacritics and ligatures folded to ASCII ("Côte d'Ivoire" →
 * "cote-d-ivoire"). One implementation for the CLI's skeletons, the generated packs and the
 * reader's own glossary.
 */

/** Folds a name to ASCII lower case (diacritics and ligatures removed). */
export function foldAscii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .toLowerCase();
}

/** The kebab-case id of a name, or "" when it has no Latin letters or digits. */
export function kebabId(name: string): string {
  return foldAscii(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Longest id given to a reader's new entry. */
const MAX_ID_LENGTH = 80;

/** A kebab-case id for a new entry's term, unique among `taken` ("Ōsaka Expo" → "osaka-expo", then "osaka-expo-2"). */
export function uniqueId(term: string, taken: ReadonlySet<string>): string {
  const base = kebabId(term).slice(0, MAX_ID_LENGTH).replace(/-+$/, '') || 'term';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
