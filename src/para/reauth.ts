import { cancelSignIn, stopWatching, type CancellableClient } from './cancel-flow.js';
import type { ParaIdentity, ParaSessionClient, ParaStateSnapshot } from './client.js';
import { classifyParaFailure, describeFailure } from './errors.js';

/**
 * The SDK's sign-in flows for a re-authentication after an expiry. The engine decides the state; this
 * module only knows which SDK calls make a sign-in happen and how they report progress.
 */

export type OAuthMethod = 'GOOGLE' | 'APPLE' | 'DISCORD' | 'X' | 'FACEBOOK' | 'TELEGRAM' | 'FARCASTER';
export const OAUTH_METHODS: readonly OAuthMethod[] = ['GOOGLE', 'APPLE', 'DISCORD', 'X', 'FACEBOOK', 'TELEGRAM', 'FARCASTER'];

/** The SDK's own name of a method, where it differs: X is `TWITTER` to it (`TOAuthMethod`; an `X` would open `/auth/x`). */
const SDK_OAUTH_NAMES: Partial<Record<OAuthMethod, string>> = { X: 'TWITTER' };

/** The method a word names (`google`, `x`, and `twitter`, the SDK's name for X), or `null` for none the kit knows. */
export function oauthMethodNamed(word: string): OAuthMethod | null {
  const upper = word.trim().toUpperCase();
  const method = (upper === 'TWITTER' ? 'X' : upper) as OAuthMethod;
  return OAUTH_METHODS.includes(method) ? method : null;
}

export type ReauthMethod =
  | { type: 'email'; email: string }
  | { type: 'phone'; phone: string }
  | { type: 'oauth'; method: OAuthMethod }
  /** `refreshSession()`: approve the same session in the portal, without signing out first. */
  | { type: 'refresh' };

export type ReauthFailure = 'popup-blocked' | 'popup-closed' | 'network' | 'unsupported' | 'failed';

export type ReauthOutcome =
  | { ok: true }
  | { ok: false; cancelled: true }
  /** `message` is the SDK's own text, for logs: people are shown a sentence chosen by `failure`. */
  | { ok: false; cancelled: false; failure: ReauthFailure; message: string };

/** Timers, injected so tests run the popup watch and refresh polling on simulated time. */
export interface ReauthTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What a re-authentication needs from the engine (structural, so this module stays free of the core). */
export interface ReauthSession {
  readonly client: ParaSessionClient;
  beginReauth(): Promise<void>;
  completeReauth(): Promise<{ status: string; error: { kind: string; message: string } | null }>;
  check(): Promise<{ status: string }>;
}

/** The auth methods of `ParaWeb`, typed the way the flows call them. */
interface AuthCapableClient {
  authenticateWithEmailOrPhone?(params: { auth: { email: string } | { phone: string } }): Promise<unknown>;
  /** `method` in the SDK's names (`TOAuthMethod`). */
  authenticateWithOAuth?(params: { method: string; redirectCallbacks: { onOAuthUrl: (url: string) => void } }): Promise<unknown>;
  refreshSession?(params: { shouldOpenPopup: boolean }): Promise<string>;
  cancelAuthFlow?(): Promise<void>;
  onStatePhaseChange?(callback: (snapshot: ParaStateSnapshot) => void): () => void;
}

const SDK_METHOD: Record<ReauthMethod['type'], keyof AuthCapableClient> = {
  email: 'authenticateWithEmailOrPhone',
  phone: 'authenticateWithEmailOrPhone',
  oauth: 'authenticateWithOAuth',
  refresh: 'refreshSession',
};

export const AUTH_POPUP_NAME = 'para-auth';
const AUTH_POPUP_FEATURES = 'popup,width=480,height=640';
/** How often a closed popup or a refreshed session is looked for. */
export const POPUP_WATCH_MS = 500;
/** When a popup still open after `close()` is asked again. */
const CLOSE_AGAIN_MS = [250, 1_000, 3_000];
export const REFRESH_POLL_MS = 2000;

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
  return typeof auth?.[SDK_METHOD[type]] === 'function';
}

export { isSwitchedAccount } from './identity.js';

