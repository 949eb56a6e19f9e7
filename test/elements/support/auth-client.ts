import type { ParaStateSnapshot } from '../../../src/para/client.js';
import { FakeParaApiError, FakeParaClient } from '../../core/support/fake-para.js';

export const PASSKEY_URL = 'https://portal.test/web/biometrics/login?sessionId=s1';

/**
 * A fake `ParaWeb` that also signs in: `authenticateWithEmailOrPhone` publishes the portal URL
 * through `onStatePhaseChange` and resolves when the test approves the login in the "portal".
 */
export class AuthFakeClient extends FakeParaClient {
  readonly authCalls: unknown[] = [];
  phone: string | undefined = undefined;
  refreshCalls = 0;
  /** `refreshSession()` throws this, as the SDK does after a reload (`auth is not set`). */
  failRefreshWith: Error | null = null;
  cancelCalls = 0;
  failNextAuthWith: Error | null = null;
  private readonly phaseListeners = new Set<(snapshot: ParaStateSnapshot) => void>();
  private pending: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null = null;

  onStatePhaseChange = (callback: (snapshot: ParaStateSnapshot) => void): (() => void) => {
    this.phaseListeners.add(callback);
    callback({ corePhase: 'unauthenticated', authStateInfo: null });
    return () => this.phaseListeners.delete(callback);
  };

  get phaseListenerCount(): number {
    return this.phaseListeners.size;
  }

  authenticateWithEmailOrPhone = (params: { auth: { email: string } }): Promise<unknown> => {
    this.authCalls.push(params);
    return this.startFlow({ passkeyUrl: PASSKEY_URL });
  };

  authenticateWithOAuth = (params: { method: string; redirectCallbacks: { onOAuthUrl?: (url: string) => void } }): Promise<unknown> => {
    this.authCalls.push(params);
    const flow = this.startFlow(null);
    queueMicrotask(() => params.redirectCallbacks.onOAuthUrl?.(`https://oauth.test/${params.method.toLowerCase()}`));
    return flow;
  };

  refreshSession = async (params?: { shouldOpenPopup?: boolean }): Promise<string> => {
    this.refreshCalls += 1;
    this.authCalls.push({ refresh: params });
    if (this.failRefreshWith) throw this.failRefreshWith;
    return PASSKEY_URL;
  };

  /** A phone user: the SDK exposes `phone` (E.164) and no email. */
  usePhone(phone = '+14155552671'): this {
    this.email = undefined;
    this.phone = phone;
    return this;
  }

  /** As the SDK's: where its sign-in flow is. */
  authPhase = 'unauthenticated';
  /**
   * As the SDK: it first makes the sign-in's key for this long (`processing_authentication`, a few seconds in a
   * real browser), and drops a cancel meanwhile; then it waits for the portal. 0: no such step.
   */
  keyMakingMs = 0;

  getCurrentState = (): ParaStateSnapshot => ({ authPhase: this.authPhase });

  cancelAuthFlow = async (): Promise<void> => {
    this.cancelCalls += 1;
    if (this.authPhase === 'unauthenticated' || this.authPhase === 'error') return;
    // The SDK has no CANCEL there: the event is dropped, and it rejects after waiting 5 s for the flow to end.
    if (this.authPhase === 'processing_authentication') throw new Error('Timed out waiting for auth state change');
    this.pending?.reject(new Error('Auth flow cancelled'));
    this.pending = null;
    this.setPhase('unauthenticated');
  };

  /** The user finishes in the portal, as `who` (the same user by default). */
  approve(who: { userId?: string; email?: string } = {}): void {
    this.userId = who.userId ?? this.userId;
    this.email = who.email ?? this.email;
    this.authPhase = 'authenticated';
    this.server.signIn();
    this.pending?.resolve({ authInfo: {}, hasCreatedWallets: true });
    this.pending = null;
  }

  get flowPending(): boolean {
    return this.pending !== null;
  }

  private startFlow(info: ParaStateSnapshot['authStateInfo']): Promise<unknown> {
    if (this.failNextAuthWith) {
      const error = this.failNextAuthWith;
      this.failNextAuthWith = null;
      return Promise.reject(error);
    }
    const awaitPortal = () => {
      this.authPhase = 'awaiting_session_start';
      if (info) this.phaseListeners.forEach((listener) => listener({ authPhase: 'awaiting_session_start', authStateInfo: info }));
    };
    if (this.keyMakingMs > 0) {
      this.setPhase('processing_authentication');
      this.server.clock.setTimeout(() => {
        if (this.authPhase === 'processing_authentication') awaitPortal();
        // Past the portal the SDK polls for the session (`waiting_for_session`), about a request a second.
        if (this.authPhase === 'awaiting_session_start') this.setPhase('waiting_for_session');
      }, this.keyMakingMs);
    } else {
      this.authPhase = 'awaiting_session_start';
      if (info) queueMicrotask(awaitPortal);
    }
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  private setPhase(authPhase: string): void {
    this.authPhase = authPhase;
    this.phaseListeners.forEach((listener) => listener({ authPhase, authStateInfo: null }));
  }
}

export const networkError = () => new FakeParaApiError('Connection error', 'ERR_NETWORK');
