import type { Clock } from '../../core/clock.js';
import { secondsLeft } from '../../core/state.js';
import type { SessionState } from '../../core/types.js';

/** Past its end the server may still say active for a moment (the cookie drops the milliseconds): a re-check. */
const RECHECK_HOLD_S = 60;
/** A reading this many seconds below what the time that passed (monotonic) leaves is the wall clock jumping. */
const JUMP_S = 5;
/** A jump is held no longer than this with no news from the engine (its check has a deadline of its own). */
const JUMP_HOLD_MS = 60_000;

/**
 * The seconds a countdown shows, which never count up again once at 0:00 for a re-check: at the cookie's whole
 * second the server may still say active, and the engine's re-check a second or a few later is no new time for
 * the user. Any other change (an extension, a clock set forward and read back) shows.
 *
 * Nor does it drop with the wall clock: after sleep or a clock set forward, the engine asks the server which it
 * was. Until its answer (a new state; a failed request is none) the countdown goes on from what it showed, by the
 * time that really passed, instead of showing 0:00 and announcing "10 seconds" for a session that has minutes
 * left, or none.
 */
export class CountdownSeconds {
  #shown: number | null = null;
  /** The last reading taken as true: when (monotonic) and from which state. */
  #anchor: { seconds: number; at: number; state: SessionState } | null = null;
  #holding = false;

  /** `provisional`: the expiry is, for now, only when the engine asks again (`engine.expiryProvisional`). */
  read(state: SessionState, clock: Clock, provisional: boolean): number | null {
    const seconds = secondsLeft(state, clock.now());
    const counting = state.status === 'expiring' || state.status === 'offline';
    if (seconds === null || (!counting && state.status !== 'active')) {
      this.reset();
      return seconds;
    }
    if (counting && provisional && this.#shown === 0 && seconds > 0 && seconds <= RECHECK_HOLD_S) return 0;
    const held = this.#held(state, seconds, clock.monotonic());
    this.#holding = held !== null;
    if (held !== null) return (this.#shown = held);
    this.#anchor = { seconds, at: clock.monotonic(), state };
    this.#shown = seconds;
    return seconds;
  }

  /** Whether the last reading was held (the wall clock jumped): the countdown ticks on by the second meanwhile. */
  get holding(): boolean {
    return this.#holding;
  }

  /** A new warning: nothing shown yet. */
  reset(): void {
    this.#shown = null;
    this.#anchor = null;
    this.#holding = false;
  }

  #held(state: SessionState, seconds: number, monotonic: number): number | null {
    const anchor = this.#anchor;
    if (!anchor) return null;
    const elapsed = monotonic - anchor.at;
    const expected = anchor.seconds - Math.floor(elapsed / 1000);
    // Offline is no answer: a check that failed (the network down on waking) tells nothing of the session's end.
    const news =
      state.expiresAt !== anchor.state.expiresAt ||
      state.lastCheckedAt !== anchor.state.lastCheckedAt ||
      (state.status !== anchor.state.status && state.status !== 'offline');
    // Offline, no answer is coming: the hold lasts until one does (the session's end is unknown meanwhile).
    if (news || (elapsed > JUMP_HOLD_MS && state.status !== 'offline') || seconds >= expected - JUMP_S) return null;
    return Math.max(0, expected);
  }
}
