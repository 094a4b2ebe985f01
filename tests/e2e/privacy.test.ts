/**
 * Privacy and safety, end to end, with the built extension in Chromium (network blocked and
 * recorded by the harness):
 * - using it on the Kyodo article (load, hover, popup search, options) requests nothing;
 * - its UI (the tooltip in its closed shadow root, the popup) holds no event-handler attributes and
 *   no javascript: links, and links only to https/http;
 * - page scripts see neither the tooltip nor glossary text;
 * - the extension pages' content security policy refuses remote requests, eval and inline scripts.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  centerOfText,
  collectErrors,
  highlightSizes,
  KYODO_URL,
  launchWithExtension,
  loadKyodoHtml,
  openExtensionPage,
  openOptions,
  openPopup,
  servePage,
  waitForTooltip,
  type ErrorCollector,
  type ExtensionHarness,
} from './harness';

/** Tag of the tooltip's host element (src/page/tooltip-host.ts). */
const HOST_TAG = 'news-glossary-ui';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  localName?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** A problem found in extension UI markup. */
interface UnsafeMarkup {
  /** Element (lower-case name). */
  element: string;
  /** What is wrong. */
  problem: string;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background']);
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'form']);

/** Event-handler attributes, script URLs, active elements and non-web links in a list of elements. */
function auditMarkup(elements: { name: string; attributes: [string, string][] }[]): UnsafeMarkup[] {
  const problems: UnsafeMarkup[] = [];
  for (const { name, attributes } of elements) {
    if (ACTIVE_ELEMENTS.has(name)) problems.push({ element: name, problem: 'active element' });
    for (const [attr, value] of attributes) {
      const a = attr.toLowerCase();
      if (a.startsWith('on')) problems.push({ element: name, problem: `event handler attribute ${attr}="${value}"` });
      if (URL_ATTRIBUTES.has(a) && /^\s*(javascript|vbscript|data):/i.test(value))
        problems.push({ element: name, problem: `${attr}="${value}"` });
      if (name === 'a' && a === 'href' && !/^https?:\/\//i.test(value))
        problems.push({ element: name, problem: `link to ${value}` });
    }
  }
  return problems;
}

function flatten(node: CdpNode, out: { name: string; attributes: [string, string][] }[] = []): typeof out {
  const attrs = node.attributes ?? [];
  const pairs: [string, string][] = [];
  for (let i = 0; i < attrs.length; i += 2) pairs.push([attrs[i]!, attrs[i + 1]!]);
  if (node.localName) out.push({ name: node.localName, attributes: pairs });
  for (const child of [
    ...(node.shadowRoots ?? []),
    ...(node.children ?? []),
    ...(node.contentDocument ? [node.contentDocument] : []),
  ]) {
    flatten(child, out);
  }
  return out;
}

function findHost(node: CdpNode): CdpNode | undefined {
  if (node.localName === HOST_TAG) return node;
  for (const child of node.children ?? []) {
    const hit = findHost(child);
    if (hit) return hit;
  }
  return undefined;
}

/** Every element inside the extension's tooltip host, its closed shadow root included (read through CDP). */
async function extensionUiElements(page: Page): Promise<{ name: string; attributes: [string, string][] }[] | undefined> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findHost(root);
    return host ? flatten(host) : undefined;
  } finally {
    await cdp.detach();
  }
}

/** The elements under `selector` in an extension page (the popup's glossary-derived content), read in the page. */
function pageElements(page: Page, selector: string): Promise<{ name: string; attributes: [string, string][] }[]> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].flatMap((root) =>
        [root, ...root.querySelectorAll('*')].map((e) => ({
          name: e.localName,
          attributes: [...e.attributes].map((a) => [a.name, a.value] as [string, string]),
        })),
      ),
    selector,
  );
}

let h: ExtensionHarness;
let article: Page;
let tooltipText = '';
const errors: ErrorCollector[] = [];

beforeAll(async () => {
  h = await launchWithExtension();
  await servePage(h.context, KYODO_URL, loadKyodoHtml());
});

afterAll(async () => {
  for (const e of errors) e.dispose();
  await h?.close();
});

