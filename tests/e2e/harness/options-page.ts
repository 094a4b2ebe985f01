/** The options page (options.html) in real Chromium, as a user sees it: "My glossary"'s import. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openOptions, type ExtensionHarness } from './extension';
import { FIXTURES_DIR } from './pages';

/** Glossary files to import (tests/fixtures/imports). */
const IMPORTS_DIR = join(FIXTURES_DIR, 'imports');

/** The options page, as a user sees it. */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  /** Opens options.html and waits until "My glossary" shows what is stored. */
  static async open(harness: ExtensionHarness): Promise<OptionsPage> {
    const page = await openOptions(harness.context, harness.extensionId);
    await page.locator('#my-info').filter({ hasText: /\S/ }).waitFor();
    return new OptionsPage(page);
  }

  /** Where a refused import is explained. */
  get alert() {
    return this.page.locator('#import-errors[role=alert]');
  }

  /** The import's status line. */
  get status() {
    return this.page.locator('#import-status');
  }

  /** Chooses a file to import (by default tests/fixtures/imports/`name`). */
  async importFile(name: string, buffer: Buffer = readFileSync(join(IMPORTS_DIR, name))): Promise<void> {
    await this.page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
  }
}
