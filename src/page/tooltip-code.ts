/**
 * The tooltip library's hand-over. tippy.js, Popper and their CSS are half of the content
 * script's code, yet only a reader who hovers a term needs them. They are built as a script of
 * their own (entrypoints/tooltip-library.ts, src/page/tooltip-library.ts), which the background
 * runs in the content script's world when asked (the `loadTooltipCode` message), so a page's
 * first task neither compiles nor runs them (issue #15). The script leaves the library under a
 * symbol of this world, where page scripts cannot see it; this module reads it.
 */
import type tippy from 'tippy.js';

/** The tooltip library: tippy.js and the CSS of its box and of the entry card. */
export interface TooltipCode {
  tippy: typeof tippy;
  css: string;
}

/** Loads the tooltip library (once; a failed load may be tried again). */
export type TooltipCodeLoader = () => Promise<TooltipCode>;

const SLOT = Symbol.for('news-glossary.tooltip-code');

type Scope = { [SLOT]?: TooltipCode };

/** Leaves the library where `takeTooltipCode` finds it (the tooltip-library script does this). */
export function publishTooltipCode(code: TooltipCode, scope: object = globalThis): void {
  (scope as Scope)[SLOT] = code;
}

/** The library, if the tooltip-library script has run in this world. */
function takeTooltipCode(scope: object = globalThis): TooltipCode | undefined {
  return (scope as Scope)[SLOT];
}

/**
 * A loader that asks `inject` to run the tooltip-library script (the background does, in this
 * frame) unless it has run already, then reads what it left.
 */
export function injectedTooltipCode(inject: () => Promise<unknown>, scope: object = globalThis): TooltipCodeLoader {
  return async () => {
    const ready = takeTooltipCode(scope);
    if (ready) return ready;
    await inject();
    const code = takeTooltipCode(scope);
    if (!code) throw new Error('the tooltip library did not load in this page');
    return code;
  };
}
