// ESLint 10 flat config: typescript-eslint for the TypeScript, eslint-plugin-no-unsanitized for
// every way HTML could reach the DOM (innerHTML, outerHTML, insertAdjacentHTML, document.write…).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A layer's import rule: modules matching `patterns` may not be imported (type-only imports are allowed). */
function layer(files, message, patterns) {
  return {
    files: [files],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: patterns, message, allowTypeImports: true }] }],
    },
  };
}

export default defineConfig(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'src/core/generated/**', 'test-results/**', 'tmp/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    // Extension code runs in pages, the popup and the service worker.
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
    rules: {
      // `_`-prefixed names are deliberately unused (parameters kept for a signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // No string is ever run as code.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Zero-width characters listed one by one as escapes (\u200c\u200d…) are deliberate.
      'no-misleading-character-class': ['error', { allowEscape: true }],
    },
  },
  // The layers (docs/architecture.md): each may import only from the layers below it.
  layer('src/core/**', 'src/core is pure TypeScript: no DOM, no browser API, no Node, no other layer', [
    '**/page/**',
    '**/ui/**',
    '**/extension/**',
    '**/cli/**',
    'wxt',
    'wxt/*',
    'webextension-polyfill',
    'tippy.js',
    'node:*',
  ]),
  layer('src/page/**', 'src/page takes the browser from its callers: only types from src/extension, no browser API', [
    '**/extension/**',
    '**/cli/**',
    'wxt',
    'wxt/*',
    'webextension-polyfill',
  ]),
  layer('src/ui/**', 'src/ui builds cards and extension pages: not the page layer, not the CLI', ['**/page/**', '**/cli/**']),
  layer('src/cli/**', 'the CLI runs in Node: no browser API, no extension pages', [
    '**/extension/**',
    '**/ui/**',
    'wxt',
    'wxt/*',
    'webextension-polyfill',
  ]),
  {
    // Extension code never builds a javascript: URL (tests do, to check they stay inert).
    files: ['src/**', 'entrypoints/**'],
    ignores: ['src/cli/**'],
    rules: { 'no-script-url': 'error' },
  },
  {
    // Small functions and files, so a newcomer can read each in one sitting (issue #16); the count
    // is ESLint's default (every line, comments and blank lines included). Not for tests, benches
    // or scripts.
    files: ['src/**/*.ts', 'entrypoints/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 450 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    // Build scripts, the CLI, tests and benchmarks run in Node.
    files: ['scripts/**', 'src/cli/**', 'tests/**', 'bench/**', '*.config.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // no-unsanitized guards the DOM; Node-only code has none (the CLI loads its own modules by URL).
    files: ['scripts/**', 'src/cli/**', 'bench/**'],
    rules: { 'no-unsanitized/method': 'off', 'no-unsanitized/property': 'off' },
  },
);
