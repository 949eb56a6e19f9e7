import { noChange } from 'lit';
import { Directive, directive, type Part } from 'lit/directive.js';

/**
 * A text that keeps one Text node and only changes its data. Lit removes a binding's node when its value
 * becomes '' and makes a new one when it is filled again; a status going from "2 hr left" to nothing and
 * back would do that in every element on the page. An empty Text node leaves `:empty` true.
 * On a server only `render` runs, so the text is rendered as any other.
 */
class StableText extends Directive {
  #node: Text | null = null;

  render(value: string): string {
    return value;
  }

  override update(_part: Part, [value]: [string]): Text | typeof noChange {
    if (this.#node === null) return (this.#node = document.createTextNode(value));
    if (this.#node.data !== value) this.#node.data = value;
    return noChange;
  }
}

export const stableText = directive(StableText);
