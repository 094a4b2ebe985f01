// @vitest-environment happy-dom
/**
 * Watching a page change (src/page/observers.ts): what the page adds or rewrites is handed over
 * after a quiet moment, outermost subtrees only, never the extension's own nodes, and no more
 * than a budget of characters a second. Timers and the clock are fakes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeWatcher, type ChangeBatch } from '../../src/page/observers';

let clock = 0;
const win = { MutationObserver: window.MutationObserver, performance: { now: () => clock } } as unknown as Window &
  typeof globalThis;

let batches: ChangeBatch[];
let watcher: ChangeWatcher;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  clock = 10_000;
  batches = [];
  document.body.replaceChildren();
});

afterEach(() => {
  watcher?.disconnect();
  vi.useRealTimers();
});

function watch(options: ConstructorParameters<typeof ChangeWatcher>[2] = {}): void {
  watcher = new ChangeWatcher(win, (b) => batches.push(b), { debounceMs: 250, ...options });
  watcher.observe(document);
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** Lets `ms` pass on the fake clock and timers (mutation records arrive first). */
async function wait(ms: number): Promise<void> {
  await Promise.resolve();
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

const texts = (b: ChangeBatch | undefined): (string | null)[] => (b?.roots ?? []).map((n) => n.textContent);

describe('the change watcher', () => {
  it('hands over added content once the page has been quiet, outermost subtrees only', async () => {
    watch();
    const section = document.createElement('section');
    document.body.append(section);
    section.append(paragraph('First story.'));
    section.append(paragraph('Second story.'));
    await wait(100);
    expect(batches).toEqual([]);
    await wait(200);
    expect(batches).toHaveLength(1);
    expect(texts(batches[0])).toEqual(['First story.Second story.']);
  });

  it('reports text changed in place, unless it is inside added content', async () => {
    const p = paragraph('Old text.');
    document.body.append(p);
    watch();
    (p.firstChild as Text).data = 'New text about NATO.';
    await wait(300);
    expect(batches[0]?.changedText.map((t) => t.data)).toEqual(['New text about NATO.']);
    expect(batches[0]?.roots).toEqual([]);

    const added = paragraph('Added.');
    document.body.append(added);
    (added.firstChild as Text).data = 'Added, then edited.';
    await wait(300);
    expect(texts(batches[1])).toEqual(['Added, then edited.']);
    expect(batches[1]?.changedText).toEqual([]);
  });

  it('ignores the nodes it is told to, and content removed before it was read', async () => {
    const own = document.createElement('aside');
    own.textContent = 'The extension’s own text.';
    document.body.append(own);
    watch({ ignore: (n) => Boolean((n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest('aside')) });
    (own.firstChild as Text).data = 'Its text, changed.';
    document.body.append(document.createElement('aside'));
    const gone = paragraph('Shown for a moment.');
    document.body.append(gone);
    gone.remove();
    await wait(300);
    expect(batches).toEqual([]);
  });

  it('hands over at most its budget of characters a second; the rest follows a second later', async () => {
    watch({ charsPerSecond: 25 });
    const parts = ['Twenty characters 1.', 'Twenty characters 2.', 'Twenty characters 3.'];
    for (const text of parts) document.body.append(paragraph(text));
    await wait(300);
    expect(texts(batches[0])).toEqual([parts[0]]);
    await wait(300);
    expect(batches).toHaveLength(1);
    await wait(800);
    expect(texts(batches[1])).toEqual([parts[1]]);
    await wait(1000);
    expect(texts(batches[2])).toEqual([parts[2]]);
  });

  it('hands over nothing more once disconnected', async () => {
    watch();
    document.body.append(paragraph('Before the stop.'));
    await Promise.resolve();
    watcher.disconnect();
    document.body.append(paragraph('After the stop.'));
    await wait(2000);
    expect(batches).toEqual([]);
  });
});
