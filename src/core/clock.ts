import { outsideAppZone } from './app-zone.js';

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

/** The longest delay `setTimeout` can wait (2^31−1 ms, ≈ 24.8 days): a longer one wraps and fires at once. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** A delay the platform will honour: never negative, never past its maximum (a later time is re-armed). */
export function timerDelay(ms: number): number {
  return ms > 0 ? Math.min(MAX_TIMER_DELAY_MS, ms) : 0;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  setTimeout: (callback, ms) => outsideAppZone(() => globalThis.setTimeout(callback, timerDelay(ms))),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A timer this much before its time was cut short (clamped), not merely rounded: it waits again. */
const EARLY_TOLERANCE_MS = 1;

/** A one-shot timer that remembers when it was due, so a late firing can be recognised. */
export class Timer {
  #handle: TimerHandle | null = null;
  #dueAt: number | null = null;
  #dueMono = 0;

  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get pending(): boolean {
    return this.#handle !== null;
  }

  /** Runs `callback(lateByMs)` at wall time `at`, replacing any earlier plan. */
  at(at: number, callback: (lateBy: number) => void): void {
    this.cancel();
    const now = this.#clock.now();
    const plannedMono = this.#clock.monotonic() + Math.max(0, at - now);
    // Set for a moment already past (the plan's moment came with the news that made it due, as activity after the
    // refresh point): due now, and late only by how long it then takes to run.
    const plannedWall = Math.max(at, now);
    this.#dueAt = at;
    this.#dueMono = plannedMono;
    this.#arm(plannedMono, () => {
      this.#handle = null;
      this.#dueAt = null;
      // Lateness in either clock counts: throttling delays the monotonic one, sleep the wall one.
      callback(Math.max(this.#clock.now() - plannedWall, this.#clock.monotonic() - plannedMono, 0));
    });
  }

  /**
   * Sets the platform timer for monotonic time `plannedMono`, at most `MAX_TIMER_DELAY_MS` at a time:
   * a timer that fires before then (a clamped delay) is set again for what is left, without running.
   */
  #arm(plannedMono: number, fire: () => void): void {
    this.#handle = this.#clock.setTimeout(() => {
      const left = plannedMono - this.#clock.monotonic();
      if (left > EARLY_TOLERANCE_MS) this.#arm(plannedMono, fire);
      else fire();
    }, timerDelay(plannedMono - this.#clock.monotonic()));
  }

  /**
   * Whether the pending timer is for `at` and will still fire then. After sleep or a clock change the
   * monotonic clock the browser fires timers by no longer matches the wall clock: the timer must be re-armed.
   */
  isPlannedFor(at: number): boolean {
    if (this.#handle === null || this.#dueAt !== at) return false;
    const firesIn = this.#dueMono - this.#clock.monotonic();
    const dueIn = Math.max(0, at - this.#clock.now());
    return Math.abs(firesIn - dueIn) < 1_000;
  }

  cancel(): void {
    if (this.#handle !== null) this.#clock.clearTimeout(this.#handle);
    this.#handle = null;
    this.#dueAt = null;
  }
}
