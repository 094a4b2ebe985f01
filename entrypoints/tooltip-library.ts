import { publishTooltipCode } from '../src/page/tooltip-code';
import { tooltipLibrary } from '../src/page/tooltip-library';

// Run by the background in a page's content-script world when its first tooltip is wanted
// (src/page/tooltip-code.ts): hands tippy.js and the tooltip's CSS to the content script.
export default defineUnlistedScript(() => {
  publishTooltipCode(tooltipLibrary());
});
