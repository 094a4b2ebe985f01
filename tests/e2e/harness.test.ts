/**
 * Tests of the e2e harness itself. They load a tiny throwaway MV3 extension written to a
 * temporary folder, so they need a browser but not the project's build.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  collectErrors,
  extensionTasksFromTrace,
  findChromium,
  KYODO_PAGE,
  KYODO_URL,
  kyodoPage,
  launchWithExtension,
  loadFixturePages,
  loadKyodoText,
  loadPageIndex,
  LONG_TASK_MS,
  longTasksFromTrace,
  openOptions,
  openPopup,
  PAGES_DIR,
  recordTrace,
  serveFixture,
  servePage,
  type ExtensionHarness,
  type TraceEvent,
} from './harness';

/** How long the probe's content script keeps the main thread busy when asked to. */
const BUSY_MS = 80;

const PROBE_FILES: Record<string, string> = {
  'manifest.json': JSON.stringify(
    {
      manifest_version: 3,
      name: 'e2e harness probe',
      version: '0.0.1',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['https://english.kyodonews.net/*'], js: ['content.js'], run_at: 'document_idle' }],
      action: { default_popup: 'popup.html' },
      options_ui: { page: 'options.html', open_in_tab: true },
    },
    null,
    2,
  ),
  'background.js': 'chrome.runtime.onInstalled.addListener(() => {});\n',
  'content.js': `
document.documentElement.dataset.harness = '1';
document.addEventListener('harness-busy', () => {
  setTimeout(() => {
    const end = performance.now() + ${BUSY_MS};
    while (performance.now() < end) {}
    document.documentElement.dataset.busyDone = '1';
  }, 0);
});
document.addEventListener('harness-throw', () => {
  setTimeout(() => { throw new Error('probe content script failure'); }, 0);
});
`,
  'popup.html': '<!doctype html><title>probe popup</title><p id="popup">popup</p>\n',
  'options.html': '<!doctype html><title>probe options</title><p id="options">options</p>\n',
};

function writeProbeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-probe-extension-'));
  for (const [name, text] of Object.entries(PROBE_FILES)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('findChromium', () => {
  it('throws an error that says how to install Chromium when CHROMIUM_PATH is missing and no fallback is allowed', () => {
    expect(() => findChromium({ env: { CHROMIUM_PATH: '/nonexistent/chrome' }, candidates: [] })).toThrowError(
      /Chromium not found\. Install it with `apt-get install chromium` \(Debian\/Ubuntu\) or set CHROMIUM_PATH=\/path\/to\/chrome/,
    );
    expect(() => findChromium({ env: { CHROMIUM_PATH: '/nonexistent/chrome' }, candidates: [] })).toThrowError(
      /CHROMIUM_PATH=\/nonexistent\/chrome is not an executable file/,
    );
  });

  it('throws the same help when no candidate exists', () => {
    expect(() => findChromium({ env: {}, candidates: ['/nonexistent/a', '/nonexistent/b'] })).toThrowError(
      /Chromium not found\. Install it with `apt-get install chromium`.*Looked in: \/nonexistent\/a, \/nonexistent\/b/,
    );
  });

  it('does not fall back to another browser when CHROMIUM_PATH is wrong', () => {
    const real = findChromium();
    expect(() => findChromium({ env: { CHROMIUM_PATH: '/nonexistent/chrome' }, candidates: [real] })).toThrowError(
      /CHROMIUM_PATH/,
    );
    expect(findChromium({ env: { CHROMIUM_PATH: real }, candidates: [] })).toBe(real);
    expect(findChromium({ env: {}, candidates: ['/nonexistent/a', real] })).toBe(real);
  });
});

describe('fixtures', () => {
  it('lists the ten corpus pages with their files', () => {
    const index = loadPageIndex();
    expect(index).toHaveLength(10);
    for (const page of index) {
      expect(existsSync(join(PAGES_DIR, page.file)), page.file).toBe(true);
      expect(new URL(page.url).protocol).toBe('https:');
      expect(page.title.length).toBeGreaterThan(0);
    }
    expect(new Set(index.map((p) => p.url)).size).toBe(index.length);
  });

  it('has the Kyodo seed article as HTML and text', () => {
    expect(kyodoPage().html).toContain('Kishida leaves for NATO summit');
    expect(loadKyodoText()).toContain('Japanese Prime Minister Fumio Kishida');
  });
});

describe('launchWithExtension without a build', () => {
  it('says to run the build when the folder has no manifest.json', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'e2e-empty-'));
    try {
      await expect(launchWithExtension({ extensionDir: empty })).rejects.toThrowError(/run `npm run build` first/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('harness with a probe extension', () => {
  let extensionDir: string;
  let harness: ExtensionHarness;
  const pages: Page[] = [];

  async function openKyodo(): Promise<Page> {
    const page = await harness.context.newPage();
    pages.push(page);
    await page.goto(KYODO_URL);
    await page.waitForFunction(() => document.documentElement.dataset['harness'] === '1');
    return page;
  }

  beforeAll(async () => {
    extensionDir = writeProbeExtension();
    harness = await launchWithExtension({ extensionDir });
    await serveFixture(harness.context, kyodoPage());
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  afterAll(async () => {
    await harness?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  it('finds the extension id from the service worker', () => {
    expect(harness.extensionId).toMatch(/^[a-p]{32}$/);
    expect(harness.serviceWorker.url()).toBe(`chrome-extension://${harness.extensionId}/background.js`);
  });

  it('serves the Kyodo fixture offline and the content script runs on it', async () => {
    const before = harness.blockedRequests.length;
    const page = await openKyodo();
    expect(await page.title()).toBe(KYODO_PAGE.title);
    expect(await page.locator('h1').textContent()).toContain('Kishida leaves for NATO summit');
    // The page itself was served by the route, so nothing was blocked to load it.
    expect(harness.blockedRequests.slice(before)).toEqual([]);
  });

  it('blocks and records a request to any other address', async () => {
    const page = await openKyodo();
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const img = document.createElement('img');
          img.onload = () => resolve('loaded');
          img.onerror = () => resolve('blocked');
          img.src = 'https://example.com/x.png';
          document.body.append(img);
        }),
    );
    expect(outcome).toBe('blocked');
    expect(harness.blockedRequests).toContainEqual({
      url: 'https://example.com/x.png',
      method: 'GET',
      resourceType: 'image',
      frameUrl: KYODO_URL,
      fromServiceWorker: false,
    });
  });

  it('blocks and records requests from the extension service worker', async () => {
    const outcome = await harness.serviceWorker.evaluate(() =>
      fetch('https://example.org/from-background').then(
        () => 'fetched',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    expect(harness.blockedRequests).toContainEqual(
      expect.objectContaining({ url: 'https://example.org/from-background', fromServiceWorker: true }),
    );
  });

  it('serves a page registered after launch in preference to the network block', async () => {
    const url = 'https://www.example.net/late?x=1&y=2';
    await servePage(harness.context, url, '<!doctype html><title>late page</title><p>late</p>');
    const page = await harness.context.newPage();
    pages.push(page);
    await page.goto(url);
    expect(await page.title()).toBe('late page');
    await expect(page.goto('https://www.example.net/not-served')).rejects.toThrowError(/ERR_BLOCKED_BY_CLIENT/);
    expect(harness.blockedRequests).toContainEqual(
      expect.objectContaining({ url: 'https://www.example.net/not-served', resourceType: 'document' }),
    );
  });

  it('tells extension errors apart from page errors', async () => {
    const page = await openKyodo();
    const errors = collectErrors(page);
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('page failure');
      }, 0);
      console.error('page console error');
    });
    await page.waitForTimeout(100);
    expect(errors.errors.map((e) => e.text)).toEqual(expect.arrayContaining(['page failure', 'page console error']));
    expect(errors.fromExtension(harness.extensionId)).toEqual([]);

    await page.evaluate(() => document.dispatchEvent(new Event('harness-throw')));
    await expect.poll(() => errors.fromExtension(harness.extensionId).length).toBe(1);
    const [extensionError] = errors.fromExtension(harness.extensionId);
    expect(extensionError?.kind).toBe('pageerror');
    expect(extensionError?.text).toBe('probe content script failure');
    expect(extensionError?.url).toBe(`chrome-extension://${harness.extensionId}/content.js`);
    errors.dispose();
  });

  it('opens the popup and the options page', async () => {
    const popup = await openPopup(harness.context, harness.extensionId);
    pages.push(popup);
    expect(await popup.locator('#popup').textContent()).toBe('popup');
    const options = await openOptions(harness.context, harness.extensionId);
    pages.push(options);
    expect(await options.title()).toBe('probe options');
  });

  it('measures extension tasks in a real trace and ignores the page own tasks', async () => {
    const page = await openKyodo();
    const { events } = await recordTrace(harness.context, page, async () => {
      // A long task of the page itself: must not be attributed to the extension.
      await page.evaluate((ms) => {
        const end = performance.now() + ms;
        while (performance.now() < end) {
          // busy
        }
      }, BUSY_MS);
      // A long task of the extension's content script.
      await page.evaluate(() => document.dispatchEvent(new Event('harness-busy')));
      await page.waitForFunction(() => document.documentElement.dataset['busyDone'] === '1');
    });
    expect(events.length).toBeGreaterThan(0);

    const durations = longTasksFromTrace(events, harness.extensionId);
    expect(durations.length).toBeGreaterThan(0);
    for (const ms of durations) expect(Number.isFinite(ms)).toBe(true);
    // Exactly one long extension task: the busy loop, not the page's own.
    const long = durations.filter((ms) => ms >= LONG_TASK_MS);
    expect(long).toHaveLength(1);
    expect(long[0]).toBeGreaterThanOrEqual(BUSY_MS - 5);
    expect(long[0]).toBeLessThan(BUSY_MS * 4);

    const [busyTask] = extensionTasksFromTrace(events, harness.extensionId).filter((t) => t.taskMs >= LONG_TASK_MS);
    expect(busyTask?.threadName).toBe('CrRendererMain');
    expect(busyTask?.urls).toEqual([`chrome-extension://${harness.extensionId}/content.js`]);
    expect(busyTask?.extensionMs).toBeGreaterThanOrEqual(BUSY_MS - 5);
    expect(busyTask?.extensionMs).toBeLessThanOrEqual(busyTask?.taskMs ?? 0);
  });

  it('loads every corpus page offline under its index.json address and title', async () => {
    const page = await harness.context.newPage();
    pages.push(page);
    for (const fixture of loadFixturePages()) {
      await serveFixture(harness.context, fixture);
      await page.goto(fixture.url, { waitUntil: 'domcontentloaded' });
      expect(page.url(), fixture.file).toBe(fixture.url);
      const title = await page.evaluate(() => document.title.replace(/\s+/g, ' ').trim());
      expect(title, fixture.file).toBe(fixture.title);
    }
    // The probe's content script only matches Kyodo News.
    expect(await page.evaluate(() => document.documentElement.dataset['harness'])).toBeUndefined();
  });
});

describe('longTasksFromTrace on a synthetic trace', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  const ext = `chrome-extension://${id}/content-scripts/content.js`;
  const meta = (tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid, args: { name } });
  const x = (name: string, ts: number, dur: number, url?: string, tid = 10): TraceEvent => ({
    name,
    ph: 'X',
    ts,
    dur,
    pid: 1,
    tid,
    args: url === undefined ? {} : { data: { url } },
  });

  const events: TraceEvent[] = [
    meta(10, 'CrRendererMain'),
    meta(20, 'ThreadPoolForegroundWorker'),
    // 1: page-only task, 90 ms.
    x('RunTask', 0, 90_000),
    x('EvaluateScript', 1_000, 88_000, 'https://english.kyodonews.net/app.js'),
    // 2: extension task, 60 ms, with a nested RunTask and nested script events.
    x('RunTask', 100_000, 60_000),
    x('FunctionCall', 101_000, 55_000, ext),
    x('v8.compile', 102_000, 1_000, ext),
    x('RunTask', 110_000, 5_000),
    // 3: page task in which the extension ran 2 ms (B/E pair).
    x('RunTask', 200_000, 30_000),
    { name: 'FunctionCall', ph: 'B', ts: 205_000, pid: 1, tid: 10, args: { data: { url: ext } } },
    { name: 'FunctionCall', ph: 'E', ts: 207_000, pid: 1, tid: 10 },
    // Another extension's script does not count.
    x('RunTask', 300_000, 70_000),
    x('FunctionCall', 300_500, 69_000, 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.js'),
    // Background compile of the extension's script on a pool thread does not block anything.
    x('v8.compile', 400_000, 80_000, ext, 20),
  ];

  it('returns the whole task durations, longest first', () => {
    expect(longTasksFromTrace(events, id)).toEqual([60, 30]);
    expect(longTasksFromTrace(events, id, { minMs: LONG_TASK_MS })).toEqual([60]);
  });

  it('can measure only the time spent in extension script', () => {
    expect(longTasksFromTrace(events, id, { measure: 'extension' })).toEqual([55, 2]);
  });

  it('counts a script event with no traced task as its own task', () => {
    expect(longTasksFromTrace([x('EvaluateScript', 0, 12_000, ext), x('v8.compile', 1_000, 3_000, ext)], id)).toEqual([12]);
  });
});
