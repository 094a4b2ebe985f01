/**
 * The built bundles contain no way to reach the network and no way to run a string as code. A hit
 * in bundled third-party code that can never run would be allowed here by file, pattern and
 * excerpt, with the reason; today there is none (see ALLOWED).
 */
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, type BuildBrowser } from '../../scripts/ensure-build';
import { bundleFiles, scanBundle, scanText, type ScanHit } from '../../scripts/scan-bundle';

/** A hit that is known and harmless. */
interface AllowedHit {
  /** The bundle file (relative to the build folder); a RegExp for hashed chunk names. */
  file: RegExp;
  /** The pattern name. */
  pattern: string;
  /** Text the hit's excerpt contains. */
  excerpt: string;
  /** Why it is harmless. */
  reason: string;
  /** How many times it occurs in each build. */
  count: number;
}

/**
 * Allowed hits, by browser. Empty: the one hit there was, Vite's modulepreload polyfill
 * (`fetch(e.href, …)` of the extension's own chunks, dead code in browsers that preload
 * natively), is left out of the build (`build.modulePreload.polyfill: false` in wxt.config.ts).
 */
const ALLOWED: Record<BuildBrowser, AllowedHit[]> = { chrome: [], firefox: [] };

const browsers: BuildBrowser[] = ['chrome', 'firefox'];
const dirs = {} as Record<BuildBrowser, string>;

beforeAll(() => {
  for (const b of browsers) dirs[b] = ensureBuild(b);
}, 240_000);

describe.each(browsers)('the %s bundles', (browser) => {
  it('make no network request and evaluate no strings, beyond the allowed hits', () => {
    const hits = scanBundle(dirs[browser]);
    const unexplained: ScanHit[] = [];
    const seen = new Map<AllowedHit, number>();
    for (const hit of hits) {
      const allowed = ALLOWED[browser].find(
        (a) => a.pattern === hit.pattern && a.file.test(hit.file) && hit.excerpt.includes(a.excerpt),
      );
      if (allowed) seen.set(allowed, (seen.get(allowed) ?? 0) + 1);
      else unexplained.push(hit);
    }
    expect(unexplained).toEqual([]);
    for (const a of ALLOWED[browser]) expect(seen.get(a) ?? 0, `${a.pattern} in ${a.file}: ${a.reason}`).toBe(a.count);
  });

  it('are all scanned: background, content script, pages and chunks', () => {
    const files = bundleFiles(dirs[browser]).map((f) => relative(dirs[browser], f).split('\\').join('/'));
    expect(files).toEqual(expect.arrayContaining(['background.js', 'content-scripts/content.js', 'popup.html', 'options.html']));
    expect(files.some((f) => f.startsWith('chunks/'))).toBe(true);
  });
});

describe('scanText', () => {
  it.each([
    ['fetch', 'a(),fetch(u,{method:"POST"})'],
    ['fetch', 'await window.fetch (url)'],
    ['XMLHttpRequest', 'new XMLHttpRequest;'],
    ['WebSocket', 'new WebSocket("wss://x")'],
    ['EventSource', 'new EventSource(u)'],
    ['sendBeacon', 'navigator.sendBeacon(u,d)'],
    ['RTCPeerConnection', 'new RTCPeerConnection()'],
    ['importScripts', 'self.importScripts("https://x/y.js")'],
    ['eval', ';eval("1+1")'],
    ['new Function', 'new Function("return this")()'],
    ['new Function', 'Function("return this")()'],
  ])('finds %s in %s', (pattern, code) => {
    expect(scanText(code, 'x.js').map((h) => h.pattern)).toContain(pattern);
  });

  it.each(['this.refetch(a)', 'obj.evaluate(x)', 'myFunction(a)', 'isFunction(x)', 'typeof x=="function"', 'prefetched'])(
    'does not flag %s',
    (code) => {
      expect(scanText(code, 'x.js')).toEqual([]);
    },
  );

  it('reports where a hit is, with context', () => {
    expect(scanText('let a = 1;\n  fetch(url)', 'dir/x.js')).toEqual([
      { file: 'dir/x.js', pattern: 'fetch', line: 2, column: 3, excerpt: 'let a = 1; fetch(url)' },
    ]);
  });
});
