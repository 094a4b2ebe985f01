import './style.css';
import { startContentScript } from '../../src/extension/content-main';
import { NEWS_SITE_MATCHES } from '../../src/extension/news-sites';

export default defineContentScript({
  // The default news sites; other sites are registered at runtime once the user grants them.
  matches: [...NEWS_SITE_MATCHES],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    startContentScript(ctx);
  },
});
