/** End-to-end harness: real Chromium, the built extension, offline fixture pages. */
export * from './chromium';
export * from './extension';
export * from './pages';
export * from './trace';
export * from './tooltip';
export * from './plain';
export * from './kyodo';
export * from './firefox';
export * from './browsers';
