import type { SharedSessionMessage } from '../coordinator.js';
import type { SessionError, SessionOptions, SessionState } from '../types.js';

/** What a transition may read: one snapshot, no live objects. */
export interface SessionView {
  now: number;
  state: SessionState;
  options: Pick<SessionOptions, 'refreshBefore' | 'warnBefore' | 'sessionLength'>;
  /** A user was seen in this tab (an expiry then means "sign in again", not "never signed in"). */
  knownUser: boolean;
  reauth: { open: boolean; logoutExpected: boolean; signingIn: boolean };
  /** When this tab's server check in flight began (`null`: none): a remote answer at or after it answers ours. */
  checkingSince: number | null;
  /** The user asked to sign out and the server has not heard it yet (the logout is being retried). */
  logoutOwed: boolean;
  /** The longest a session can honestly run from now (ms): the configured length, or longer where the cookie shows it. */
  longestSessionMs: number;
  /** The expiry the user was last warned of (`null`: none): a blip offline inside it is still that warning. */
  warnedFor: number | null;
}

/**
 * What happens to a planned retry. `answered`: the server answered (failures forgiven, a pending check
 * retry dropped, an owed extension kept); `settled`: nothing is owed any more; `failed`: back off and retry.
 */
export type RetryChange = 'clear' | 'answered' | 'settled' | 'failed';

/** Re-auth bookkeeping, applied by the re-auth room before the state changes (listeners may read it). */
export type ReauthChange = 'note-expired' | 'begin' | 'logout-failed' | 'expect-logout' | 'cancel' | 'sign-out';

export type Effect =
  | { type: 'publish-state' }
  | { type: 'publish'; message: SharedSessionMessage }
  | { type: 'emit-expired' }
  | { type: 'emit-signed-out' }
  | { type: 'emit-extended' }
  | { type: 'emit-error'; error: SessionError }
  | { type: 'request-reauth' }
  /** The session is back after an expiry: close every re-auth flow and report who signed in. */
  | { type: 'finish-reauth' }
  /** Remember who is signed in now, for a later re-auth. */
  | { type: 'remember-identity' }
  | { type: 'reset-expiry' }
  | { type: 'resolve-waiters' }
  | { type: 'reject-waiters'; reason: 'signed-out' | 'cancelled' }
  /** Ask the server: what we heard cannot be taken as news. `confirm`: only an answer given from now on will do. */
  | { type: 'check'; confirm?: boolean }
  /** Plan the schedule again now, even if the state did not change. */
  | { type: 'replan' }
  /** Another tab says the user signed out: ask the server before signing out here. */
  | { type: 'confirm-sign-out' }
  /** An SDK logout nobody explained: sign out only once our own server says the session is gone. */
  | { type: 'confirm-para-logout' }
  /** The user signed out in another tab that could not reach the server: retry the logout here too, as asked there. */
  | { type: 'owe-logout'; clearPregenWallets?: boolean; toNewTab?: boolean }
  /** Another tab's pre-sign-in logout ends the session a logout was owed for: nothing is owed. */
  | { type: 'settle-logout' }
  /** Another tab's logout went through: a logout this tab owes only because it heard of the press is paid. */
  | { type: 'logout-paid-elsewhere' }
  /** Another tab explained (or settled) an SDK logout: stop waiting to believe it. */
  | { type: 'cancel-logout-grace' };

/** One transition's result; the engine applies it in this order: retry, reauth, patch, effects. */
export interface Step {
  retry?: RetryChange;
  reauth?: ReauthChange;
  patch?: Partial<SessionState>;
  effects?: Effect[];
}

export const NOTHING: Step = {};

export const effect = <T extends Effect['type']>(type: T, extra?: Omit<Extract<Effect, { type: T }>, 'type'>): Effect =>
  ({ type, ...extra }) as Effect;
