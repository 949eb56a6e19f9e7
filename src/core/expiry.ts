/** Where the tracker reads the session cookie: the Para adapter. */
export interface CookieSource {
  sessionCookie(): string | undefined;
  cookieExpiry(cookie: string | undefined): number | null;
}

/** An end another tab sends this much earlier than the floor is an older copy's, not the cookie's whole seconds. */
const OLDER_END_SLACK_MS = 1_000;
/** How many cookie strings a tab remembers to know an older copy: a few extensions' worth. */
const SEEN_COOKIES = 8;
/** The cookie's `Expires` drops the milliseconds: the real end is within a second after it. */
const OVERDUE_RECHECK_MS = 1_000;
const MAX_OVERDUE_RECHECK_MS = 60_000;
/**
 * How far a cookie may lie past the bound and still be a clock disagreeing with the server's (capped to the
 * bound). Further than this, Para's session is longer than the configured length: the cookie is right.
 */
const CLOCK_SKEW_LIMIT_MS = 30 * 60_000;
/**
 * The server said active this long past the cookie's `Expires`: more than its whole seconds and a slow answer
 * explain. This clock runs ahead of the server's (or the session was extended where the cookie cannot show it).
 */
const CLOCK_AHEAD_MS = 60_000;
/**
 * Active this long past the cookie's time is more than its whole seconds and a slow answer explain: only then
 * may a forward jump of the clock be what explains it.
 */
const JUMP_SHOWN_AFTER_MS = 5_000;

/**
 * Where `expiresAt` comes from: the session cookie's `Expires` when the client has one, else an estimate
 * from the session length and the last time the server extended the session. Signing extends the session
 * on Para's side without touching the cookie, so signing sets a floor that a stale cookie cannot undercut.
 */
export class ExpiryTracker {
  #estimate: number | null = null;
  /** When to confirm again after the server said active past the cookie's time. */
  #recheckAt: number | null = null;
  #overdueConfirms = 0;
  #signedFloor: number | null = null;
  /**
   * The latest `Expires` the cookie had while the session was known live (an answer "active", an extension, a
   * tab's news of one; server time, before any shift). A cookie seen before that reads earlier comes back as an
   * older copy: a check sent before an extension and answered after it stores the cookie it carried, in every
   * tab. A cookie never seen that reads earlier is the server's news (a session it shortened): it holds. Not
   * taken while signing in: the pending session's cookie is not the session's.
   */
  #cookieHigh: number | null = null;
  /** The cookie strings this tab read lately, to tell an older copy coming back from news. */
  #seenCookies: string[] = [];
  /** The strings read before the server's news of an earlier end: any of them coming back is older than that news. */
  #supersededCookies: string[] = [];
  /** A cookie string known not to reflect the latest extension; ignored until it changes. */
  #staleCookie: string | undefined;
  /**
   * The latest the session can end, by this tab's clock: a session length after the last extension this tab
   * knows of (its own, a signature, a cookie that moved later), or after the first answer. A cookie beyond it
   * was written by a clock ahead of ours (this machine's is slow) or lies; trusting it would schedule keep-alive
   * after the real end.
   */
  #latest: number | null = null;
  /** The cookie's `Expires` at the last answer: a later one means someone extended the session. */
  #lastCookie: number | null = null;
  /** The longest session this tab saw the cookie grant beyond the configured length (Para's is longer). */
  #longestSeenMs = 0;
  /**
   * The server said active well past the cookie's time: its `Expires` cannot be read against this clock, so
   * the bound (a session length after the last extension this tab knows of) stands in for it until sign-out.
   */
  #clockAhead = false;
  /** Forward jumps of the wall clock not yet explained by an answer (sleep, or the clock set forward), oldest first. */
  #wallJumps: number[] = [];
  /** The cookie's time when it jumped: the jump can explain an answer about that cookie only. */
  #jumpCookie: number | null = null;
  /**
   * How far this clock was set forward while the session ran (a jump the server contradicted): the cookie's
   * server-time `Expires` reads that much later on it.
   */
  #cookieShiftMs = 0;
  /** Without a cookie, the estimate is a re-check time past the end we knew, not an end. */
  #estimateIsRecheck = false;

  readonly #cookies: CookieSource;
  readonly #sessionLength: () => number;

  readonly #lengthHint: (seconds: number, lengthGiven: boolean, kind: 'longer' | 'shorter') => void;
  readonly #lengthGiven: () => boolean;

