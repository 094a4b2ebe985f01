/**
 * The popup's store screenshot: the two popup screenshots the e2e test takes
 * (assets/screenshots/popup.png, popup-search.png) side by side on a 1280×800 canvas, the size
 * the Chrome Web Store asks for (AMO takes it too). The tooltip and options screenshots are taken
 * at 1280×800 by tests/e2e/reader.test.ts itself.
 *
 *   npx tsx scripts/build-store-screenshots.ts   (after `npm run test:e2e`)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const path = (p: string): string => fileURLToPath(new URL(`../assets/screenshots/${p}`, import.meta.url));

function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const WIDTH = 1280;
const HEIGHT = 800;
const SCALE = 1.5;
const GAP = 40;

const shots = ['popup.png', 'popup-search.png'].map((name) => {
  const bytes = readFileSync(path(name));
  const { width, height } = pngSize(bytes);
  return { href: `data:image/png;base64,${bytes.toString('base64')}`, width: width * SCALE, height: height * SCALE };
});
const total = shots.reduce((n, s) => n + s.width, 0) + GAP * (shots.length - 1);
let x = (WIDTH - total) / 2;
const images = shots.map((s) => {
  const y = Math.max(24, (HEIGHT - shots[0]!.height) / 2);
  const svg =
    `<rect x="${x - 1}" y="${y - 1}" width="${s.width + 2}" height="${s.height + 2}" rx="10" fill="#c9d3e6"/>` +
    `<image x="${x}" y="${y}" width="${s.width}" height="${s.height}" href="${s.href}"/>`;
  x += s.width + GAP;
  return svg;
});
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="${WIDTH}" height="${HEIGHT}" fill="#eef2fb"/>${images.join('')}</svg>`;
writeFileSync(path('store-popup.png'), new Resvg(svg).render().asPng());
console.log(`wrote ${path('store-popup.png')}`);
