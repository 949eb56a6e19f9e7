// The emulated portal (the SDK's DEV portal is http://localhost:3003). It serves the
// sign-in approval page at the passkey / password / PIN login paths, and node-forge's
// prime worker, which the SDK's RSA key generation loads.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { sendText, setCors } from './http-util.js';
import { WORKER_ROUTES } from './mpc-worker-stub.js';
import { OAUTH_PATH, oauthPage } from './oauth-page.js';

const require = createRequire(import.meta.url);
let workerPath = null;
try {
  workerPath = require.resolve('node-forge/dist/prime.worker.min.js');
} catch {
  // node-forge not installed: the worker routes answer 404.
}

/** Paths a page must serve node-forge's prime worker at (see README in server.js). */
export const PRIME_WORKER_PATHS = ['/static/js/prime.worker.min.js', '/forge/prime.worker.js'];
export const PRIME_WORKER_FILE = workerPath;

const LOGIN_PATHS = {
  '/web/biometrics/login': { method: 'passkey', verify: '/biometrics/verify' },
  '/web/passwords/login': { method: 'password', verify: '/passwords/verify' },
  '/web/pin/login': { method: 'PIN', verify: '/passwords/verify' },
};

const esc = (s) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function approvalPage({ email, userId, sessionId, method, verifyUrl, approveAs }) {
  const who = email ? esc(email) : 'this account';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Para emulator — approve sign-in</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem; color: #1b1b1f; }
  h1 { font-size: 1.35rem; }
  button { font: inherit; padding: .6rem 1.4rem; border-radius: .5rem; border: 0; background: #1f4fd1; color: #fff; cursor: pointer; }
  button:focus-visible { outline: 3px solid #f5a524; outline-offset: 2px; }
  button[disabled] { opacity: .6; cursor: default; }
  .note { color: #55555f; font-size: .9rem; }
  [role=alert] { color: #a3121f; }
</style></head>
<body><main>
  <h1 id="title">Approve sign-in for ${who}</h1>
  <p class="note">Local Para emulator: this stands in for the ${esc(method)} step.</p>
  <button type="button" id="approve">Approve</button>
  <p id="status" role="status" aria-live="polite"></p>
</main>
<script>
  // The pending session (the SDK's sessionLookupId) and the account this page approves it for.
  const approval = ${JSON.stringify({ sessionLookupId: String(sessionId ?? ''), email: approveAs || undefined, userId: userId || undefined }).replace(/</g, '\\u003c')};
  const button = document.getElementById('approve');
  const status = document.getElementById('status');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.removeAttribute('role');
    status.textContent = 'Approving…';
    try {
      const res = await fetch(${JSON.stringify(verifyUrl)}, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(approval),
      });
      if (!res.ok) throw new Error((await res.text()) || 'HTTP ' + res.status);
      document.getElementById('title').textContent = 'Signed in';
      status.setAttribute('role', 'status');
      status.textContent = 'Signed in — you can close this window';
      button.hidden = true;
      setTimeout(() => window.close(), 300);
    } catch (err) {
      status.setAttribute('role', 'alert');
      status.textContent = 'Could not approve: ' + err.message;
      button.disabled = false;
    }
  });
</script>
</body></html>`;
}

export function createPortalHandler(emu) {
  return async function handlePortal(req, res) {
    setCors(req, res);
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    const url = new URL(req.url, 'http://localhost');
    const login = LOGIN_PATHS[url.pathname];
    if (req.method === 'GET' && login) {
      // The SDK's login URL names the pending session (sessionId = its sessionLookupId) and the account
      // (email, userId). Without an account in the URL, the one bound to that session is shown.
      const sessionId = url.searchParams.get('sessionId');
      // A phone user's URL carries the national number and the calling code separately.
      const phone = url.searchParams.get('phone') ? `${url.searchParams.get('countryCode') ?? ''}${url.searchParams.get('phone')}` : null;
      let email = url.searchParams.get('email') || phone;
      let userId = url.searchParams.get('userId');
      if (!email && !userId && sessionId) {
        const s = emu.store.byLookupId(sessionId);
        const user = s?.loginUserId ? emu.store.userById(s.loginUserId) : null;
        email = user?.email ?? null;
        userId = user?.userId ?? null;
      }
      const verifyUrl = new URL(login.verify, emu.apiUrl).href;
      const page = approvalPage({ email, userId, sessionId, method: login.method, verifyUrl, approveAs: phone ? null : email });
      return sendText(res, 200, page, 'text/html; charset=utf-8');
    }
    const oauth = OAUTH_PATH.exec(url.pathname);
    if (req.method === 'GET' && oauth) {
      const completeUrl = new URL('/oauth/complete', emu.apiUrl).href;
      return sendText(res, 200, oauthPage({ method: oauth[1], sessionId: url.searchParams.get('sessionId'), completeUrl }), 'text/html; charset=utf-8');
    }
    if (req.method === 'GET' && PRIME_WORKER_PATHS.includes(url.pathname) && workerPath) {
      const js = await readFile(workerPath, 'utf8');
      return sendText(res, 200, js, 'text/javascript; charset=utf-8');
    }
    if (req.method === 'GET' && WORKER_ROUTES[url.pathname]) {
      return sendText(res, 200, WORKER_ROUTES[url.pathname], 'text/javascript; charset=utf-8');
    }
    if (req.method === 'GET' && url.pathname === '/favicon.ico') return res.writeHead(204).end();
    if (req.method === 'GET' && url.pathname === '/') {
      return sendText(res, 200, 'para-emulator portal: sign-in approval pages live under /web/…/login\n');
    }
    console.log(`para-emulator: no handler for portal ${req.method} ${url.pathname}`);
    sendText(res, 404, 'not found');
  };
}
