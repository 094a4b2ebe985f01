import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  manifest: {
    name: 'News Glossary',
    description: 'Explains the people, organizations and terms in news articles, on hover.',
    permissions: ['storage'],
    action: { default_title: 'News Glossary' },
  },
});
