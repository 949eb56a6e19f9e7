import { nothing } from 'lit';
import { Directive, directive } from 'lit/directive.js';

/**
 * A live region's `role` (or `aria-live`) for as long as its text is the one it appeared with. Re-worded in
 * place (the page's language changed, or its texts), it stops being live, so a screen reader does not speak
 * the same news again; new news comes in a new element (a new phase, a `keyed` view) and is spoken.
 */
class SpeaksOnce extends Directive {
  #first: string | null = null;
  #silenced = false;

  render(value: string, text: string): string | typeof nothing {
    if (this.#first === null) this.#first = text;
    else if (text !== this.#first) this.#silenced = true;
    return this.#silenced ? nothing : value;
  }
}

export const speaksOnce = directive(SpeaksOnce);
