import type { Clock, TimerHandle } from '../../../src/core/clock.js';

interface FakeTimer {
  id: number;
  /** Monotonic ms at which it is due (browsers schedule timers on a monotonic clock). */
  dueMono: number;
  callback: () => void;
  network?: boolean;
  /** How many timers deep it was set (HTML's timer nesting level). */
  nesting: number;
}

/**
 * The delay a browser really waits: it converts the delay to a 32-bit int (so anything above 2^31−1 ms,
 * ≈ 24.8 days, wraps and fires at once) and clamps timers nested more than 5 deep to 4 ms (HTML spec).
 */
export function platformDelay(ms: number, nesting: number): number {
  const delay = Math.max(0, (Number(ms) || 0) | 0);
  return nesting > 5 ? Math.max(4, delay) : delay;
}

/** Lets promise chains started by a timer run to completion before time moves on. */
export async function flushMicrotasks(rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}

/**
 * A clock for tests: wall and monotonic time move together unless a test makes them differ
 * (`sleep` stops the monotonic clock like a suspended laptop; `jumpWall` changes the wall clock),
 * and `throttle` delays timers like a background tab.
 */
export class FakeClock implements Clock {
  private wall: number;
  /** True time, which the server keeps: moves with `advance` and `sleep`, not with `jumpWall`. */
  private trueTime: number;
  private mono = 1_000;
  private nextId = 1;
  private timers = new Map<number, FakeTimer>();
  private throttleMs = 0;
  /** Nesting level of the timer whose callback is running (0 outside timers). */
  private nesting = 0;
  /** Timer callbacks run so far: each is a wake-up of the page's main thread. */
  wakeUps = 0;

  constructor(start = Date.UTC(2026, 10, 26, 9, 0, 0)) {
    this.wall = start;
    this.trueTime = start;
  }

  /** What time it really is — the server's clock, whatever this machine's clock says. */
  serverNow = (): number => this.trueTime;

  now = (): number => this.wall;
  monotonic = (): number => this.mono;

  setTimeout = (callback: () => void, ms: number): TimerHandle => {
    const id = this.nextId++;
    const nesting = this.nesting + 1;
    this.timers.set(id, { id, dueMono: this.mono + platformDelay(ms, nesting), callback, nesting });
    return id;
  };

  /**
   * `setTimeout` in a throttled tab, as browsers run it: the requested delay is converted first (a delay past
   * 2^31−1 ms wraps, as in `setTimeout`), then the time it falls due is aligned to `alignMs` (0: not aligned).
   */
  setAlignedTimeout = (callback: () => void, ms: number, alignMs: number): TimerHandle => {
    const id = this.nextId++;
    const nesting = this.nesting + 1;
    let dueMono = this.mono + platformDelay(ms, nesting);
    if (alignMs > 0) dueMono = Math.ceil(dueMono / alignMs) * alignMs;
    this.timers.set(id, { id, dueMono, callback, nesting });
    return id;
  };

  /** A network answer: it arrives on time whatever the page's timers suffer. */
  deliverAfter(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { id, dueMono: this.mono + Math.max(0, ms), callback, network: true, nesting: 0 });
    return id;
  }

  clearTimeout = (handle: TimerHandle): void => {
    this.timers.delete(handle as number);
  };

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Background-tab throttling: timers fire no earlier than the next multiple of `ms` (0 turns it off). */
  throttle(ms: number): void {
    this.throttleMs = ms;
  }

  private firesAt(timer: FakeTimer): number {
    if (this.throttleMs <= 0 || timer.network) return timer.dueMono;
    return Math.ceil(timer.dueMono / this.throttleMs) * this.throttleMs;
  }

  /** Moves both clocks forward by `ms`, firing every timer that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.mono + ms;
    await flushMicrotasks();
    for (;;) {
      let next: FakeTimer | null = null;
      for (const timer of this.timers.values()) {
        if (this.firesAt(timer) <= target && (!next || this.firesAt(timer) < this.firesAt(next))) next = timer;
      }
      if (!next) break;
      const at = Math.max(this.mono, this.firesAt(next));
      this.wall += at - this.mono;
      this.trueTime += at - this.mono;
      this.mono = at;
      this.timers.delete(next.id);
      if (!next.network) this.wakeUps += 1;
      // Promise work the callback started still runs inside its task, at its nesting level.
      this.nesting = next.nesting;
      try {
        next.callback();
        await flushMicrotasks();
      } finally {
        this.nesting = 0;
      }
    }
    this.wall += target - this.mono;
    this.trueTime += target - this.mono;
    this.mono = target;
    await flushMicrotasks();
  }

  /** The machine sleeps: wall time passes, the monotonic clock and its timers stand still. */
  sleep(ms: number): void {
    this.wall += ms;
    this.trueTime += ms;
  }

  /** Someone changes the system clock. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }
}
