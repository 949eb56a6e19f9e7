/**
 * Keeps the foot of the page's scroll area clear of the bars fixed there: content scrolled into view (the
 * control keyboard focus moves to) stops above them, never wholly under them (WCAG 2.4.11), also at 400 % zoom,
 * where a bar is half the viewport. The page's own `scroll-padding-bottom` is kept and added to, and put back exactly
 * once the last bar goes. One room for every bar on the page (two sessions may each show one): the tallest.
 */
const bars = new Set<HTMLElement>();
/** The page's own padding at the foot, before the first bar: its inline value, and the computed one to add to. */
let pageOwn: { inline: string; computed: string } | null = null;
let watch: ResizeObserver | null = null;

function makeRoom(): void {
  const root = document.documentElement;
  if (bars.size === 0) {
    if (pageOwn) root.style.scrollPaddingBottom = pageOwn.inline;
    pageOwn = null;
    return;
  }
  // Read before the first bar writes its room.
  pageOwn ??= { inline: root.style.scrollPaddingBottom, computed: getComputedStyle(root).scrollPaddingBottom };
  // A bar's height and the distance it sits above the foot of the viewport.
  const room = Math.ceil(Math.max(...[...bars].map((bar) => bar.getBoundingClientRect().height + innerHeight - bar.getBoundingClientRect().bottom)));
  const own = pageOwn.computed;
  root.style.scrollPaddingBottom = own === 'auto' || own === '0px' ? `${room}px` : `calc(${own} + ${room}px)`;
}

export class ScrollRoom {
  #bar: HTMLElement | null = null;

  /** Makes room for `bar` (or none, with `null`). */
  keep(bar: HTMLElement | null): void {
    if (bar === this.#bar) return;
    this.release();
    if (!bar) return;
    this.#bar = bar;
    bars.add(bar);
    watch ??= new ResizeObserver(makeRoom);
    watch.observe(bar);
    makeRoom();
  }

  release(): void {
    const bar = this.#bar;
    if (!bar) return;
    this.#bar = null;
    bars.delete(bar);
    watch?.unobserve(bar);
    if (bars.size === 0) {
      watch?.disconnect();
      watch = null;
    }
    makeRoom();
  }
}
