import { isUsableStatus } from '../state.js';
import type { WakeReason } from '../wake.js';
import { signOut, statusFor } from './outcomes.js';
import { effect, NOTHING, type SessionView, type Step } from './step.js';

/** Focus and visibility within this long of a check (here or in another tab) need no new request. */
export const WAKE_DEDUPE_MS = 30_000;

/** The user did something at `at` (here: `local`, and the other tabs hear it; or relayed from another tab). */
export function activity(view: SessionView, at: number, local: boolean): Step {
  if (at <= (view.state.lastActivityAt ?? -Infinity)) return NOTHING;
  return { patch: { lastActivityAt: at }, effects: local ? [effect('publish', { message: { type: 'activity', at } })] : [] };
}

/** The page woke up (visible, focus, online, pageshow, a clock jump): ask the server unless a tab just did. */
export function wake(view: SessionView, reason: WakeReason): Step {
  const { status, lastCheckedAt, leader } = view.state;
  if (status === 'idle' || status === 'signed-out' || status === 'checking') return NOTHING;
  const recent = lastCheckedAt !== null && Math.abs(view.now - lastCheckedAt) < WAKE_DEDUPE_MS;
  // The leader answers for every wake-up; a follower only asks when no tab has asked lately.
  if ((reason === 'visible' || reason === 'focus' || !leader) && recent) return NOTHING;
  return { effects: [effect('check')] };
}

/** Signing extends a usable user session on Para's side (the cookie does not show it). */
export const signatureExtends = (view: SessionView): boolean => view.state.kind === 'user' && isUsableStatus(view.state.status);

/** The user signed a message or transaction; `expiresAt` is what the tracker makes of it. */
export function signed(view: SessionView, expiresAt: number): Step {
  const { status } = view.state;
  return {
    patch: { expiresAt, status: statusFor(view, expiresAt, status), lastExtendedAt: view.now, lastActivityAt: view.now },
    effects: [effect('publish-state')],
  };
}

/**
 * The SDK logged out. Our own (or another tab's) pre-sign-in logout is re-auth, not the user signing out;
 * with other tabs, an unexplained one waits a grace period for that tab's `reauth-started` (`wait`). The
 * SDK's window events name no client, so with or without tabs, an unexplained one is confirmed with our
 * server before it signs out: it may be another session's on this page.
 */
export function paraLogout(view: SessionView, crossTab: boolean, graceRunning: boolean): Step | 'wait' {
  const { status } = view.state;
  if (view.reauth.logoutExpected || status === 'reauthenticating') return NOTHING;
  if (!crossTab) return logoutGraceEnded(view);
  // An expired session's logout is some tab's re-auth (a deliberate sign-out arrives as `signed-out`).
  if (status === 'expired' || graceRunning) return NOTHING;
  return 'wait';
}

const logoutExplained = (view: SessionView): boolean =>
  view.reauth.logoutExpected || view.state.status === 'reauthenticating' || view.state.status === 'expired';

/**
 * The grace period ended with no tab saying it was re-authenticating. The SDK's window events name no
 * client, so it may be another session's on this page: ask our server before signing out.
 */
export function logoutGraceEnded(view: SessionView): Step {
  return logoutExplained(view) ? NOTHING : { effects: [effect('confirm-para-logout')] };
}

/**
 * Our server says this session is gone after an unexplained SDK logout: the user signed out, and the other
 * tabs are told (each confirms with the server in turn) rather than finding out at their next look.
 */
export function paraLogoutConfirmed(view: SessionView): Step {
  return logoutExplained(view) ? NOTHING : signOut(view, true);
}
