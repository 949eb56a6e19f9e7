import { secondsLeft } from '../../core/state.js';
import type { SessionState } from '../../core/types.js';

/** Past its end the server may still say active for a moment (the cookie drops the milliseconds): a re-check. */
const RECHECK_HOLD_S = 60;

/**
 * The seconds a countdown shows, which never count up again once at 0:00 for a re-check: at the cookie's whole
 * second the server may still say active, and the engine's re-check a second or a few later is no new time for
 * the user. Any other change (an extension, a clock set forward and read back) shows.
 */
export class CountdownSeconds {
  #shown: number | null = null;

  /** `provisional`: the expiry is, for now, only when the engine asks again (`engine.expiryProvisional`). */
  read(state: SessionState, now: number, provisional: boolean): number | null {
    const seconds = secondsLeft(state, now);
    if (seconds === null || (state.status !== 'expiring' && state.status !== 'offline')) {
      this.#shown = null;
      return seconds;
    }
    if (provisional && this.#shown === 0 && seconds > 0 && seconds <= RECHECK_HOLD_S) return 0;
    this.#shown = seconds;
    return seconds;
  }

  /** A new warning: nothing shown yet. */
  reset(): void {
    this.#shown = null;
  }
}
