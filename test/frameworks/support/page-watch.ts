// Watches what a mounted app leaves behind: live timers (any created after `watch()` and neither fired nor
// cleared) and Lit's dev-mode warnings, which the framework tests treat as failures.
type Handle = ReturnType<typeof setTimeout>;

export interface PageWatch {
  readonly liveTimers: number;
  /** Where each live timer was created: what a failure shows. */
  readonly liveTimerSources: string[];
  readonly litWarnings: string[];
  stop(): void;
}

export function watchPage(): PageWatch {
  const live = new Map<Handle, string>();
  const source = () => (new Error().stack ?? '').split('\n').slice(2, 6).join(' ← ').replace(/\s+/g, ' ');
  const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout, setInterval: realSetInterval, clearInterval: realClearInterval } = globalThis;
  const realWarn = console.warn;
  const litWarnings: string[] = [];

  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle: Handle = realSetTimeout(() => {
      live.delete(handle);
      callback(...args);
    }, ms);
    live.set(handle, source());
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((handle: Handle) => {
    live.delete(handle);
    realClearTimeout(handle);
  }) as typeof clearTimeout;
  globalThis.setInterval = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = realSetInterval(callback, ms, ...args);
    live.set(handle, source());
    return handle;
  }) as typeof setInterval;
  globalThis.clearInterval = ((handle: Handle) => {
    live.delete(handle);
    realClearInterval(handle);
  }) as typeof clearInterval;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    // The one notice dev mode always prints is not a finding; every other Lit warning is.
    if (/lit\.dev\/msg|\bLit\b/.test(text) && !/lit\.dev\/msg\/dev-mode/.test(text)) litWarnings.push(text);
    realWarn.apply(console, args);
  };

  return {
    get liveTimers() {
      return live.size;
    },
    get liveTimerSources() {
      return [...live.values()];
    },
    litWarnings,
    stop() {
      Object.assign(globalThis, { setTimeout: realSetTimeout, clearTimeout: realClearTimeout, setInterval: realSetInterval, clearInterval: realClearInterval });
      console.warn = realWarn;
    },
  };
}
