/**
 * Keeps the foot of the page's scroll area clear of a bar fixed there: content scrolled into view (the control
 * keyboard focus moves to) stops above the bar, never wholly under it (WCAG 2.4.11), also at 400 % zoom, where
 * the bar is half the viewport. The page's own `scroll-padding` is kept and added to; it is put back after.
 */
export class ScrollRoom {
  #bar: HTMLElement | null = null;
  #watch: ResizeObserver | null = null;
  /** The page's own inline value, and its computed one: the bar's room is added to the latter. */
  #inline = '';
  #own = 'auto';

  /** Makes room for `bar` (or none, with `null`). */
  keep(bar: HTMLElement | null): void {
    if (bar === this.#bar) return;
    this.release();
    if (!bar) return;
    const root = document.documentElement;
    this.#bar = bar;
    this.#inline = root.style.scrollPaddingBlockEnd;
    this.#own = getComputedStyle(root).scrollPaddingBlockEnd;
    const make = () => {
      // Its height and the 1rem it sits above the foot.
      const room = `${Math.ceil(bar.getBoundingClientRect().height + (innerHeight - bar.getBoundingClientRect().bottom))}px`;
      root.style.scrollPaddingBlockEnd = this.#own === 'auto' || this.#own === '0px' ? room : `calc(${this.#own} + ${room})`;
    };
    make();
    this.#watch = new ResizeObserver(make);
    this.#watch.observe(bar);
  }

  release(): void {
    if (!this.#bar) return;
    this.#watch?.disconnect();
    this.#watch = null;
    this.#bar = null;
    document.documentElement.style.scrollPaddingBlockEnd = this.#inline;
  }
}
