// @vitest-environment happy-dom
/**
 * Main-thread etiquette (src/page/scheduler.ts): long work runs in slices and gives the page its
 * turn between them, and stops when the glossary is turned off. The clock is a fake, so nothing
 * here depends on how fast the machine is.
 */
import { describe, expect, it, vi } from 'vitest';
import { Aborted, runSliced, yieldToMain } from '../../src/page/scheduler';

/** A window whose clock moves 1 ms each time it is read, and whose scheduler.yield() is counted. */
function fakeWindow(onYield: () => void = () => {}) {
  let now = 0;
  const win = {
    performance: { now: () => now++ },
    scheduler: {
      yield: vi.fn(() => {
        onYield();
        return Promise.resolve();
      }),
    },
    MessageChannel,
  };
  return win as unknown as Window & typeof globalThis & { scheduler: { yield: ReturnType<typeof vi.fn> } };
}

function* steps(log: string[], n: number): Generator<void> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
}

describe('sliced work', () => {
  it('does every step, giving the page its turn between slices of a few milliseconds', async () => {
    const log: string[] = [];
    const win = fakeWindow(() => log.push('page'));
    await runSliced(steps(log, 100), new AbortController().signal, win, 5);
    expect(log.filter((l) => l.startsWith('step'))).toHaveLength(100);
    // The clock passes 5 ms after some steps: the page gets its turns during the work, not only at the end.
    const turns = log.flatMap((l, i) => (l === 'page' ? [i] : []));
    expect(turns.length).toBeGreaterThanOrEqual(4);
    expect(turns[0]).toBeGreaterThan(0);
    expect(turns[0]).toBeLessThan(30);
  });

  it('finishes short work without yielding', async () => {
    const win = fakeWindow();
    await runSliced(steps([], 3), new AbortController().signal, win, 50);
    expect(win.scheduler.yield).not.toHaveBeenCalled();
  });

  it('does nothing once aborted, and stops between slices when aborted meanwhile', async () => {
    const before = new AbortController();
    before.abort();
    const none: string[] = [];
    await expect(runSliced(steps(none, 10), before.signal, fakeWindow())).rejects.toBeInstanceOf(Aborted);
    expect(none).toEqual([]);

    const during = new AbortController();
    const some: string[] = [];
    const win = fakeWindow(() => during.abort());
    await expect(runSliced(steps(some, 100), during.signal, win, 5)).rejects.toBeInstanceOf(Aborted);
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(100);
  });

  it('yields with scheduler.yield() where the browser has it, else with a message to itself', async () => {
    const win = fakeWindow();
    await yieldToMain(win);
    expect(win.scheduler.yield).toHaveBeenCalledTimes(1);
    const order: string[] = [];
    const yielded = yieldToMain(window).then(() => order.push('after the yield'));
    order.push('before');
    await yielded;
    expect(order).toEqual(['before', 'after the yield']);
  });
});
