// WebKit (WebKitGTK's MiniBrowser, or Safari) through classic W3C WebDriver, behind the part of
// Playwright's Browser / Context / Page API the suites use. A driver holds one session, so each browser
// context is its own driver + MiniBrowser (own storage, as a Playwright context); each page is a window.
// What classic WebDriver cannot do is done the nearest real way, and said so in `limits`.
import { startWebKitDriver, stopDisplay } from '../../tools/webkit-driver.js';
import { Locator, pageAction, queryExpression } from './locator.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class WebDriverBrowser {
  engine = 'webkit';
  contexts = new Set();
  versionString = '';
  /** Said once per run by whoever prints the engine line. */
  limits = [
    'no preload scripts in classic WebDriver: init scripts run right after each page load',
    'no page error / console events: an in-page recorder reports them once the page has loaded',
  ];
  version() {
    return this.versionString;
  }
  async newContext() {
    const driver = await startWebKitDriver();
    const context = new WebDriverContext(driver, this);
    try {
      const session = await context.command('POST', '/session', { capabilities: { alwaysMatch: driver.capabilities } }, false);
      context.sessionId = session.sessionId;
      this.versionString = `${session.capabilities.browserName} ${session.capabilities.browserVersion}`;
    } catch (error) {
      await driver.stop();
      throw error;
    }
    this.contexts.add(context);
    return context;
  }
  async close() {
    await Promise.all([...this.contexts].map((context) => context.close()));
    await stopDisplay();
  }
}

class WebDriverContext {
  constructor(driver, browser) {
    this.driver = driver;
    this.browser = browser;
    this.sessionId = null;
    this.pages = [];
    this.current = null;
    this.queue = Promise.resolve();
    this.firstWindowUsed = false;
  }
  /** One raw WebDriver command; errors carry the driver's message. */
  async command(method, path, body, inSession = true) {
    const url = `${this.driver.url}${inSession ? `/session/${this.sessionId}` : ''}${path}`;
    const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const { value } = await response.json();
    if (!response.ok || value?.error) throw new Error(`WebDriver ${method} ${path}: ${value?.error ?? response.status}: ${value?.message ?? ''}`);
    return value;
  }
  /** Runs `work` with `handle` as the current window; one at a time, since the current window is session-wide. */
  inWindow(handle, work) {
    const run = this.queue.then(async () => {
      if (this.current !== handle) {
        await this.command('POST', '/window', { handle });
        this.current = handle;
      }
      return work();
    });
    this.queue = run.catch(() => {});
    return run;
  }
  handles() {
    return this.command('GET', '/window/handles');
  }
  async newPage() {
    let handle;
    if (!this.firstWindowUsed) {
      this.firstWindowUsed = true;
      handle = await this.command('GET', '/window');
    } else {
      // A window, not a tab: a background tab would be hidden, and Playwright's pages are all visible.
      handle = (await this.command('POST', '/window/new', { type: 'window' })).handle;
    }
    const page = new WebDriverPage(this, handle);
    this.pages.push(page);
    return page;
  }
  async close() {
    if (!this.browser.contexts.delete(this)) return;
    for (const page of this.pages) page.stopWatching();
    await this.command('DELETE', '').catch(() => {});
    await this.driver.stop();
  }
}

/** Collects uncaught errors and console.error calls in the page, for pollers in Node. */
function installRecorder() {
  if (window.__engineEvents) return;
  window.__engineEvents = [];
  const push = (kind, text) => window.__engineEvents.push({ kind, text });
  addEventListener('error', (event) => push('pageerror', event.message));
  addEventListener('unhandledrejection', (event) => push('pageerror', String(event.reason?.message ?? event.reason)));
  for (const type of ['error', 'warn']) {
    const original = console[type].bind(console);
    console[type] = (...args) => {
      push(type === 'warn' ? 'warning' : 'error', args.map(String).join(' '));
      original(...args);
    };
  }
}

