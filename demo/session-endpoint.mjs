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

/** The server SDK prints every state change in DEV; keep the demo's terminal readable. */
async function withoutSdkChatter(fn) {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.info = console.debug = () => {};
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
}

/** A new server SDK instance per request, as Para recommends: sessions never mix. */
export async function isImportedSessionActive(session, target = serverSdkTarget()) {
  const { Para: ParaServer, Environment } = await import('@getpara/server-sdk'); // 2.18 exports the class as `Para`
  const environment = Environment[target.environment];
  if (!environment) throw new Error(`PARA_ENV=${target.environment} is not one of ${Object.keys(Environment).join(', ')}`);
  return withoutSdkChatter(async () => {
    const server = new ParaServer(environment, target.apiKey);
    await server.importSession(session);
    return server.isSessionActive();
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const answer = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** Connect-style middleware for Vite's dev server. */
export function sessionEndpoint({ path = '/api/session', target = serverSdkTarget() } = {}) {
  return async (req, res, next) => {
    if ((req.url || '').split('?')[0] !== path) return next();
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST a JSON body { session }' });
    let session;
    try {
      session = JSON.parse(await readBody(req))?.session;
    } catch (error) {
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
      const active = await isImportedSessionActive(session, target);
      return answer(res, 200, { active, ...described });
    } catch (error) {
      // The SDK's message may quote the request; say only that the import failed and why in general.
      console.error(`demo /api/session: the server SDK failed (${error?.name ?? 'Error'})`);
      return answer(res, 502, { error: 'the server SDK could not check the session', ...described });
    }
  };
}
