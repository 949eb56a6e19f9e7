import type { SharedSessionMessage } from '../coordinator.js';
import { isUsableStatus, isWalletKind } from '../state.js';
import { expire, isReturning, signOut, statusFor } from './outcomes.js';
import { activity } from './page-event.js';
import { effect, NOTHING, type SessionView, type Step } from './step.js';

/** A message older than this was held up (a frozen tab, a slow channel): verify what it says. */
export const STALE_MESSAGE_MS = 2_000;
/** A remote `active` this recent was just heard from the server: adopt it instead of asking again. */
export const REMOTE_FRESH_MS = 10_000;

/** How far ahead of our clock another tab's times may be (tabs share one wall clock; this is skew and delivery). */
export const FUTURE_TOLERANCE_MS = 5_000;

type StateMessage = Extract<SharedSessionMessage, { type: 'state' }>;

/** Another tab told us something (the tab-sync room already noted its clock). */
export function remoteMessage(view: SessionView, message: SharedSessionMessage): Step {
  const { status, kind } = view.state;
  if (isWalletKind(kind)) return walletHears(message);
  switch (message.type) {
    case 'activity':
      // Activity from the future would keep the session alive for as long as it lies.
      return message.at > view.now + FUTURE_TOLERANCE_MS ? NOTHING : activity(view, message.at, false);
    case 'signed-out':
      // A bare "signed out" is news only the server can confirm (a buggy or hostile tab may send it). It pays a
      // logout this tab owes only for having heard of the press: a frozen tab that hears both late must not
      // log out the session the user has signed in to since.
      return status === 'signed-out' || status === 'idle' ? NOTHING : { effects: [effect('logout-paid-elsewhere'), effect('confirm-sign-out')] };
    case 'logout-owed':
      // The user asked to sign out; if that tab closes before the network is back, this one finishes the logout.
      return status === 'signed-out' || status === 'idle' ? NOTHING : { effects: [effect('owe-logout', { clearPregenWallets: message.clearPregenWallets === true, toNewTab: message.toNewTab === true })] };
    case 'reauth-started':
      // That tab's pre-sign-in logout empties this tab's SDK too: re-auth here as well, not a sign-out. It ends
      // the session a logout may be owed for, so this tab's retry cannot land in the middle of the sign-in.
      return {
        reauth: 'expect-logout',
        patch: status !== 'signed-out' && status !== 'idle' ? { status: 'reauthenticating', error: null } : undefined,
        effects: [effect('cancel-logout-grace'), effect('settle-logout')],
      };
    case 'reauth-cancelled':
      // A tab showing its own request (its dialog open) is not signing in itself: back to expired too.
      return status === 'reauthenticating' && !view.reauth.signingIn ? { patch: { status: 'expired' } } : NOTHING;
    case 'reauth-complete':
      // Normally the state message before it already brought this tab back; if it was lost, ask.
      return isUsableStatus(status) ? NOTHING : { effects: [effect('check')] };
    case 'state':
      return remoteState(view, message);
    case 'clock':
    case 'checking':
      return NOTHING;
  }
}

/**
 * A wallet's session here (it never expires) is not the user session another tab has: its times, sign-ins,
 * cancels and sign-outs are not this tab's (and this tab's client, a wallet's, would "confirm" any session).
 * What they may mean is that this tab's client signed in with Para too: a check follows the client's kind,
 * and asks nothing while it is still a wallet's.
 */
function walletHears(message: SharedSessionMessage): Step {
  return message.type === 'state' || message.type === 'reauth-complete' ? { effects: [effect('check')] } : NOTHING;
}

/** Times no honest tab can send: checked or extended in the future, or an expiry beyond the longest session from now. */
function implausible(view: SessionView, message: StateMessage): boolean {
  const latest = view.now + FUTURE_TOLERANCE_MS;
  if ((message.lastCheckedAt ?? 0) > latest || (message.lastExtendedAt ?? 0) > latest) return true;
  return message.expiresAt !== null && message.expiresAt > latest + view.longestSessionMs;
}

/**
 * Another tab's end is earlier than the one this tab knows, read from an older copy of the cookie (its check,
 * sent before an extension, answered after it): this tab's end holds, and the tabs hear it.
 */
export function olderEndHeard(view: SessionView, expiresAt: number): Step {
  return { patch: { expiresAt, status: statusFor(view, expiresAt, view.state.status) }, effects: [effect('publish-state')] };
}

/** The server confirmed that the session is gone after another tab said the user signed out. */
export function remoteSignOutConfirmed(view: SessionView): Step {
  const step = signOut(view, false);
  return { ...step, effects: [effect('cancel-logout-grace'), ...(step.effects ?? [])] };
}

/** The message carries a server answer given after this tab started its own check: it answers ours. */
const answersOurCheck = (view: SessionView, message: StateMessage): boolean =>
  view.checkingSince !== null && message.lastCheckedAt !== null && message.lastCheckedAt >= view.checkingSince;

/** The message says what this tab already knows (the leader telling a tab that opened): no news, nothing to undo. */
const knownAlready = (view: SessionView, message: StateMessage): boolean =>
  message.status === view.state.status &&
  message.kind === view.state.kind &&
  message.expiresAt === view.state.expiresAt &&
  message.lastCheckedAt === view.state.lastCheckedAt &&
  message.lastExtendedAt === view.state.lastExtendedAt;

function remoteState(view: SessionView, message: StateMessage): Step {
  if (implausible(view, message) || knownAlready(view, message)) return NOTHING;
  const { status, kind, expiresAt, lastCheckedAt, lastExtendedAt } = message;
  const own = view.state.status;
  if (status === 'expired') {
    if (own === 'expired' || own === 'reauthenticating' || own === 'signed-out' || own === 'idle') return NOTHING;
    // A late message (from a tab that was frozen, or delayed) must not undo an answer we know is newer,
    // and an old one is no longer news: the user may have signed in again since. Ask instead.
    if (lastCheckedAt !== null && view.state.lastCheckedAt !== null && lastCheckedAt < view.state.lastCheckedAt) return NOTHING;
    if (view.now - message.sentAt > STALE_MESSAGE_MS) return { effects: [effect('check')] };
    // Confirmed by one shared check: the first tab asks, the others adopt its answer while they wait for it.
    if (!answersOurCheck(view, message)) return { effects: [effect('check', { confirm: true })] };
    return expire({ kind, lastCheckedAt }, 'tab');
  }
  if (!isUsableStatus(status) || expiresAt === null) return NOTHING;
  const returning = isReturning(own);
  // The sender's clock is behind ours: it missed a clock set back that this tab saw (it opened after it), so its
  // times are in another clock. Tab sync tells it our time; it asks the server again and sends what it hears.
  if (message.sentAt < view.now - FUTURE_TOLERANCE_MS) return returning ? { effects: [effect('check')] } : NOTHING;
  const fresh = lastCheckedAt !== null && Math.abs(view.now - lastCheckedAt) < REMOTE_FRESH_MS;
  if (returning && !fresh) return { effects: [effect('check')] };
  if (returning && !answersOurCheck(view, message)) return { effects: [effect('check', { confirm: true })] };
  const inWarning = expiresAt - view.now <= view.options.warnBefore * 1000;
  const next = status === 'expiring' && inWarning ? 'expiring' : statusFor(view, expiresAt, own);
  return {
    retry: 'settled',
    patch: { kind, expiresAt, lastCheckedAt, lastExtendedAt, status: next, error: null },
    // Not back from an expiry: note whose session this is, as an answer of our own would.
    effects: [effect(returning ? 'finish-reauth' : 'remember-identity'), effect('resolve-waiters')],
  };
}
