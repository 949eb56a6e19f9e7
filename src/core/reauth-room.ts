import { atom, type ReadableAtom } from 'nanostores';
import { compareAccounts, type AccountMatch, type ParaIdentity } from '../para/identity.js';
import { isUsableStatus } from './state.js';
import type { ReauthChange } from './transitions/step.js';
import type { SessionStatus } from './types.js';

/** An outstanding re-authentication request and who answers it: the kit's dialog, or the app's own flow. */
export interface ReauthRequest {
  identity: ParaIdentity;
  handledBy: 'kit' | 'app';
}

/** Who signed in again, who had expired, and whether those are different accounts. */
export interface ReauthCompletion {
  identity: ParaIdentity;
  previous: ParaIdentity;
  /** A different account proven by the identities (`account === 'switched'`). */
  switchedAccount: boolean;
  /** `unconfirmed` when either identity is unknown: never taken as the same account. */
  account: AccountMatch;
}

const NOBODY: ParaIdentity = { userId: null, email: null };

/**
 * Re-authentication state, in one place: who was signed in, who expired, whether a sign-in flow is open,
 * whether an SDK logout is expected (our own pre-sign-in logout, or another tab's), and `$reauth`, which
 * elements render.
 */
export class ReauthRoom {
  readonly #request$ = atom<ReauthRequest | null>(null);
  /** A sign-in flow is open (here): another tab's `reauth-cancelled` does not end it. */
  open = false;
  /** Our own pre-sign-in logout (or another tab's) clears the SDK's storage: not the user signing out. */
  logoutExpected = false;
  /** This tab itself is signing in (`beginReauth()` ran here), not only showing the request or following another tab. */
  signingIn = false;
  #identity: ParaIdentity = NOBODY;
  #expiredIdentity: ParaIdentity | null = null;
  #leftToApp = false;

  get $reauth(): ReadableAtom<ReauthRequest | null> {
    return this.#request$;
  }

  /** The last identity seen while the session was active: pre-fills and checks a re-authentication. */
  get lastIdentity(): ParaIdentity {
    return this.#expiredIdentity ?? this.#identity;
  }

  /** A user was seen here, so "inactive" means "expired" rather than "never signed in". */
  get knownUser(): boolean {
    return this.#identity.userId !== null;
  }

  /**
   * Who the client says is signed in: at start, and after every answer that is not a re-auth. Returns how it
   * compares with who was remembered before (`switched`: another account signed in without an expiry between).
   */
  remember(identity: ParaIdentity, always = false): AccountMatch {
    if (!always && !identity.userId && !identity.email) return 'unconfirmed';
    const match = compareAccounts(identity, this.#identity);
    this.#identity = identity;
    return match;
  }

  apply(change: ReauthChange): void {
    switch (change) {
      case 'note-expired':
        this.#expiredIdentity = this.#identity;
        break;
      case 'begin':
        this.open = true;
        this.signingIn = true;
        this.logoutExpected = true;
        this.#expiredIdentity ??= this.#identity;
        break;
      case 'expect-logout':
        this.logoutExpected = true;
        this.#expiredIdentity ??= this.#identity;
        break;
      case 'logout-failed':
        // The pre-sign-in logout did not go through: the SDK cleared nothing, the flow stays open to try again.
        this.logoutExpected = false;
        this.signingIn = false;
        break;
      case 'cancel':
        this.open = false;
        this.signingIn = false;
        this.logoutExpected = false;
        this.#request$.set(null);
        break;
      case 'sign-out':
        this.open = false;
        this.signingIn = false;
        this.#expiredIdentity = null;
        break;
    }
  }

  /** Opens a request; `announce` tells listeners (who may call `leaveToApp()` while it runs). */
  request(announce: (identity: ParaIdentity) => void): void {
    this.open = true;
    this.#leftToApp = false;
    const identity = this.lastIdentity;
    announce(identity);
    this.#request$.set({ identity, handledBy: this.#leftToApp ? 'app' : 'kit' });
  }

  /** The page runs its own sign-in for the current request: the kit's dialog stays closed. */
  leaveToApp(): void {
    this.#leftToApp = true;
    const current = this.#request$.get();
    if (current) this.#request$.set({ ...current, handledBy: 'app' });
  }

  /** The session is back after an expiry, signed in as `identity`. */
  finish(identity: ParaIdentity): ReauthCompletion {
    const previous = this.lastIdentity;
    this.open = false;
    this.logoutExpected = false;
    this.signingIn = false;
    this.#expiredIdentity = null;
    this.#identity = identity;
    this.#request$.set(null);
    const account = compareAccounts(identity, previous);
    return { identity, previous, switchedAccount: account === 'switched', account };
  }

  /** A session that is usable again, or deliberately ended, needs no sign-in any more. */
  statusChanged(status: SessionStatus): void {
    if (isUsableStatus(status) || status === 'signed-out') this.#request$.set(null);
  }
}
