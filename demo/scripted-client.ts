import type { ParaStateSnapshot } from '../src/para/client.js';

/**
 * An in-page stand-in for `ParaWeb` with a scripted server, so every session state can be seen in
 * seconds: short sessions, failing keep-alives, going offline, expiring or revoking on demand.
 */
export class ScriptedParaClient {
  sessionLength = 90;
  failKeepAlive = false;
  offline = false;
  userId: string | undefined = 'user-ada';
  email: string | undefined = 'ada@example.com';
  private expiresAt: number | null = Date.now() + this.sessionLength * 1000;
  private cookie: string | undefined;
  private listeners = new Set<(snapshot: ParaStateSnapshot) => void>();
  private pendingSignIn: { resolve: () => void; reject: (error: Error) => void; email: string } | null = null;
  onSignInWaiting: ((email: string) => void) | null = null;

  private get active(): boolean {
    return this.expiresAt !== null && Date.now() < this.expiresAt;
  }

  private async answer<T>(value: () => T): Promise<T> {
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (this.offline) throw Object.assign(new Error('Connection error'), { code: 'ERR_NETWORK' });
    return value();
  }

  private storeCookie(): void {
    this.cookie = this.expiresAt ? `capsule.sid=demo; Path=/; Expires=${new Date(this.expiresAt).toUTCString()}` : undefined;
  }

  retrieveSessionCookie = (): string | undefined => this.cookie;

  isSessionActive(): Promise<boolean> {
    return this.answer(() => {
      if (this.active) this.storeCookie();
      return this.active;
    });
  }

  keepSessionAlive(): Promise<boolean> {
    return this.answer(() => {
      if (this.failKeepAlive || !this.active) return false;
      this.expiresAt = Date.now() + this.sessionLength * 1000;
      this.storeCookie();
      return true;
    }).catch(() => false);
  }

  async logout(): Promise<void> {
    this.expiresAt = null;
    this.cookie = undefined;
  }

  exportSession(): string {
    return btoa(JSON.stringify({ userId: this.userId }));
  }

  onStatePhaseChange(callback: (snapshot: ParaStateSnapshot) => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  authenticateWithEmailOrPhone({ auth }: { auth: { email: string } }): Promise<unknown> {
    return new Promise<void>((resolve, reject) => {
      this.pendingSignIn = { resolve, reject, email: auth.email };
      const url = new URL('./scripted-portal.html', import.meta.url).href;
      setTimeout(() => this.listeners.forEach((listener) => listener({ authStateInfo: { passkeyUrl: url } })), 600);
      this.onSignInWaiting?.(auth.email);
    });
  }

  async cancelAuthFlow(): Promise<void> {
    this.pendingSignIn?.reject(new Error('Cancelled'));
    this.pendingSignIn = null;
  }

  /** The "portal" approves the pending sign-in. */
  approveSignIn(): void {
    if (!this.pendingSignIn) return;
    this.email = this.pendingSignIn.email;
    this.userId = this.email === 'ada@example.com' ? 'user-ada' : `user-${this.email}`;
    this.expiresAt = Date.now() + this.sessionLength * 1000;
    this.storeCookie();
    this.pendingSignIn.resolve();
    this.pendingSignIn = null;
  }

  // ——— demo controls ———

  /** Leaves `seconds` on the session, as if it had been idle. */
  setSecondsLeft(seconds: number): void {
    if (this.expiresAt !== null) this.expiresAt = Date.now() + seconds * 1000;
    this.storeCookie();
  }

  expireNow(): void {
    if (this.expiresAt !== null) this.expiresAt = Date.now() - 1;
  }

  revoke(): void {
    this.expiresAt = null;
  }
}
