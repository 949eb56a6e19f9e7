#!/usr/bin/env node
// End-to-end proof that the real @getpara/web-sdk (in headless Chromium) and
// @getpara/server-sdk (in Node) work against demo/para-emulator in Environment.DEV.
//   node test/e2e/emulator-smoke.mjs [--build] [--verbose]   (needs ports 8080 and 3003 free; CHROME_PATH overrides the browser)
import assert from 'node:assert/strict';
import { startEmulator } from '../../demo/para-emulator/server.js';
import { isImportedSessionActive } from '../../demo/session-endpoint.mjs';
import { parseSid } from '../../demo/para-emulator/sessions.js';
import { startSdkPageServer } from './support/sdk-page-server.mjs';
import { launchChromium } from './support/browser.mjs';
import {
  openSdkPage, createPara, waitForAuthPhase, startEmailLogin, approveInPopup, waitForLogin, call, cookieExpires,
} from './support/para-driver.mjs';

const SESSION_LENGTH = 7200;
const EMAIL = 'a@b.co';
const t0 = Date.now();
const results = [];
const verbose = process.argv.includes('--verbose');
// --build: serve a `vite build` of the page (vite preview) instead of the dev server.
const pageMode = process.argv.includes('--build') ? 'build' : 'dev';
const log = (...a) => console.log(...a);
const ms = (n) => `${Math.round(n)} ms`;

async function step(name, fn) {
  const t = Date.now();
  try {
    const info = await fn();
    results.push({ name, ok: true });
    log(`ok   ${name} (${ms(Date.now() - t)})${info ? `\n     ${info}` : ''}`);
  } catch (e) {
    results.push({ name, ok: false });
    log(`FAIL ${name} (${ms(Date.now() - t)})\n     ${e?.stack ?? e}`);
    throw e;
  }
}

const control = (emu, name, body) =>
  fetch(new URL(`/__emulator/${name}`, emu.apiUrl), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => r.json());

/** The same import the demo's `/api/session` endpoint makes (quiet: the server SDK logs every state change in DEV). */
const serverSessionActive = (exported) => isImportedSessionActive(exported, { environment: 'DEV', apiKey: 'any-key' });

