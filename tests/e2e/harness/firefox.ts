/**
 * Stock Firefox (Debian's firefox-esr) with the built extension, driven by puppeteer-core over
 * WebDriver BiDi. The extension is installed as a temporary add-on; its moz-extension:// UUID is
 * fixed with the `extensions.webextensions.uuids` pref so that tests can open its pages, which
 * Firefox allows once it runs with `--remote-allow-system-access`.
 *
 * What the tests see, and how:
 * - pages and the popup: the page's own DOM, through BiDi;
 * - the tooltip in its closed shadow root: BiDi serializes shadow roots, closed ones included, when
 *   asked to (`includeShadowTree: 'all'`), and a function can then run with that root as `this`;
 *   WebDriver's own reach, as the DevTools protocol's `pierce` is in Chromium, not a hook in the product;
 * - errors and network requests: Firefox's own records, read in its privileged (chrome) window:
 *   the console service's script errors, the console API's stored calls, and every HTTP channel
 *   opened (`http-on-modify-request`), with the principal that caused it.
 * Nothing leaves the machine: every proxy points to a closed local port, and pages the tests
 * serve are answered by request interception before any proxy is asked.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { PROJECT_ROOT } from './extension';
import { findBrowser } from './find-browser';

/** Where Firefox is looked for, in order, when FIREFOX_PATH is not set. */
const DEFAULT_FIREFOX_CANDIDATES: readonly string[] = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Start of the error thrown when no Firefox is found: what is missing and how to get it. */
export const FIREFOX_NOT_FOUND =
  'Firefox not found. Install it with `apt-get install firefox-esr` (Debian/Ubuntu; ESR 140 or later) ' +
  'or set FIREFOX_PATH=/path/to/firefox. The Firefox e2e tests drive the system browser through ' +
  'puppeteer-core over WebDriver BiDi; `npx puppeteer browsers install` is not needed.';

/** Where `wxt build -b firefox` writes the Firefox MV3 build. */
const DEFAULT_FIREFOX_EXTENSION_DIR = '.output/firefox-mv3';

/** The moz-extension:// host the harness gives the extension (any fixed UUID would do). */
const FIREFOX_EXTENSION_UUID = '3b0f5a8e-6c2d-4f1a-9e7b-2d4c6a8f0e13';

/** Returns the path of a Firefox executable, or throws an Error that says how to install one. */
export function findFirefox(
  options: { env?: Readonly<Record<string, string | undefined>>; candidates?: readonly string[] } = {},
): string {
  const candidates = options.candidates ?? DEFAULT_FIREFOX_CANDIDATES;
  return findBrowser({ envVar: 'FIREFOX_PATH', candidates, notFound: FIREFOX_NOT_FOUND, env: options.env });
}

