import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
  type Request,
  type Route,
  type WebError,
  type WebSocketRoute,
  type Worker,
} from 'playwright-core';
import { findChromium } from './chromium';

/** Root of the repository; relative extension directories are resolved against it. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where `wxt build` writes the Chrome MV3 build. */
const DEFAULT_EXTENSION_DIR = '.output/chrome-mv3';

/** A request the harness stopped before it reached the network. */
export interface BlockedRequest {
  /** Full URL that was requested. */
  url: string;
  /** HTTP method, or 'GET' for WebSocket handshakes. */
  method: string;
  /** Playwright's resource type: 'document', 'image', 'fetch', 'script', 'websocket'… */
  resourceType: string;
  /** URL of the frame that made the request; null for service-worker and WebSocket requests. */
  frameUrl: string | null;
  /** Whether the request came from a service worker (for example the extension's background). */
  fromServiceWorker: boolean;
}

/** How to start Chromium with an unpacked extension. */
export interface LaunchOptions {
  /** Unpacked extension folder (with manifest.json), absolute or relative to the project root. */
  extensionDir?: string;
  /** Run without a window (new headless mode, which supports extensions). */
  headless?: boolean;
  /** Browser binary; defaults to findChromium(). */
  executablePath?: string;
  /** Also make every DNS lookup fail, so that requests the router cannot see (browser-internal ones) stay offline too. */
  offline?: boolean;
  /** How long to wait for the extension's MV3 service worker. */
  serviceWorkerTimeoutMs?: number;
  /** Extra Chromium switches appended after the harness's own. */
  extraArgs?: readonly string[];
}

