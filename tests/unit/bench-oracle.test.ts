// The correctness half of the matcher benchmark (bench/matcher.bench.ts): on real corpus pages
// and a synthetic glossary of 1,000 entries in "exact mode", our matcher finds exactly the
// mentions the regex oracle finds. No timing here.
import { describe, expect, it } from 'vitest';
import { loadCorpus, normalizeText } from '../../bench/corpus';
import { SemanticsGuard, syntheticGlossary } from '../../bench/glossary-gen';
import {
  combinedRegex,
  diffSpans,
  findCombined,
  findPerTerm,
  matchSpans,
  oracleForms,
  perTermRegexes,
  type OracleForm,
} from '../../bench/oracle';
import { CompiledGlossary } from '../../src/core/matcher';

const PAGES = ['wapo-2.html', 'bbc-1.html'];

describe('matcher benchmark oracle', () => {
  it('finds the same mentions as one combined regex and as one regex per form (1k terms, 2 pages)', async () => {
    const pages = await loadCorpus(PAGES);
    const texts = pages.map((p) => p.text);
    const guard = new SemanticsGuard(texts);
    const entries = syntheticGlossary(1000, texts, { guard });
    expect(entries).toHaveLength(1000);
    const forms = oracleForms(entries);
    const g = new CompiledGlossary(entries);
    const combined = combinedRegex(forms);
    const perTerm = perTermRegexes(forms);

    let matches = 0;
    const differences = [];
    for (const text of texts) {
      const ours = matchSpans(g.findExact(text));
      const oracle = findCombined(combined, text);
      differences.push(...diffSpans(text, ours, oracle), ...diffSpans(text, findPerTerm(perTerm, text), oracle));
      matches += ours.length / 2;
    }
    // sameMatches: no span found by one side only.
    expect(differences).toEqual([]);
    expect(matches).toBeGreaterThan(50);
  }, 60_000);

  it('normalizing white space does not change what our matcher finds', async () => {
    const pages = await loadCorpus(PAGES);
    const entries = syntheticGlossary(
      1000,
      pages.map((p) => p.text),
    );
    const g = new CompiledGlossary(entries);
    for (const p of pages) {
      const onRaw = g.findExact(p.raw);
      const onText = g.findExact(p.text);
      expect(onText.map((m) => [m.id, m.text])).toEqual(onRaw.map((m) => [m.id, normalizeText(m.text)]));
    }
  }, 60_000);

  it('the oracle is leftmost-longest on whole words, keeps case rules and stops at U+2029', () => {
    const forms: OracleForm[] = [
      { text: 'New York', mode: 'sensitive' },
      { text: 'New York Times', mode: 'sensitive' },
      { text: 'York Times Square', mode: 'sensitive' },
      { text: 'Times', mode: 'capitals' },
    ];
    const text = 'The New York Times. New Yorker. new york. TIMES, Times\u2029Square, Newark. New York\u2029Times';
    const spans = findCombined(combinedRegex(forms), text);
    const found = [];
    for (let i = 0; i < spans.length; i += 2) found.push(text.slice(spans[i], spans[i + 1]));
    expect(found).toEqual(['New York Times', 'TIMES', 'Times', 'New York', 'Times']);
    expect(findPerTerm(perTermRegexes(forms), text)).toEqual(spans);
  });
});
