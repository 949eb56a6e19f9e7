import { Timer, type Clock } from '../clock.js';

export const ACTIVITY_RELAY_MS = 5_000;

/**
 * Activity goes to the other tabs at most once per `ACTIVITY_RELAY_MS`; the latest moment inside a quiet
 * window is sent when it ends, so the leader never misses that the user was there.
 */
export class ActivityRelay {
  #lastSentAt = -Infinity;
  #pendingAt: number | null = null;
  readonly #timer: Timer;

  readonly #clock: Clock;
  readonly #send: (at: number) => void;

  constructor(clock: Clock, send: (at: number) => void) {
    this.#clock = clock;
    this.#send = send;
    this.#timer = new Timer(clock);
  }

  note(at: number): void {
    const now = this.#clock.monotonic();
    if (now - this.#lastSentAt >= ACTIVITY_RELAY_MS && !this.#timer.pending) {
      this.#lastSentAt = now;
      this.#send(at);
      return;
    }
    this.#pendingAt = Math.max(this.#pendingAt ?? at, at);
    if (this.#timer.pending) return;
    this.#timer.at(this.#clock.now() + ACTIVITY_RELAY_MS - (now - this.#lastSentAt), () => {
      const pending = this.#pendingAt;
      this.#pendingAt = null;
      this.#lastSentAt = this.#clock.monotonic();
      if (pending !== null) this.#send(pending);
    });
  }

  stop(): void {
    this.#timer.cancel();
    this.#pendingAt = null;
    this.#lastSentAt = -Infinity;
  }
}
