import './style.css';
import { NEWS_SITE_MATCHES } from '../../src/extension/news-sites';
import { loadSettings } from '../../src/extension/settings';

export default defineContentScript({
  // The default news sites; other sites are registered at runtime once the user grants them.
  matches: [...NEWS_SITE_MATCHES],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  // WXT tells an older copy of this script to stop with a DOM event; its extra window.postMessage
  // (kept only for old WXT versions) cost 16–19 ms of the first task on corpus pages (issue #15).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The first task only schedules: the glossary's code (messaging, settings, the page
    // glossary) is evaluated in a task of its own, so the page's load is not held up by it.
    // The settings are read from here, so storage answers while the rest waits for its task.
    const settings = loadSettings();
    setTimeout(() => {
      import('../../src/extension/content-main')
        .then((m) => m.startContentScript(ctx, settings))
        .catch((err: unknown) => console.warn('[News Glossary]', err));
    }, 0);
  },
});
