import { LitElement, css, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

/** The attributes each element said it cannot read, so a move (out of the page and back) says nothing again. */
const saidAttributes = new WeakMap<Element, Set<string>>();

/** A property set by the page: anything but its unset defaults (`undefined`, an empty options or texts object). */
const hasValue = (value: unknown): boolean =>
  value !== undefined && value !== null && !(typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).length === 0);

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

  override connectedCallback(): void {
    super.connectedCallback();
    this.#sayPropertiesWrittenAsAttributes();
  }

  /** Bumped once after hydration: the template is then rendered afresh (see `rendered`). */
  #generation = 0;
  #fromServer = false;

  /** A shadow root already there is the server's (declarative shadow DOM), which Lit's hydration adopts. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    this.#fromServer = this.shadowRoot !== null;
    return super.createRenderRoot();
  }

  /**
   * Hydration takes the client's first render to be what the server wrote, and writes none of it. The server
   * knows neither the page's language (an ancestor's `lang`) nor the session, so what differs (lang, dir, the
   * status in words, a text a directive keeps) would stay the server's until it changes again, some never: a
   * hydrated status showed no time left and announced nothing. Rendered afresh once, everything is the client's.
   */
  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    if (!this.#fromServer) return;
    this.#generation += 1;
    // Not from inside this update: a change requested in it would be a second update Lit warns about.
    queueMicrotask(() => this.requestUpdate());
  }

  /** What `render()` returns: its template, rendered afresh once after hydration. */
  protected rendered(template: TemplateResult): unknown {
    return keyed(this.#generation, template);
  }

  /** Where the element's console notices go (`<para-session>` sends them to its `engineOptions.warn`). */
  protected say(message: string): void {
    console.warn(message);
  }

  /**
   * A framework that renders before the tag is defined (React 19, Preact, Vue without `.prop`) writes an object
   * or function prop as an attribute ("[object Object]"): the element never gets it, and would say nothing
   * (`<para-session>` without its client stays idle). Said unless the property got a value all the same.
   */
  #sayPropertiesWrittenAsAttributes(): void {
    for (const [name, options] of (this.constructor as typeof LitElement).elementProperties) {
      if (typeof name !== 'string' || options.attribute !== false || options.state || hasValue((this as unknown as Record<string, unknown>)[name])) continue;
      const attribute = [name.toLowerCase(), name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)].find((candidate) => this.hasAttribute(candidate));
      if (attribute === undefined || saidAttributes.get(this)?.has(attribute)) continue;
      saidAttributes.set(this, (saidAttributes.get(this) ?? new Set()).add(attribute));
      this.say(
        `<${this.localName}>: ${attribute} is set as an attribute, which holds only text; set the .${name} property ` +
          '(in React, import the kit before the first render, so the tag is defined when React sets it).',
      );
    }
  }

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
