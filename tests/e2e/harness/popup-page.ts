/**
 * The popup (popup.html) in real Chromium, as a user sees it: the search box and its results,
 * "On this page", and the performance marks src/ui/popup-marks.ts leaves for timing.
 *
 * The popup is opened as a tab, which would make itself the active tab; `?tab=ID` names the tab it
 * is about instead (see src/ui/popup-deps.ts).
 */
import type { Page } from 'playwright-core';
import type { ExtensionHarness } from './extension';

/** The popup page, as a user sees it. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  /** Opens popup.html (about tab `tabId`, if given) and waits until it has rendered. */
  static async open(h: ExtensionHarness, tabId?: number): Promise<PopupPage> {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${h.extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
    const popup = new PopupPage(page);
    await page.waitForFunction(() => performance.getEntriesByName('ng-popup-ready').length > 0, undefined, { timeout: 10_000 });
    return popup;
  }

  /** Opens the popup about `tabId`, runs `use`, and closes the popup again. */
  static async with<T>(h: ExtensionHarness, tabId: number, use: (popup: PopupPage) => Promise<T>): Promise<T> {
    const popup = await PopupPage.open(h, tabId);
    try {
      return await use(popup);
    } finally {
      await popup.page.close();
    }
  }

  get input() {
    return this.page.locator('#q');
  }

  /** Times (ms from navigation start): the popup's code starts, the search box is ready, everything is rendered. */
  marks(): Promise<{ start: number; interactive: number; ready: number }> {
    return this.page.evaluate(() => ({
      start: performance.getEntriesByName('ng-popup-start')[0]!.startTime,
      interactive: performance.getEntriesByName('ng-popup-interactive')[0]!.startTime,
      ready: performance.getEntriesByName('ng-popup-ready')[0]!.startTime,
    }));
  }

  /** Types a query one key at a time and waits for the results of the whole query. */
  async search(query: string): Promise<void> {
    await this.input.fill('');
    await this.input.pressSequentially(query);
    await this.page.waitForFunction(
      (q) => performance.getEntriesByName('ng-popup-results').some((m) => (m as PerformanceMark).detail?.query === q),
      query,
    );
  }

  /** Entry ids of the results, in order. */
  resultIds(): Promise<string[]> {
    return this.page
      .locator('#results [role=option]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['entryId'] ?? ''));
  }

  /** Entry ids and counts of "On this page". */
  pageTerms(): Promise<{ id: string; text: string }[]> {
    return this.page
      .locator('#page-terms button')
      .evaluateAll((els) => els.map((e) => ({ id: (e as HTMLElement).dataset['entryId'] ?? '', text: e.textContent ?? '' })));
  }

  /** Keystroke-to-results times (ms) for each prefix of `query`, measured inside the page. */
  keystrokeTimes(query: string): Promise<number[]> {
    return this.page.evaluate(async (q) => {
      const input = document.getElementById('q') as HTMLInputElement;
      const times: number[] = [];
      for (let i = 1; i <= q.length; i++) {
        const prefix = q.slice(0, i);
        const start = performance.now();
        input.value = prefix;
        input.dispatchEvent(new Event('input'));
        await new Promise<void>((resolve) => {
          const check = (): void => {
            const done = performance
              .getEntriesByName('ng-popup-results')
              .some((m) => (m as PerformanceMark).detail?.query === prefix && m.startTime >= start);
            if (done) resolve();
            else setTimeout(check, 0);
          };
          check();
        });
        times.push(performance.now() - start);
      }
      return times;
    }, query);
  }
}