/** A running Chromium with the extension loaded. */
export interface ExtensionHarness {
  /** The persistent browser context (one profile, one browser). */
  context: BrowserContext;
  /** The 32-letter extension id, as in chrome-extension://ID/. */
  extensionId: string;
  /** The extension's MV3 background service worker, as first seen (Chromium may stop and restart it when idle). */
  serviceWorker: Worker;
  /** Absolute path of the loaded extension folder. */
  extensionDir: string;
  /** Every network request the harness aborted, in order; fixture pages served with servePage are not in it. */
  blockedRequests: BlockedRequest[];
  /** Closes the browser and deletes the temporary profile; safe to call twice. */
  close(): Promise<void>;
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

function describeRequest(request: Request): BlockedRequest {
  let frameUrl: string | null = null;
  try {
    frameUrl = request.frame().url();
  } catch {
    // Service-worker requests have no frame.
  }
  return {
    url: request.url(),
    method: request.method(),
    resourceType: request.resourceType(),
    frameUrl,
    fromServiceWorker: request.serviceWorker() !== null,
  };
}

function isNetworkUrl(url: string): boolean {
  try {
    return NETWORK_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Aborts every http(s)/ws(s) request that no more specific route claimed, and records it. */
/** Aborts every request that would leave the machine, recording it in `blocked`. */
export async function blockNetwork(context: BrowserContext, blocked: BlockedRequest[]): Promise<void> {
  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    if (!isNetworkUrl(request.url())) {
      // chrome-extension://, data:, blob: never leave the machine.
      await route.continue().catch(() => undefined);
      return;
    }
    blocked.push(describeRequest(request));
    await route.abort('blockedbyclient').catch(() => undefined);
  });
  await context.routeWebSocket(/.*/, async (ws: WebSocketRoute) => {
    blocked.push({
      url: ws.url(),
      method: 'GET',
      resourceType: 'websocket',
      frameUrl: null,
      fromServiceWorker: false,
    });
    await ws.close({ code: 1008, reason: 'blocked by the e2e harness' }).catch(() => undefined);
  });
}

async function waitForExtensionWorker(context: BrowserContext, timeoutMs: number, extensionDir: string): Promise<Worker> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (worker) return worker;
    if (Date.now() > deadline) {
      throw new Error(
        `No MV3 service worker from the extension in ${extensionDir} started within ${timeoutMs} ms. ` +
          'The harness reads the extension id from it: check that manifest.json declares ' +
          '"background": { "service_worker": … } and that the manifest is valid (load the folder in ' +
          "chrome://extensions with developer mode to see Chromium's error).",
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts Chromium with the unpacked extension in a fresh profile, with all network access blocked. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const {
    extensionDir: dirOption = DEFAULT_EXTENSION_DIR,
    headless = true,
    offline = true,
    serviceWorkerTimeoutMs = 15_000,
    extraArgs = [],
  } = options;
  const extensionDir = isAbsolute(dirOption) ? dirOption : resolve(PROJECT_ROOT, dirOption);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${extensionDir} (manifest.json is missing): ` +
        'run `npm run build` first (WXT writes the Chrome MV3 build to .output/chrome-mv3).',
    );
  }
  const executablePath = options.executablePath ?? findChromium();

  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (offline) args.push('--host-resolver-rules=MAP * ~NOTFOUND');
  args.push(...extraArgs);

  const userDataDir = mkdtempSync(join(tmpdir(), 'news-glossary-e2e-'));
  const removeProfile = (): void => rmSync(userDataDir, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      args,
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    removeProfile();
    throw error;
  }

  const blockedRequests: BlockedRequest[] = [];
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await context.close();
    } finally {
      removeProfile();
    }
  };

  try {
    await blockNetwork(context, blockedRequests);
    const serviceWorker = await waitForExtensionWorker(context, serviceWorkerTimeoutMs, extensionDir);
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, extensionDir, blockedRequests, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Options of servePage. */
export interface ServeOptions {
  /** Content-Type header of the response. */
  contentType?: string;
  /** HTTP status of the response. */
  status?: number;
}

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** Makes `url` (exactly, ignoring any #hash) answer with `body`; takes precedence over the harness's network block. */
export async function servePage(context: BrowserContext, url: string, body: string, options: ServeOptions = {}): Promise<void> {
  const target = withoutHash(url);
  const { contentType = 'text/html; charset=utf-8', status = 200 } = options;
  // Playwright tries routes from the most recently registered, so this one wins over
  // the catch-all that launchWithExtension registered first.
  await context.route(
    (candidate: URL) => withoutHash(candidate.href) === target,
    (route: Route) => route.fulfill({ status, contentType, body }).catch(() => undefined),
  );
}

/** One error seen by collectErrors. */
interface CollectedError {
  /** 'pageerror' for an uncaught exception, 'console' for console.error (or a failed resource load). */
  kind: 'pageerror' | 'console';
  /** Error message or console text. */
  text: string;
  /** Script URL the error came from, when known (console location, or the top of the stack). */
  url: string | null;
  /** Stack trace of an uncaught exception. */
  stack: string | null;
}

/** Errors recorded from a page, a worker or a whole context. */
export interface ErrorCollector {
  /** Everything recorded so far, in order. */
  readonly errors: readonly CollectedError[];
  /** The errors whose script URL or stack points into chrome-extension://ID/. */
  fromExtension(extensionId: string): CollectedError[];
  /** Stops recording. */
  dispose(): void;
}

function firstUrlInStack(stack: string | undefined): string | null {
  if (!stack) return null;
  const match = /((?:chrome-extension|https?):\/\/[^\s):]+)/.exec(stack);
  return match?.[1] ?? null;
}

function isBrowserContext(target: Page | BrowserContext | Worker): target is BrowserContext {
  return 'serviceWorkers' in target;
}

function isPage(target: Page | BrowserContext | Worker): target is Page {
  return 'mainFrame' in target;
}

/** Records uncaught exceptions and console errors of a page (or of a whole context, or a worker). */
export function collectErrors(target: Page | BrowserContext | Worker): ErrorCollector {
  const errors: CollectedError[] = [];
  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    errors.push({ kind: 'console', text: message.text(), url: url === '' ? null : url, stack: null });
  };
  const onError = (error: Error): void => {
    errors.push({ kind: 'pageerror', text: error.message, url: firstUrlInStack(error.stack), stack: error.stack ?? null });
  };

  let dispose: () => void;
  if (isBrowserContext(target)) {
    const onWebError = (webError: WebError): void => onError(webError.error());
    target.on('console', onConsole);
    target.on('weberror', onWebError);
    dispose = () => {
      target.off('console', onConsole);
      target.off('weberror', onWebError);
    };
  } else if (isPage(target)) {
    target.on('console', onConsole);
    target.on('pageerror', onError);
    dispose = () => {
      target.off('console', onConsole);
      target.off('pageerror', onError);
    };
  } else {
    // Workers report console messages only; Playwright has no event for their uncaught errors.
    target.on('console', onConsole);
    dispose = () => {
      target.off('console', onConsole);
    };
  }

  return {
    errors,
    fromExtension(extensionId: string): CollectedError[] {
      const prefix = `chrome-extension://${extensionId}/`;
      return errors.filter((e) => (e.url?.startsWith(prefix) ?? false) || (e.stack?.includes(prefix) ?? false));
    },
    dispose,
  };
}

/** Opens chrome-extension://ID/PATH in a new tab and waits for it to load. */
export async function openExtensionPage(context: BrowserContext, extensionId: string, path: string): Promise<Page> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
  } catch (error) {
    await page.close();
    throw error;
  }
  return page;
}

/** Opens the extension's popup (popup.html) as a regular tab. */
export function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, 'popup.html');
}

/** Opens the extension's options page (options.html) as a regular tab. */
export function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, 'options.html');
}
