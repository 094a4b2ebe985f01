/**
 * Reading the extension's UI from a test. The tooltip lives in a closed shadow root (page scripts
 * cannot reach it), so tests find it through the DevTools protocol, which pierces closed roots.
 */
import type { Page } from 'playwright-core';
import { centerOfTextInPage, foundPoint, highlightSizesInPage } from './in-page';

/** What a test can see of the tooltip. */
export interface TooltipState {
  /** Its rendered text. */
  text: string;
  /** Its box in the viewport. */
  rect: { x: number; y: number; width: number; height: number };
  /** Whether it is on screen and not transparent or hidden. */
  visible: boolean;
}

interface CdpNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = findNode(child, test);
    if (hit) return hit;
  }
  return undefined;
}

const hasAttr = (n: CdpNode, name: string, value: string): boolean => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name && a[i + 1] === value) return true;
  return false;
};

/** The first element with role="tooltip" anywhere in the page, closed shadow roots included. */
export async function readTooltip(page: Page): Promise<TooltipState | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const node = findNode(root, (n) => hasAttr(n, 'role', 'tooltip'));
    if (!node) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: node.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      returnByValue: true,
      functionDeclaration: `function () {
        const r = this.getBoundingClientRect();
        const s = getComputedStyle(this);
        let hidden = false;
        for (let el = this; el; el = el.parentElement || (el.getRootNode() && el.getRootNode().host)) {
          const cs = getComputedStyle(el);
          if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) { hidden = true; break; }
        }
        const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
        return { text: this.innerText, rect: { x: r.x, y: r.y, width: r.width, height: r.height }, visible: onScreen && !hidden };
      }`,
    });
    return result.value as TooltipState;
  } finally {
    await cdp.detach();
  }
}

/**
 * Reads the tooltip with `read` every 50 ms until a visible one satisfies `test`; returns it, or
 * throws with what was last seen. A failed read keeps the last state (the DOM may change between
 * the protocol's calls: a node id goes stale).
 */
export async function pollTooltip(
  read: () => Promise<TooltipState | undefined>,
  test: (t: TooltipState) => boolean,
  timeoutMs: number,
): Promise<TooltipState> {
  const end = Date.now() + timeoutMs;
  let last: TooltipState | undefined;
  while (Date.now() < end) {
    last = await read().catch(() => last);
    if (last?.visible && test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no matching visible tooltip within ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`);
}

/** Waits until a visible tooltip's text satisfies `test`; returns it or throws with what was seen. */
export function waitForTooltip(
  page: Page,
  test: (t: TooltipState) => boolean = () => true,
  timeoutMs = 5000,
): Promise<TooltipState> {
  return pollTooltip(() => readTooltip(page), test, timeoutMs);
}

/** Waits until no tooltip is visible. */
export async function waitForNoTooltip(page: Page, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const t = await readTooltip(page).catch(() => ({ visible: true }) as TooltipState);
    if (!t?.visible) return;
    await page.waitForTimeout(50);
  }
  throw new Error('the tooltip is still visible');
}

/** Scrolls the `nth` occurrence of `text` inside `scope` (a CSS selector) into view; its centre in the viewport. */
export async function centerOfText(page: Page, text: string, scope = 'body', nth = 0): Promise<{ x: number; y: number }> {
  const place = { text, scope, nth };
  return foundPoint(await page.evaluate(centerOfTextInPage, place), place);
}

/** Number of ranges in each of the extension's highlights (read from the page's registry). */
export async function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(highlightSizesInPage);
}
