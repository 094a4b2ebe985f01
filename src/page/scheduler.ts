/**
 * Main-thread etiquette: run work in slices of a few milliseconds and yield between them
 * (`scheduler.yield()` where the browser has it, else a MessageChannel task).
 */

/**
 * Longest slice of work before yielding, in milliseconds: 5 ms leaves room in a 16 ms frame for
 * the page, and a slice stays under 50 ms even when a busy machine makes it run 5–10× slower.
 */
const SLICE_MS = 5;
/** Steps between two reads of the clock (a step is one text node or one mark: a few µs). */
const CHECK_EVERY = 4;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Gives the main thread back to the page for a moment. */
export function yieldToMain(win: Window & typeof globalThis = window): Promise<void> {
  const sched = (win as unknown as { scheduler?: SchedulerLike }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((resolve) => {
    const ch = new win.MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** Thrown (as a rejection) when sliced work is aborted. */
export class Aborted extends Error {
  constructor() {
    super('aborted');
    this.name = 'Aborted';
  }
}

/** Drives a generator in slices of at most `sliceMs`, yielding to the page between them. */
export async function runSliced(
  steps: Iterator<unknown>,
  signal: AbortSignal,
  win: Window & typeof globalThis = window,
  sliceMs = SLICE_MS,
): Promise<void> {
  for (;;) {
    if (signal.aborted) throw new Aborted();
    const end = win.performance.now() + sliceMs;
    let done = false;
    let n = 0;
    while (!done) {
      done = Boolean(steps.next().done);
      // performance.now() is cheap but not free: check every few steps.
      if (++n % CHECK_EVERY === 0 && win.performance.now() >= end) break;
    }
    if (done) return;
    await yieldToMain(win);
  }
}
