import type { Clock } from './clock.js';
import { Timer } from './clock.js';
import { isVisible, listen, type SessionEnvironment } from './environment.js';

export type WakeReason = 'visible' | 'focus' | 'online' | 'pageshow' | 'clock-jump';

const HEARTBEAT_MS = 60_000;
/** Wall and monotonic time drifting apart by more than this means sleep or a clock change. */
const JUMP_TOLERANCE_MS = 5_000;
/** A heartbeat this late, with the page visible, means the machine was asleep or the tab frozen. */
const FROZEN_TOLERANCE_MS = 120_000;

/**
 * Calls `onWake` when the page comes back: it became visible, got focus, went online, was restored from
 * the back/forward cache, or the wall clock jumped (sleep/wake, clock change). A local heartbeat compares
 * `Date.now()` with `performance.now()`; it makes no request.
 */
/**
 * Give it the engine's corrected clock: a correction learnt meanwhile (from another tab) then counts once.
 * `drift` (with `clock-jump`): how far the wall clock moved beyond the monotonic one, in ms. Positive after
 * sleep or a clock set forward; negative only when the clock was set back — sleep never does that.
 */
export function watchWake(
  environment: SessionEnvironment,
  clock: Clock,
  onWake: (reason: WakeReason, drift?: number) => void,
): () => void {
  const heartbeat = new Timer(clock);
  let lastWall = clock.now();
  let lastMono = clock.monotonic();

  const beat = () => {
    const wall = clock.now();
    const mono = clock.monotonic();
    const wallDelta = wall - lastWall;
    const monoDelta = mono - lastMono;
    const drift = wallDelta - monoDelta;
    const jumped = Math.abs(drift) > JUMP_TOLERANCE_MS;
    const frozen = isVisible(environment) && wallDelta > HEARTBEAT_MS + FROZEN_TOLERANCE_MS;
    if (jumped || frozen) onWake('clock-jump', jumped ? drift : 0);
    // Read after onWake: a correction it applied to the clock is not a jump to report next time.
    lastWall = clock.now();
    lastMono = clock.monotonic();
    heartbeat.at(clock.now() + HEARTBEAT_MS, beat);
  };
  heartbeat.at(clock.now() + HEARTBEAT_MS, beat);

  const stopVisibility = listen(environment.document, ['visibilitychange'], () => {
    if (isVisible(environment)) {
      beat();
      onWake('visible');
    }
  });
  const stopWindow = listen(environment.window, ['focus', 'online', 'pageshow'], (event) => {
    if (event.type === 'pageshow' && !(event as PageTransitionEvent).persisted) return;
    onWake(event.type as WakeReason);
  });
  return () => {
    heartbeat.cancel();
    stopVisibility();
    stopWindow();
  };
}
