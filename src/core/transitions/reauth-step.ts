import { effect, type SessionView, type Step } from './step.js';

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
