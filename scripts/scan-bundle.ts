/**
 * Scans built extension bundles for code that could reach the network or run strings as code:
 * fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, WebRTC, importScripts, eval and the
 * Function constructor. The extension makes no network requests at all, so every hit is either
 * removed or allowed by name, with a reason, in tests/unit/bundle-scan.test.ts.
 *
 * CLI: `tsx scripts/scan-bundle.ts .output/chrome-mv3 [.output/firefox-mv3 ...]` prints the hits
 * and exits 1 if there are any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the scanner looks for, by name. */
export const SCAN_PATTERNS: Readonly<Record<string, RegExp>> = {
  fetch: /(?<![\w$])fetch\s*\(/g,
  XMLHttpRequest: /(?<![\w$])XMLHttpRequest(?![\w$])/g,
  WebSocket: /(?<![\w$])WebSocket(?![\w$])/g,
  EventSource: /(?<![\w$])EventSource(?![\w$])/g,
  sendBeacon: /(?<![\w$])sendBeacon(?![\w$])/g,
  RTCPeerConnection: /(?<![\w$])RTCPeerConnection(?![\w$])/g,
  importScripts: /(?<![\w$])importScripts\s*\(/g,
  eval: /(?<![\w$.])eval\s*\(/g,
  'new Function': /(?<![\w$.])(?:new\s+)?Function\s*\(/g,
};

/** One occurrence of a pattern in a bundle. */
export interface ScanHit {
  /** File, relative to the scanned folder, with forward slashes. */
  file: string;
  /** Name of the pattern (a key of SCAN_PATTERNS). */
  pattern: string;
  /** 1-based line and column of the match. */
  line: number;
  column: number;
  /** The match with up to 60 characters either side, whitespace collapsed. */
  excerpt: string;
}

/** The scanned files of a build folder (scripts and HTML pages), absolute paths, sorted. */
export function bundleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...bundleFiles(path));
    else if (/\.(m?js|html)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every hit in a text (one file's contents). */
export function scanText(text: string, file: string): ScanHit[] {
  const hits: ScanHit[] = [];
  for (const [pattern, re] of Object.entries(SCAN_PATTERNS)) {
    for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
      const at = m.index;
      const before = text.slice(0, at);
      const line = before.split('\n').length;
      const column = at - before.lastIndexOf('\n');
      const excerpt = text.slice(Math.max(0, at - 60), at + m[0].length + 60).replace(/\s+/g, ' ');
      hits.push({ file, pattern, line, column, excerpt });
    }
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Every hit in the .js/.mjs/.html files of a built extension folder. */
export function scanBundle(dir: string): ScanHit[] {
  return bundleFiles(dir).flatMap((path) => scanText(readFileSync(path, 'utf8'), relative(dir, path).split('\\').join('/')));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dirs = process.argv.slice(2);
  let total = 0;
  for (const dir of dirs) {
    const hits = scanBundle(dir);
    total += hits.length;
    for (const h of hits) console.log(`${dir}/${h.file}:${h.line}:${h.column} ${h.pattern}: …${h.excerpt}…`);
  }
  console.log(`${total} hit(s) in ${dirs.join(', ')}`);
  process.exit(total ? 1 : 0);
}
