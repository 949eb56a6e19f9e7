// Drives the real `@getpara/web-sdk` in a page served by sdk-page-server.mjs.
// The ParaWeb instance lives in the page as `window.__para`.

/** Open the SDK page and wait until the SDK module has loaded. */
export async function openSdkPage(context, url, { log = () => {} } = {}) {
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`[pageerror] ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log(`[page ${m.type()}] ${m.text().slice(0, 240)}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.ParaSdk, null, { timeout: 120_000 });
  return page;
}

/** `new ParaWeb(Environment.DEV, apiKey, opts)` in the page; records every phase change. */
export async function createPara(page, { apiKey = 'any-key', opts = { disableWorkers: true } } = {}) {
  return page.evaluate(
    ({ apiKey, opts }) => {
      const { ParaWeb, Environment } = window.ParaSdk;
      const t = performance.now();
      const para = new ParaWeb(Environment.DEV, apiKey, opts);
      window.__para = para;
      window.__phases = [];
      para.onStatePhaseChange((s) =>
        window.__phases.push({
          t: performance.now(),
          corePhase: s.corePhase,
          authPhase: s.authPhase,
          passkeyUrl: s.authStateInfo?.passkeyUrl ?? null,
          passwordUrl: s.authStateInfo?.passwordUrl ?? null,
        }),
      );
      return { constructMs: performance.now() - t };
    },
    { apiKey, opts },
  );
}

/** Resolve once the SDK's auth phase is `phase` (polling the recorded phases). */
export async function waitForAuthPhase(page, phase, timeout = 30_000) {
  await page.waitForFunction((p) => window.__para.getCurrentState().authPhase === p, phase, { timeout });
}

/**
 * Start `authenticateWithEmailOrPhone({ auth: { email } })` (or the legacy pair
 * `signUpOrLogIn` + `waitForLogin` with `legacy: true`) and return the passkey URL.
 */
export async function startEmailLogin(page, email, { legacy = false, timeout = 60_000 } = {}) {
  await page.evaluate(
    ({ email, legacy }) => {
      const para = window.__para;
      window.__login = { started: performance.now(), result: null, error: null, done: false };
      const settle = (p) =>
        p.then(
          (r) => Object.assign(window.__login, { result: r, done: true, ended: performance.now() }),
          (e) => Object.assign(window.__login, { error: String(e?.message ?? e), done: true, ended: performance.now() }),
        );
      const mark = window.__phases.length;
      window.__loginPhaseMark = mark;
      if (legacy) {
        settle(para.signUpOrLogIn({ auth: { email } }).then((state) => {
          window.__login.legacyState = state;
          return para.waitForLogin({});
        }));
      } else {
        settle(para.authenticateWithEmailOrPhone({ auth: { email } }));
      }
    },
    { email, legacy },
  );
  const handle = await page.waitForFunction(
    () => window.__phases.slice(window.__loginPhaseMark).find((p) => p.passkeyUrl) || window.__login.legacyState?.passkeyUrl || (window.__login.error && { error: window.__login.error }),
    null,
    { timeout },
  );
  const found = await handle.jsonValue();
  if (found.error) throw new Error(`sign-in failed before the portal step: ${found.error}`);
  const urlAt = await page.evaluate(() => performance.now() - window.__login.started);
  return { passkeyUrl: found.passkeyUrl ?? found, passwordUrl: found.passwordUrl ?? null, urlAfterMs: urlAt };
}

/** Open the portal URL in a real popup (window.open), click Approve, wait for the popup to close. */
export async function approveInPopup(page, url) {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate((u) => void window.open(u, 'para-approve', 'width=480,height=640'), url),
  ]);
  await popup.waitForLoadState('domcontentloaded');
  const heading = await popup.getByRole('heading', { level: 1 }).textContent();
  await popup.getByRole('button', { name: 'Approve' }).click();
  await popup.getByText('Signed in — you can close this window').waitFor({ timeout: 10_000 });
  await popup.waitForEvent('close', { timeout: 5_000 }).catch(() => {});
  return { heading, closed: popup.isClosed() };
}

/** Wait for the pending sign-in promise in the page to settle; returns its outcome. */
export async function waitForLogin(page, timeout = 30_000) {
  await page.waitForFunction(() => window.__login?.done, null, { timeout });
  return page.evaluate(() => ({
    result: window.__login.result,
    error: window.__login.error,
    totalMs: window.__login.ended - window.__login.started,
  }));
}

/** Run a ParaWeb method in the page; errors come back as plain data, not exceptions. */
export async function call(page, method, ...args) {
  return page.evaluate(
    async ({ method, args }) => {
      const t = performance.now();
      try {
        const value = await window.__para[method](...args);
        return { ok: true, value, ms: performance.now() - t };
      } catch (e) {
        const error = { name: e?.name, message: e?.message, code: e?.code, status: e?.status, responseURL: e?.responseURL, isParaApiError: !!e?.isParaApiError };
        return { ok: false, error, ms: performance.now() - t };
      }
    },
    { method, args },
  );
}

/** The `Expires=` of a Para session cookie string, as epoch ms (or null). */
export function cookieExpires(cookie) {
  const m = /(?:^|;\s*)Expires=([^;]+)/i.exec(cookie || '');
  return m ? Date.parse(m[1]) : null;
}
