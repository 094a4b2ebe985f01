/**
 * The performance marks the popup leaves for the e2e tests: its code starts, the search box is
 * ready, everything is rendered, a query's results are shown (with `{ query, count }` as detail).
 */
export const MARK_START = 'ng-popup-start';
export const MARK_INTERACTIVE = 'ng-popup-interactive';
export const MARK_READY = 'ng-popup-ready';
export const MARK_RESULTS = 'ng-popup-results';
