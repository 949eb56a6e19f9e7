// What a page is left holding: timers, window/document listeners, open BroadcastChannels, Web Locks.
// Installed before anything else runs on the page.
const timers = new Set<unknown>();
let listeners = 0;
let channels = 0;

export function installProbes(): void {
  const { setTimeout: set, clearTimeout: clear, setInterval: every, clearInterval: stopEvery } = window;
  window.setTimeout = ((callback: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const id = set(() => {
      timers.delete(id);
      callback(...args);
    }, ms);
    timers.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    timers.delete(id);
    clear(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((callback: () => void, ms?: number) => {
    const id = every(callback, ms);
    timers.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    timers.delete(id);
    stopEvery(id);
  }) as typeof window.clearInterval;
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  const counted = (target: unknown) => target === window || target === document;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
    if (counted(this) && args[1]) listeners += 1;
    return add.apply(this, args);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['removeEventListener']>) {
    if (counted(this) && args[1]) listeners -= 1;
    return remove.apply(this, args);
  };
  const Channel = window.BroadcastChannel;
  window.BroadcastChannel = class extends Channel {
    constructor(name: string) {
      super(name);
      channels += 1;
    }
    override close(): void {
      channels -= 1;
      super.close();
    }
  };
}

export async function leftovers(): Promise<{ timers: number; listeners: number; channels: number; locks: number }> {
  const state = navigator.locks ? await navigator.locks.query() : { held: [], pending: [] };
  return { timers: timers.size, listeners, channels, locks: (state.held?.length ?? 0) + (state.pending?.length ?? 0) };
}
