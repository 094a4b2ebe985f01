/**
 * The Firefox side of the harness checks itself: a missing Firefox fails with how to install it,
 * and what the reader tests rely on (no request leaves unseen, extension errors are reported)
 * really catches a request and an error. Also the toolbar button as Firefox draws it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  findFirefox,
  FIREFOX_NOT_FOUND,
  KYODO_URL,
  launchBrowser,
  launchFirefoxWithExtension,
  loadKyodoHtml,
  type ExtensionBrowser,
  type FirefoxHarness,
} from './harness';

describe('findFirefox', () => {
  it('fails with how to install Firefox when there is none', () => {
    expect(() => findFirefox({ env: {}, candidates: [] })).toThrow(FIREFOX_NOT_FOUND);
    expect(FIREFOX_NOT_FOUND).toContain('apt-get install firefox-esr');
  });

  it('treats a wrong FIREFOX_PATH as an error, not a reason to pick another browser', () => {
    expect(() => findFirefox({ env: { FIREFOX_PATH: '/nonexistent/firefox' } })).toThrow(/FIREFOX_PATH=\/nonexistent\/firefox/);
  });

  it('finds the system Firefox here (the e2e suite needs it)', () => {
    expect(findFirefox()).toMatch(/firefox/);
  });
});

describe('the Firefox harness', () => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await launchBrowser('firefox');
  });

  afterAll(async () => {
    await b?.close();
  });

  it('serves the fixture offline and records a request to any other address', async () => {
    const tab = await b.openPage(KYODO_URL, loadKyodoHtml());
    expect(await tab.evaluate(() => document.querySelector('h1')?.textContent ?? '', null)).toContain(
      'Kishida leaves for NATO summit',
    );
    expect(await b.outboundRequests()).toEqual([]);
    const outcome = await tab.evaluate(
      () =>
        fetch('https://example.com/tracker.gif').then(
          () => 'reached',
          () => 'failed',
        ),
      null,
    );
    expect(outcome).toBe('failed');
    expect(await b.outboundRequests()).toContainEqual({
      url: 'https://example.com/tracker.gif',
      by: 'https://english.kyodonews.net',
    });
    await tab.close();
  });

  it('reports an error thrown in an extension page', async () => {
    const popup = await b.openExtensionPage('popup.html');
    await popup.evaluate(() => {
      setTimeout(() => {
        throw new Error('thrown on purpose by the harness test');
      });
    }, null);
    await vi.waitFor(
      async () => expect((await b.extensionErrors()).join('\n')).toContain('thrown on purpose by the harness test'),
      {
        timeout: 5000,
      },
    );
    await popup.close();
  });
});

describe('the toolbar button in Firefox', () => {
  let h: FirefoxHarness;

  beforeAll(async () => {
    h = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('is titled from _locales (__MSG_actionTitle__), not from the popup’s <title>', async () => {
    // Firefox's id for an add-on's toolbar widget: the add-on id with [^a-z0-9_-] made "_".
    const widgetId = `${h.addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
    const button = await h.chromeEval<{ label: string | null; tooltip: string | null } | null>(`(() => {
      const widget = CustomizableUI.getWidget(${JSON.stringify(widgetId)});
      const node = widget && widget.forWindow(window).node;
      return node ? { label: node.getAttribute('label'), tooltip: node.getAttribute('tooltiptext') } : null;
    })()`);
    // The browser's locale is English here; the Japanese title is checked in the built manifest
    // (tests/unit/manifest.test.ts).
    expect(button).toEqual({ label: 'News Glossary', tooltip: 'News Glossary' });
  });
});
