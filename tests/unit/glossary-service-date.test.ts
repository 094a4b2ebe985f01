/**
 * The article's date as the background's glossary service receives it in the content script's
 * `analyze` message (the e2e test `tests/e2e/article-date.test.ts` sends it from a real page): a
 * page dated before an event began is not linked to it; a date that is not a calendar date is
 * dropped, not trusted.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

Object.assign(globalThis, { browser: fakeBrowser });
const { createGlossaryService } = await import('../../src/extension/glossary-service');
const { bundledEntries } = await import('../../src/extension/bundled-glossary');
const service = createGlossaryService(() => ({ entries: bundledEntries(), user: 0 }));

const TEXT = 'The war in Gaza entered its third week as talks in Cairo stalled.';
const ids = async (req: { text: string; date?: string }): Promise<string[]> =>
  (await service.analyze(req)).matches.map((m) => m.id);

describe('analyze with the article date', () => {
  it('does not link a page dated before an event began to that event', async () => {
    expect(await ids({ text: TEXT, date: '2014-07-20' })).toEqual(['cairo']);
    expect(await ids({ text: TEXT, date: '2024-01-20' })).toEqual(['gaza-war', 'cairo']);
  });

  it('without a date, or with one that is not a calendar date, every event may be meant', async () => {
    expect(await ids({ text: TEXT })).toContain('gaza-war');
    expect(await ids({ text: TEXT, date: '2014-13-45' })).toContain('gaza-war');
    expect(await ids({ text: TEXT, date: '<b>2014</b>' })).toContain('gaza-war');
  });
});
