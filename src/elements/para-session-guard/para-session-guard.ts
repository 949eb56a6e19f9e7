import { css, html, type PropertyValues } from 'lit';
import { isPresentable } from '../../core/state.js';
import { ParaElement } from '../base/para-element.js';
import { HasSlotController } from '../shared/has-slot-controller.js';
import { SessionConsumer } from '../shared/session-consumer.js';

/**
 * @tag para-session-guard
 * @summary Shows its content only while the session is usable (or offline with a known session),
 * a fallback otherwise, and a pending slot while the first check runs.
 *
 * @slot - Shown while the session is usable: `active`, `expiring`, or `offline` with a known session.
 * @slot fallback - Shown when it is not: no session, signed out, expired, signing in again.
 * @slot pending - Shown while the session is being checked; falls back to `fallback` when empty.
 */
export class ParaSessionGuard extends ParaElement {
  static override styles = [ParaElement.styles, css`:host { display: contents; }`];

  private readonly session = new SessionConsumer(this);
  private readonly slots = new HasSlotController(this);

  /** Which slot is showing: `default`, `pending` or `fallback`. */
  get showing(): 'default' | 'pending' | 'fallback' {
    const state = this.session.state;
    if (isPresentable(state)) return 'default';
    if (state.status === 'checking' && this.slots.test('pending')) return 'pending';
    return 'fallback';
  }

  /** Where the page was scrolled when the content gave way to the fallback: put back when it returns. */
  #scrollBeforeFallback: { x: number; y: number } | null = null;
  #shown: 'default' | 'pending' | 'fallback' | null = null;

  protected override willUpdate(_changed: PropertyValues): void {
    const next = this.showing;
    // The content leaving (an expiry, a sign-in again) shrinks the page and the browser scrolls it back up.
    if (this.#shown === 'default' && next !== 'default') this.#scrollBeforeFallback = { x: window.scrollX, y: window.scrollY };
    this.#shown = next;
  }

  protected override updated(_changed: PropertyValues): void {
    if (this.#shown !== 'default' || !this.#scrollBeforeFallback) return;
    const { x, y } = this.#scrollBeforeFallback;
    this.#scrollBeforeFallback = null;
    // Back where the user was, unless they scrolled somewhere else meanwhile (then that is where they want to be).
    if (window.scrollY === 0 && window.scrollX === 0) window.scrollTo(x, y);
  }

  protected override render() {
    switch (this.showing) {
      case 'default':
        return html`<slot></slot>`;
      case 'pending':
        return html`<slot name="pending"></slot>`;
      default:
        return html`<slot name="fallback"></slot>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'para-session-guard': ParaSessionGuard;
  }
}
