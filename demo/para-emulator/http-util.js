// Small HTTP helpers shared by the emulator's API and portal servers.

/** Headers the Para SDK sends cross-origin; all must pass the CORS preflight. */
export const ALLOWED_HEADERS = [
  'content-type',
  'x-external-api-key',
  'x-capsule-sid',
  'x-para-version',
  'x-para-structured-errors',
  'x-partner-id',
  'x-partner-config-override',
  'x-capsule-partner-id',
  'authorization',
];

/** Names a browser on this machine uses for the emulator; any other Host is DNS rebinding. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * CORS for the origins the emulator serves (credentials mode forbids `*`): an allowed Origin is echoed,
 * any other gets nothing. Without `allowedOrigins` it sets nothing: the server's guard has already run.
 */
export function setCors(req, res, allowedOrigins) {
  if (!allowedOrigins) return;
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.has(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  const requested = req.headers['access-control-request-headers'];
  res.setHeader('Access-Control-Allow-Headers', requested || ALLOWED_HEADERS.join(', '));
  res.setHeader('Access-Control-Expose-Headers', 'x-capsule-sid');
  res.setHeader('Access-Control-Max-Age', '600');
}

/**
 * Admits a request only when its Host is this machine (on `port`) and its Origin, if any, is allowed;
 * otherwise answers it (421 / 403) and returns false. Sets CORS for an admitted origin.
 */
export function admitRequest(req, res, { allowedOrigins, port }) {
  const host = String(req.headers.host ?? '').toLowerCase();
  if (!LOOPBACK_NAMES.some((name) => host === `${name}:${port}`)) {
    sendJson(res, 421, { message: `para-emulator: Host ${host || '(none)'} is not this machine; use localhost:${port}` });
    return false;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) {
    sendJson(res, 403, { message: `para-emulator: origin ${origin} is not allowed (startEmulator({ allowedOrigins }), emu.allowOrigin() or --allow-origin)` });
    return false;
  }
  setCors(req, res, allowedOrigins);
  return true;
}

/** `localhost` and `127.0.0.1` spellings of a loopback URL's origin: a page may be opened under either. */
export function loopbackOrigins(url) {
  const { protocol, port } = new URL(url);
  return LOOPBACK_NAMES.map((name) => `${protocol}//${name}${port ? `:${port}` : ''}`);
}

export function sendJson(res, status, body, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendText(res, status, text, type = 'text/plain; charset=utf-8') {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Read and JSON-parse a request body (empty or invalid body → `{}`). */
export function readJson(req, limit = 1 << 20) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8').trim();
      if (!raw) return resolve({});
      try {
        resolve(JSON.parse(raw));
      } catch {
        resolve({});
      }
    });
    req.on('error', reject);
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Listen on 127.0.0.1 (never all interfaces); resolves with the bound port. */
export function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

/** Close a server and drop its keep-alive sockets. */
export function closeServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}
