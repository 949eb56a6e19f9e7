// Playwright-shaped locators (getByRole, getByLabel, getByText, locator, filter) for the engines that
// Playwright cannot drive here. A backend runs the in-page query and performs the actions.
import { queryChain } from './locator-query.js';

const QUERY_SOURCE = queryChain.toString();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A string or RegExp as plain data for the page. */
const pattern = (value) => (value instanceof RegExp ? { source: value.source, flags: value.flags } : value);

/** An expression that evaluates, in the page, to the matches of `chain` (`{ el, visible }[]`). */
export const queryExpression = (chain) => `(${QUERY_SOURCE})(${JSON.stringify(chain)})`;

export class Locator {
  /** @param backend `{ count(chain), act(chain, action, value) }` */
  constructor(backend, chain) {
    this.backend = backend;
    this.chain = chain;
  }
  #then(step) {
    return new Locator(this.backend, [...this.chain, step]);
  }
  getByRole(role, { name, level } = {}) {
    return this.#then({ kind: 'role', role, name: pattern(name), level });
  }
  getByLabel(text) {
    return this.#then({ kind: 'label', text: pattern(text) });
  }
  getByText(text) {
    return this.#then({ kind: 'text', text: pattern(text) });
  }
  locator(selector) {
    return this.#then({ kind: 'css', selector });
  }
  filter({ hasText }) {
    return this.#then({ kind: 'has-text', text: pattern(hasText) });
  }
  toString() {
    return this.chain.map((step) => `${step.kind}(${JSON.stringify(step.role ?? step.selector ?? step.text ?? '')}${step.name ? `, ${JSON.stringify(step.name)}` : ''})`).join(' › ');
  }
  async isVisible() {
    const { visible } = await this.backend.count(this.chain);
    return visible > 0;
  }
  /** Like Playwright's: `visible` (default), `hidden`, `attached` or `detached`, within `timeout` ms. */
  async waitFor({ state = 'visible', timeout = 30_000 } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const { all, visible } = await this.backend.count(this.chain);
      const done = { visible: visible > 0, hidden: visible === 0, attached: all > 0, detached: all === 0 }[state];
      if (done) return;
      if (Date.now() >= until) throw new Error(`locator ${this} did not become ${state} within ${timeout} ms`);
      await sleep(100);
    }
  }
  async #actOnVisible(action, value, timeout = 30_000) {
    await this.waitFor({ state: 'visible', timeout });
    return this.backend.act(this.chain, action, value);
  }
  click() {
    return this.#actOnVisible('click');
  }
  fill(value) {
    return this.#actOnVisible('fill', value);
  }
  inputValue() {
    return this.#actOnVisible('inputValue');
  }
  async textContent() {
    await this.waitFor({ state: 'attached' });
    return this.backend.act(this.chain, 'textContent');
  }
}

/** In-page actions other than a real click: the same in every engine. */
export function pageAction(action, value) {
  return `((el) => {
    const action = ${JSON.stringify(action)};
    if (action === 'textContent') return el.textContent;
    if (action === 'inputValue') return el.value;
    if (action === 'fill') {
      el.focus();
      // The native setter, so frameworks that wrap the value property still see the change.
      const proto = Object.getPrototypeOf(el);
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, ${JSON.stringify(value ?? '')});
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return null;
    }
    if (action === 'click') {
      el.focus?.();
      el.click();
      return null;
    }
    throw new Error('unknown action ' + action);
  })`;
}
