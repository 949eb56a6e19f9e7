import { readCookieExpiry } from '../para/cookie.js';

/**
 * Where `expiresAt` comes from: the session cookie's `Expires` when the client has one, else an estimate
 * from the session length and the last time the server extended the session. Signing extends the session
 * on Para's side without touching the cookie, so signing sets a floor that a stale cookie cannot undercut.
 */
export class ExpiryTracker {
  private estimate: number | null = null;
  private signedFloor: number | null = null;
  /** A cookie string known not to reflect the latest extension; ignored until it changes. */
  private staleCookie: string | undefined;

  constructor(
    private readonly retrieveCookie: (() => string | undefined) | undefined,
    private sessionLengthMs: number,
  ) {}

  setSessionLength(seconds: number): void {
    this.sessionLengthMs = seconds * 1000;
  }

  /** The server just said the session is active (a touch). */
  confirmedActive(now: number, previous: number | null): number {
    if (this.estimate === null || this.estimate <= now) {
      // Nothing better known: a touch does not tell us when the session started, so assume now.
      this.estimate = previous !== null && previous > now ? previous : now + this.sessionLengthMs;
    }
    return this.current(now);
  }

  /** The cookie string now, to tell after a request whether the server sent a new one. */
  cookieSnapshot(): string | undefined {
    try {
      return this.retrieveCookie?.();
    } catch {
      return undefined;
    }
  }

  /** The server just extended the session by its length. An unchanged cookie is stale: trust the estimate. */
  extended(now: number, cookieBefore: string | undefined): number {
    this.estimate = now + this.sessionLengthMs;
    this.staleCookie = cookieBefore !== undefined && this.cookieSnapshot() === cookieBefore ? cookieBefore : undefined;
    return this.current(now);
  }

  signed(now: number): number {
    this.signedFloor = now + this.sessionLengthMs;
    return this.current(now);
  }

  reset(): void {
    this.estimate = null;
    this.signedFloor = null;
    this.staleCookie = undefined;
  }

  /** The cookie wins when it points to the future; signing can only push it later. */
  current(now: number): number {
    const snapshot = this.cookieSnapshot();
    const cookie = this.staleCookie !== undefined && snapshot === this.staleCookie ? null : readCookieExpiry(() => snapshot);
    const base = cookie !== null && cookie > now ? cookie : (this.estimate ?? now + this.sessionLengthMs);
    return this.signedFloor !== null ? Math.max(base, this.signedFloor) : base;
  }
}