class WebDriverPage {
  engine = 'webkit';
  constructor(context, handle) {
    this.ctx = context;
    this.handle = handle;
    this.initScripts = [installRecorder];
    this.listeners = { pageerror: [], console: [] };
    this.closed = false;
    this.poller = null;
    this.backend = {
      count: (chain) => this.#execute(`const m = ${queryExpression(chain)}; return { all: m.length, visible: m.filter((x) => x.visible).length };`),
      act: (chain, action, value) => this.#act(chain, action, value),
    };
    this.root = new Locator(this.backend, []);
  }
  #execute(body, args = []) {
    return this.ctx.inWindow(this.handle, () => this.ctx.command('POST', '/execute/sync', { script: body, args }));
  }
  async #act(chain, action, value) {
    const element = await this.#execute(`const m = ${queryExpression(chain)}; return (m.find((x) => x.visible) ?? m[0])?.el ?? null;`);
    if (!element) throw new Error(`no element for ${new Locator(null, chain)}`);
    if (action === 'click') {
      // In view first (the driver refuses an element below the fold as "not interactable"), then the
      // driver's own click: real input events and user activation, as a user's click.
      await this.#execute('arguments[0].scrollIntoView({ block: "center" }); return null;', [element]);
      return this.ctx.inWindow(this.handle, () => this.ctx.command('POST', `/element/${element[ELEMENT]}/click`, {}));
    }
    return this.#execute(`return ${pageAction(action, value)}(arguments[0]);`, [element]);
  }
  context() {
    return this.ctx;
  }
  async goto(url) {
    await this.ctx.inWindow(this.handle, () => this.ctx.command('POST', '/url', { url }));
    await this.#runInitScripts();
    return null; // classic WebDriver does not expose the response
  }
  async #runInitScripts() {
    for (const fn of this.initScripts) await this.#execute(`return (${fn})();`);
  }
  url() {
    return this.ctx.inWindow(this.handle, () => this.ctx.command('GET', '/url'));
  }
  /** Playwright's evaluate(fn, arg): the function's result, awaited in the page. */
  evaluate(fn, arg) {
    return this.#execute(`return (${fn})(arguments[0]);`, [arg ?? null]);
  }
  async waitForFunction(fn, arg, { timeout = 30_000 } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return { jsonValue: async () => value };
      if (Date.now() >= until) throw new Error(`waitForFunction: still false after ${timeout} ms: ${String(fn).slice(0, 120)}`);
      await sleep(100);
    }
  }
  async addInitScript(fn) {
    this.initScripts.push(fn);
  }
  on(event, listener) {
    this.listeners[event === 'console' ? 'console' : 'pageerror'].push(listener);
    this.poller ??= setInterval(() => void this.drainEvents(), 500);
    return this;
  }
  async drainEvents() {
    if (this.closed) return;
    const events = await this.#execute('const e = window.__engineEvents ?? []; window.__engineEvents = []; return e;').catch(() => []);
    for (const { kind, text } of events) {
      if (kind === 'pageerror') for (const listener of this.listeners.pageerror) listener(new Error(text));
      else for (const listener of this.listeners.console) listener({ type: () => kind, text: () => text });
    }
  }
  stopWatching() {
    clearInterval(this.poller);
    this.poller = null;
  }
  /** 'popup': a window that appears after now; 'close': this window goes away. */
  async waitForEvent(event, { timeout = 30_000 } = {}) {
    const until = Date.now() + timeout;
    const known = new Set(this.ctx.pages.map((page) => page.handle));
    for (;;) {
      const handles = await this.ctx.handles();
      if (event === 'close' && !handles.includes(this.handle)) return this.#markClosed();
      if (event === 'popup') {
        const fresh = handles.find((handle) => !known.has(handle));
        if (fresh) {
          const popup = new WebDriverPage(this.ctx, fresh);
          this.ctx.pages.push(popup);
          await popup.waitForLoadState().catch(() => {});
          await popup.#runInitScripts().catch(() => {});
          return popup;
        }
      }
      if (Date.now() >= until) throw new Error(`no ${event} event within ${timeout} ms`);
      await sleep(100);
    }
  }
  #markClosed() {
    this.closed = true;
    this.stopWatching();
    if (this.ctx.current === this.handle) this.ctx.current = null;
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
  waitForLoadState() {
    return this.waitForFunction(() => document.readyState !== 'loading', null);
  }
  isClosed() {
    return this.closed;
  }
  async close() {
    if (this.closed) return;
    await this.drainEvents();
    await this.ctx.inWindow(this.handle, () => this.ctx.command('DELETE', '/window'));
    this.#markClosed();
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
