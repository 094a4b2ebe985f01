/** The default news-site list (src/extension/news-sites.json) is data: checked like code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/ensure-build';
import { domainMatchPattern, isDefaultNewsSite, NEWS_SITE_MATCHES, NEWS_SITES } from '../../src/extension/news-sites';

const FILE = join(ROOT, 'src/extension/news-sites.json');

/** The sites issue #7 names. */
// prettier-ignore
const REQUIRED = [
  'kyodonews.net', 'japantimes.co.jp', 'nhk.or.jp', 'asahi.com', 'mainichi.jp', 'nikkei.com', 'yomiuri.co.jp',
  'nytimes.com', 'washingtonpost.com', 'wsj.com', 'bbc.com', 'bbc.co.uk', 'theguardian.com', 'reuters.com',
  'apnews.com', 'cnn.com', 'npr.org', 'politico.com', 'politico.eu', 'ft.com', 'economist.com', 'bloomberg.com',
  'telegraph.co.uk', 'independent.co.uk', 'aljazeera.com', 'dw.com', 'france24.com', 'lemonde.fr', 'liberation.fr',
  'spiegel.de', 'zeit.de', 'elpais.com', 'lanacion.com.ar', 'abc.net.au', 'heraldsun.com.au', 'cbc.ca', 'scmp.com',
  'straitstimes.com', 'koreaherald.com', 'yna.co.kr', 'yahoo.com', 'news.yahoo.co.jp', 'msn.com', 'breitbart.com',
  'salon.com', 'seattletimes.com',
];

describe('news-sites.json', () => {
  const text = readFileSync(FILE, 'utf8');
  const data = JSON.parse(text) as { sites: { domain: string; name: string }[] };

  it('is in its canonical form (JSON.stringify(data, null, 2) and a final newline)', () => {
    expect(text).toBe(`${JSON.stringify(data, null, 2)}\n`);
  });

  it('has only the fields domain and name, both non-empty and trimmed', () => {
    for (const site of data.sites) {
      expect(Object.keys(site).sort(), JSON.stringify(site)).toEqual(['domain', 'name']);
      expect(site.name.trim(), site.domain).toBe(site.name);
      expect(site.name.length, site.domain).toBeGreaterThan(0);
    }
  });

  it('lists lower-case host names, sorted by domain, each once', () => {
    const domains = data.sites.map((s) => s.domain);
    expect(domains).toEqual([...domains].sort());
    expect(new Set(domains).size).toBe(domains.length);
    for (const d of domains) expect(d, d).toMatch(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('lists no site twice under another name (a domain already covered by a listed parent)', () => {
    const domains = data.sites.map((s) => s.domain);
    const covered = domains.filter((d) => domains.some((p) => p !== d && d.endsWith(`.${p}`)));
    expect(covered).toEqual([]);
  });

  it('includes at least 40 sites, every site the issue names among them', () => {
    expect(data.sites.length).toBeGreaterThanOrEqual(40);
    const missing = REQUIRED.filter((d) => !isDefaultNewsSite(d));
    expect(missing).toEqual([]);
  });
});

describe('news-sites.ts', () => {
  it('exposes the file, in order', () => {
    const data = JSON.parse(readFileSync(FILE, 'utf8')) as { sites: unknown[] };
    expect(NEWS_SITES).toEqual(data.sites);
  });

  it('makes one http-and-https, all-subdomains match pattern per site', () => {
    expect(domainMatchPattern('bbc.co.uk')).toBe('*://*.bbc.co.uk/*');
    expect(NEWS_SITE_MATCHES).toEqual(NEWS_SITES.map((s) => `*://*.${s.domain}/*`));
  });

  it.each([
    ['english.kyodonews.net', true],
    ['kyodonews.net', true],
    ['KyodoNews.net.', true],
    ['news.yahoo.com', true],
    ['www.bbc.co.uk', true],
    ['news.yahoo.co.jp', true],
    ['headlines.news.yahoo.co.jp', true],
    ['yahoo.co.jp', false],
    ['notbbc.com', false],
    ['bbc.com.example.test', false],
    ['example-news.test', false],
  ])('isDefaultNewsSite(%s) is %s', (host, expected) => {
    expect(isDefaultNewsSite(host)).toBe(expected);
  });
});
