/**
 * The content script's bundle leaves the tooltip library (tippy.js, Popper) to a script of its own,
 * which the background runs in a page only when the pointer first rests on a term (src/page/tooltip-code.ts):
 * what every news page compiles in its first task stays small (issue #15).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, type BuildBrowser } from '../../scripts/ensure-build';

const browsers: BuildBrowser[] = ['chrome', 'firefox'];
const dirs = {} as Record<BuildBrowser, string>;

beforeAll(() => {
  for (const b of browsers) dirs[b] = ensureBuild(b);
}, 240_000);

/** Code only tippy.js and Popper contain: tippy's root attribute, Popper's modifier names. */
const LIBRARY_MARKERS = ['data-tippy-root', 'preventOverflow', 'applyStyles'];

/** What the content script may weigh (its code on a page before any hover; 60 kB today). */
const CONTENT_SCRIPT_BUDGET = 70_000;

describe.each(browsers)('the %s build', (browser) => {
  it('keeps tippy.js and Popper out of the content script, in the tooltip-library script', () => {
    const content = readFileSync(join(dirs[browser], 'content-scripts/content.js'), 'utf8');
    const library = readFileSync(join(dirs[browser], 'tooltip-library.js'), 'utf8');
    for (const marker of LIBRARY_MARKERS) {
      expect(content, marker).not.toContain(marker);
      expect(library, marker).toContain(marker);
    }
  });

  it(`keeps the content script under ${CONTENT_SCRIPT_BUDGET / 1000} kB`, () => {
    expect(statSync(join(dirs[browser], 'content-scripts/content.js')).size).toBeLessThan(CONTENT_SCRIPT_BUDGET);
  });
});
