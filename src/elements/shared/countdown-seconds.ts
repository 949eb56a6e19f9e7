import { secondsLeft } from '../../core/state.js';
import type { SessionState } from '../../core/types.js';

/** Past its end the server may still say active for a moment (the cookie drops the milliseconds): a re-check. */
const RECHECK_HOLD_S = 60;

/**
 * The seconds a countdown shows, which never count up again once at 0:00: at the cookie's whole second the
 * server may still say active, and the engine's re-check a second or a few later is no new time for the user.
 * A real change (an extension, a clock set forward and read back) adds more than a re-check, or leaves the
 * warning; those show.
 */
export class CountdownSeconds {
  #shown: number | null = null;

  read(state: SessionState, now: number): number | null {
    const seconds = secondsLeft(state, now);
    if (seconds === null || (state.status !== 'expiring' && state.status !== 'offline')) {
      this.#shown = null;
      return seconds;
    }
    if (this.#shown === 0 && seconds > 0 && seconds <= RECHECK_HOLD_S) return 0;
    this.#shown = seconds;
    return seconds;
  }
}
