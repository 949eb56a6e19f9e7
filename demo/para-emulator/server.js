#!/usr/bin/env node
// para-emulator — a local stand-in for Para's API and portal that the real
// `@getpara/web-sdk` (2.31) and `@getpara/server-sdk` talk to in `Environment.DEV`.
//
//   node demo/para-emulator/server.js [--api-port 8080] [--portal-port 3003] [--session-length 7200] [--quiet]
//                                     [--allow-origin http://127.0.0.1:5173 …]
//
// or in-process:  const emu = await startEmulator({ apiPort, portalPort, sessionLength, quiet });
//                 … emu.apiUrl, emu.portalUrl, emu.store, emu.counts, emu.log …; await emu.close();
//
// The SDK's DEV environment hard-codes the API at http://localhost:8080/ (so use 8080 for
// anything the SDK calls) and the portal at http://localhost:3003; when the portal runs on
// another port the partner record carries `portalUrl`, which the SDK prefers. Both servers
// bind to 127.0.0.1 only, answer only to loopback Host names, and allow (with credentials) only the
// origins given in `allowedOrigins` / `--allow-origin` / `emu.allowOrigin(origin)`, plus the portal's own.
//
// Sessions: identified by the `capsule.sid` cookie string the SDK stores and sends in the
// `x-capsule-sid` header; every touch / keep-alive / sign-in answer carries that header with
// a real `Expires=`. Every email is a returning user (created on first sight, stable userId);
// its sign-in is approved on the portal page (button "Approve") or via POST /__emulator/approve.
// Each pending sign-in is its own session (the SDK's sessionLookupId, the portal URL's `sessionId`);
// an approval names that session and the account, so concurrent sign-ins of different users never cross.
//
// API endpoints: POST /touch[?regenerate=true], GET /partners/:id, POST /users/init,
// POST /users/:id/session/keep-alive, GET /logout, GET /users/:id/wallets, GET /users/:id/all-wallets,
// POST /users/:id/wallets/set, GET /users/:id/temporary-shares, GET /users/:id,
// GET /users/:id/preferences, POST /biometrics/verify, POST /passwords/verify,
// GET /sessions/:id/origin, GET /sessions/:id/login-method, POST /errors/sdk,
// POST /partners/analytics/react-sdk. Anything else: 404 JSON and a logged
// `para-emulator: no handler for METHOD PATH` line.
//
// Controls (JSON, on the API port, working while "offline"): POST /__emulator/expire {userId?},
// /revoke {userId?}, /fail {count, status} | {count, drop: true}, /latency {ms}, /offline, /online,
// /session-length {seconds}, /reset, /approve {sessionLookupId, email?} | {email};
// GET /__emulator/counts, /log, /sessions, /state.
//
// Pages that load the SDK with `disableWorkers: true` must serve node-forge's prime worker at
// `forge/prime.worker.js` relative to the page (file: node-forge/dist/prime.worker.min.js); the
// portal also serves it at /static/js/prime.worker.min.js and /forge/prime.worker.js, plus stub
// MPC worker bundles (/static/js/mpcWorker-bundle.js, /static/js/mpcWorkerServer-bundle.js) that
// answer INIT and refuse MPC work, so SDKs constructed without `disableWorkers` start cleanly.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { admitRequest, sendJson, sleep, listen, closeServer, loopbackOrigins } from './http-util.js';
import { SessionStore } from './sessions.js';
import { matchRoute, endpointName } from './api.js';
import { handleControl } from './controls.js';
import { createPortalHandler } from './portal.js';

const CONTROL_PREFIX = '/__emulator/';
const LOG_LIMIT = 5000;