const emu = await startEmulator({ sessionLength: SESSION_LENGTH, quiet: true });
const pageServer = await startSdkPageServer({ mode: pageMode });
// The emulator serves only the origins it is told about: this page's.
emu.allowOrigin(pageServer.url);
const browser = await launchChromium();
const context = await browser.newContext();
let page;
let exported;
let failed = false;
try {
  log(`emulator ${emu.apiUrl} portal ${emu.portalUrl}; SDK page ${pageServer.url} (${pageMode}${pageServer.buildMs ? `, built in ${ms(pageServer.buildMs)}` : ''})`);

  await step('a. new ParaWeb(Environment.DEV, key, { disableWorkers: true }) constructs against the emulator', async () => {
    const tl = Date.now();
    page = await openSdkPage(context, pageServer.url, { log: verbose ? log : () => {} });
    const loadMs = Date.now() - tl;
    const { constructMs } = await createPara(page);
    await waitForAuthPhase(page, 'unauthenticated');
    const active = await call(page, 'isSessionActive');
    assert.deepEqual(active.ok && active.value, false);
    return `page + SDK load ${ms(loadMs)} (${pageMode === 'dev' ? 'Vite dev server; pre-bundling happens at server start' : 'built bundle'}), constructor ${ms(constructMs)}, settled to unauthenticated`;
  });

  let firstExpires;
  await step(`b. email sign-in for ${EMAIL}: passkeyUrl → portal Approve → authenticated`, async () => {
    const { passkeyUrl, urlAfterMs } = await startEmailLogin(page, EMAIL);
    assert.match(passkeyUrl, /^http:\/\/localhost:3003\/web\/biometrics\/login\?.*sessionId=/);
    const tApprove = Date.now();
    const popup = await approveInPopup(page, passkeyUrl);
    assert.equal(popup.heading, `Approve sign-in for ${EMAIL}`);
    const login = await waitForLogin(page);
    assert.equal(login.error, null);
    assert.deepEqual(login.result.authInfo.auth, { email: EMAIL });
    await waitForAuthPhase(page, 'authenticated');
    const active = await call(page, 'isSessionActive');
    assert.equal(active.value, true);
    const cookie = (await call(page, 'retrieveSessionCookie')).value;
    firstExpires = cookieExpires(cookie);
    const ahead = (firstExpires - Date.now()) / 1000;
    assert.ok(Math.abs(ahead - SESSION_LENGTH) < 15, `Expires ${ahead}s ahead`);
    return `passkeyUrl after ${ms(urlAfterMs)}; approve→authenticated ${ms(Date.now() - tApprove)}; whole login ${ms(login.totalMs)}; popup closed itself: ${popup.closed}\n     cookie: ${cookie}\n     Expires ${Math.round(ahead)} s ahead`;
  });

  await step('c. keepSessionAlive() → true, cookie Expires moves forward, counted by the emulator', async () => {
    await control(emu, 'session-length', { seconds: SESSION_LENGTH + 120 }); // also proves the run-time control
    const ka = await call(page, 'keepSessionAlive');
    await control(emu, 'session-length', { seconds: SESSION_LENGTH });
    assert.equal(ka.value, true);
    const after = cookieExpires((await call(page, 'retrieveSessionCookie')).value);
    assert.ok(after - firstExpires >= 100_000, `Expires moved ${(after - firstExpires) / 1000}s`);
    const counts = await control(emu, 'counts');
    assert.equal(counts['POST /users/:id/session/keep-alive'], 1);
    return `keep-alive ${ms(ka.ms)}; Expires moved +${Math.round((after - firstExpires) / 1000)} s; counts: ${JSON.stringify(counts['POST /users/:id/session/keep-alive'])} keep-alive`;
  });

  await step('d. /__emulator/expire → isSessionActive() false; logout() then sign in again', async () => {
    const { expired } = await control(emu, 'expire', {});
    assert.ok(expired >= 1);
    const active = await call(page, 'isSessionActive');
    assert.equal(active.value, false);
    const phase = (await call(page, 'getCurrentState')).value;
    const out = await call(page, 'logout');
    assert.ok(out.ok);
    const { passkeyUrl, urlAfterMs } = await startEmailLogin(page, EMAIL);
    await approveInPopup(page, passkeyUrl);
    const login = await waitForLogin(page);
    assert.equal(login.error, null);
    assert.equal((await call(page, 'isSessionActive')).value, true);
    return `after expiry corePhase=${phase.corePhase} authPhase=${phase.authPhase}; logout ${ms(out.ms)}; re-login URL after ${ms(urlAfterMs)}, total ${ms(login.totalMs)}`;
  });

  await step('e. /__emulator/offline → isSessionActive() throws, keepSessionAlive() → false', async () => {
    await control(emu, 'offline', {});
    const active = await call(page, 'isSessionActive');
    const ka = await call(page, 'keepSessionAlive');
    await control(emu, 'online', {});
    assert.equal(active.ok, false);
    assert.equal(ka.value, false);
    assert.equal((await call(page, 'isSessionActive')).value, true);
    await control(emu, 'fail', { count: 1, status: 503 });
    const failed = await call(page, 'isSessionActive');
    assert.equal(failed.ok, false);
    await control(emu, 'fail', { count: 1, drop: true });
    const retried = await call(page, 'isSessionActive');
    assert.equal(retried.value, true, 'one dropped request is retried by the SDK');
    await control(emu, 'fail', { count: 1, status: 401 });
    const kaFailed = await call(page, 'keepSessionAlive');
    assert.equal(kaFailed.value, false);
    return `isSessionActive threw after ${ms(active.ms)}: ${JSON.stringify(active.error)}\n     keepSessionAlive → false after ${ms(ka.ms)}\n     injected 503 on touch: ${JSON.stringify(failed.error)}; injected 401 on keep-alive → ${kaFailed.value}\n     one dropped socket: isSessionActive() → ${retried.value} after ${ms(retried.ms)} (SDK retry)`;
  });

  await step('f. exportSession({ excludeSigners: true }) → ParaServer.importSession → isSessionActive() true', async () => {
    const res = await call(page, 'exportSession', { excludeSigners: true });
    assert.ok(res.ok, JSON.stringify(res.error));
    exported = res.value;
    const decoded = JSON.parse(Buffer.from(exported, 'base64').toString('utf8'));
    assert.equal(typeof decoded.sessionCookie, 'string');
    const active = await serverSessionActive(exported);
    assert.equal(active, true);
    const signers = Object.values(decoded.wallets ?? {}).filter((w) => 'signer' in w).length;
    return `export keys: ${Object.keys(decoded).join(', ')}; wallets: ${Object.keys(decoded.wallets ?? {}).length}, with signer: ${signers}\n     decoded: ${JSON.stringify({ ...decoded, sessionCookie: decoded.sessionCookie.slice(0, 40) + '…' })}`;
  });

  await step('g. logout() → the emulator session is gone (and the server-side import sees it)', async () => {
    const sid = parseSid((await call(page, 'retrieveSessionCookie')).value);
    const out = await call(page, 'logout');
    assert.ok(out.ok);
    const s = emu.store.get(sid);
    assert.ok(s && s.ended, 'session ended on the emulator');
    assert.equal((await call(page, 'retrieveSessionCookie')).value ?? null, null);
    assert.equal(await serverSessionActive(exported), false);
    return `logout ${ms(out.ms)}; session ${s.lookupId} ended; server-side isSessionActive() → false`;
  });

  await step('h. legacy signUpOrLogIn + waitForLogin, approved via POST /__emulator/approve {sessionLookupId, email}', async () => {
    const { passkeyUrl, urlAfterMs } = await startEmailLogin(page, EMAIL, { legacy: true });
    const sessionLookupId = new URL(passkeyUrl).searchParams.get('sessionId');
    const approved = await control(emu, 'approve', { sessionLookupId, email: EMAIL });
    assert.equal(approved.ok, true, JSON.stringify(approved));
    const login = await waitForLogin(page);
    assert.equal(login.error, null);
    assert.equal((await call(page, 'isSessionActive')).value, true);
    return `URL after ${ms(urlAfterMs)}; waitForLogin → ${JSON.stringify(login.result)} in ${ms(login.totalMs)}`;
  });

  await step('i. real session time: session-length 2 s, keepSessionAlive(), wait → isSessionActive() false', async () => {
    await control(emu, 'session-length', { seconds: 2 });
    assert.equal((await call(page, 'keepSessionAlive')).value, true);
    const cookie = (await call(page, 'retrieveSessionCookie')).value;
    const left = (cookieExpires(cookie) - Date.now()) / 1000;
    assert.equal((await call(page, 'isSessionActive')).value, true);
    await new Promise((r) => setTimeout(r, 2600));
    assert.equal((await call(page, 'isSessionActive')).value, false);
    const ka = await call(page, 'keepSessionAlive');
    assert.equal(ka.value, false, 'keep-alive cannot revive an expired session');
    await control(emu, 'session-length', { seconds: SESSION_LENGTH });
    await call(page, 'logout');
    return `cookie Expires ${left.toFixed(1)} s ahead after keep-alive; expired on time; keep-alive afterwards → false`;
  });

  await step('j. workers enabled (no disableWorkers; the portal serves stub MPC workers): constructs; same error shapes', async () => {
    const ctx2 = await browser.newContext();
    const p2 = await openSdkPage(ctx2, pageServer.url, { log: verbose ? log : () => {} });
    await createPara(p2, { opts: {} });
    await waitForAuthPhase(p2, 'unauthenticated');
    await control(emu, 'offline', {});
    const active = await call(p2, 'isSessionActive');
    await control(emu, 'online', {});
    await control(emu, 'fail', { count: 1, status: 503 });
    const failed = await call(p2, 'isSessionActive');
    await ctx2.close();
    assert.equal(active.ok, false);
    assert.equal(failed.ok, false);
    return `offline: ${JSON.stringify(active.error)} after ${ms(active.ms)}\n     injected 503: ${JSON.stringify(failed.error)}`;
  });

  await step('k. two concurrent sign-ins of different emails (two contexts) → each ends as its own user', async () => {
    // Both /users/init calls land before either SDK regenerates its pending session (which it does with no
    // cookie, right after logging out): an emulator that remembered "the last user to init" crossed them.
    const emails = ['first@concurrent.test', 'second@concurrent.test'];
    const contexts = await Promise.all(emails.map(() => browser.newContext()));
    try {
      const pages = await Promise.all(contexts.map((c) => openSdkPage(c, pageServer.url, { log: verbose ? log : () => {} })));
      await Promise.all(pages.map((p) => createPara(p)));
      await Promise.all(pages.map((p) => waitForAuthPhase(p, 'unauthenticated')));
      const mark = emu.log.length;
      const urls = await Promise.all(pages.map((p, i) => startEmailLogin(p, emails[i])));
      const order = emu.log
        .slice(mark)
        .filter((e) => e.path === '/users/init' || e.path === '/touch?regenerate=true')
        .map((e) => (e.path === '/users/init' ? 'init' : 'regenerate'));
      // The second user approves first.
      const headings = [];
      for (const i of [1, 0]) headings[i] = (await approveInPopup(pages[i], urls[i].passkeyUrl)).heading;
      const logins = await Promise.all(pages.map((p) => waitForLogin(p)));
      const seen = [];
      for (const [i, email] of emails.entries()) {
        assert.equal(headings[i], `Approve sign-in for ${email}`);
        assert.equal(logins[i].error, null, `${email}: ${logins[i].error}`);
        const expected = emu.store.userForEmail(email).userId;
        const pageUser = (await call(pages[i], 'getUserId')).value;
        const sid = parseSid((await call(pages[i], 'retrieveSessionCookie')).value);
        const session = emu.store.get(sid);
        assert.equal(pageUser, expected, `${email}: the page's user`);
        assert.ok(emu.store.isAuthenticated(session), `${email}: its own cookie names an authenticated session`);
        assert.equal(session.userId, expected, `${email}: the emulator session behind its cookie belongs to it`);
        assert.equal((await call(pages[i], 'isSessionActive')).value, true);
        seen.push(`${email} → ${session.userId.slice(0, 8)}… (${session.lookupId.slice(0, 8)}…)`);
      }
      // The same through the control: two pending sign-ins, each approved by its own sessionLookupId.
      await Promise.all(pages.map((p) => call(p, 'logout')));
      const again = await Promise.all(pages.map((p, i) => startEmailLogin(p, emails[i], { legacy: true })));
      for (const i of [1, 0]) {
        const sessionLookupId = new URL(again[i].passkeyUrl).searchParams.get('sessionId');
        const approved = await control(emu, 'approve', { sessionLookupId, email: emails[i] });
        assert.equal(approved.ok, true, JSON.stringify(approved));
      }
      await Promise.all(pages.map((p) => waitForLogin(p)));
      for (const [i, email] of emails.entries()) {
        const sid = parseSid((await call(pages[i], 'retrieveSessionCookie')).value);
        assert.equal(emu.store.get(sid)?.userId, emu.store.userForEmail(email).userId, `${email} (control approval)`);
      }
      // A pending session cannot be approved as a second user once bound to one.
      const bound = await control(emu, 'approve', { sessionLookupId: emu.store.get(parseSid((await call(pages[0], 'retrieveSessionCookie')).value)).lookupId, email: emails[1] });
      assert.equal(bound.ok, false, 'an approved session is not re-approved as someone else');
      return `request order ${order.join(', ')}; ${seen.join('; ')}; control approvals by sessionLookupId also kept apart`;
    } finally {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    }
  });

  const counts = await control(emu, 'counts');
  log(`\nendpoints the SDKs called (count, OPTIONS = CORS preflights):\n${Object.entries(counts).map(([k, v]) => `  ${String(v).padStart(3)}  ${k}`).join('\n')}`);
  const gaps = emu.log.filter((e) => e.outcome === 'no handler');
  log(gaps.length ? `unhandled: ${gaps.map((e) => e.endpoint).join(', ')}` : 'no unhandled requests');
} catch {
  failed = true;
  log('\nlast emulator log entries:');
  for (const e of emu.log.slice(-25)) log(`  ${e.t} ${e.method} ${e.path} → ${e.status ?? ''} ${e.outcome ?? ''}`);
} finally {
  await browser.close().catch(() => {});
  await pageServer.close().catch(() => {});
  await emu.close();
}
const passed = results.filter((r) => r.ok).length;
log(`\n${passed} passed, ${results.length - passed} failed (${ms(Date.now() - t0)} total)`);
process.exit(failed ? 1 : 0);
