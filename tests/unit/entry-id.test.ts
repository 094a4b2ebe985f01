/** Entry ids as the CLI, the generators and the reader's glossary make them. */
import { describe, expect, it } from 'vitest';
import { kebabId, uniqueId } from '../../src/core/entry-id';

describe('kebabId', () => {
  it('folds diacritics and ligatures and joins words with single hyphens', () => {
    expect(kebabId("Côte d'Ivoire")).toBe('cote-d-ivoire');
    expect(kebabId('Olaf Scholz')).toBe('olaf-scholz');
    expect(kebabId('Łódź Voivodeship')).toBe('lodz-voivodeship');
    expect(kebabId('Straße des 17. Juni')).toBe('strasse-des-17-juni');
    expect(kebabId('  -- Æsir & Œuvre -- ')).toBe('aesir-oeuvre');
  });

  it('gives nothing for a term without Latin letters or digits', () => {
    expect(kebabId('自民党')).toBe('');
  });
});

describe('uniqueId', () => {
  it('never reuses a taken id and never gives an empty one', () => {
    expect(uniqueId('NATO', new Set(['nato', 'nato-2']))).toBe('nato-3');
    expect(uniqueId('自民党', new Set())).toBe('term');
    expect(uniqueId('a '.repeat(60), new Set())).toMatch(/^[a-z](-[a-z])*$/);
    expect(uniqueId('a '.repeat(60), new Set()).length).toBeLessThanOrEqual(80);
  });
});