  constructor(
    cookies: CookieSource,
    /** The configured session length in seconds, read live so a changed option applies at once. */
    sessionLength: () => number,
    /** The cookie shows a session this many seconds long, far beyond (or, once extended, below) the configured length. */
    lengthHint: (seconds: number, lengthGiven: boolean, kind: 'longer' | 'shorter') => void = () => undefined,
    /**
     * The page set the session length (it knows Para's): a cookie far past it is then this clock behind the
     * server's, and the bound holds. Left at the default, it is Para's session being longer: the cookie holds.
     */
    lengthGiven: () => boolean = () => false,
  ) {
    this.#cookies = cookies;
    this.#sessionLength = sessionLength;
    this.#lengthHint = lengthHint;
    this.#lengthGiven = lengthGiven;
  }

  get #sessionLengthMs(): number {
    return this.#sessionLength() * 1000;
  }

  /** The wall clock moved `ms` further than time did (sleep or a clock set forward; the next answer tells which). */
  wallJumped(ms: number): void {
    const cookie = this.#readCookie();
    if (cookie !== this.#jumpCookie) this.#wallJumps = [];
    this.#jumpCookie = cookie;
    this.#wallJumps.push(ms);
  }

  /**
   * The clock was found `ms` behind since this tab opened (another tab saw it set back): the times worked out
   * from it (the bound, the estimate, the signing floor, a re-check) are that much early.
   */
  clockCorrected(ms: number): void {
    if (this.#latest !== null) this.#latest += ms;
    if (this.#estimate !== null) this.#estimate += ms;
    if (this.#signedFloor !== null) this.#signedFloor += ms;
    if (this.#recheckAt !== null) this.#recheckAt += ms;
  }

  /**
   * The latest jumps that explain being `overdue` past the cookie's time, added up (0: none does). A sleep and a
   * later clock step both read as jumps; the step, the latest, is what the server's "active" contradicts.
   */
  #jumpExplaining(overdue: number): number {
    let sum = 0;
    for (let i = this.#wallJumps.length - 1; i >= 0; i -= 1) {
      sum += this.#wallJumps[i];
      if (sum > overdue) return sum;
    }
    return 0;
  }

  /** The expiry now is a re-check time past the cookie's (the server still said active at its end), not an end. */
  get provisional(): boolean {
    return this.#recheckAt !== null || this.#estimateIsRecheck;
  }

  /** The session is live (an answer or another tab said so): the cookie's `Expires` now is a floor for later reads. */
  #noteCookie(): void {
    // As read: an older copy reads as the floor, news as itself.
    const shown = this.#readCookie();
    if (shown === null) return;
    const read = shown - this.#cookieShiftMs;
    this.#cookieHigh = Math.max(read, this.#cookieHigh ?? read);
  }

  /**
   * Another tab said the session is live, ending at `expiresAt`: the cookie it stored is the floor from now on.
   * Returns the floor's end (tab clock) when that tab's end is earlier, read from an older copy of the cookie (its
   * check, sent before an extension, answered after it); `null` when its end stands.
   */
  heardLive(expiresAt: number): number | null {
    this.#noteCookie();
    const shown = this.#readCookie();
    const raw = this.#cookies.cookieExpiry(this.#cookies.sessionCookie());
    if (shown === null || raw === null || shown === raw + this.#cookieShiftMs) return null;
    return shown > expiresAt + OLDER_END_SLACK_MS ? shown : null;
  }

  /** The server just said the session is active (a touch). */
  confirmedActive(now: number, previous: number | null): number {
    this.#noteCookie();
    const raw = this.#readCookie();
    // While the cookie's time is still ahead, an answer cannot tell sleep from a clock set forward: the jump
    // waits for an answer past that time, and a cookie since renewed makes it no evidence at all.
    if (raw !== this.#jumpCookie) this.#wallJumps = [];
    if (raw === null || now - raw > JUMP_SHOWN_AFTER_MS) {
      const jump = raw === null ? 0 : this.#jumpExplaining(now - raw);
      this.#wallJumps = [];
      if (jump > 0) {
        // Active past the cookie's time, which the jump alone explains: it was the clock set forward, not sleep
        // (a sleep that long would have ended the session). The cookie stays right, read on the moved clock.
        this.#cookieShiftMs += jump;
        this.#lastCookie = this.#readCookie();
      }
    }
    this.#bound(now);
    const known = this.#known(now);
    if (known !== null && known > now) {
      if (this.#recheckAt === null) this.#overdueConfirms = 0;
      return known;
    }
    if (previous === null && known === null) {
      // Nothing known yet: a touch does not tell when the session started, so assume now.
      this.#estimate = now + this.#sessionLengthMs;
      this.#estimateIsRecheck = false;
      return this.current(now);
    }
    // Still active past the expiry we knew: the cookie's whole seconds, a clock running ahead, or an
    // extension we did not see. Assuming a whole new session could miss the real end, so confirm again
    // soon, backing off, until an extension or the server settles it.
    const cookie = this.#readCookie();
    if (cookie !== null && now - cookie > CLOCK_AHEAD_MS && this.#latest !== null && this.#latest > now) {
      this.#clockAhead = true;
      this.#recheckAt = null;
      this.#overdueConfirms = 0;
      return this.current(now);
    }
    const first = this.#overdueConfirms === 0;
    let recheckAt = now + Math.min(MAX_OVERDUE_RECHECK_MS, OVERDUE_RECHECK_MS * 2 ** this.#overdueConfirms++);
    // The first time: at the end of the cookie's second, when the real end has surely passed, not a second
    // after this answer, which a slow network may have brought late.
    if (first && cookie !== null && cookie + OVERDUE_RECHECK_MS > now) recheckAt = cookie + OVERDUE_RECHECK_MS;
    if (cookie !== null) this.#recheckAt = recheckAt;
    else {
      this.#estimate = recheckAt;
      this.#estimateIsRecheck = true;
    }
    return this.current(now);
  }

  /** The cookie string now, to tell after a request whether the server sent a new one. */
  cookieSnapshot(): string | undefined {
    // Read as any read is, so a string first met here is news or an older copy as it would be anywhere.
    this.#readCookie();
    return this.#cookies.sessionCookie();
  }

  #saw(snapshot: string | undefined): void {
    if (snapshot === undefined || this.#seenCookies.includes(snapshot)) return;
    this.#seenCookies.push(snapshot);
    if (this.#seenCookies.length > SEEN_COOKIES) this.#seenCookies.shift();
  }

  /** The server just extended the session by its length. An unchanged cookie is stale: trust the estimate. */
  extended(now: number, cookieBefore: string | undefined): number {
    // A clock that jumped, or is known to run ahead, reads any cookie short: no evidence of a shorter session.
    const clockSuspect = this.#wallJumps.length > 0 || this.#clockAhead;
    this.#wallJumps = [];
    this.#estimateIsRecheck = false;
    this.#estimate = now + this.#sessionLengthMs;
    this.#latest = this.#estimate;
    // The extension's own answer: a string met before (a cookie issued in the same second as one from before
    // the server's news) is that answer now, not an older copy.
    const answer = this.#cookies.sessionCookie();
    if (answer !== cookieBefore) this.#supersededCookies = this.#supersededCookies.filter((seen) => seen !== answer);
    this.#lastCookie = this.#readCookie();
    this.#recheckAt = null;
    this.#overdueConfirms = 0;
    this.#staleCookie = cookieBefore !== undefined && this.cookieSnapshot() === cookieBefore ? cookieBefore : undefined;
    // A new cookie from the extension, for far less than the configured length: Para's session is shorter.
    this.#noteCookie();
    const cookie = this.#staleCookie === undefined ? this.#readCookie() : null;
    if (!clockSuspect && cookie !== null && cookie - now < this.#sessionLengthMs / 2) this.#lengthHint(Math.round((cookie - now) / 1000), this.#lengthGiven(), 'shorter');
    return this.current(now);
  }

  /**
   * The configured session length changed from `beforeSeconds`: what was estimated from it moves by the
   * difference (an extension at t ends at t + the new length), and so does the bound (lowered only without a
   * cookie: the session running now keeps the length it was granted). The cookie needs nothing.
   */
  lengthChanged(beforeSeconds: number): void {
    const delta = this.#sessionLengthMs - beforeSeconds * 1000;
    if (delta === 0) return;
    if (this.#estimate !== null) this.#estimate += delta;
    // The session running now was granted under the old length, as its cookie shows: a shorter one applies
    // from the next extension on, and does not make that cookie a clock behind the server's.
    if (this.#latest !== null && (delta > 0 || this.#readCookie() === null)) this.#latest += delta;
    if (this.#signedFloor !== null) this.#signedFloor += delta;
  }

  signed(now: number): number {
    this.#signedFloor = now + this.#sessionLengthMs;
    if (this.#latest !== null) this.#latest = Math.max(this.#latest, this.#signedFloor);
    return this.current(now);
  }

  reset(): void {
    this.#estimate = null;
    this.#signedFloor = null;
    this.#cookieHigh = null;
    this.#seenCookies = [];
    this.#supersededCookies = [];
    this.#staleCookie = undefined;
    this.#recheckAt = null;
    this.#overdueConfirms = 0;
    this.#latest = null;
    this.#lastCookie = null;
    this.#clockAhead = false;
    this.#wallJumps = [];
    this.#jumpCookie = null;
    this.#estimateIsRecheck = false;
    this.#cookieShiftMs = 0;
  }

  /**
   * An answer "active": the bound stays, unless there is news of an extension (a cookie that moved later) or
   * the session outlived it (extended where this tab cannot see, or by a clock this tab disagrees with).
   */
  #bound(now: number): void {
    const cookie = this.#readCookie();
    const movedLater = cookie !== null && this.#lastCookie !== null && cookie > this.#lastCookie;
    if (this.#latest === null || this.#latest <= now || movedLater) this.#latest = now + this.#sessionLengthMs;
    this.#lastCookie = cookie;
    if (cookie !== null && cookie - this.#latest > CLOCK_SKEW_LIMIT_MS) {
      const given = this.#lengthGiven();
      if (!given) this.#longestSeenMs = Math.max(this.#longestSeenMs, cookie - now);
      this.#lengthHint(Math.round((cookie - now) / 1000), given, 'longer');
    }
  }

  /**
   * The longest an honest session can still run from now: the configured length, or what the cookie shows
   * (now or before) when Para's session is longer. Another tab's expiry beyond it cannot be true.
   */
  longestSessionMs(now: number): number {
    const cookie = this.#readCookie();
    return Math.max(this.#sessionLengthMs, this.#longestSeenMs, cookie !== null ? cookie - now : 0);
  }

  /** The cookie wins when it points to the future; signing can only push it later. */
  current(now: number): number {
    return this.#known(now) ?? now + this.#sessionLengthMs;
  }

  /**
   * The best expiry the cookie, the last extension and the last signature tell; `null` when none does.
   * A fresh cookie is the server's word: once its time has passed, only a re-check (never the estimate from
   * a configured session length that may be longer than Para's) stands in for it.
   */
  #known(now: number): number | null {
    const cookie = this.#readCookie();
    let base: number | null;
    if (this.#clockAhead) base = this.#latest;
    else if (cookie === null) base = this.#estimate;
    else if (cookie > now) {
      base = cookie;
      this.#recheckAt = null;
    } else base = this.#recheckAt ?? cookie;
    if (base === null) return this.#signedFloor;
    const best = this.#signedFloor !== null ? Math.max(base, this.#signedFloor) : base;
    // Past the bound by a clock's error: the bound. Far past it: a longer session than configured, the cookie's,
    // unless the page gave the length, which then says this clock is behind.
    const capped = this.#latest !== null && best > this.#latest && (best - this.#latest <= CLOCK_SKEW_LIMIT_MS || this.#lengthGiven());
    return capped ? this.#latest! : best;
  }

  /**
   * The cookie's `Expires`, unless the cookie is known stale. An older copy (a string seen before, earlier than
   * the floor, or one from before the server's news) reads as the floor.
   */
  #readCookie(): number | null {
    const snapshot = this.#cookies.sessionCookie();
    const seenBefore = snapshot !== undefined && this.#seenCookies.includes(snapshot);
    this.#saw(snapshot);
    if (this.#staleCookie !== undefined && snapshot === this.#staleCookie) return null;
    const read = this.#cookies.cookieExpiry(snapshot);
    if (read === null) return null;
    if (this.#cookieHigh !== null && this.#supersededCookies.includes(snapshot!)) return this.#cookieHigh + this.#cookieShiftMs;
    if (this.#cookieHigh !== null && read < this.#cookieHigh) {
      if (seenBefore) return this.#cookieHigh + this.#cookieShiftMs;
      // News: the server ended the session earlier than it had said. Every cookie read before it is older.
      this.#supersededCookies = this.#seenCookies.filter((seen) => seen !== snapshot);
      this.#cookieHigh = read;
    }
    return read + this.#cookieShiftMs;
  }
}
