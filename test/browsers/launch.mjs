// One launcher for the suites that drive whole pages (real tabs, end to end): Chromium through
// playwright-core, Firefox through puppeteer-core over WebDriver BiDi, WebKit through its WebDriver.
// All three come back with the same Playwright-shaped Browser API; none downloads a browser.
import { chromium } from 'playwright-core';
import * as puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium, findFirefox, findWebKit } from '../../tools/browsers.js';
import { PuppeteerBrowser } from './puppeteer-browser.mjs';
import { WebDriverBrowser } from './webdriver-browser.mjs';

export const LABELS = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** Launches `engine`; the result has `engine`, `version()`, `newContext()`, `close()` and `limits` (what it cannot do). */
export async function launchEngine(engine) {
  if (engine === 'chromium') {
    const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
    return Object.assign(browser, { engine, limits: [] });
  }
  if (engine === 'firefox') {
    const browser = await PuppeteerBrowser.launch(puppeteer, { browser: 'firefox', executablePath: findFirefox(), headless: true }, engine);
    browser.limits = [];
    return browser;
  }
  if (engine === 'webkit') {
    findWebKit(); // fails here, with the install command, rather than inside the first context
    return new WebDriverBrowser();
  }
  throw new Error(`unknown engine ${engine}`);
}
