import { LitElement, css, type CSSResultGroup } from 'lit';

/**
 * The base of every kit element: shared host styles, a typed `emit`, and a registration guard so a
 * page that loads the kit twice (two bundles, a micro-frontend) does not throw on `define`.
 */
export class ParaElement extends LitElement {
  static override styles: CSSResultGroup = css`
    :host {
      box-sizing: border-box;
    }
    :host([hidden]) {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
  `;

  /** Registers `tag` unless something is already registered under it. */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** Dispatches a kit event from this element and returns it, so callers can read `defaultPrevented`. */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /**
   * Keeps a property value set on the element before its class was defined: Lit's accessor on the
   * prototype is shadowed by the own property until it is removed and set again.
   */
  protected upgradeProperty(name: string): void {
    if (!Object.prototype.hasOwnProperty.call(this, name)) return;
    const record = this as unknown as Record<string, unknown>;
    const value = record[name];
    delete record[name];
    record[name] = value;
  }
}
