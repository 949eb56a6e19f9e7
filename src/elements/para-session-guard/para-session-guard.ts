import { css, html, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isPresentable } from '../../core/state.js';
import { ParaElement } from '../base/para-element.js';
import { canTakeFocus, containsAcrossShadows, deepActiveElement, guardFallbackFocus } from '../shared/focus.js';
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

  private readonly session = new SessionConsumer(this, (context) => context.$accountQuestion?.listen(() => this.requestUpdate()) ?? (() => undefined));
  private readonly slots = new HasSlotController(this);

  /** Which slot is showing: `default`, `pending` or `fallback`. */
  get showing(): 'default' | 'pending' | 'fallback' {
    const state = this.session.state;
    // Signed in as another account than the one whose session ended: what the page shows was the previous
    // account's, so it stays hidden while the dialog asks which account goes on (the app re-renders for the new one).
    if (isPresentable(state) && !this.session.context?.$accountQuestion?.get()) return 'default';
    if (state.status === 'checking' && this.slots.test('pending')) return 'pending';
    return 'fallback';
  }

  /**
   * Where the page, the app's scroll containers around the guard and the scrolled parts of its content were
   * when the content gave way to the fallback: put back when it returns.
   */
  #scrollBeforeFallback: ScrollPlace[] | null = null;
  #shown: 'default' | 'pending' | 'fallback' | null = null;

  /** The control inside the content that had focus when the content gave way. */
  #focusBeforeFallback: HTMLElement | null = null;

  protected override willUpdate(_changed: PropertyValues): void {
    const next = this.showing;
    // The content leaving (an expiry, a sign-in again) shrinks the page and the browser scrolls it back up.
    if (this.#shown === 'default' && next !== 'default') {
      this.#scrollBeforeFallback = scrollPlaces(this);
      const focused = deepActiveElement();
      this.#focusBeforeFallback = focused && containsAcrossShadows(this, focused) ? focused : null;
    }
    this.#shown = next;
  }

  protected override updated(_changed: PropertyValues): void {
    this.#keepFocus();
    if (this.#shown !== 'default' || !this.#scrollBeforeFallback) return;
    const places = this.#scrollBeforeFallback;
    this.#scrollBeforeFallback = null;
    // Back where the user was, unless they scrolled somewhere else meanwhile (then that is where they want to be).
    for (const { scroller, x, y } of places) {
      if (scroller === null) {
        if (window.scrollY === 0 && window.scrollX === 0) window.scrollTo(x, y);
      } else if (scroller.isConnected && scroller.scrollTop === 0 && scroller.scrollLeft === 0) {
        scroller.scrollTo(x, y);
      }
    }
  }

  /**
   * The content hid the control the keyboard was on (the app's own "Sign out", or an expiry the app handles
   * itself): focus fell to the page, so it goes to what the guard shows instead ("Sign in"), as the dialog's own
   * Sign out does. A dialog that took focus meanwhile keeps it.
   */
  #keepFocus(): void {
    const saved = this.#focusBeforeFallback;
    this.#focusBeforeFallback = null;
    if (!saved || this.#shown === 'default' || canTakeFocus(saved)) return;
    // Still the hidden control (the browser moves focus off it only at its next rendering), or already the page.
    const active = deepActiveElement();
    if (active && active !== document.body && active !== saved) return;
    guardFallbackFocus(saved)?.focus();
  }

  protected override render() {
    // One template for every slot: hydration finds the server's (which showed the fallback) whatever the client shows first.
    const showing = this.showing;
    return this.rendered(html`<slot name=${ifDefined(showing === 'default' ? undefined : showing)}></slot>`);
  }
}

interface ScrollPlace {
  /** `null`: the page. */
  scroller: Element | null;
  x: number;
  y: number;
}

/** What is scrolled now around and inside `guard`: the page, its scrolled ancestors (across shadow roots), its content. */
function scrollPlaces(guard: HTMLElement): ScrollPlace[] {
  const places: ScrollPlace[] = [{ scroller: null, x: window.scrollX, y: window.scrollY }];
  const note = (element: Element) => {
    if (element.scrollTop !== 0 || element.scrollLeft !== 0) places.push({ scroller: element, x: element.scrollLeft, y: element.scrollTop });
  };
  for (let node: Element | null = guard.parentElement ?? hostOf(guard); node; node = node.parentElement ?? hostOf(node)) note(node);
  for (const element of guard.querySelectorAll(':scope > :not([slot]) *, :scope > :not([slot])')) note(element);
  return places;
}

const hostOf = (node: Node): Element | null => {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
};

declare global {
  interface HTMLElementTagNameMap {
    'para-session-guard': ParaSessionGuard;
  }
}
