/** The background service worker: the glossary service and the badge. */
import { browser } from 'wxt/browser';
import { bundledEntries } from './bundled-glossary';
import { createGlossaryService } from './glossary-service';
import { backgroundMessaging } from './protocol';

/** Registers the background's message handlers. */
export function startBackground(): void {
  const service = createGlossaryService(bundledEntries);
  backgroundMessaging.onMessage('analyze', ({ data }) => service.analyze(data));
  backgroundMessaging.onMessage('reportPageTerms', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const count = data.length;
    await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2f6fd6' });
  });
}
