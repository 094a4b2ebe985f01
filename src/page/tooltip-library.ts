/**
 * The tooltip library itself: tippy.js with its CSS and the entry card's. Imported only by the
 * tooltip-library script (entrypoints/tooltip-library.ts) and by tests: never by the content
 * script, whose bundle it would join (see tooltip-code.ts).
 */
import tippy from 'tippy.js';
import tippyCss from 'tippy.js/dist/tippy.css?inline';
import cardCss from '../ui/entry-card.css?inline';
import type { TooltipCode } from './tooltip-code';

/** tippy.js and the CSS the tooltip's shadow root needs. */
export function tooltipLibrary(): TooltipCode {
  return { tippy, css: `${tippyCss}\n${cardCss}` };
}
