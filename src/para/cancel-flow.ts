import type { ParaStateSnapshot } from './client.js';

/** What cancelling a sign-in needs of `ParaWeb`. */
export interface CancellableClient {
  cancelAuthFlow?(): Promise<void>;
  onStatePhaseChange?(callback: (snapshot: ParaStateSnapshot) => void): () => void;
  getCurrentState?(): ParaStateSnapshot;
}

export interface CancelTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Where the SDK's sign-in flow is over: nothing left to cancel. */
const ENDED = new Set(['unauthenticated', 'error']);
/** The phases after key making that take a cancel: waiting for the portal, then polling for the session. */
const CANCELLABLE = new Set(['awaiting_session_start', 'waiting_for_session']);
/** Past the SDK's own limit for a sign-in it polls for (150 polls, a second apart). */
const WATCH_MS = 160_000;

/** Per client: the watch over a cancelled flow that may still be running. */
const watches = new WeakMap<object, () => void>();

/**
 * Ends the SDK's sign-in flow. The SDK drops a cancel while it makes the sign-in's key (`processing_authentication`:
 * a few seconds, far more on a slow machine); the flow then goes on to poll for a session for 2.5 minutes, a request
 * a second. So the flow is watched, and cancelled again once it reaches a phase that takes it.
 */
export async function cancelSignIn(client: CancellableClient, timers: CancelTimers): Promise<void> {
  try {
    await client.cancelAuthFlow?.();
  } catch {
    // The SDK waits 5 s for its flow to end and rejects if it did not (a dropped cancel), or it had finished.
  }
  const phase = client.getCurrentState?.()?.authPhase;
  if (phase === undefined || ENDED.has(phase) || typeof client.onStatePhaseChange !== 'function') return;
  stopWatching(client);
  let handle: unknown = null;
  let unsubscribe: (() => void) | null = null;
  const stop = () => {
    unsubscribe?.();
    timers.clearTimeout(handle);
    if (watches.get(client) === stop) watches.delete(client);
  };
  watches.set(client, stop);
  handle = timers.setTimeout(stop, WATCH_MS);
  unsubscribe = client.onStatePhaseChange((snapshot) => {
    const now = snapshot?.authPhase;
    if (now !== undefined && ENDED.has(now)) stop();
    else if (now !== undefined && CANCELLABLE.has(now)) cancelAgain(client);
  });
  // Reached a cancellable phase meanwhile (the listener hears changes only).
  const since = client.getCurrentState?.()?.authPhase;
  if (since !== undefined && CANCELLABLE.has(since)) cancelAgain(client);
}

/** A cancel that fails, by a rejection or a throw (a wrapper around the SDK), changes nothing: the watch goes on. */
function cancelAgain(client: CancellableClient): void {
  try {
    void client.cancelAuthFlow?.()?.catch(() => undefined);
  } catch {
    // As a rejection.
  }
}

/** A new sign-in on `client` starts: an earlier flow's watch must not cancel this one. */
export function stopWatching(client: object): void {
  watches.get(client)?.();
}
