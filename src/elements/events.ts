import type { AccountMatch, ParaIdentity, SessionError, SessionState } from '../core/types.js';

/** Kit events bubble and cross shadow roots, so a listener anywhere above the element hears them. */
const shared = { bubbles: true, composed: true } as const;

export interface ParaSessionChangeDetail {
  state: SessionState;
  previous: SessionState;
}
export interface ParaSessionExtendedDetail {
  expiresAt: number | null;
}
export interface ParaSessionWarningDetail {
  expiresAt: number | null;
  secondsLeft: number;
}
export interface ParaSessionExpiredDetail {
  identity: ParaIdentity;
}
export interface ParaReauthRequestDetail {
  /** Who was signed in: pre-fill your own sign-in with it. */
  identity: ParaIdentity;
}
export interface ParaReauthCompleteDetail {
  identity: ParaIdentity;
  previous: ParaIdentity;
  /** The user signed in as someone other than the account whose session expired. */
  switchedAccount: boolean;
  /** `same`, `switched`, or `unconfirmed` when either identity is unknown (never taken as the same). */
  account: AccountMatch;
}
export interface ParaReauthCancelDetail {
  reason: string;
}
export interface ParaSessionErrorDetail {
  error: SessionError;
}
export interface ParaRequestCloseDetail {
  /** What asked the dialog to close. */
  source: 'escape' | 'close-button' | 'cancel-button';
}

/** The session's state changed (any field). */
export class ParaSessionChangeEvent extends Event {
  static readonly type = 'para-session-change';
  constructor(readonly detail: ParaSessionChangeDetail) {
    super(ParaSessionChangeEvent.type, shared);
  }
}

/** The server extended the session. */
export class ParaSessionExtendedEvent extends Event {
  static readonly type = 'para-session-extended';
  constructor(readonly detail: ParaSessionExtendedDetail) {
    super(ParaSessionExtendedEvent.type, shared);
  }
}

/** The session entered the warning window before expiry. */
export class ParaSessionWarningEvent extends Event {
  static readonly type = 'para-session-warning';
  constructor(readonly detail: ParaSessionWarningDetail) {
    super(ParaSessionWarningEvent.type, shared);
  }
}

/** The server confirmed the session expired. */
export class ParaSessionExpiredEvent extends Event {
  static readonly type = 'para-session-expired';
  constructor(readonly detail: ParaSessionExpiredDetail) {
    super(ParaSessionExpiredEvent.type, shared);
  }
}

/** A re-authentication is needed. Cancelable: `preventDefault()` to run your own sign-in instead of the dialog's. */
export class ParaReauthRequestEvent extends Event {
  static readonly type = 'para-reauth-request';
  constructor(readonly detail: ParaReauthRequestDetail) {
    super(ParaReauthRequestEvent.type, { ...shared, cancelable: true });
  }
}

/** The user signed in again and the session is active. */
export class ParaReauthCompleteEvent extends Event {
  static readonly type = 'para-reauth-complete';
  constructor(readonly detail: ParaReauthCompleteDetail) {
    super(ParaReauthCompleteEvent.type, shared);
  }
}

/** The user gave up the re-authentication; `requireActive()` callers were rejected. */
export class ParaReauthCancelEvent extends Event {
  static readonly type = 'para-reauth-cancel';
  constructor(readonly detail: ParaReauthCancelDetail) {
    super(ParaReauthCancelEvent.type, shared);
  }
}

/** A request failed or the configuration is wrong. */
export class ParaSessionErrorEvent extends Event {
  static readonly type = 'para-session-error';
  constructor(readonly detail: ParaSessionErrorDetail) {
    super(ParaSessionErrorEvent.type, shared);
  }
}

/** The dialog is about to close at the user's request. Cancelable: `preventDefault()` keeps it open. */
export class ParaRequestCloseEvent extends Event {
  static readonly type = 'para-request-close';
  constructor(readonly detail: ParaRequestCloseDetail) {
    super(ParaRequestCloseEvent.type, { ...shared, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'para-session-change': ParaSessionChangeEvent;
    'para-session-extended': ParaSessionExtendedEvent;
    'para-session-warning': ParaSessionWarningEvent;
    'para-session-expired': ParaSessionExpiredEvent;
    'para-reauth-request': ParaReauthRequestEvent;
    'para-reauth-complete': ParaReauthCompleteEvent;
    'para-reauth-cancel': ParaReauthCancelEvent;
    'para-session-error': ParaSessionErrorEvent;
    'para-request-close': ParaRequestCloseEvent;
  }
}
