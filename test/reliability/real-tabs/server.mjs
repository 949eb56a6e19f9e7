// The static site and the scripted Para server the real-tabs pages talk to. One server-side session per
// name (the tabs scenario and the CSP page each get their own), with real wall-clock expiry, so the
// driver can tell whether the session ever lapsed while nobody had logged out.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
/** The CSP under test: external same-origin scripts only, and no string-to-script sinks without Trusted Types. */
export const STRICT_CSP = "default-src 'self'; require-trusted-types-for 'script'";

class ScriptedSession {
  constructor(lengthMs, firstExpiryMs) {
    this.lengthMs = lengthMs;
    this.id = Math.random().toString(36).slice(2, 10);
    this.expiresAt = Date.now() + firstExpiryMs;
    this.loggedOut = false;
    this.lapsedAt = null;
    /** Every request in order: which page, which endpoint, when, and what the server answered. */
    this.log = [];
  }
  active(now) {
    // A lapse is only a lapse if nobody logged out: remember the first one for the driver.
    if (!this.loggedOut && now >= this.expiresAt && this.lapsedAt === null) this.lapsedAt = this.expiresAt;
    return !this.loggedOut && now < this.expiresAt;
  }
  cookie() {
    // Like Para's session cookie string: the Expires attribute is the only expiry a client can read.
    return this.loggedOut ? null : `sid=${this.id}; Expires=${new Date(this.expiresAt).toUTCString()}`;
  }
  handle(endpoint, page) {
    const now = Date.now();
    let body;
    if (endpoint === 'touch') body = { active: this.active(now) };
    else if (endpoint === 'keep-alive') {
      const ok = this.active(now);
      if (ok) this.expiresAt = now + this.lengthMs;
      body = { ok };
    } else {
      this.active(now);
      this.loggedOut = true;
      body = { ok: true };
    }
    this.log.push({ endpoint, page, at: now, answer: body.active ?? body.ok });
    return { ...body, cookie: this.cookie() };
  }
  stats() {
    this.active(Date.now());
    return { expiresAt: this.expiresAt, loggedOut: this.loggedOut, lapsedAt: this.lapsedAt, log: this.log };
  }
}

/**
 * Starts the server on 127.0.0.1 with an ephemeral port. `bundlePath` is the browser bundle served as
 * /bundle.js; the driver resets a named session (length, time to first expiry) before each scenario.
 */
export async function startSiteServer({ pagesDir, bundlePath }) {
  const sessions = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const api = /^\/api\/(touch|keep-alive|logout)$/.exec(url.pathname);
      if (api && req.method === 'POST') {
        const session = sessions.get(req.headers['x-session-name']);
        if (!session) return send(res, 404, 'application/json', JSON.stringify({ error: 'no such session' }));
        const body = session.handle(api[1], String(req.headers['x-page-id'] ?? '?'));
        return send(res, 200, 'application/json', JSON.stringify(body));
      }
      if (url.pathname === '/favicon.ico') return send(res, 204, 'text/plain', '');
      // Answers late (at most a minute): a page that waits for it synchronously hangs, without spending the CPU.
      if (url.pathname === '/hang') {
        const ms = Math.min(60_000, Math.max(0, Number(url.searchParams.get('ms')) || 0));
        return void setTimeout(() => send(res, 200, 'text/plain', 'done'), ms);
      }
      const file = url.pathname === '/bundle.js' || url.pathname === '/bundle.js.map'
        ? bundlePath + (url.pathname.endsWith('.map') ? '.map' : '')
        : /^\/[\w-]+\.(html|js)$/.test(url.pathname) ? join(pagesDir, url.pathname) : null;
      if (!file) return send(res, 404, 'text/plain', 'not found');
      const headers = url.pathname.startsWith('/csp') ? { 'Content-Security-Policy': STRICT_CSP } : {};
      send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), headers);
    } catch (error) {
      send(res, error.code === 'ENOENT' ? 404 : 500, 'text/plain', String(error.message));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    reset(name, { lengthMs, firstExpiryMs }) {
      sessions.set(name, new ScriptedSession(lengthMs, firstExpiryMs));
    },
    stats: (name) => sessions.get(name).stats(),
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}
