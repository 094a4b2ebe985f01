/** Which URLs are web pages the extension runs on, and a site's name from what a reader typed. */
import { describe, expect, it } from 'vitest';
import { pageHostname, siteHostname, sitePattern, urlHostname, webPage } from '../../src/core/urls';

describe('webPage', () => {
  it('gives the origin and host of an http or https page', () => {
    expect(webPage('https://english.kyodonews.net/news/2024/07/x.html?y#z')).toEqual({
      origin: 'https://english.kyodonews.net',
      host: 'english.kyodonews.net',
    });
    expect(webPage('http://localhost:8080/a')).toEqual({ origin: 'http://localhost:8080', host: 'localhost' });
  });

  it('refuses the pages the extension never runs on', () => {
    for (const url of [
      undefined,
      '',
      'about:blank',
      'chrome://extensions',
      'file:///tmp/a.html',
      'moz-extension://x/popup.html',
      'not a url',
    ])
      expect(webPage(url), String(url)).toBeUndefined();
    expect(pageHostname('chrome-extension://abc/options.html')).toBeUndefined();
  });
});

describe('siteHostname', () => {
  it('reads a site however it was typed', () => {
    expect(siteHostname('  https://www.Example.com/a/b?c ')).toBe('www.example.com');
    expect(siteHostname('nytimes.com')).toBe('nytimes.com');
    expect(siteHostname('bbc.co.uk.')).toBe('bbc.co.uk');
    expect(siteHostname('')).toBeUndefined();
    expect(siteHostname('exa mple')).toBeUndefined();
  });
});

describe('sitePattern and urlHostname', () => {
  it('stand for a whole site on http and https', () => {
    expect(sitePattern('https://www.bbc.com')).toBe('*://www.bbc.com/*');
    expect(sitePattern('about:blank')).toBeUndefined();
    expect(urlHostname(' https://en.wikipedia.org/wiki/NATO ')).toBe('en.wikipedia.org');
    expect(urlHostname('my notes')).toBeUndefined();
  });
});
