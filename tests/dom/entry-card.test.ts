// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderEntryCard } from '../../src/ui/entry-card';
import { safeUrl } from '../../src/core/urls';
import { REPOSITORY_URL } from '../../src/ui/report-link';
import type { Entry } from '../../src/core/glossary-types';
import pkg from '../../package.json';

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
    expect(renderEntryCard(document, hostile).querySelector('a:not(.ng-report-link)')).toBeNull();
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
    const link = card.querySelector('a.ng-source-link');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });
  it('shows the years of periods whose dates give only a year or a month', () => {
    const arnault: Entry = {
      id: 'bernard-arnault',
      term: 'Bernard Arnault',
      kind: 'person',
      summary: 'French businessman.',
      periods: [
        { role: 'Head of Test Holding', from: '1984-12', to: '1989' },
        { role: 'Chairman and CEO of LVMH', from: '1989' },
      ],
      sources: [{ title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Bernard_Arnault' }],
      updated: '2026-12-02',
    };
    const period = (date: string) =>
      renderEntryCard(document, arnault, { date, now: '2026-12-02' }).querySelector('.ng-period')?.textContent;
    expect(period('2024-07-10')).toBe('Chairman and CEO of LVMH (since 1989)');
    expect(period('1988-06-01')).toBe('Head of Test Holding at the time (1984–1989)');
    expect(period('1984-11-30')).toBe('Later Chairman and CEO of LVMH (since 1989)');
  });
});

const kishida: Entry = {
  id: 'fumio-kishida',
  term: 'Fumio Kishida',
  kind: 'person',
  summary: 'Japanese politician.',
  sources: [{ title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Fumio_Kishida' }],
  updated: '2026-11-26',
};

describe('"Report a problem with this entry"', () => {
  afterEach(() => vi.restoreAllMocks());

  it('links a glossary entry to the wrong-entry issue form with the id and a title filled in, in a new tab', () => {
    const links = renderEntryCard(document, kishida).querySelectorAll<HTMLAnchorElement>('a.ng-report-link');
    expect(links).toHaveLength(1);
    const a = links[0]!;
    expect(a.textContent).toBe('Report a problem with this entry');
    expect(a.getAttribute('href')).toBe(
      'https://github.com/news-glossary/news-glossary/issues/new?template=wrong-entry.yml&entry=fumio-kishida&title=Wrong%20entry%3A%20Fumio%20Kishida%20(fumio-kishida)',
    );
    const url = new URL(a.href);
    expect(url.searchParams.get('entry')).toBe('fumio-kishida');
    expect(url.searchParams.get('title')).toBe('Wrong entry: Fumio Kishida (fumio-kishida)');
    expect(a.target).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.title).toContain('Nothing is sent');
  });

  it('encodes the term in the title, whatever it holds', () => {
    const a = renderEntryCard(document, { ...kishida, id: 'at-t', term: 'AT&T #1 ? 100%' }).querySelector<HTMLAnchorElement>(
      'a.ng-report-link',
    )!;
    const url = new URL(a.href);
    expect([...url.searchParams.keys()]).toEqual(['template', 'entry', 'title']);
    expect(url.searchParams.get('title')).toBe('Wrong entry: AT&T #1 ? 100% (at-t)');
    expect(url.hash).toBe('');
  });

  it('is not shown for a term only the article defines', () => {
    const articleOnly: Entry = { ...kishida, id: 'article:ip4', term: 'IP4', kind: 'other', sources: [] };
    const card = renderEntryCard(document, articleOnly);
    expect(card.textContent).toContain('From this article');
    expect(card.querySelector('.ng-report, a')).toBeNull();
    // An article id is never reported, even with a source.
    expect(renderEntryCard(document, { ...articleOnly, sources: kishida.sources }).querySelector('.ng-report')).toBeNull();
  });

  it('the card is built without innerHTML or other HTML parsing', () => {
    const proto = Element.prototype;
    const spies = [
      vi.spyOn(proto, 'innerHTML', 'set'),
      vi.spyOn(proto, 'outerHTML', 'set'),
      vi.spyOn(proto, 'insertAdjacentHTML'),
      vi.spyOn(DOMParser.prototype, 'parseFromString'),
    ];
    const card = renderEntryCard(document, { ...kishida, related: ['japan'] }, { related: [{ id: 'japan', term: 'Japan' }] });
    expect(card.querySelector('a.ng-report-link')).not.toBeNull();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    // The spies do see HTML parsing where it happens.
    document.createElement('div').innerHTML = '<b>x</b>';
    expect(spies[0]).toHaveBeenCalledTimes(1);
  });

  it('points at the repository named in package.json', () => {
    expect(pkg.repository.url).toBe(`git+${REPOSITORY_URL}.git`);
    expect(pkg.bugs.url).toBe(`${REPOSITORY_URL}/issues`);
  });
});