/** The add-on id the build declares (browser_specific_settings.gecko.id). */
function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json declares no browser_specific_settings.gecko.id`);
  return id;
}

/** An HTTP request Firefox opened, with what caused it. */
interface FirefoxRequest {
  /** Full URL. */
  url: string;
  /** Origin of the principal that triggered it ('[System Principal]' for Firefox itself). */
  by: string | null;
  /** The add-on that triggered it, if any. */
  addonId: string | null;
}

/** A running Firefox with the extension installed. */
export interface FirefoxHarness {
  browser: Browser;
  /** The add-on id (from the manifest). */
  addonId: string;
  /** The extension's origin, moz-extension://UUID. */
  extensionOrigin: string;
  /** Absolute path of the installed extension folder. */
  extensionDir: string;
  /** Opens a new tab that answers `url` (ignoring #hash) with `html`; every other http(s) request of the tab is aborted. */
  newPageServing(url: string, html: string): Promise<Page>;
  /** Opens moz-extension://UUID/PATH in a new tab and waits for its DOM. */
  openExtensionPage(path: string): Promise<Page>;
  /** Evaluates an expression in Firefox's privileged browser window (returns its JSON-able value). */
  chromeEval<T>(expression: string): Promise<T>;
  /** Every HTTP request Firefox opened since launch (served fixture pages included). */
  requests(): Promise<FirefoxRequest[]>;
  /** Errors and console.error calls whose source is the extension (moz-extension://UUID/…). */
  extensionErrors(): Promise<string[]>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** The WebDriver BiDi connection under puppeteer's Browser (a public getter of its BiDi browser). */
function bidi(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** BiDi's id of a tab's top-level browsing context (puppeteer keeps it on the main frame). */
function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Calls `functionDeclaration` in `page` with the BiDi options puppeteer does not expose. */
export async function bidiCall(page: Page, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { result } = await bidi(page.browser()).send('script.callFunction', {
    awaitPromise: true,
    target: { context: contextId(page) },
    resultOwnership: 'none',
    ...params,
  });
  if (result['type'] === 'exception') {
    throw new Error(`script.callFunction: ${JSON.stringify(result['exceptionDetails'])}`);
  }
  return result['result'] as Record<string, unknown>;
}

/** Prefs: no Firefox traffic leaves the machine, no first-run pages. */
const OFFLINE_PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.socks': '127.0.0.1',
  'network.proxy.socks_port': 9,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
  'network.dns.disableIPv6': true,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
};

const RECORD_REQUESTS = `(() => {
  window.__ngRequests = [];
  Services.obs.addObserver({
    observe(subject) {
      const channel = subject.QueryInterface(Ci.nsIHttpChannel);
      const principal = channel.loadInfo?.triggeringPrincipal;
      window.__ngRequests.push({ url: channel.URI.spec, by: principal?.origin ?? null, addonId: principal?.addonId || null });
    },
  }, 'http-on-modify-request');
  return true;
})()`;

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** Starts headless Firefox and installs the Firefox build as a temporary add-on. */
export async function launchFirefoxWithExtension(
  options: { extensionDir?: string; executablePath?: string; headless?: boolean } = {},
): Promise<FirefoxHarness> {
  const dirOption = options.extensionDir ?? DEFAULT_FIREFOX_EXTENSION_DIR;
  const extensionDir = isAbsolute(dirOption) ? dirOption : resolve(PROJECT_ROOT, dirOption);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${extensionDir} (manifest.json is missing): ` +
        'run `npm run build:firefox` first (WXT writes the Firefox MV3 build to .output/firefox-mv3).',
    );
  }
  const executablePath = options.executablePath ?? findFirefox();
  const addonId = geckoId(extensionDir);
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'news-glossary-e2e-firefox-'));
  const removeProfile = (): void => rmSync(userDataDir, { recursive: true, force: true });

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? true,
      userDataDir,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...OFFLINE_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_EXTENSION_UUID }),
      },
    });
  } catch (error) {
    removeProfile();
    throw error;
  }

  const connection = bidi(browser);
  let chromeContext: string | undefined;
  const chromeEval = async <T>(expression: string): Promise<T> => {
    if (!chromeContext) {
      const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const first = (tree.result['contexts'] as { context: string; url?: string }[])[0];
      // An older Firefox ignores the chrome scope and answers with the content tabs.
      if (!first?.url?.startsWith('chrome://')) {
        throw new Error(
          `${executablePath} (${await browser.version()}) gives no chrome-scope context over WebDriver BiDi: ` +
            'the e2e tests need Firefox ESR 153 or later (apt-get update && apt-get install firefox-esr).',
        );
      }
      chromeContext = first.context;
    }
    const { result } = await connection.send('script.evaluate', {
      expression: `JSON.stringify(${expression})`,
      target: { context: chromeContext },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result['type'] === 'exception') throw new Error(`chrome evaluate: ${JSON.stringify(result['exceptionDetails'])}`);
    const value = (result['result'] as { value?: string }).value;
    return (value === undefined ? undefined : JSON.parse(value)) as T;
  };

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await browser.close();
    } finally {
      removeProfile();
    }
  };

  try {
    await chromeEval(RECORD_REQUESTS);
    const installed = await browser.installExtension(extensionDir);
    if (installed !== addonId) throw new Error(`Firefox installed the add-on as ${installed}, expected ${addonId}`);
  } catch (error) {
    await close();
    throw error;
  }

  const newPageServing = async (url: string, html: string): Promise<Page> => {
    const target = withoutHash(url);
    const favicon = new URL('/favicon.ico', url).href;
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const requested = withoutHash(request.url());
      if (requested === target) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }).catch(() => undefined);
      } else if (requested === favicon) {
        // The browser's own favicon request for the tab: answered (empty), not counted as traffic.
        void request.respond({ status: 404, body: '' }).catch(() => undefined);
      } else if (/^(https?|wss?|ftp):/.test(requested)) {
        void request.abort('blockedbyclient').catch(() => undefined);
      } else {
        void request.continue().catch(() => undefined);
      }
    });
    return page;
  };

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    // puppeteer's goto waits for a load event Firefox does not report for moz-extension:// pages:
    // navigate through BiDi without waiting, then wait for the document here.
    await connection.send('browsingContext.navigate', {
      context: contextId(page),
      url: `${extensionOrigin}/${path.replace(/^\//, '')}`,
      wait: 'none',
    });
    await page.waitForFunction(
      (origin: string) => location.origin === origin && document.readyState !== 'loading',
      { timeout: 10_000 },
      extensionOrigin,
    );
    return page;
  };

  const requests = (): Promise<FirefoxRequest[]> => chromeEval<FirefoxRequest[]>('window.__ngRequests');

  const extensionErrors = async (): Promise<string[]> => {
    const prefix = `${extensionOrigin}/`;
    return chromeEval<string[]>(`[
      ...Services.console.getMessageArray()
        .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)))
        .filter((m) => (m.sourceName || '').startsWith(${JSON.stringify(prefix)}) || (m.stack && String(m.stack).includes(${JSON.stringify(prefix)})))
        .map((m) => m.sourceName + ': ' + m.errorMessage),
      ...Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage).getEvents()
        .filter((e) => e.level === 'error' && (String(e.filename || '').startsWith(${JSON.stringify(prefix)}) || e.addonId === ${JSON.stringify(addonId)}))
        .map((e) => e.filename + ': console.error ' + Array.from(e.arguments || [], String).join(' ')),
    ]`);
  };

  return {
    browser,
    addonId,
    extensionOrigin,
    extensionDir,
    newPageServing,
    openExtensionPage,
    chromeEval,
    requests,
    extensionErrors,
    close,
  };
}
