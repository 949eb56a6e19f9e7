import type { SessionKind } from '../../para/kind.js';
import type { SessionError, SessionState, SessionStatus } from '../types.js';
import { effect, type Effect, type SessionView, type Step } from './step.js';

/**
 * Inside the warning window a session stays `expiring` once it is, and so does one back from a blip offline
 * inside the warning it had (the same expiry): the warning was not answered. Otherwise it is `active`.
 */
export function statusFor(view: SessionView, expiresAt: number, previous: SessionStatus): SessionStatus {
  const inWarning = expiresAt - view.now <= view.options.warnBefore * 1000;
  const stillWarned = previous === 'expiring' || (previous === 'offline' && view.warnedFor === expiresAt);
  return inWarning && stillWarned ? 'expiring' : 'active';
}

export const isReturning = (status: SessionStatus): boolean => status === 'expired' || status === 'reauthenticating';

/**
 * The server said (here) the session is active until `expiresAt`. Back from an expiry, every re-auth
 * flow closes and the other tabs hear it; either way whoever waited for a usable session resumes.
 */
export function becomeActive(view: SessionView, expiresAt: number, extra: Partial<SessionState>, settled = false): Step {
  const previous = view.state.status;
  const returning = isReturning(previous);
  const farFromExpiry = expiresAt - view.now > view.options.refreshBefore * 1000;
  const effects: Effect[] = [effect('publish-state')];
  if (returning) effects.push(effect('publish', { message: { type: 'reauth-complete' } }), effect('finish-reauth'));
  else effects.push(effect('remember-identity'));
  effects.push(effect('resolve-waiters'));
  // A new session (signed in, or in again) was granted just now: the activity of signing in is no reason to extend it.
  const granted = returning || previous === 'signed-out' ? { lastExtendedAt: view.now } : {};
  return {
    retry: settled || returning || farFromExpiry ? 'settled' : 'answered',
    patch: { ...granted, ...extra, status: statusFor(view, expiresAt, previous), kind: 'user', expiresAt, error: null },
    effects,
  };
}

/**
 * The one place a session becomes `expired`: only the server says so, here (`heardFrom: 'server'`, and
 * this tab tells the others) or in another tab whose message is fresh (`heardFrom: 'tab'`).
 */
export function expire(
  fields: { kind: SessionKind | null; lastCheckedAt: number | null },
  heardFrom: 'server' | 'tab',
): Step {
  const effects: Effect[] = heardFrom === 'server' ? [effect('reset-expiry'), effect('publish-state')] : [];
  effects.push(effect('emit-expired'), effect('request-reauth'));
  return {
    retry: 'clear',
    reauth: 'note-expired',
    patch: { status: 'expired', kind: fields.kind, lastCheckedAt: fields.lastCheckedAt, error: null },
    effects,
  };
}

/** A deliberate sign-out, here (`broadcast`: tell the other tabs) or heard from another tab. */
export function signOut(view: SessionView, broadcast: boolean): Step {
  const effects: Effect[] = [effect('reset-expiry')];
  const already = view.state.status === 'signed-out';
  if (!already) effects.push(effect('emit-signed-out'));
  if (broadcast) effects.push(effect('publish', { message: { type: 'signed-out' } }));
  effects.push(effect('reject-waiters', { reason: 'signed-out' }));
  return {
    retry: 'clear',
    reauth: 'sign-out',
    patch: already ? undefined : { status: 'signed-out', kind: null, expiresAt: null, error: null },
    effects,
  };
}

/** A failure worth telling that changes nothing else (the server's last answer stands). */
export function reported(error: SessionError): Step {
  return { patch: { error }, effects: [effect('emit-error', { error })] };
}
