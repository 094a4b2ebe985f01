/** A Chromium without the extension, offline, for baselines ("the same page without us"). */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { findChromium } from './chromium';
import { blockNetwork, type BlockedRequest } from './extension';

/** A plain browser context and how to close it. */
export interface PlainBrowser {
  /** The context (network blocked like the extension harness). */
  context: BrowserContext;
  /** Closes the browser. */
  close(): Promise<void>;
}

/** Starts headless Chromium without any extension. */
export async function launchPlain(): Promise<PlainBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const blocked: BlockedRequest[] = [];
  await blockNetwork(context, blocked);
  return { context, close: () => browser.close() };
}
