import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Answers "does the light DOM fill this slot?" and re-renders the host when the answer may have
 * changed: on `slotchange`, and on child or `slot` attribute changes (a slot that is not rendered
 * gets no `slotchange`).
 */
export class HasSlotController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();
  #observer: MutationObserver | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Whether a child element (or non-blank text, for the default slot `''`) is assigned to `name`. */
  test(name: string): boolean {
    return [...this.host.childNodes].some((node) => {
      if (node.nodeType === Node.TEXT_NODE) return name === '' && node.textContent!.trim() !== '';
      return node instanceof Element && (node.getAttribute('slot') ?? '') === name;
    });
  }

  hostConnected(): void {
    this.host.shadowRoot?.addEventListener('slotchange', this.onChange);
    if (typeof MutationObserver !== 'function') return;
    this.#observer = new MutationObserver(this.onChange);
    this.#observer.observe(this.host, { childList: true, attributes: true, attributeFilter: ['slot'] });
  }

  hostDisconnected(): void {
    this.host.shadowRoot?.removeEventListener('slotchange', this.onChange);
    this.#observer?.disconnect();
    this.#observer = null;
  }
}
