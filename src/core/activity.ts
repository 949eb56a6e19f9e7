import type { Clock } from './clock.js';
import { listen, type SessionEnvironment } from './environment.js';

/** What counts as the user being there. `focus` on window; the rest wherever they bubble to. */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const THROTTLE_MS = 5_000;

/**
 * Watches for user activity with passive listeners and reports it at most once per few seconds,
 * so a moving mouse costs nothing. Untrusted (script-dispatched) events are ignored; an app that knows of
 * activity the page cannot see calls `noteActivity()`.
 */
export function watchActivity(
  environment: SessionEnvironment,
  clock: Clock,
  onActivity: (at: number) => void,
): () => void {
  let lastReported = -Infinity;
  const report = (event: Event) => {
    // Only the browser's own input events are a person: a script's `dispatchEvent` must not keep a session alive.
    if (!event.isTrusted) return;
    const now = clock.now();
    if (now - lastReported < THROTTLE_MS) return;
    lastReported = now;
    onActivity(now);
  };
  const options = { passive: true, capture: true };
  const stopDocument = listen(environment.document, ACTIVITY_EVENTS, report, options);
  const stopWindow = listen(environment.window, ['focus'], report, options);
  return () => {
    stopDocument();
    stopWindow();
  };
}
