import { Timer, type Clock } from './clock.js';
import { isVisible, listen, type SessionEnvironment } from './environment.js';

export type WakeReason = 'visible' | 'focus' | 'online' | 'pageshow' | 'resume' | 'clock-jump';

/** Wall and monotonic time drifting apart by more than this means sleep or a clock change. */
const JUMP_TOLERANCE_MS = 5_000;
/**
 * A visible page looks once a minute: sleep or a clock change with no page event (none is promised) must still
 * show within a minute on screen. A hidden page needs no look: `visibilitychange` comes before anything is seen.
 */
const VISIBLE_PROBE_MS = 60_000;
/** A look this late, with the page visible, means the machine was asleep or the tab frozen. */
const FROZEN_TOLERANCE_MS = 120_000;

export interface WakeWatch {
  /**
   * Compares how far the wall clock and the monotonic one moved since the last look; a gap is a clock jump.
   * Called on every page event below, by the schedule whenever it plans or its timer fires (a timer that
   * fires late against the wall clock, sleep, or early, a clock set back, is seen the moment it fires), and
   * once a minute while the page is visible; a hidden page sets no timer for it.
   */
  probe(): void;
  stop(): void;
}

/**
 * Calls `onWake` when the page comes back: it became visible, got focus, went online, was restored from
 * the back/forward cache or resumed from being frozen, or the wall clock jumped (sleep/wake, clock change).
 * It makes no request; only a visible page sets a timer. Give it the engine's corrected clock: a correction learnt meanwhile
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

  const visibleProbe = new Timer(clock);

  const probe = (frozen = false) => {
    const drift = clock.now() - lastWall - (clock.monotonic() - lastMono);
    remember();
    const jumped = Math.abs(drift) > JUMP_TOLERANCE_MS;
    if (jumped || frozen) {
      onWake('clock-jump', jumped ? drift : 0);
      // Read after onWake: a correction it applied to the clock is not a jump to report next time.
      remember();
    }
    armVisibleProbe();
  };
  function armVisibleProbe(): void {
    if (!isVisible(environment)) return visibleProbe.cancel();
    if (visibleProbe.pending) return;
    visibleProbe.at(clock.now() + VISIBLE_PROBE_MS, (lateBy) => probe(lateBy > FROZEN_TOLERANCE_MS));
  }
  armVisibleProbe();

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
      visibleProbe.cancel();
      stopDocument();
      stopWindow();
    },
  };
}
