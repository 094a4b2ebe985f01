import './style.css';
import { startContentScript } from '../../src/extension/content-main';

export default defineContentScript({
  matches: ['*://english.kyodonews.net/*', '*://www.kyodonews.net/*', '*://kyodonews.net/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    startContentScript(ctx);
  },
});
