/** Time, injected so tests can drive hours of session time in milliseconds. */
export type TimerHandle = unknown;

export interface Clock {
  /** Wall-clock epoch ms (`Date.now()`): what expiry cookies are written in. */
  now(): number;
  /** Monotonic ms (`performance.now()`): compared with `now()` to detect sleep and clock changes. */
  monotonic(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, Math.max(0, ms)),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A one-shot timer that remembers when it was due, so a late firing can be recognised. */
export class Timer {
  private handle: TimerHandle | null = null;
  private dueAt: number | null = null;
  private dueMono = 0;

  constructor(private readonly clock: Clock) {}

  get pending(): boolean {
    return this.handle !== null;
  }

  /** Runs `callback(lateByMs)` at wall time `at`, replacing any earlier plan. */
  at(at: number, callback: (lateBy: number) => void): void {
    this.cancel();
    const plannedMono = this.clock.monotonic() + Math.max(0, at - this.clock.now());
    this.dueAt = at;
    this.dueMono = plannedMono;
    this.handle = this.clock.setTimeout(() => {
      this.handle = null;
      this.dueAt = null;
      // Lateness in either clock counts: throttling delays the monotonic one, sleep the wall one.
      callback(Math.max(this.clock.now() - at, this.clock.monotonic() - plannedMono, 0));
    }, at - this.clock.now());
  }

  /**
   * Whether the pending timer is for `at` and will still fire then. After sleep or a clock change the
   * monotonic clock the browser fires timers by no longer matches the wall clock: the timer must be re-armed.
   */
  isPlannedFor(at: number): boolean {
    if (this.handle === null || this.dueAt !== at) return false;
    const firesIn = this.dueMono - this.clock.monotonic();
    const dueIn = Math.max(0, at - this.clock.now());
    return Math.abs(firesIn - dueIn) < 1_000;
  }

  cancel(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
    this.dueAt = null;
  }
}