export async function startEmulator({
  apiPort = 8080,
  portalPort = 3003,
  sessionLength = 7200,
  quiet = false,
  partnerId = 'emulator-partner',
  allowedOrigins = [],
} = {}) {
  const startedAt = Date.now();
  const emu = {
    quiet,
    store: new SessionStore({ sessionLength, partnerId }),
    faults: { offline: false, latencyMs: 0, failCount: 0, failStatus: 500, failDrop: false },
    counts: new Map(),
    log: [],
    partner: null,
    apiUrl: null,
    portalUrl: null,
    /** Page origins the SDK may call from with credentials; no other origin is echoed or served. */
    allowedOrigins: new Set(allowedOrigins),
    allowOrigin(origin) {
      this.allowedOrigins.add(new URL(origin).origin);
    },
    reset() {
      this.store.reset();
      Object.assign(this.faults, { offline: false, latencyMs: 0, failCount: 0, failStatus: 500, failDrop: false });
      this.counts.clear();
      this.log.length = 0;
    },
  };

  const record = (entry) => {
    emu.log.push({ t: new Date().toISOString(), ms: Date.now() - startedAt, ...entry });
    if (emu.log.length > LOG_LIMIT) emu.log.splice(0, emu.log.length - LOG_LIMIT);
  };

  const api = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    if (!admitRequest(req, res, { allowedOrigins: emu.allowedOrigins, port: emu.apiPort })) return;
    if (path.startsWith(CONTROL_PREFIX)) {
      if (req.method === 'OPTIONS') return res.writeHead(204).end();
      return handleControl(emu, req, res, path.slice(CONTROL_PREFIX.length)).catch((e) =>
        sendJson(res, 500, { ok: false, error: String(e?.message ?? e) }),
      );
    }
    const name = endpointName(req.method === 'OPTIONS' ? (req.headers['access-control-request-method'] || 'GET') : req.method, path);
    const key = req.method === 'OPTIONS' ? `OPTIONS ${name}` : name;
    emu.counts.set(key, (emu.counts.get(key) ?? 0) + 1);
    const entry = { method: req.method, path: url.pathname + url.search, endpoint: key };
    const { faults } = emu;
    if (faults.offline) {
      record({ ...entry, outcome: 'dropped (offline)' });
      return req.socket.destroy();
    }
    // Real Para answers its CORS preflights whatever its API does next: an injected failure meets a request the
    // SDK made, never the browser's OPTIONS before it (which the browser would turn into a network error).
    if (req.method === 'OPTIONS') {
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      record({ ...entry, status: 204 });
      return res.writeHead(204).end();
    }
    if (faults.failCount > 0) {
      faults.failCount--;
      if (faults.failDrop) {
        record({ ...entry, outcome: 'dropped (fail)' });
        return req.socket.destroy();
      }
      record({ ...entry, status: faults.failStatus, outcome: 'failed (injected)' });
      res.writeHead(faults.failStatus, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end(`para-emulator: injected failure ${faults.failStatus}`);
    }
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const match = matchRoute(req.method, path);
    if (!match) {
      console.log(`para-emulator: no handler for ${req.method} ${path}`);
      record({ ...entry, status: 404, outcome: 'no handler' });
      return sendJson(res, 404, { message: `para-emulator: no handler for ${req.method} ${path}` });
    }
    try {
      await match.handler({ req, res, url, params: match.params, store: emu.store, partner: emu.partner });
      record({ ...entry, status: res.statusCode });
    } catch (e) {
      console.error(`para-emulator: ${req.method} ${path} failed:`, e);
      record({ ...entry, status: 500, outcome: String(e?.message ?? e) });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    }
  });
  const handlePortal = createPortalHandler(emu);
  const portal = http.createServer((req, res) => {
    if (admitRequest(req, res, { allowedOrigins: emu.allowedOrigins, port: emu.portalPort })) return handlePortal(req, res);
  });

  const boundApi = await listen(api, apiPort);
  let boundPortal;
  try {
    boundPortal = await listen(portal, portalPort);
  } catch (e) {
    await closeServer(api);
    throw e;
  }
  emu.apiUrl = `http://localhost:${boundApi}/`;
  emu.portalUrl = `http://localhost:${boundPortal}`;
  emu.apiPort = boundApi;
  emu.portalPort = boundPortal;
  // The approval page (on the portal) calls the API.
  for (const origin of loopbackOrigins(emu.portalUrl)) emu.allowedOrigins.add(origin);
  emu.partner = {
    id: partnerId,
    displayName: 'Para emulator',
    supportedWalletTypes: [],
    cosmosPrefix: 'cosmos',
    // Only needed when the portal is not on the SDK's default DEV port.
    ...(boundPortal !== 3003 ? { portalUrl: emu.portalUrl } : {}),
  };
  if (!quiet) {
    console.log(`para-emulator: API    ${emu.apiUrl} (controls under ${CONTROL_PREFIX})`);
    console.log(`para-emulator: portal ${emu.portalUrl}`);
    console.log(`para-emulator: session length ${sessionLength}s`);
  }
  emu.close = () => Promise.all([closeServer(api), closeServer(portal)]).then(() => undefined);
  emu.servers = { api, portal };
  return emu;
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const next = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--api-port') opts.apiPort = Number(next());
    else if (flag === '--portal-port') opts.portalPort = Number(next());
    else if (flag === '--session-length') opts.sessionLength = Number(next());
    else if (flag === '--quiet') opts.quiet = true;
    else if (flag === '--allow-origin') (opts.allowedOrigins ??= []).push(new URL(next()).origin);
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node demo/para-emulator/server.js [--api-port 8080] [--portal-port 3003] [--session-length 7200] [--quiet] [--allow-origin URL]…');
      process.exit(0);
    } else {
      console.error(`para-emulator: unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const emu = await startEmulator(parseArgs(process.argv.slice(2)));
  const stop = () => emu.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
