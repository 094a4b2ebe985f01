/**
 * Renders the glossary mark (assets/icon.svg; at 16 px its pixel-grid drawing assets/icon-16.svg)
 * to the PNG sizes the manifests and the stores use: public/icon/16.png … 128.png (committed; run
 * again after changing an SVG), and
 * assets/icon-preview.png, every size on a light and a dark toolbar colour, for the README.
 *
 *   npx tsx scripts/build-icons.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

/** The sizes rendered: toolbar (16, 32), extension pages (48, 96), stores (128). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

function render(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** The drawing used at `size`: the pixel-grid one at 16 px, the full one above. */
function drawingFor(size: number, full: string, small: string): string {
  return size <= 16 ? small : full;
}

/** Every size side by side on Firefox's and Chrome's light and dark toolbar colours. */
function previewSvg(full: string, small: string): string {
  const inner = (size: number): string => {
    const svg = drawingFor(size, full, small);
    const box = /viewBox="([^"]+)"/.exec(svg)![1];
    return `<svg viewBox="${box}" width="${size}" height="${size}">${svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')}</svg>`;
  };
  const rows = ['#f9f9fb', '#2b2a33'];
  let x = 12;
  const cells: string[] = [];
  for (const size of ICON_SIZES) {
    rows.forEach((_, r) => {
      const y = 12 + r * 152 + (128 - size) / 2;
      cells.push(`<g transform="translate(${x} ${y})">${inner(size)}</g>`);
    });
    x += size + 24;
  }
  const width = x - 12;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="304">` +
    rows.map((c, r) => `<rect x="0" y="${r * 152}" width="${width}" height="152" fill="${c}"/>`).join('') +
    cells.join('') +
    '</svg>'
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const full = readFileSync(root('assets/icon.svg'), 'utf8');
  const small = readFileSync(root('assets/icon-16.svg'), 'utf8');
  mkdirSync(root('public/icon'), { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(root(`public/icon/${size}.png`), render(drawingFor(size, full, small), size));
  writeFileSync(root('assets/icon-preview.png'), new Resvg(previewSvg(full, small)).render().asPng());
  console.log(`wrote public/icon/{${ICON_SIZES.join(',')}}.png and assets/icon-preview.png`);
}
