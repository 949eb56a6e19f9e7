// Kept for older imports: Chromium discovery now lives with the other engines' in tools/browsers.js.
export { findChromium, chromiumArgs } from './browsers.js';
