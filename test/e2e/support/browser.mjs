// Launches the engines the end-to-end suites drive (nothing downloads a browser): Chromium through
// playwright-core; Firefox and WebKit through test/browsers/launch.mjs, behind the same page API.
import { chromiumArgs } from '../../../tools/browsers.js';
import { launchEngine } from '../../browsers/launch.mjs';

export const CHROMIUM_ARGS = chromiumArgs;

/** The system Chromium (CHROME_PATH, or the usual install paths of this OS). */
export function launchChromium() {
  return launchEngine('chromium');
}

export { launchEngine };
