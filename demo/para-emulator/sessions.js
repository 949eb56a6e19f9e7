// In-memory users and sessions of the emulated Para API.
//
// A session is identified by the `capsule.sid` value inside the cookie string that the
// SDK stores and sends back in the `x-capsule-sid` request header.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const COOKIE_NAME = 'capsule.sid';
/** Lifetime of an anonymous or pending (not yet approved) session, in seconds. */
export const PENDING_SESSION_SECONDS = 600;

/**
 * Cookie string as the SDK receives it in the `x-capsule-sid` response header, e.g.
 * `capsule.sid=s%3A<sid>.<sig>; Path=/; Expires=Tue, 03 Feb 2026 10:00:00 GMT; HttpOnly; Secure; SameSite=None`
 */
export function formatCookie(sid, expiresAt) {
  const sig = createHash('sha256').update(`emulator:${sid}`).digest('base64url').slice(0, 27);
  const expires = new Date(expiresAt).toUTCString();
  return `${COOKIE_NAME}=s%3A${sid}.${sig}; Path=/; Expires=${expires}; HttpOnly; Secure; SameSite=None`;
}

/** Extract the session id from a cookie string (the stored header or a `Cookie:` header). */
export function parseSid(cookie) {
  if (!cookie || typeof cookie !== 'string') return null;
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== COOKIE_NAME) continue;
    const value = decodeURIComponent(rest.join('='));
    const unsigned = value.startsWith('s:') ? value.slice(2) : value;
    return unsigned.split('.')[0] || null;
  }
  return null;
}

export class SessionStore {
  constructor({ sessionLength = 7200, partnerId } = {}) {
    this.sessionLength = sessionLength;
    this.partnerId = partnerId;
    this.reset();
  }

  reset() {
    /** @type {Map<string, any>} sid → session */
    this.sessions = new Map();
    /** @type {Map<string, any>} email → user */
    this.users = new Map();
  }

  /** Users are created on first sight of an email, so every email is a returning user. */
  userForEmail(email) {
    const key = String(email).trim().toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      const hex = createHash('sha256').update(key).digest('hex');
      const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
      user = { userId, email: key, createdAt: Date.now() };
      this.users.set(key, user);
    }
    return user;
  }

  /** Phone users, keyed by the E.164 number the SDK sends (`+14155552671`), returning like email users. */
  userForPhone(phone) {
    const key = `phone:${String(phone).trim()}`;
    let user = this.users.get(key);
    if (!user) {
      const hex = createHash('sha256').update(key).digest('hex');
      const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-b${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
      user = { userId, phone: String(phone).trim(), email: null, createdAt: Date.now() };
      this.users.set(key, user);
    }
    return user;
  }

  userById(userId) {
    for (const u of this.users.values()) if (u.userId === userId) return u;
    return null;
  }

  create({ loginUserId = null } = {}) {
    const now = Date.now();
    const session = {
      sid: randomBytes(24).toString('base64url'),
      lookupId: randomUUID(),
      userId: null,
      loginUserId,
      authenticated: false,
      ended: false,
      createdAt: now,
      expiresAt: now + PENDING_SESSION_SECONDS * 1000,
    };
    this.sessions.set(session.sid, session);
    return session;
  }

  get(sid) {
    return (sid && this.sessions.get(sid)) || null;
  }

  byLookupId(lookupId) {
    for (const s of this.sessions.values()) if (s.lookupId === lookupId) return s;
    return null;
  }

  isLive(session, now = Date.now()) {
    return !!session && !session.ended && session.expiresAt > now;
  }

  isAuthenticated(session, now = Date.now()) {
    return this.isLive(session, now) && session.authenticated;
  }

  cookieFor(session) {
    return formatCookie(session.sid, session.expiresAt);
  }

  /**
   * Mark one pending login session authenticated. The user is the one the approval names (the portal
   * page's account) or, failing that, the one bound to this very session (its `/users/init` or the
   * cookie it was regenerated from). Nothing else: no other session's or request's user is ever used,
   * so concurrent sign-ins of different users cannot cross. Returns false (nothing changed) when no
   * user is known or the session is already bound to another user.
   */
  approve(session, userId = session.loginUserId) {
    if (!userId || session.ended || session.authenticated) return false;
    if (session.loginUserId && session.loginUserId !== userId) return false;
    session.loginUserId = userId;
    session.userId = userId;
    session.authenticated = true;
    session.expiresAt = Date.now() + this.sessionLength * 1000;
    session.approvedAt = Date.now();
    return true;
  }

  /** Newest pending (live, unauthenticated, login-bound) session, optionally for an email. */
  latestPending(email) {
    const userId = email ? this.userForEmail(email).userId : null;
    let best = null;
    for (const s of this.sessions.values()) {
      if (!this.isLive(s) || s.authenticated || !s.loginUserId) continue;
      if (userId && s.loginUserId !== userId) continue;
      if (!best || s.createdAt >= best.createdAt) best = s;
    }
    return best;
  }

  keepAlive(session) {
    session.expiresAt = Date.now() + this.sessionLength * 1000;
  }

  /** Apply `fn` to every authenticated session, or only those of `userId`; returns the count. */
  forEachAuthenticated(userId, fn) {
    let n = 0;
    for (const s of this.sessions.values()) {
      if (!s.authenticated || s.ended) continue;
      if (userId && s.userId !== userId) continue;
      fn(s);
      n++;
    }
    return n;
  }

  summary() {
    const now = Date.now();
    return [...this.sessions.values()].map((s) => ({
      lookupId: s.lookupId,
      userId: s.userId,
      loginUserId: s.loginUserId,
      authenticated: s.authenticated,
      ended: s.ended,
      live: this.isLive(s, now),
      expiresAt: new Date(s.expiresAt).toISOString(),
      secondsLeft: Math.round((s.expiresAt - now) / 1000),
    }));
  }
}
