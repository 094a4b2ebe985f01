import './style.css';
import { NEWS_SITE_MATCHES } from '../../src/extension/news-sites';

export default defineContentScript({
  // The default news sites; other sites are registered at runtime once the user grants them.
  matches: [...NEWS_SITE_MATCHES],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  // WXT tells an older copy of this script to stop with a DOM event; its extra window.postMessage
  // (kept only for old WXT versions) cost 16–19 ms of the first task on corpus pages (issue #15).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Each step is a task of its own, so no one task holds the page up (issue #15): this first
    // one only schedules; the next evaluates the settings' code (and the browser API's wrapper)
    // and asks storage for them; the one after evaluates the rest of the glossary's code and reads
    // the article while storage answers.
    const later = <T>(load: () => Promise<T>): Promise<T> => new Promise((resolve) => setTimeout(resolve, 0)).then(load);
    later(() => import('../../src/extension/settings'))
      .then(({ loadSettings }) => {
        const settings = loadSettings();
        return later(() => import('../../src/extension/content-main')).then((m) => m.startContentScript(ctx, settings));
      })
      .catch((err: unknown) => console.warn('[News Glossary]', err));
  },
});
