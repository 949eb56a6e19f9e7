import type { ParaSessionClient, ParaStateSnapshot } from './client.js';
import { classifyParaFailure, describeFailure } from './errors.js';

/**
 * The SDK's sign-in flows for a re-authentication after an expiry. The engine decides the state; this
 * module only knows which SDK calls make a sign-in happen and how they report progress.
 */

export type OAuthMethod = 'GOOGLE' | 'APPLE' | 'DISCORD' | 'X' | 'FACEBOOK' | 'TELEGRAM' | 'FARCASTER';
export const OAUTH_METHODS: readonly OAuthMethod[] = ['GOOGLE', 'APPLE', 'DISCORD', 'X', 'FACEBOOK', 'TELEGRAM', 'FARCASTER'];

export type ReauthMethod = { type: 'email'; email: string } | { type: 'oauth'; method: OAuthMethod };

export type ReauthFailure = 'popup-blocked' | 'network' | 'unsupported' | 'failed';

export type ReauthOutcome =
  | { ok: true }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; failure: ReauthFailure; message: string };

/** What a re-authentication needs from the engine (structural, so this module stays free of the core). */
export interface ReauthSession {
  readonly client: ParaSessionClient;
  beginReauth(): Promise<void>;
  completeReauth(): Promise<{ status: string; error: { kind: string; message: string } | null }>;
}

/** The auth methods of `ParaWeb`, typed the way the flows call them. */
interface AuthCapableClient {
  authenticateWithEmailOrPhone?(params: { auth: { email: string } }): Promise<unknown>;
  authenticateWithOAuth?(params: { method: OAuthMethod; redirectCallbacks: { onOAuthUrl: (url: string) => void } }): Promise<unknown>;
  cancelAuthFlow?(): Promise<void>;
  onStatePhaseChange?(callback: (snapshot: ParaStateSnapshot) => void): () => void;
}

export const AUTH_POPUP_NAME = 'para-auth';
const AUTH_POPUP_FEATURES = 'popup,width=480,height=640';

/**
 * Opens a blank popup. Must run synchronously inside the click or submit handler: browsers allow a
 * popup only right after a user gesture, and the SDK's URL arrives seconds later.
 */
export function openAuthPopup(view: Pick<Window, 'open'> = window): Window | null {
  try {
    return view.open('', AUTH_POPUP_NAME, AUTH_POPUP_FEATURES);
  } catch {
    return null;
  }
}

/** Whether the client can run the given sign-in. */
export function supportsReauth(client: ParaSessionClient | null | undefined, type: ReauthMethod['type']): boolean {
  const auth = client as AuthCapableClient | null | undefined;
  return typeof (type === 'email' ? auth?.authenticateWithEmailOrPhone : auth?.authenticateWithOAuth) === 'function';
}

export { isSwitchedAccount } from './identity.js';

/**
 * One sign-in attempt: logs the SDK out first (it drops sign-ins while it believes it is authenticated),
 * signs in through the popup, then lets the engine confirm with the server. `cancel()` stops it.
 */
export class ReauthAttempt {
  private cancelled = false;
  private stopFollowing: (() => void) | null = null;

  constructor(
    private readonly session: ReauthSession,
    private readonly popup: Window | null,
  ) {}

  async run(method: ReauthMethod): Promise<ReauthOutcome> {
    const client = this.session.client as unknown as AuthCapableClient;
    if (!supportsReauth(this.session.client, method.type)) {
      return this.failed('unsupported', `The Para client has no ${method.type === 'email' ? 'authenticateWithEmailOrPhone' : 'authenticateWithOAuth'}() method.`);
    }
    if (!this.popup) return this.failed('popup-blocked', 'The browser blocked the sign-in window.');
    try {
      await this.session.beginReauth();
      if (this.cancelled) return { ok: false, cancelled: true };
      if (method.type === 'email') {
        this.followPortalUrl(client);
        await client.authenticateWithEmailOrPhone!({ auth: { email: method.email } });
      } else {
        await client.authenticateWithOAuth!({ method: method.method, redirectCallbacks: { onOAuthUrl: (url) => this.navigate(url) } });
      }
    } catch (error) {
      if (this.cancelled) return { ok: false, cancelled: true };
      const kind = classifyParaFailure(error);
      return this.failed(kind === 'network' ? 'network' : 'failed', describeFailure(error));
    } finally {
      this.stopFollowing?.();
      this.stopFollowing = null;
    }
    if (this.cancelled) return { ok: false, cancelled: true };
    this.closePopup();
    const state = await this.session.completeReauth();
    if (state.status === 'active' || state.status === 'expiring') return { ok: true };
    if (state.error?.kind === 'network' || state.status === 'offline') {
      return this.failed('network', state.error?.message ?? 'Para could not be reached.');
    }
    return this.failed('failed', 'Para did not confirm the new session.');
  }

  /** Stops the SDK's flow; the caller tells the engine (`cancelReauth`). */
  async cancel(): Promise<void> {
    this.cancelled = true;
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.closePopup();
    const client = this.session.client as unknown as AuthCapableClient;
    try {
      await client.cancelAuthFlow?.();
    } catch {
      // Cancelling a flow the SDK already finished or dropped is not an error for the user.
    }
  }

  /** The passkey/password page URL shows up in the SDK's state a second or two after the call. */
  private followPortalUrl(client: AuthCapableClient): void {
    if (typeof client.onStatePhaseChange !== 'function') return;
    this.stopFollowing = client.onStatePhaseChange((snapshot) => {
      const info = snapshot?.authStateInfo;
      const url = info?.passkeyUrl ?? info?.passwordUrl ?? info?.pinUrl ?? null;
      if (url) this.navigate(url);
    });
  }

  private navigated: string | null = null;

  private navigate(url: string): void {
    if (!this.popup || this.popup.closed || this.navigated === url) return;
    this.navigated = url;
    this.popup.location.href = url;
  }

  private closePopup(): void {
    try {
      if (this.popup && !this.popup.closed) this.popup.close();
    } catch {
      // A popup on another origin may refuse; it closes itself when the portal is done.
    }
  }

  private failed(failure: ReauthFailure, message: string): ReauthOutcome {
    this.closePopup();
    return { ok: false, cancelled: false, failure, message };
  }
}
