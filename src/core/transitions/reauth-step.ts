import { isUsableStatus } from '../state.js';
import type { SessionStatus } from '../types.js';
import { effect, type Effect, type SessionView, type Step } from './step.js';

/**
 * The sign-in flow is about to sign in again. The SDK ignores sign-ins while it believes it is
 * authenticated, so a logout comes first: every tab takes it as re-auth, never as the user signing out.
 */
export function reauthBegins(_view: SessionView): Step {
  return {
    reauth: 'begin',
    patch: { status: 'reauthenticating', error: null },
    effects: [effect('publish', { message: { type: 'reauth-started' } })],
  };
}

/**
 * The pre-sign-in logout could not reach the server, so the SDK still holds the old session and would ignore a
 * sign-in: back to the status before (`before`), here and in the tabs that followed. The flow stays open.
 */
export function reauthInterrupted(view: SessionView, before: SessionStatus): Step {
  if (view.state.status !== 'reauthenticating') return { reauth: 'logout-failed' };
  const back = before === 'reauthenticating' ? 'expired' : before;
  const effects: Effect[] = [effect('publish', { message: { type: 'reauth-cancelled' } })];
  // Tabs that followed go back to `expired`; a session that was still usable tells them so.
  if (isUsableStatus(back)) effects.push(effect('publish-state'));
  return { reauth: 'logout-failed', patch: { status: back }, effects };
}

/** The user gave up signing in: back to `expired` here and in the tabs that followed, waiters rejected. */
export function reauthCancelled(view: SessionView): Step {
  const signingIn = view.state.status === 'reauthenticating';
  return {
    reauth: 'cancel',
    patch: signingIn ? { status: 'expired' } : undefined,
    effects: [
      ...(signingIn ? [effect('publish', { message: { type: 'reauth-cancelled' } })] : []),
      effect('reject-waiters', { reason: 'cancelled' }),
    ],
  };
}

/**
 * Another tab began signing in and never finished (closed, crashed, or its message lost) within the SDK's own
 * limit for a sign-in: this tab is expired again and offers the sign-in itself, after asking the server (the
 * sign-in may have gone through unheard).
 */
export function reauthAbandoned(view: SessionView): Step {
  if (view.state.status !== 'reauthenticating' || view.reauth.signingIn) return {};
  return { reauth: 'cancel', patch: { status: 'expired' }, effects: [effect('request-reauth'), effect('check')] };
}
