// `POST /api/session` for the live demo: receives what `sendSessionTo()` posts (`{ session }`),
// imports it with the real `@getpara/server-sdk` and answers `{ active, userId, signersIncluded }`.
// The session string is a bearer credential: it is never logged, stored or echoed back.

const MAX_BODY_BYTES = 256 * 1024;

/** Which Para environment the server SDK talks to: the emulator (DEV) unless a real key is set. */
export function serverSdkTarget(env = process.env) {
  return env.PARA_API_KEY
    ? { environment: env.PARA_ENV || 'BETA', apiKey: env.PARA_API_KEY }
    : { environment: 'DEV', apiKey: 'demo-key' };
}

/** What the server can read without the SDK: the user and whether any wallet carries a signer. */
export function describeExport(session) {
  const decoded = JSON.parse(Buffer.from(session, 'base64').toString('utf8'));
  const wallets = Object.values(decoded.wallets ?? {});
  return {
    userId: typeof decoded.userId === 'string' ? decoded.userId : null,
    signersIncluded: wallets.some((wallet) => wallet && typeof wallet === 'object' && 'signer' in wallet),
  };
}

/** A new server SDK instance per request, as Para recommends: sessions never mix. */
export async function isImportedSessionActive(session, target = serverSdkTarget()) {
  const { Para: ParaServer, Environment } = await import('@getpara/server-sdk'); // 2.18 exports the class as `Para`
  const environment = Environment[target.environment];
  if (!environment) throw new Error(`PARA_ENV=${target.environment} is not one of ${Object.keys(Environment).join(', ')}`);
  // The SDK prints every state change in DEV through its `devLog`: quiet this instance, never the global
  // console (swapped across an await, overlapping requests would leave the whole process silent).
  class QuietParaServer extends ParaServer {
    devLog() {}
  }
  const server = new QuietParaServer(environment, target.apiKey);
  await server.importSession(session);
  return server.isSessionActive();
}

/** The origin a request was addressed to (`http://host:port`), which a same-origin page sends as `Origin`. */
function ownOrigin(req) {
  return `${req.socket?.encrypted ? 'https' : 'http'}://${req.headers.host}`;
}

/**
 * Only the demo's own pages may post: a JSON body (a cross-site form can send only text/plain, urlencoded
 * or multipart, and a cross-site fetch of JSON needs a preflight this endpoint never grants) and an
 * `Origin` equal to this server's.
 */
function refusal(req) {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, error: 'send the session as Content-Type: application/json' };
  const origin = req.headers.origin;
  if (!origin || origin !== ownOrigin(req)) {
    return { status: 403, error: `origin ${origin ?? '(none)'} may not post a session here: only this server's own pages (${ownOrigin(req)})` };
  }
  return null;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      // Too large: answer 413 and let the rest drain unread; destroying the socket here lost that answer.
      if (size > MAX_BODY_BYTES) reject(Object.assign(new Error('body too large'), { status: 413 }));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const answer = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** Connect-style middleware for Vite's dev server; `isSessionActive` is the server SDK's import unless a test gives one. */
export function sessionEndpoint({ path = '/api/session', target = serverSdkTarget(), isSessionActive = isImportedSessionActive } = {}) {
  return async (req, res, next) => {
    if ((req.url || '').split('?')[0] !== path) return next();
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST a JSON body { session }' });
    const refused = refusal(req);
    if (refused) {
      req.resume();
      return answer(res, refused.status, { error: refused.error });
    }
    let session;
    try {
      session = JSON.parse(await readBody(req))?.session;
    } catch (error) {
      // The rest of a body too large is not read: this connection ends with the answer.
      if (error?.status === 413) res.setHeader('connection', 'close');
      return answer(res, error?.status ?? 400, { error: error?.status ? error.message : 'the body is not JSON' });
    }
    if (typeof session !== 'string' || session === '') return answer(res, 400, { error: 'missing "session" (a string)' });
    let described;
    try {
      described = describeExport(session);
    } catch {
      return answer(res, 400, { error: 'the session is not a Para export (Base64 JSON)' });
    }
    try {
      const active = await isSessionActive(session, target);
      return answer(res, 200, { active, ...described });
    } catch (error) {
      // The SDK's message may quote the request; say only that the import failed and why in general.
      console.error(`demo /api/session: the server SDK failed (${error?.name ?? 'Error'})`);
      return answer(res, 502, { error: 'the server SDK could not check the session', ...described });
    }
  };
}
