// The page both contenders are measured on: render cost, connect/disconnect cycles, start-up.
// `window.bench` is what bench/browser.mjs drives; `contender` decides which side the page runs.
import { installProbes, leftovers } from './probes.js';

installProbes();

export interface Contender {
  /** Mounts `count` status displays and a provider; resolves once they show the first status. */
  mount(host: HTMLElement, count: number, full?: boolean): Promise<void>;
  /** Makes the session end (a change every display must show); resolves, once they all render it, with when the state changed. */
  change(): Promise<number>;
  /** Removes everything `mount` made; its timers, listeners, channels and locks must go with it. */
  unmount(): void;
}

declare global {
  interface Window {
    startUpAt?: number;
  }
}

/** A full collection (`--js-flags=--expose-gc`, which bench/browser.mjs launches with), of V8's heap and Blink's. */
const collectGarbage = () => (globalThis as unknown as { gc?: () => void }).gc?.();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** After the next frame is painted: a task queued from `requestAnimationFrame` runs once that frame is done. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function exposeBench(contender: Contender): void {
  const host = document.getElementById('app')!;
  // A start-up run: mount at once, as an app's entry script does, and record when the first status showed.
  if (location.search.includes('startup')) void contender.mount(host, 1).then(() => (window.startUpAt = performance.now()));
  Object.assign(window, {
    bench: {
      /** Median ms from a state change to every display rendered (`script`), styled (`style`), and laid out (`total`). */
      async render(count: number, repeats: number): Promise<{ script: number; style: number; total: number }> {
        const script: number[] = [];
        const style: number[] = [];
        const total: number[] = [];
        for (let i = 0; i < repeats; i += 1) {
          await contender.mount(host, count);
          // The mount's own first style, layout and paint are the mount's cost, not the change's: pay them before
          // (a change that awaits, as the kit's does, would otherwise let the mount's first frame land inside it).
          void host.offsetHeight;
          await painted();
          // And the garbage: the last repeat's removed displays (1,000 statuses with their shadow roots) and the
          // mount's own, which a real change, minutes after the page loaded, never finds still uncollected.
          // Uncollected, they made the kit's restyle about 5 ms slower at 1,000 statuses.
          collectGarbage();
          const started = await contender.change();
          script.push(performance.now() - started);
          // Style alone first (computed style needs no layout), then layout.
          void getComputedStyle(host).color;
          style.push(performance.now() - started);
          void host.offsetHeight;
          total.push(performance.now() - started);
          contender.unmount();
          await settle();
        }
        const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
        return { script: median(script), style: median(style), total: median(total) };
      },
      /** What `count` mount/unmount cycles leave behind, beyond what the page held before them. */
      async cycles(count: number) {
        const before = await leftovers();
        for (let i = 0; i < count; i += 1) {
          await contender.mount(host, 1, true);
          contender.unmount();
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        const after = await leftovers();
        return Object.fromEntries(Object.entries(after).map(([kind, n]) => [kind, n - before[kind as keyof typeof before]]));
      },
    },
  });
}
