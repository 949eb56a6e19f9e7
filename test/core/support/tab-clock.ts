import type { Clock, TimerHandle } from '../../../src/core/clock.js';
import type { FakeClock } from './fake-clock.js';

/**
 * One tab's view of a shared FakeClock: the same time, but its own timers, which it can throttle (a
 * background tab), freeze (page lifecycle freeze: they fire on resume) or lose (the tab was killed).
 */
export class TabClock implements Clock {
  private nextId = 1;
  private readonly handles = new Map<number, TimerHandle>();
  private deferred: Array<{ id: number; callback: () => void }> = [];
  private throttleMs = 0;
  private frozen = false;
  private dead = false;

  constructor(readonly shared: FakeClock) {}

  // Arrow properties: the engine spreads its clock ({ ...clock, now }), which copies own properties only.
  now = (): number => this.shared.now();
  monotonic = (): number => this.shared.monotonic();

  setTimeout = (callback: () => void, ms: number): TimerHandle => {
    const id = this.nextId++;
    if (this.dead) return id;
    // The delay wraps as the browser converts it, before throttling aligns it (never after).
    const inner = this.shared.setAlignedTimeout(() => {
      this.handles.delete(id);
      if (this.frozen) this.deferred.push({ id, callback });
      else callback();
    }, ms, this.throttleMs);
    this.handles.set(id, inner);
    return id;
  };

  clearTimeout = (handle: TimerHandle): void => {
    const id = handle as number;
    const inner = this.handles.get(id);
    if (inner !== undefined) this.shared.clearTimeout(inner);
    this.handles.delete(id);
    this.deferred = this.deferred.filter((timer) => timer.id !== id);
  };

  get pendingTimers(): number {
    return this.handles.size + this.deferred.length;
  }

  /** Timers set from now on fire no earlier than the next multiple of `ms` (Chrome: 1 s, then 1 min). */
  throttle(ms: number): void {
    this.throttleMs = ms;
  }

  freeze(): void {
    this.frozen = true;
  }

  resume(): void {
    this.frozen = false;
    const due = this.deferred;
    this.deferred = [];
    for (const timer of due) timer.callback();
  }

  /** The tab is gone: nothing it planned will run. */
  kill(): void {
    this.dead = true;
    for (const inner of this.handles.values()) this.shared.clearTimeout(inner);
    this.handles.clear();
    this.deferred = [];
  }
}