/** What the SDK still knows about the account whose session ended: greets and pre-fills the sign-in. */
export interface KnownAccount {
  email: string | null;
  phone: string | null;
  displayName: string | null;
  /** How the account signed in: `email`, `phone`, or an OAuth method when the SDK recorded one. */
  method: 'email' | 'phone' | OAuthMethod | null;
}

export function readKnownAccount(client: ParaSessionClient | null | undefined, identity: ParaIdentity | null): KnownAccount {
  const info = safeRead(() => (client as { authInfo?: Record<string, unknown> } | null)?.authInfo) ?? {};
  const auth = (info.auth ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const phone = text(auth.phone) ?? text(safeRead(() => client?.phone)) ?? (isPhoneNumber(identity?.email) ? identity!.email : null);
  const email = text(auth.email) ?? text(safeRead(() => client?.email)) ?? (isPhoneNumber(identity?.email) ? null : (identity?.email ?? null));
  const authType = text(info.authType);
  const oauth = authType ? oauthMethodNamed(authType) : null;
  const method = oauth ?? (phone ? 'phone' : email ? 'email' : null);
  return { email, phone, displayName: text(info.displayName), method };
}

const isPhoneNumber = (value: string | null | undefined): value is string => typeof value === 'string' && /^\+\d{6,15}$/.test(value);

function safeRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * One sign-in attempt: logs the SDK out first (it drops sign-ins while it believes it is authenticated),
 * signs in through the popup, then lets the engine confirm with the server. `cancel()` stops it, and so
 * does the user closing the popup.
 */
export class ReauthAttempt {
  #cancelled = false;
  #stopFollowing: (() => void) | null = null;
  #popupWatch: unknown = null;
  #navigated: string | null = null;
  #settle: ((outcome: ReauthOutcome) => void) | null = null;
  #waitingForSdk = false;

  readonly #session: ReauthSession;
  readonly #popup: Window | null;
  readonly #timers: ReauthTimers;
  readonly #onConfirming: () => void;

  /** `onConfirming`: the person finished signing in (the SDK answered, its window is closed); the server is asked now. */
  constructor(session: ReauthSession, popup: Window | null, timers: ReauthTimers, onConfirming: () => void = () => undefined) {
    this.#session = session;
    this.#popup = popup;
    this.#timers = timers;
    this.#onConfirming = onConfirming;
  }

  async run(method: ReauthMethod): Promise<ReauthOutcome> {
    if (!supportsReauth(this.#session.client, method.type)) {
      return this.#failed('unsupported', `The Para client has no ${SDK_METHOD[method.type]}() method.`);
    }
    if (!this.#popup) return this.#failed('popup-blocked', 'The browser blocked the sign-in window.');
    stopWatching(this.#session.client);
    const interrupted = new Promise<ReauthOutcome>((resolve) => (this.#settle = resolve));
    this.#watchPopup();
    try {
      return await Promise.race([this.#signIn(method), interrupted]);
    } finally {
      this.#stopWatching();
    }
  }

  /** Whether the SDK's sign-in call was made and has not answered: the person has not finished signing in here. */
  get waitingForSdk(): boolean {
    return this.#waitingForSdk;
  }

  /** Stops the SDK's flow; the caller tells the engine (`cancelReauth`). */
  async cancel(): Promise<void> {
    this.#cancelled = true;
    this.#settle?.({ ok: false, cancelled: true });
    this.#stopWatching();
    this.#closePopup();
    await this.#cancelSdkFlow();
  }

  async #signIn(method: ReauthMethod): Promise<ReauthOutcome> {
    const client = this.#session.client as unknown as AuthCapableClient;
    try {
      if (method.type === 'refresh') return await this.#refresh(client);
      await this.#session.beginReauth();
      if (this.#cancelled) return { ok: false, cancelled: true };
      this.#waitingForSdk = true;
      if (method.type === 'oauth') {
        await client.authenticateWithOAuth!({ method: SDK_OAUTH_NAMES[method.method] ?? method.method, redirectCallbacks: { onOAuthUrl: (url) => this.#navigate(url) } });
      } else {
        this.#followPortalUrl(client);
        const auth = method.type === 'email' ? { email: method.email } : { phone: method.phone };
        await client.authenticateWithEmailOrPhone!({ auth });
      }
      this.#waitingForSdk = false;
    } catch (error) {
      this.#waitingForSdk = false;
      if (this.#cancelled) return { ok: false, cancelled: true };
      const kind = classifyParaFailure(error);
      return this.#failed(kind === 'network' ? 'network' : method.type === 'refresh' ? 'unsupported' : 'failed', describeFailure(error));
    }
    if (this.#cancelled) return { ok: false, cancelled: true };
    this.#stopWatching();
    this.#closePopup();
    this.#onConfirming();
    const state = await this.#session.completeReauth();
    if (state.status === 'active' || state.status === 'expiring') return { ok: true };
    if (state.error?.kind === 'network' || state.status === 'offline') {
      return this.#failed('network', state.error?.message ?? 'Para could not be reached.');
    }
    return this.#failed('failed', 'Para did not confirm the new session.');
  }

  /** The SDK only hands back the portal URL; the session is back once the server says it is active. */
  async #refresh(client: AuthCapableClient): Promise<ReauthOutcome> {
    const url = await client.refreshSession!({ shouldOpenPopup: false });
    this.#navigate(url);
    for (;;) {
      await new Promise((resolve) => this.#timers.setTimeout(() => resolve(undefined), REFRESH_POLL_MS));
      if (this.#cancelled) return { ok: false, cancelled: true };
      const state = await this.#session.check();
      if (state.status === 'active' || state.status === 'expiring') {
        this.#closePopup();
        return { ok: true };
      }
    }
  }

  #watchPopup(): void {
    this.#popupWatch = this.#timers.setTimeout(() => {
      this.#popupWatch = null;
      if (this.#cancelled) return;
      if (this.#popup?.closed) {
        void this.#onPopupClosed();
        return;
      }
      this.#watchPopup();
    }, POPUP_WATCH_MS);
  }

  /**
   * The portal closes its window once the sign-in is approved, so a closed popup may be success: ask
   * the server. Only a session still inactive means the user closed it early; then stop the SDK's polling.
   */
  async #onPopupClosed(): Promise<void> {
    const state = await this.#session.check().catch(() => ({ status: 'unknown' }));
    if (this.#cancelled) return;
    if (state.status === 'active' || state.status === 'expiring') {
      this.#settle?.({ ok: true });
      return;
    }
    this.#cancelled = true;
    void this.#cancelSdkFlow();
    this.#settle?.(this.#failed('popup-closed', 'The sign-in window was closed before signing in finished.'));
  }

  #stopWatching(): void {
    if (this.#popupWatch !== null) this.#timers.clearTimeout(this.#popupWatch);
    this.#popupWatch = null;
    this.#stopFollowing?.();
    this.#stopFollowing = null;
  }

  async #cancelSdkFlow(): Promise<void> {
    // Cancelling a flow the SDK already finished or dropped is not an error for the user.
    await cancelSignIn(this.#session.client as unknown as CancellableClient, this.#timers);
  }

  /** The passkey/password page URL shows up in the SDK's state a second or two after the call. */
  #followPortalUrl(client: AuthCapableClient): void {
    if (typeof client.onStatePhaseChange !== 'function') return;
    this.#stopFollowing = client.onStatePhaseChange((snapshot) => {
      const info = snapshot?.authStateInfo;
      const url = info?.passkeyUrl ?? info?.passwordUrl ?? info?.pinUrl ?? null;
      if (url) this.#navigate(url);
    });
  }

  #navigate(url: string): void {
    if (!this.#popup || this.#popup.closed || this.#navigated === url) return;
    this.#navigated = url;
    this.#popup.location.href = url;
  }

  #closePopup(): void {
    const popup = this.#popup;
    const close = () => {
      try {
        if (popup && !popup.closed) popup.close();
      } catch {
        // A popup on another origin may refuse; it closes itself when the portal is done.
      }
    };
    close();
    // A close asked while the popup is in the middle of a navigation (to the portal) can be dropped: ask again.
    if (popup && !popup.closed) for (const ms of CLOSE_AGAIN_MS) this.#timers.setTimeout(close, ms);
  }

  #failed(failure: ReauthFailure, message: string): ReauthOutcome {
    this.#closePopup();
    return { ok: false, cancelled: false, failure, message };
  }
}
