/**
 * What the background's `analyze` answer carries to a page (src/extension/glossary-service.ts):
 * the entries mentioned and their related ones as a tooltip's card needs them, none the page says
 * it holds already, and always the article's own entries.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

Object.assign(globalThis, { browser: fakeBrowser });
const { createGlossaryService } = await import('../../src/extension/glossary-service');
const { bundledEntries } = await import('../../src/extension/bundled-glossary');
const service = createGlossaryService(() => ({ entries: bundledEntries(), user: 0 }));

const TEXT =
  'Japan and Britain signed the reciprocal access agreement, or RAA, as NATO leaders met. ' +
  'Chancellor Olaf Scholz spoke to NATO after the RAA was signed.';

describe('the analyze answer', () => {
  it('carries each entry mentioned, and its related ones, once, without aliases or details', async () => {
    const res = await service.analyze({ text: TEXT });
    const nato = bundledEntries().find((e) => e.id === 'nato')!;
    expect(nato.aliases?.length).toBeGreaterThan(0);
    expect(res.entries['nato']).toMatchObject({ id: 'nato', term: nato.term, summary: nato.summary, sources: nato.sources });
    expect(res.entries['nato']).not.toHaveProperty('aliases');
    expect(res.entries['olaf-scholz']?.periods).toEqual(bundledEntries().find((e) => e.id === 'olaf-scholz')!.periods);
    for (const id of bundledEntries().find((e) => e.id === 'olaf-scholz')!.related ?? []) expect(res.entries[id]?.id).toBe(id);
    for (const e of Object.values(res.entries)) expect(e).not.toHaveProperty('details');
  });

  it('leaves out the entries the page holds already, but still reports their mentions', async () => {
    const res = await service.analyze({ text: TEXT, known: ['nato', 'olaf-scholz'] });
    expect(res.matches.filter((m) => m.id === 'nato')).toHaveLength(2);
    expect(res.entries['nato']).toBeUndefined();
    expect(res.entries['olaf-scholz']).toBeUndefined();
  });

  it("always sends the article's own entries (another article may define the term otherwise)", async () => {
    const first = await service.analyze({ text: TEXT });
    const own = Object.keys(first.entries).filter((id) => id.startsWith('article:'));
    expect(own.length).toBeGreaterThan(0);
    const again = await service.analyze({ text: TEXT, known: Object.keys(first.entries) });
    expect(Object.keys(again.entries).sort()).toEqual(own.sort());
  });

  it('ignores a known list that is not a list of ids', async () => {
    const res = await service.analyze({ text: TEXT, known: 'nato' as unknown as string[] });
    expect(res.entries['nato']).toBeDefined();
  });
});
