/**
 * One small harness for the checks that are the same in Chromium and Firefox: open a fixture page
 * at its real address, point at things, press keys, read the tooltip, open the popup, and ask for
 * the extension's errors and the requests that would have left the machine.
 *
 *   const b = await launchBrowser('firefox');   // or 'chromium'
 *   const tab = await b.openPage(KYODO_URL, loadKyodoHtml());
 *
 * Chromium runs the Chrome build through playwright-core (launchWithExtension); Firefox runs the
 * Firefox build through puppeteer-core over WebDriver BiDi (launchFirefoxWithExtension).
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage, KeyInput } from 'puppeteer-core';
import { bidiCall, launchFirefoxWithExtension } from './firefox';
import { collectErrors, launchWithExtension, servePage } from './extension';
import { pollTooltip, readTooltip, type TooltipState } from './tooltip';
import { centerOfTextInPage, foundPoint, highlightSizesInPage } from './in-page';

/** The browsers the harness drives. */
export type BrowserName = 'chromium' | 'firefox';

/** A tab, in either browser. */
export interface Tab {
  /** Runs `fn(arg)` in the page (its own world) and returns the JSON-able result. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Moves the mouse to (x, y) in viewport pixels, in a few steps. */
  hover(x: number, y: number): Promise<void>;
  /** Presses a key chord such as 'Escape' or 'Alt+Shift+KeyN' (modifiers, then a KeyboardEvent.code or key). */
  press(chord: string): Promise<void>;
  /** Types `text` into the element `selector`, one key at a time. */
  type(selector: string, text: string): Promise<void>;
  /** The tooltip as rendered (found in its closed shadow root), or undefined if there is none. */
  tooltip(): Promise<TooltipState | undefined>;
  /** Sets the viewport size. */
  resize(width: number, height: number): Promise<void>;
  /** Saves a PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /** Waits `ms` milliseconds. */
  wait(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** A network request the harness stopped (or saw) that was not a fixture it served. */
interface OutboundRequest {
  url: string;
  /** Who caused it: a page or extension origin, when the browser says. */
  by: string | null;
}

/** A browser with the built extension. */
export interface ExtensionBrowser {
  name: BrowserName;
  /** Opens a tab at `url`, served with `html` (no network involved). */
  openPage(url: string, html: string): Promise<Tab>;
  /** Opens one of the extension's pages ('popup.html', 'options.html') in a tab. */
  openExtensionPage(path: string): Promise<Tab>;
  /** Uncaught errors and console errors whose source is the extension. */
  extensionErrors(): Promise<string[]>;
  /** Requests to the network that were not served fixtures (made by pages or the extension). */
  outboundRequests(): Promise<OutboundRequest[]>;
  close(): Promise<void>;
}

/** Starts `name` with the extension built for it (.output/chrome-mv3 or .output/firefox-mv3). */
export function launchBrowser(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** 'Alt+Shift+KeyN' → modifiers and the key. */
function splitChord(chord: string): { modifiers: string[]; key: string } {
  const parts = chord.split('+');
  return { modifiers: parts.slice(0, -1), key: parts[parts.length - 1]! };
}

async function launchChromium(): Promise<ExtensionBrowser> {
  const h = await launchWithExtension();
  const errors = collectErrors(h.context);
  const workerErrors = collectErrors(h.serviceWorker);
  const wrap = (page: PlaywrightPage): Tab => ({
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    hover: (x, y) => page.mouse.move(x, y, { steps: 3 }),
    press: (chord) => page.keyboard.press(chord),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    tooltip: () => readTooltip(page),
    resize: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path) => void (await page.screenshot({ path })),
    wait: (ms) => page.waitForTimeout(ms),
    close: () => page.close(),
  });
  return {
    name: 'chromium',
    async openPage(url, html) {
      await servePage(h.context, url, html);
      const page = await h.context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async openExtensionPage(path) {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/${path}`);
      return wrap(page);
    },
    extensionErrors: async () =>
      [...errors.fromExtension(h.extensionId), ...workerErrors.errors].map((e) => `${e.url ?? ''}: ${e.text}`),
    outboundRequests: async () => h.blockedRequests.map((r) => ({ url: r.url, by: r.frameUrl })),
    close: () => h.close(),
  };
}

/** Reads the tooltip in Firefox: BiDi serializes the closed shadow root of <news-glossary-ui>'s kind. */
async function readFirefoxTooltip(page: PuppeteerPage): Promise<TooltipState | undefined> {
  // Shadow hosts are direct children of <html> or <body>; ask BiDi for theirs, closed ones too.
  const hosts = await bidiCall(page, {
    functionDeclaration: '() => [...document.documentElement.children, ...(document.body ? document.body.children : [])]',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const roots = ((hosts['value'] ?? []) as { value?: { shadowRoot?: { sharedId?: string } | null } }[])
    .map((n) => n.value?.shadowRoot?.sharedId)
    .filter((id): id is string => typeof id === 'string');
  for (const sharedId of roots) {
    const result = await bidiCall(page, {
      this: { sharedId },
      functionDeclaration: `function () {
        const t = this.querySelector('[role=tooltip]');
        if (!t) return '';
        const r = t.getBoundingClientRect();
        let hidden = false;
        for (let el = t; el; el = el.parentElement || (el.getRootNode() && el.getRootNode().host)) {
          const cs = getComputedStyle(el);
          if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) { hidden = true; break; }
        }
        const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
        return JSON.stringify({ text: t.innerText, rect: { x: r.x, y: r.y, width: r.width, height: r.height }, visible: onScreen && !hidden });
      }`,
    });
    const json = (result as { value?: string }).value;
    if (json) return JSON.parse(json) as TooltipState;
  }
  return undefined;
}

async function launchFirefox(): Promise<ExtensionBrowser> {
  const h = await launchFirefoxWithExtension();
  const served = new Set<string>();
  const wrap = (page: PuppeteerPage): Tab => ({
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    hover: (x, y) => page.mouse.move(x, y, { steps: 3 }),
    async press(chord) {
      const { modifiers, key } = splitChord(chord);
      for (const m of modifiers) await page.keyboard.down(m as KeyInput);
      await page.keyboard.press(key as KeyInput);
      for (const m of [...modifiers].reverse()) await page.keyboard.up(m as KeyInput);
    },
    async type(selector, text) {
      await page.focus(selector);
      await page.keyboard.type(text, { delay: 20 });
    },
    tooltip: () => readFirefoxTooltip(page),
    resize: (width, height) => page.setViewport({ width, height }),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    wait: sleep,
    close: () => page.close(),
  });
  return {
    name: 'firefox',
    async openPage(url, html) {
      const page = await h.newPageServing(url, html);
      served.add(new URL(url).href.replace(/#.*/, '')).add(new URL('/favicon.ico', url).href);
      await page.goto(url);
      return wrap(page);
    },
    openExtensionPage: async (path) => wrap(await h.openExtensionPage(path)),
    extensionErrors: () => h.extensionErrors(),
    async outboundRequests() {
      // Firefox's own requests (update and settings checks, made by the system principal) go to
      // the dead proxy; everything a page or an add-on asked for counts.
      return (await h.requests())
        .filter((r) => r.by !== '[System Principal]' && !served.has(r.url.replace(/#.*/, '')))
        .map((r) => ({ url: r.url, by: r.addonId ? `${r.by} (add-on ${r.addonId})` : r.by }));
    },
    close: () => h.close(),
  };
}

/** Waits until a visible tooltip satisfies `test`; returns it, or throws with what was last seen. */
export function waitForTabTooltip(
  tab: Tab,
  test: (t: TooltipState) => boolean = () => true,
  timeoutMs = 5000,
): Promise<TooltipState> {
  return pollTooltip(() => tab.tooltip(), test, timeoutMs);
}

/** Waits until no tooltip is visible. */
export async function waitForNoTabTooltip(tab: Tab, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const t = await tab.tooltip().catch(() => ({ visible: true }) as TooltipState);
    if (!t?.visible) return;
    await sleep(50);
  }
  throw new Error('the tooltip is still visible');
}

/** Sizes of the extension's highlights in the page's registry (CSS.highlights). */
export function tabHighlightSizes(tab: Tab): Promise<Record<string, number>> {
  return tab.evaluate(highlightSizesInPage, null);
}

/** Scrolls the `nth` occurrence of `text` inside `scope` into view; returns its centre in the viewport. */
export async function tabCenterOfText(tab: Tab, text: string, scope = 'body', nth = 0): Promise<{ x: number; y: number }> {
  const place = { text, scope, nth };
  return foundPoint(await tab.evaluate(centerOfTextInPage, place), place);
}
