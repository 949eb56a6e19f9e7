/** Why a `requireActive()` promise was rejected. */
export type SessionUnavailableReason = 'signed-out' | 'expired' | 'cancelled' | 'stopped' | 'account-switched' | 'account-unconfirmed';

export class SessionUnavailableError extends Error {
  override readonly name = 'SessionUnavailableError';

  constructor(readonly reason: SessionUnavailableReason, message: string) {
    super(message);
  }
}

export const signedOutError = () => new SessionUnavailableError('signed-out', 'The user signed out.');
export const reauthCancelledError = () =>
  new SessionUnavailableError('cancelled', 'The user cancelled re-authentication.');
/** The server said the session ended: an export of it would hand a server a dead credential. */
export const expiredExportError = () =>
  new SessionUnavailableError('expired', 'The session has expired: sign in again (requireActive() waits for it) before exporting it.');
export const signedOutExportError = () => new SessionUnavailableError('signed-out', 'The user signed out: there is no session to export.');
export const engineStoppedError = () =>
  new SessionUnavailableError('stopped', 'The Para session was stopped before it became active.');

/** Work that waited for one account must not carry on for another (or for one nobody can confirm). */
export const accountChangedError = (reason: 'account-switched' | 'account-unconfirmed') =>
  new SessionUnavailableError(
    reason,
    reason === 'account-switched'
      ? 'Another account signed in; work that waited for the previous account was not resumed.'
      : 'Who signed in again could not be confirmed as the previous account; waiting work was not resumed.',
  );

export { ClientTimeoutError } from '../para/errors.js';

/** `logout()` could not reach the server: the session is still alive there, and the engine keeps trying. */
export class LogoutFailedError extends Error {
  override readonly name = 'LogoutFailedError';

  constructor(readonly reason: string) {
    super(`Not signed out yet: the server could not be reached (${reason}). The session stays as it is, and the logout is retried until it goes through.`);
  }
}
