// Firefox through puppeteer-core over WebDriver BiDi, behind the part of Playwright's Browser / Context /
// Page API the suites use, so one scenario file runs in every engine.
import { Locator, pageAction, queryExpression } from './locator.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class PuppeteerBrowser {
  constructor(browser, engine) {
    this.browser = browser;
    this.engine = engine;
    this.versionString = '';
  }
  static async launch(puppeteer, options, engine) {
    const wrapped = new PuppeteerBrowser(await puppeteer.launch(options), engine);
    wrapped.versionString = (await wrapped.browser.version()).replace(/^firefox\//i, '');
    return wrapped;
  }
  version() {
    return this.versionString;
  }
  async newContext() {
    return new PuppeteerContext(await this.browser.createBrowserContext(), this.engine);
  }
  close() {
    return this.browser.close();
  }
}

class PuppeteerContext {
  #initScripts = [];
  constructor(context, engine) {
    this.raw = context;
    this.engine = engine;
  }
  async newPage() {
    // A window each, not a tab: a background tab is hidden, and Playwright's pages are all visible.
    const page = await this.raw.newPage({ type: 'window' });
    for (const fn of this.#initScripts) await page.evaluateOnNewDocument(fn);
    return new PuppeteerPage(page, this);
  }
  /** As Playwright's: runs before the page's own scripts in every page opened from now on. */
  async addInitScript(fn) {
    this.#initScripts.push(fn);
  }
  close() {
    return this.raw.close();
  }
}

class PuppeteerPage {
  constructor(page, context) {
    this.raw = page;
    this.ctx = context;
    this.engine = context.engine;
    this.backend = {
      count: async (chain) => this.raw.evaluate(`(() => { const m = ${queryExpression(chain)}; return { all: m.length, visible: m.filter((x) => x.visible).length }; })()`),
      act: (chain, action, value) => this.#act(chain, action, value),
    };
    this.root = new Locator(this.backend, []);
  }
  async #act(chain, action, value) {
    const handle = await this.raw.evaluateHandle(`${queryExpression(chain)}.find((x) => x.visible)?.el ?? ${queryExpression(chain)}[0]?.el ?? null`);
    const element = handle.asElement();
    if (!element) throw new Error(`no element for ${new Locator(null, chain)}`);
    try {
      // A real pointer click (focus, user activation for popups); the rest is the same in-page code everywhere.
      if (action === 'click') return await element.click();
      return await element.evaluate(new Function(`return ${pageAction(action, value)}`)());
    } finally {
      await handle.dispose().catch(() => {});
    }
  }
  context() {
    return this.ctx;
  }
  goto(url, { timeout } = {}) {
    return this.raw.goto(url, timeout ? { timeout } : undefined);
  }
  evaluate(fn, arg) {
    return this.raw.evaluate(fn, arg);
  }
  waitForFunction(fn, arg, { timeout = 30_000 } = {}) {
    return this.raw.waitForFunction(fn, { timeout, polling: 100 }, arg);
  }
  addInitScript(fn) {
    return this.raw.evaluateOnNewDocument(fn);
  }
  on(event, listener) {
    if (event === 'console') {
      // Playwright says 'warning' where puppeteer says 'warn'.
      this.raw.on('console', (message) => listener({ type: () => (message.type() === 'warn' ? 'warning' : message.type()), text: () => message.text() }));
    } else {
      this.raw.on(event, listener);
    }
    return this;
  }
  waitForEvent(event, { timeout = 30_000 } = {}) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} event within ${timeout} ms`)), timeout);
      this.raw.once(event, (value) => {
        clearTimeout(timer);
        resolve(event === 'popup' ? new PuppeteerPage(value, this.ctx) : value);
      });
    });
  }
  /** The page's own location: over BiDi, puppeteer's url() of a popup can stay about:blank after it navigates. */
  async url() {
    return this.raw.evaluate(() => location.href).catch(() => this.raw.url());
  }
  async waitForURL(pattern, { timeout = 30_000 } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const url = await this.url();
      if (pattern instanceof RegExp ? pattern.test(url) : url === pattern) return;
      if (Date.now() >= until) throw new Error(`page URL ${url} never matched ${pattern} within ${timeout} ms`);
      await sleep(100);
    }
  }
  async waitForLoadState() {
    await this.raw.waitForFunction(() => document.readyState !== 'loading', { timeout: 30_000, polling: 100 });
  }
  isClosed() {
    return this.raw.isClosed();
  }
  /** `runBeforeUnload`: close as a user does, running the page's unload handlers (`pagehide`); without it Firefox may skip them. */
  close(options = {}) {
    return this.raw.close({ runBeforeUnload: options.runBeforeUnload === true });
  }
  getByRole(role, options) {
    return this.root.getByRole(role, options);
  }
  getByLabel(text) {
    return this.root.getByLabel(text);
  }
  getByText(text) {
    return this.root.getByText(text);
  }
  locator(selector) {
    return this.root.locator(selector);
  }
}
