/** Why a `requireActive()` promise was rejected. */
export type SessionUnavailableReason = 'signed-out' | 'cancelled' | 'stopped';

export class SessionUnavailableError extends Error {
  override readonly name = 'SessionUnavailableError';

  constructor(readonly reason: SessionUnavailableReason, message: string) {
    super(message);
  }
}

export const signedOutError = () => new SessionUnavailableError('signed-out', 'The user signed out.');
export const reauthCancelledError = () =>
  new SessionUnavailableError('cancelled', 'The user cancelled re-authentication.');
export const engineStoppedError = () =>
  new SessionUnavailableError('stopped', 'The Para session was stopped before it became active.');

export { ClientTimeoutError } from '../para/errors.js';

/** `logout()` could not reach the server: the session is still alive there, and the engine keeps trying. */
export class LogoutFailedError extends Error {
  override readonly name = 'LogoutFailedError';

  constructor(readonly reason: string) {
    super(`Not signed out yet: the server could not be reached (${reason}). The session stays as it is, and the logout is retried until it goes through.`);
  }
}
