import type { SessionKind } from '../../para/kind.js';
import { isUsableStatus } from '../state.js';
import { WAKE_DEDUPE_MS } from './page-event.js';
import { effect, NOTHING, type SessionView, type Step } from './step.js';

/** The client cannot run a session (no client, missing methods): say so and stay `idle`. */
export function misconfigured(message: string): Step {
  const error = { kind: 'config' as const, message };
  return { patch: { status: 'idle', error }, effects: [effect('emit-error', { error })] };
}

/** The engine started on a client of this kind: wallets that never expire are active at once, users are checked. */
export function started(view: SessionView, kind: SessionKind): Step {
  if (kind !== 'user') return { patch: { status: 'active', kind, expiresAt: null, error: null } };
  return view.state.status === 'idle' ? { patch: { status: 'checking' } } : NOTHING;
}

/** A wallet's user signed in with Para: a user session now, to be checked (its answer sets the expiry). */
export function becameUserSession(): Step {
  return { patch: { kind: 'user', status: 'checking', expiresAt: null }, effects: [effect('remember-identity')] };
}

/** A wallet connected after the user session ended: active, never expiring, nothing to keep alive or sign in to. */
export function becameWalletSession(kind: SessionKind): Step {
  return { retry: 'clear', reauth: 'cancel', patch: { kind, status: 'active', expiresAt: null, error: null }, effects: [effect('reset-expiry'), effect('resolve-waiters')] };
}

/** The schedule reached the warning window: this tab and the others show the warning. */
export function warningDue(): Step {
  return { patch: { status: 'expiring' }, effects: [effect('publish-state')] };
}

/** This tab began or stopped leading; a new leader with a stale answer asks at once (unless it already is). */
export function leadershipChanged(view: SessionView, leader: boolean, checking: boolean): Step {
  const { status, lastCheckedAt } = view.state;
  const stale = lastCheckedAt === null || Math.abs(view.now - lastCheckedAt) > WAKE_DEDUPE_MS;
  const asks = leader && (isUsableStatus(status) || status === 'offline') && stale && !checking;
  // A new leader picks the schedule up at once; an overdue plan fires now (late timers re-check first).
  return { patch: { leader }, effects: asks ? [effect('replan'), effect('check')] : [effect('replan')] };
}
