import type { Clock } from './clock.js';
import { isVisible, listen, type SessionEnvironment } from './environment.js';

export type WakeReason = 'visible' | 'focus' | 'online' | 'pageshow' | 'resume' | 'clock-jump';

/** Wall and monotonic time drifting apart by more than this means sleep or a clock change. */
const JUMP_TOLERANCE_MS = 5_000;
/** A timer this late, with the page visible, means the machine was asleep or the tab frozen. */
const FROZEN_TOLERANCE_MS = 120_000;

/**
 * The promise for sleep or a clock change that no page event reveals (none is promised after sleep): a visible
 * page sees it within 15 minutes of waking. The schedule's own timers are the look — none of them is set further
 * away than this while visible — so it adds no timer of its own: the truth check (every 15 minutes at most with
 * the default options) already comes that often. A hidden page needs no look: `visibilitychange` comes before
 * anything is seen. Overdue timers fire on resume, and `focus`/`online` often follow a wake, so it is usually sooner.
 */
export const VISIBLE_LOOK_MS = 15 * 60_000;

export interface WakeWatch {
  /**
   * Compares how far the wall clock and the monotonic one moved since the last look; a gap is a clock jump.
   * Called on every page event below and by the schedule whenever it plans or one of its timers fires: a
   * timer that fires late against the wall clock (sleep) or early (a clock set back) is seen the moment it
   * fires. `lateBy`: how late the timer that called it fired; past a couple of minutes in a visible page the
   * page was not running (frozen), which also counts as waking.
   */
  probe(lateBy?: number): void;
  stop(): void;
}

/**
 * Calls `onWake` when the page comes back: it became visible, got focus, went online, was restored from
 * the back/forward cache or resumed from being frozen, or the wall clock jumped (sleep/wake, clock change).
 * It makes no request and sets no timer. Give it the engine's corrected clock: a correction learnt meanwhile
 * (from another tab) then counts once. `drift` (with `clock-jump`): how far the wall clock moved beyond the
 * monotonic one, in ms. Positive after sleep or a clock set forward; negative only when the clock was set
 * back — sleep never does that.
 */
export function watchWake(
  environment: SessionEnvironment,
  clock: Clock,
  onWake: (reason: WakeReason, drift?: number) => void,
): WakeWatch {
  let lastWall = clock.now();
  let lastMono = clock.monotonic();
  const remember = () => {
    lastWall = clock.now();
    lastMono = clock.monotonic();
  };

  const probe = (lateBy = 0) => {
    const drift = clock.now() - lastWall - (clock.monotonic() - lastMono);
    remember();
    const jumped = Math.abs(drift) > JUMP_TOLERANCE_MS;
    const frozen = lateBy > FROZEN_TOLERANCE_MS && isVisible(environment);
    if (jumped || frozen) {
      onWake('clock-jump', jumped ? drift : 0);
      // Read after onWake: a correction it applied to the clock is not a jump to report next time.
      remember();
    }
  };

  const stopDocument = listen(environment.document, ['visibilitychange', 'resume'], (event) => {
    probe();
    if (event.type === 'resume') onWake('resume');
    else if (isVisible(environment)) onWake('visible');
  });
  const stopWindow = listen(environment.window, ['focus', 'online', 'pageshow'], (event) => {
    probe();
    if (event.type === 'pageshow' && !(event as PageTransitionEvent).persisted) return;
    onWake(event.type as WakeReason);
  });
  return {
    probe,
    stop: () => {
      stopDocument();
      stopWindow();
    },
  };
}
