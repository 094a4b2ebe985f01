// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderEntryCard, safeUrl } from '../../src/ui/entry-card';
import type { Entry } from '../../src/core/glossary-types';

const hostile: Entry = {
  id: 'x',
  term: '<img src=x onerror=alert(1)>',
  kind: 'concept',
  summary: '<svg onload=alert(1)> <script>alert(1)</script>',
  sources: [{ title: 'click', url: 'javascript:alert(1)' }],
  updated: '2026-01-01',
};

describe('the entry card', () => {
  it('shows HTML in glossary text as literal text, creating no elements from it', () => {
    const card = renderEntryCard(document, hostile);
    expect(card.querySelector('img, svg, script')).toBeNull();
    expect(card.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(card.textContent).toContain('<script>alert(1)</script>');
  });
  it('links only to https and http sources', () => {
    expect(renderEntryCard(document, hostile).querySelector('a')).toBeNull();
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,hi')).toBeUndefined();
    expect(safeUrl('https://www.nato.int/')).toBe('https://www.nato.int/');
  });
  it('shows the period valid at the article date and the article’s definition', () => {
    const card = renderEntryCard(
      document,
      {
        id: 'fumio-kishida',
        term: 'Fumio Kishida',
        kind: 'person',
        summary: 'Japanese politician.',
        periods: [{ role: 'Prime Minister of Japan', from: '2021-10-04', to: '2024-10-01' }],
        sources: [{ title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Fumio_Kishida' }],
        updated: '2026-11-26',
      },
      {
        date: '2024-07-10',
        now: '2026-11-26',
        definition: {
          term: 'Fumio Kishida',
          definition: 'Japanese Prime Minister',
          kind: 'title',
          start: 0,
          end: 0,
          sentence: '',
        },
      },
    );
    expect(card.textContent).toContain('Prime Minister of Japan at the time (2021–2024)');
    expect(card.textContent).toContain('In this article: Japanese Prime Minister');
    const link = card.querySelector('a');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
