// Route handlers of the emulated Para API (the part of it the web and server SDKs use
// for sessions and the returning-user email sign-in). Shapes follow the SDK's
// user-management client; anything not listed answers 404 JSON and is logged.
import { sendJson, sendText, readJson } from './http-util.js';
import { parseSid } from './sessions.js';

const ID = '([^/]+)';
/** [method, pattern, normalised name, handler] — the name is what counts/log report. */
const ROUTES = [];
const route = (method, path, handler) => {
  const re = new RegExp(`^${path.replace(/:\w+/g, ID)}$`);
  ROUTES.push({ method, re, name: `${method} ${path}`, handler });
};

export function matchRoute(method, pathname) {
  for (const r of ROUTES) {
    const m = r.re.exec(pathname);
    if (m && r.method === method) return { ...r, params: m.slice(1).map(decodeURIComponent) };
  }
  return null;
}

/** Normalised endpoint name for counting (`POST /users/:id/session/keep-alive`). */
export function endpointName(method, pathname) {
  const r = matchRoute(method, pathname);
  if (r) return r.name;
  return `${method} ${pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, '/:id')}`;
}

/** The session a request names in `x-capsule-sid` (or a `Cookie:` header). */
function requestSession(ctx) {
  const sid = parseSid(ctx.req.headers['x-capsule-sid']) || parseSid(ctx.req.headers.cookie);
  return ctx.store.get(sid);
}

function touchBody(ctx, s) {
  const authed = ctx.store.isAuthenticated(s);
  return {
    partnerId: ctx.partner.id,
    isAuthenticated: authed,
    userId: authed ? s.userId : s.loginUserId || undefined,
    sessionId: s.lookupId,
    sessionLookupId: s.lookupId,
    supportedWalletTypes: ctx.partner.supportedWalletTypes,
    cosmosPrefix: ctx.partner.cosmosPrefix,
    currentWalletIds: {},
    needsWallet: false,
  };
}

const withCookie = (ctx, s) => ({ 'x-capsule-sid': ctx.store.cookieFor(s) });

// POST /touch?regenerate=true|false — report (and on regenerate, mint) the session.
route('POST', '/touch', async (ctx) => {
  const { store, url } = ctx;
  let s = requestSession(ctx);
  const regenerate = url.searchParams.get('regenerate') === 'true';
  if (regenerate) {
    // A fresh pending session for a login. It inherits a user only from the session this request
    // names; the SDK regenerates right after logging out, i.e. with no cookie, so the user is then
    // named when the portal approves this session by its sessionLookupId.
    s = store.create({ loginUserId: s?.loginUserId ?? null });
  } else if (!s) {
    // No or unknown session: hand out a new anonymous one (with its cookie).
    s = store.create();
  } else if (!store.isLive(s)) {
    // Expired or ended: say so, and leave the client's stored cookie as it is.
    return sendJson(ctx.res, 200, touchBody(ctx, s));
  }
  sendJson(ctx.res, 200, touchBody(ctx, s), withCookie(ctx, s));
});

route('GET', '/partners/:id', async (ctx) => {
  sendJson(ctx.res, 200, { partner: { ...ctx.partner, id: ctx.params[0] } });
});

// POST /users/init — sign up or log in; every email and every valid phone number is a returning user.
route('POST', '/users/init', async (ctx) => {
  const body = await readJson(ctx.req);
  const { email, phone } = body;
  let user;
  if (typeof phone === 'string' && phone) {
    // The SDK sends E.164 (`{ auth: { phone } }` → `{ phone: '+14155552671' }`).
    if (!/^\+[1-9]\d{6,14}$/.test(phone)) return sendText(ctx.res, 400, `para-emulator: "${phone}" is not an E.164 phone number`);
    user = ctx.store.userForPhone(phone);
  } else if (email && /^[^@\s]+@[^@\s]+$/.test(email)) {
    user = ctx.store.userForEmail(email);
  } else {
    return sendText(ctx.res, 400, 'para-emulator: an email or a phone number is required');
  }
  const s = requestSession(ctx);
  if (s) s.loginUserId = user.userId;
  sendJson(ctx.res, 200, {
    stage: 'login',
    userId: user.userId,
    auth: user.phone ? { phone: user.phone } : { email: user.email },
    displayName: undefined,
    loginAuthMethods: ['PASSKEY', 'PASSWORD'],
    hasPasswordWithoutPIN: true,
    isWalletSelectionNeeded: false,
    hasPasskey: true,
    hasPassword: true,
  });
});

// POST /users/verify-oauth — polled by the SDK (no body, the pending session's cookie) every second.
// `{}` (no `stage`) means "not yet"; once the provider stand-in page finished, the session is already
// approved and the answer is the SDK's `done` stage (`authMethods` is required by the SDK).
route('POST', '/users/verify-oauth', async (ctx) => {
  const s = requestSession(ctx);
  if (!s?.oauth) return sendJson(ctx.res, 200, {});
  const user = ctx.store.userById(s.userId);
  sendJson(ctx.res, 200, { stage: 'done', userId: s.userId, auth: { email: user.email }, authMethods: [], isNewUser: false });
});

