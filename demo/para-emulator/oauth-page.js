// The OAuth provider stand-in: what the SDK opens for `authenticateWithOAuth` in DEV
// (`{portal}/auth/{method}?…&sessionId=<sessionLookupId>`). The real portal hands over to Google & co;
// here a person (or a test) picks the account and the emulator marks the pending session signed in,
// so the SDK's `POST /users/verify-oauth` poll answers `done`.
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// X is `TWITTER` to the SDK (its `TOAuthMethod`), so its path is `/auth/twitter`.
export const OAUTH_PATH = /^\/auth\/(google|apple|discord|twitter|facebook)$/;

const PROVIDERS = { google: 'Google', apple: 'Apple', discord: 'Discord', twitter: 'X', facebook: 'Facebook' };

export function oauthPage({ method, sessionId, completeUrl }) {
  const provider = PROVIDERS[method] ?? method;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Para emulator — sign in with ${esc(provider)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem; color: #1b1b1f; }
  h1 { font-size: 1.35rem; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  input { font: inherit; width: 100%; padding: .5rem; border: 1px solid #6b6b76; border-radius: .375rem; box-sizing: border-box; }
  button { font: inherit; margin-top: 1rem; padding: .6rem 1.4rem; border-radius: .5rem; border: 0; background: #1f4fd1; color: #fff; cursor: pointer; }
  .note { color: #55555f; font-size: .9rem; }
  [role=alert] { color: #a3121f; }
</style></head>
<body><main>
  <h1>Sign in with ${esc(provider)}</h1>
  <p class="note">Local Para emulator: this page stands in for ${esc(provider)}'s account chooser.</p>
  <form id="form">
    <label for="email">${esc(provider)} account email</label>
    <input id="email" type="email" autocomplete="email" required>
    <button type="submit">Continue</button>
  </form>
  <p id="status" role="status"></p>
</main>
<script>
  const pending = ${JSON.stringify({ sessionLookupId: String(sessionId ?? ''), method }).replace(/</g, '\\u003c')};
  const status = document.getElementById('status');
  document.getElementById('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = 'Signing in…';
    try {
      const res = await fetch(${JSON.stringify(completeUrl)}, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...pending, email: document.getElementById('email').value }),
      });
      if (!res.ok) throw new Error((await res.text()) || 'HTTP ' + res.status);
      status.textContent = 'Signed in — you can close this window';
      setTimeout(() => window.close(), 300);
    } catch (err) {
      status.setAttribute('role', 'alert');
      status.textContent = 'Could not sign in: ' + err.message;
    }
  });
</script>
</body></html>`;
}
