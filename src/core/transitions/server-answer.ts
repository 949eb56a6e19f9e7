import type { SessionError } from '../types.js';
import { becomeActive, expire, reported, signOut } from './outcomes.js';
import { effect, type SessionView, type Step } from './step.js';

/** What `isSessionActive()` answered, with the expiry the tracker derived when it said yes. */
export type CheckAnswer =
  | { type: 'active'; expiresAt: number }
  | { type: 'inactive' }
  | { type: 'failed'; error: SessionError };

/** The server answered a check. */
export function checkAnswered(view: SessionView, answer: CheckAnswer): Step {
  if (answer.type === 'failed') return requestFailed(view, answer.error);
  if (answer.type === 'active') return becomeActive(view, answer.expiresAt, { lastCheckedAt: view.now });
  return serverSaysInactive(view);
}

/** `keepSessionAlive()` said yes: the session runs until `expiresAt` and nothing is owed any more. */
export function extended(view: SessionView, expiresAt: number): Step {
  const step = becomeActive(view, expiresAt, { lastExtendedAt: view.now, lastCheckedAt: view.now }, true);
  return { ...step, effects: [...(step.effects ?? []), effect('emit-extended')] };
}

function serverSaysInactive(view: SessionView): Step {
  const { status, kind } = view.state;
  const checked = { lastCheckedAt: view.now };
  // Signing in again: "inactive" is the server's answer (not signed in yet), so an earlier failure is over.
  if (status === 'signed-out' || status === 'reauthenticating') return { patch: { ...checked, error: null } };
  // The user asked to sign out and the session is gone: that is the sign-out, not an expiry to sign in again from.
  if (view.logoutOwed) return signOut(view, true);
  if (kind !== 'user' && !view.knownUser) {
    // Nobody was ever signed in here: that is "signed out", not an expiry to sign in again from.
    return {
      patch: { status: 'signed-out', kind: null, expiresAt: null, lastCheckedAt: view.now, error: null },
      effects: [effect('reject-waiters', { reason: 'signed-out' })],
    };
  }
  if (status === 'expired') return { retry: 'clear', patch: checked, effects: [effect('reset-expiry')] };
  return expire({ kind: 'user', lastCheckedAt: view.now }, 'server');
}

/** A request failed (network, server error, timeout, a client that misbehaved): never an expiry. */
export function requestFailed(view: SessionView, error: SessionError): Step {
  const { status } = view.state;
  // The server already gave its answer for these: a failed re-check changes nothing.
  if (status === 'expired' || status === 'signed-out' || status === 'reauthenticating') {
    return reported(error);
  }
  return { retry: 'failed', patch: { status: 'offline', error }, effects: [effect('emit-error', { error })] };
}