// The provider stand-in page calls this (the real portal's next hop, `{api}/auth/{method}`, is not in the SDK):
// the pending session named by `sessionLookupId` signed in with `method` as `email`.
route('POST', '/oauth/complete', async (ctx) => {
  const body = await readJson(ctx.req);
  const s = ctx.store.byLookupId(body.sessionLookupId);
  if (!s || !ctx.store.isLive(s)) return sendText(ctx.res, 404, 'pending session not found or expired');
  if (!body.email || !/^[^@\s]+@[^@\s]+$/.test(body.email)) return sendText(ctx.res, 400, 'an email is required');
  const user = ctx.store.userForEmail(body.email);
  if (!ctx.store.approve(s, user.userId)) return sendText(ctx.res, 409, 'session is bound to another user');
  s.oauth = String(body.method ?? 'oauth').toUpperCase();
  sendJson(ctx.res, 200, { userId: s.userId, sessionLookupId: s.lookupId });
});

route('POST', '/users/:id/session/keep-alive', async (ctx) => {
  const s = requestSession(ctx);
  if (!ctx.store.isAuthenticated(s) || s.userId !== ctx.params[0]) {
    return sendText(ctx.res, 403, 'session is not authenticated');
  }
  ctx.store.keepAlive(s);
  sendJson(ctx.res, 200, {}, withCookie(ctx, s));
});

route('GET', '/logout', async (ctx) => {
  const s = requestSession(ctx);
  if (s) s.ended = true;
  sendJson(ctx.res, 200, {});
});

// What the SDK reads after a login: no wallets, no shares.
route('GET', '/users/:id/wallets', async (ctx) => sendJson(ctx.res, 200, { wallets: [] }));
route('GET', '/users/:id/all-wallets', async (ctx) => sendJson(ctx.res, 200, { wallets: [] }));
route('POST', '/users/:id/wallets/set', async (ctx) => sendJson(ctx.res, 200, {}));
route('GET', '/users/:id/temporary-shares', async (ctx) =>
  sendJson(ctx.res, 200, { temporaryShares: [] }),
);
route('GET', '/users/:id', async (ctx) => {
  const u = ctx.store.userById(ctx.params[0]);
  if (!u) return sendText(ctx.res, 404, 'user not found');
  sendJson(ctx.res, 200, { id: u.userId, userId: u.userId, email: u.email, phone: u.phone });
});
route('GET', '/users/:id/preferences', async (ctx) => sendJson(ctx.res, 200, { preferences: {} }));
route('POST', '/errors/sdk', async (ctx) => sendJson(ctx.res, 200, {}));
route('POST', '/partners/analytics/react-sdk', async (ctx) => sendJson(ctx.res, 200, {}));

/**
 * The user an approval names: `email` and/or `userId` (the account the portal page was opened for,
 * which the real portal proves with the passkey or password). `undefined` when it names none,
 * `null` when it names an unknown user or two that disagree.
 */
export function approvalUser(store, { email, userId } = {}) {
  const byEmail = email ? store.userForEmail(email) : null;
  const byId = userId ? store.userById(userId) : null;
  if (!email && !userId) return undefined;
  if (userId && !byId && !byEmail) return null;
  if (byEmail && userId && byEmail.userId !== userId) return null;
  return (byEmail ?? byId).userId;
}

// The real portal approves a login with these; the emulator's portal page uses the first. The body
// names the pending session (`sessionLookupId`, the portal URL's `sessionId`) and the account.
async function verifyLookup(ctx) {
  const body = await readJson(ctx.req);
  const s = ctx.store.byLookupId(body.sessionLookupId);
  if (!s || !ctx.store.isLive(s)) return sendText(ctx.res, 404, 'pending session not found or expired');
  const userId = approvalUser(ctx.store, body);
  if (userId === null) return sendText(ctx.res, 400, 'the approval names an unknown or inconsistent user');
  if (!ctx.store.approve(s, userId ?? s.loginUserId)) {
    return sendText(ctx.res, 409, 'session has no login to approve, or is bound to another user');
  }
  sendJson(ctx.res, 200, { userId: s.userId, sessionLookupId: s.lookupId });
}
route('POST', '/biometrics/verify', verifyLookup);
route('POST', '/passwords/verify', verifyLookup);

route('GET', '/sessions/:id/origin', async (ctx) => sendJson(ctx.res, 200, { origin: null }));
route('GET', '/sessions/:id/login-method', async (ctx) => {
  const s = ctx.store.byLookupId(ctx.params[0]);
  if (!s) return sendText(ctx.res, 404, 'session not found');
  const u = s.loginUserId && [...ctx.store.users.values()].find((x) => x.userId === s.loginUserId);
  sendJson(ctx.res, 200, { loginMethod: u?.phone ? 'PHONE' : 'EMAIL', email: u?.email ?? null, phone: u?.phone ?? null, userId: s.loginUserId });
});