describe('using the extension on the Kyodo article', () => {
  it('marks terms and explains one on hover', async () => {
    article = await h.context.newPage();
    errors.push(collectErrors(article));
    await article.goto(KYODO_URL);
    await vi.waitFor(async () => expect((await highlightSizes(article))['glossary-hover'] ?? 0).toBeGreaterThanOrEqual(5), {
      timeout: 10_000,
      interval: 100,
    });
    const at = await centerOfText(article, 'Olaf Scholz', 'article');
    await article.mouse.move(at.x, at.y, { steps: 3 });
    tooltipText = (await waitForTooltip(article, (t) => /Chancellor/.test(t.text))).text;
  });

  it('searches in the popup and opens an entry', async () => {
    const popup = await openPopup(h.context, h.extensionId);
    errors.push(collectErrors(popup));
    await popup.fill('#q', 'NATO');
    await popup.waitForSelector('#results [role="option"]');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#detail:not([hidden]) .ng-card');
    expect(await popup.locator('#detail').innerText()).toMatch(/North Atlantic Treaty Organization/);
    const shown = await pageElements(popup, '#results, #detail');
    expect(shown.length).toBeGreaterThan(5);
    expect(auditMarkup(shown)).toEqual([]);
    await popup.close();
  });

  it('opens the options page', async () => {
    const options = await openOptions(h.context, h.extensionId);
    errors.push(collectErrors(options));
    await options.waitForLoadState('load');
    await options.close();
  });

  it('requested nothing from the network, from any page or the background', () => {
    expect(h.blockedRequests).toEqual([]);
  });

  it('logged no errors (a violated content security policy would show here)', () => {
    expect(errors.flatMap((e) => e.errors)).toEqual([]);
  });
});

describe('the tooltip, as the page sees it', () => {
  it('contains no event-handler attributes, script URLs or active elements (read through CDP)', async () => {
    const elements = await extensionUiElements(article);
    expect(elements, 'the tooltip host is on the page').toBeDefined();
    expect(elements!.length).toBeGreaterThan(3);
    expect(auditMarkup(elements!)).toEqual([]);
  });

  it('is in a closed shadow root: page scripts get null, and the host carries no attributes', async () => {
    const seen = await article.evaluate((tag) => {
      const host = document.querySelector(tag);
      return { found: host !== null, shadowRoot: host?.shadowRoot ?? null, attributes: host ? host.getAttributeNames() : [] };
    }, HOST_TAG);
    expect(seen).toEqual({ found: true, shadowRoot: null, attributes: [] });
  });

  it('shows glossary text that the page cannot find anywhere in its own DOM', async () => {
    const original = loadKyodoHtml();
    const glossaryOnly = tooltipText
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 8 && !original.includes(l));
    expect(glossaryOnly.length, `some tooltip text is not from the article: ${tooltipText}`).toBeGreaterThan(0);
    const visible = await article.evaluate(() => ({
      html: document.documentElement.outerHTML,
      text: document.documentElement.innerText,
      attributes: [...document.querySelectorAll('*')]
        .flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`))
        .join('\n'),
    }));
    for (const line of glossaryOnly) {
      expect(visible.html.includes(line), line).toBe(false);
      expect(visible.text.includes(line), line).toBe(false);
    }
    expect(visible.attributes).not.toMatch(/glossary|entry-id/i);
  });
});

describe('the content security policy of the extension pages', () => {
  it('refuses remote requests, eval and inline scripts', async () => {
    const page = await openExtensionPage(h.context, h.extensionId, 'popup.html');
    const before = h.blockedRequests.length;
    const outcome = await page.evaluate(async () => {
      const fetched = await fetch('https://example.com/collect').then(
        () => 'fetched',
        (e: Error) => `refused: ${e.name}`,
      );
      // From a timer, not from the DevTools evaluation itself (which the policy exempts).
      const evaluated = await new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            // eslint-disable-next-line no-new-func -- the point: the policy must refuse it
            resolve(String(new Function('return 1 + 1')()));
          } catch (e) {
            resolve(`refused: ${(e as Error).name}`);
          }
        }, 0),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.body.append(script);
      const inline = (window as { __inline?: boolean }).__inline === true ? 'ran' : 'refused';
      return { fetched, evaluated, inline };
    });
    expect(outcome).toEqual({ fetched: 'refused: TypeError', evaluated: 'refused: EvalError', inline: 'refused' });
    // Refused by the policy before it was sent: the harness's network block never saw it.
    expect(h.blockedRequests.slice(before)).toEqual([]);
    await page.close();
  });
});

describe('auditMarkup', () => {
  it('flags what the UI must never contain', () => {
    const problems = auditMarkup([
      { name: 'img', attributes: [['onerror', 'alert(1)']] },
      { name: 'svg', attributes: [['onload', 'alert(1)']] },
      { name: 'a', attributes: [['href', 'javascript:alert(1)']] },
      { name: 'a', attributes: [['href', 'https://www.nato.int/']] },
      { name: 'script', attributes: [] },
      { name: 'span', attributes: [['class', 'ng-term']] },
    ]);
    expect(problems.map((p) => p.element)).toEqual(['img', 'svg', 'a', 'a', 'script']);
  });
});
