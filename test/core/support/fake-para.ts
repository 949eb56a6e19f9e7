import type { ParaSessionClient } from '../../../src/para/client.js';
import type { FakeClock } from './fake-clock.js';

/** What the real SDK throws: a ParaApiError with axios' code or the HTTP status. */
export class FakeParaApiError extends Error {
  override name = 'ParaApiError';
  constructor(message: string, readonly code?: string, readonly status?: number) {
    super(message);
  }
}

export type RequestName = 'isSessionActive' | 'keepSessionAlive' | 'logout';

/**
 * A small model of Para's server: one session with a server-side clock. It expires when it should,
 * keep-alive and signing extend it by the session length, and it can be revoked, taken offline or made
 * to fail. It is the truth the reliability invariants are checked against.
 */
export class FakeParaServer {
  expiresAt: number | null = null;
  online = true;
  /** HTTP status for the next requests (429, 500, 503…), consumed one per request. */
  failures: number[] = [];
  /** Requests that never answer (until the client's own timeout gives up). */
  hangNext = 0;
  latencyMs = 20;
  /** Called when an injected failure or hang actually meets a request (it may wait long for one). */
  onFaultMet: (() => void) | null = null;
  readonly counts: Record<RequestName, number> = { isSessionActive: 0, keepSessionAlive: 0, logout: 0 };

  constructor(readonly clock: FakeClock, public sessionLengthMs = 7200_000) {}

  signIn(): void {
    this.expiresAt = this.clock.serverNow() + this.sessionLengthMs;
  }

  isActive(): boolean {
    return this.expiresAt !== null && this.clock.serverNow() < this.expiresAt;
  }

  revoke(): void {
    this.expiresAt = null;
  }

  extendBySigning(): void {
    if (this.isActive()) this.expiresAt = this.clock.serverNow() + this.sessionLengthMs;
  }

  get requests(): number {
    return this.counts.isSessionActive + this.counts.keepSessionAlive;
  }
}

/** The answer a request gets, or the failure it meets, after the server's latency. */
function respond<T>(server: FakeParaServer, answer: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    if (server.hangNext > 0) {
      server.hangNext -= 1;
      server.onFaultMet?.();
      return;
    }
    server.clock.deliverAfter(() => {
      if (!server.online) return reject(new FakeParaApiError('Connection error', 'ERR_NETWORK'));
      const status = server.failures.shift();
      if (status !== undefined) {
        server.onFaultMet?.();
        return reject(new FakeParaApiError('Request failed', 'ERR_BAD_RESPONSE', status));
      }
      try {
        resolve(answer());
      } catch (error) {
        reject(error);
      }
    }, server.latencyMs);
  });
}

/**
 * A client that behaves like the real `ParaWeb` 2.x: `isSessionActive` throws when offline,
 * `keepSessionAlive` never throws (false on any failure), the cookie's `Expires` comes from server
 * answers, and signing does not update it.
 */
export class FakeParaClient implements ParaSessionClient {
  userId: string | undefined = 'user-a';
  email: string | undefined = 'a@b.co';
  externalWalletConnectionType: string | undefined;

  /** Tabs of one origin share the cookie jar: pass the same object to every tab's client. */
  constructor(
    readonly server: FakeParaServer,
    private readonly window: EventTarget | null = null,
    private readonly jar: { cookie?: string } = {},
  ) {}

  private storeCookie(): void {
    const expires = this.server.expiresAt;
    this.jar.cookie = expires === null ? undefined : `capsule.sid=s%3Aabc; Path=/; Expires=${new Date(expires).toUTCString()}; HttpOnly`;
  }

  retrieveSessionCookie = (): string | undefined => this.jar.cookie;

  isSessionActive(): Promise<boolean> {
    // As ParaWeb 2.x: a wallet connected without Para auth is "active", with no request.
    if (this.externalWalletConnectionType === 'CONNECTION_ONLY') return Promise.resolve(true);
    this.server.counts.isSessionActive += 1;
    return respond(this.server, () => {
      const active = this.server.isActive();
      if (active) this.storeCookie();
      return active;
    });
  }

  keepSessionAlive(): Promise<boolean> {
    this.server.counts.keepSessionAlive += 1;
    return respond(this.server, () => {
      if (!this.server.isActive()) return false;
      this.server.expiresAt = this.server.clock.serverNow() + this.server.sessionLengthMs;
      this.storeCookie();
      return true;
    }).catch(() => false);
  }

  /** A pregenerated wallet's user share loaded in this browser (`getUserShare()`), as the SDK keeps it. */
  pregenShare: string | undefined;
  /** What each `logout()` was called with. */
  readonly logoutCalls: Array<{ clearPregenWallets?: boolean } | undefined> = [];

  getUserShare(): string | null {
    return this.pregenShare ?? null;
  }

  /**
   * Like the SDK's: it asks the server first (`POST /touch`), so offline it rejects and clears nothing; it keeps
   * pregenerated wallets unless told `clearPregenWallets: true`.
   */
  async logout(options?: { clearPregenWallets?: boolean }): Promise<void> {
    this.logoutCalls.push(options);
    this.server.counts.logout += 1;
    // A request that never answers (the SDK's own has no deadline; the kit's call gives it one).
    if (this.server.hangNext > 0) {
      this.server.hangNext -= 1;
      return new Promise(() => undefined);
    }
    if (!this.server.online) throw new FakeParaApiError('Connection error', 'ERR_NETWORK');
    const wasActive = this.server.isActive();
    this.server.revoke();
    this.jar.cookie = undefined;
    if (options?.clearPregenWallets) this.pregenShare = undefined;
    if (wasActive) this.window?.dispatchEvent(new CustomEvent('paraLogout', { detail: { data: null } }));
  }

  /** As ParaWeb 2.x: local state only. A session the server ended still exports; one logged out here does not. */
  exportSession({ excludeSigners = false }: { excludeSigners?: boolean } = {}): string {
    if (this.jar.cookie === undefined || this.userId === undefined) throw new Error('No active session to export.');
    return btoa(JSON.stringify({ userId: this.userId, wallets: excludeSigners ? {} : { w1: { signer: 'SECRET-SIGNER' } } }));
  }

  /** The user signs a message: the server extends the session; the cookie is not updated. */
  sign(): void {
    this.server.extendBySigning();
    this.window?.dispatchEvent(new CustomEvent('paraSignMessage', { detail: { data: {} } }));
  }
}
