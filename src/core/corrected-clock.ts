import type { Clock, TimerHandle } from './clock.js';

/**
 * Engine time: wall time plus the ms it was set back by (seen here, or learned from a tab that saw it),
 * so expiry cookies, which are server time, still line up with timers.
 */
export class CorrectedClock implements Clock {
  #correction = 0;

  readonly #wall: Clock;

  constructor(wall: Clock) {
    this.#wall = wall;
  }

  now(): number {
    return this.#wall.now() + this.#correction;
  }

  monotonic(): number {
    return this.#wall.monotonic();
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    return this.#wall.setTimeout(callback, ms);
  }

  clearTimeout(handle: TimerHandle): void {
    this.#wall.clearTimeout(handle);
  }

  /** The wall clock was found `ms` behind engine time. */
  correctBy(ms: number): void {
    this.#correction += ms;
  }
}
