// Test controls of the emulator, under /__emulator/ on the API port. They answer even
// while the emulator is "offline" and are never subject to injected faults or latency. Like the API,
// they serve only loopback Hosts and allowed origins (server.js); POSTs must be JSON.
import { sendJson, readJson } from './http-util.js';
import { approvalUser } from './api.js';

export async function handleControl(emu, req, res, name) {
  // JSON only: a cross-site form (text/plain, urlencoded) cannot send it, and a page's fetch of it needs a
  // preflight, which only allowed origins pass.
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (req.method === 'POST' && type !== 'application/json') {
    req.resume();
    return sendJson(res, 415, { ok: false, error: 'controls take Content-Type: application/json' });
  }
  const body = req.method === 'POST' ? await readJson(req) : {};
  const { store, faults } = emu;
  const ok = (extra = {}) => sendJson(res, 200, { ok: true, ...extra });
  switch (`${req.method} ${name}`) {
    case 'POST expire': {
      const now = Date.now() - 1000;
      const n = store.forEachAuthenticated(body.userId, (s) => (s.expiresAt = now));
      return ok({ expired: n });
    }
    case 'POST revoke': {
      const n = store.forEachAuthenticated(body.userId, (s) => (s.ended = true));
      return ok({ revoked: n });
    }
    case 'POST fail':
      faults.failCount = Math.max(0, Number(body.count ?? 1));
      faults.failStatus = Number(body.status ?? 500);
      faults.failDrop = !!body.drop;
      return ok({ fail: { count: faults.failCount, status: faults.failStatus, drop: faults.failDrop } });
    case 'POST latency':
      faults.latencyMs = Math.max(0, Number(body.ms ?? 0));
      return ok({ latencyMs: faults.latencyMs });
    case 'POST offline':
      faults.offline = true;
      return ok({ offline: true });
    case 'POST online':
      faults.offline = false;
      return ok({ offline: false });
    case 'POST session-length': {
      const seconds = Number(body.seconds);
      if (!(seconds > 0)) return sendJson(res, 400, { ok: false, error: 'seconds must be > 0' });
      store.sessionLength = seconds;
      return ok({ sessionLength: seconds });
    }
    case 'GET counts':
      return sendJson(res, 200, Object.fromEntries(emu.counts));
    case 'GET log':
      return sendJson(res, 200, emu.log);
    case 'GET sessions':
      return sendJson(res, 200, store.summary());
    case 'GET state':
      return sendJson(res, 200, {
        sessionLength: store.sessionLength,
        faults: { ...faults },
        users: [...store.users.values()],
        sessions: store.summary(),
      });
    case 'POST reset':
      emu.reset();
      return ok();
    case 'POST approve': {
      // {sessionLookupId, email?|userId?}: that pending session, as that user (or the one bound to it).
      // {email}: the newest pending session already bound to that email's user (its cookie carried the
      // login); sessions the SDK regenerated without a cookie need their sessionLookupId.
      const userId = approvalUser(store, body);
      if (userId === null) return sendJson(res, 400, { ok: false, error: 'unknown or inconsistent user' });
      const s = body.sessionLookupId ? store.byLookupId(body.sessionLookupId) : store.latestPending(body.email);
      if (!s || !store.isLive(s) || !store.approve(s, userId ?? s.loginUserId)) {
        return sendJson(res, 404, { ok: false, error: 'no pending sign-in to approve (pass its sessionLookupId)' });
      }
      return ok({ userId: s.userId, sessionLookupId: s.lookupId, expiresAt: s.expiresAt });
    }
    default:
      return sendJson(res, 404, { ok: false, error: `unknown control ${req.method} ${name}` });
  }
}
