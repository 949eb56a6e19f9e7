// Scenario 8: after a server-side expiry, the dialog signs the user in again by phone, by OAuth (Google,
// through the emulator's provider stand-in) and, with reauth="refresh", through refreshSession() —
// the real ParaWeb against the emulator, one browser context per method, one after the other (page loads
// are the costly part on a busy machine; the other lanes are loading theirs at the same time).
import assert from 'node:assert/strict';
import { approveInPortal, expiredDialog, focusedId, openLivePage, signIn, waitForStatus } from '../support/live-page.mjs';

const PHONE = '+14155552671';

/** The first sign-in by phone, straight through the SDK (the demo's own form takes an email). */
async function signInByPhone(page, phone) {
  await page.waitForFunction(() => document.querySelector('para-session')?.client, null, { timeout: 60_000 });
  await page.evaluate(async (phone) => {
    const para = document.querySelector('para-session').client;
    window.__portalUrl = null;
    const stop = para.onStatePhaseChange((snapshot) => {
      const url = snapshot?.authStateInfo?.passkeyUrl;
      if (url) window.__portalUrl = url;
    });
    await para.logout().catch(() => {});
    para.authenticateWithEmailOrPhone({ auth: { phone } }).finally(stop);
  }, phone);
  await page.waitForFunction(() => window.__portalUrl, null, { timeout: 30_000 });
  const portal = await page.context().newPage();
  await portal.goto(await page.evaluate(() => window.__portalUrl));
  await approveInPortal(portal, phone);
  await waitForStatus(page, ['active', 'expiring']);
  await page.locator('#who-user').filter({ hasText: /^[0-9a-f-]{36}$/ }).waitFor({ timeout: 10_000 });
  return page.locator('#who-user').textContent();
}

/** Ends the session on the server, then lets the page find out the way a user would ("Check now"). */
async function expireOnServer(page, emu, userId) {
  const res = await fetch(new URL('/__emulator/expire', emu.apiUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  assert.equal((await res.json()).expired >= 1, true, 'the emulator expired a live session');
  // The page may find out first (a check of its own due at that moment): its modal dialog then covers the button.
  await page.getByRole('button', { name: 'Check now' }).click({ timeout: 5_000 }).catch(() => undefined);
  await expiredDialog(page).waitFor({ timeout: 10_000 });
}

async function signInAgain({ browser, demo, emu, step, log }, name, options, firstSignIn, again) {
  // The demo page is the SDK plus Vite's transforms: on a busy 2-core machine its first load alone can take 30 s.
  const { page } = await openLivePage(browser, demo.url, { 'keep-alive': 'off', ...options }, { log, loadTimeout: 90_000 });
  try {
    await step(name, async () => {
      const userId = await firstSignIn(page);
      await page.getByLabel(/Draft note/).fill('kept');
      await expireOnServer(page, emu, userId);
      assert.equal(await focusedId(page), 'title', 'focus on the heading of the expired view');
      const t = Date.now();
      const detail = await again(page);
      await waitForStatus(page, 'active');
      await expiredDialog(page).waitFor({ state: 'hidden' });
      // The SDK may learn who signed in a moment after the session is active (the demo shows it when it does).
      await page.locator('#who-user').filter({ hasText: /^[0-9a-f-]{36}$/ }).waitFor({ timeout: 10_000 });
      assert.equal(await page.locator('#who-user').textContent(), userId, 'the same account is back');
      assert.equal(await page.getByLabel(/Draft note/).inputValue(), 'kept', 'app state survived');
      return `${detail}; click → active ${Date.now() - t} ms`;
    });
  } finally {
    await page.context().close();
  }
}

export async function reauthMethods(ctx) {
  const dialog = (page) => expiredDialog(page);
  const methods = [
    () => signInAgain(ctx, '8a. phone user: tel field pre-filled with the E.164 number → portal → active', {}, (page) => signInByPhone(page, PHONE), async (page) => {
      const field = dialog(page).getByLabel('Phone number');
      assert.equal(await field.inputValue(), PHONE);
      assert.equal(await field.getAttribute('type'), 'tel');
      const heading = await dialog(page).getByRole('heading').first().textContent();
      const [popup] = await Promise.all([page.waitForEvent('popup'), dialog(page).getByRole('button', { name: 'Continue with phone' }).click()]);
      await approveInPortal(popup, PHONE);
      return `heading "${heading.trim()}"`;
    }),
    () => signInAgain(ctx, '8b. OAuth: "Continue with Google" → provider stand-in → verify-oauth done → active', { oauth: 'google' }, async (page) => (await signIn(page, 'oauth@e2e.test')).userId, async (page) => {
      const [popup] = await Promise.all([page.waitForEvent('popup'), dialog(page).getByRole('button', { name: 'Continue with Google' }).click()]);
      await popup.waitForURL(/:3003\/auth\/google\?/, { timeout: 20_000 });
      const url = new URL(popup.url());
      await popup.getByLabel('Google account email').fill('oauth@e2e.test');
      await popup.getByRole('button', { name: 'Continue' }).click();
      return `provider page ${url.pathname} with sessionId ${url.searchParams.get('sessionId') ? 'set' : 'missing'}`;
    }),
    () => signInAgain(ctx, '8c. reauth="refresh": "Sign in again" → refreshSession() → passkey page → active, no logout first', { reauth: 'refresh' }, async (page) => (await signIn(page, 'refresh@e2e.test')).userId, async (page) => {
      const logoutsBefore = (await fetch(new URL('/__emulator/counts', ctx.emu.apiUrl)).then((r) => r.json()))['GET /logout'] ?? 0;
      const [popup] = await Promise.all([page.waitForEvent('popup'), dialog(page).getByRole('button', { name: 'Sign in again' }).click()]);
      await approveInPortal(popup, 'refresh@e2e.test');
      await waitForStatus(page, 'active');
      const logoutsAfter = (await fetch(new URL('/__emulator/counts', ctx.emu.apiUrl)).then((r) => r.json()))['GET /logout'] ?? 0;
      return `logouts during the refresh: ${logoutsAfter - logoutsBefore} (other lanes may log out meanwhile)`;
    }),
  ];
  for (const run of methods) await run();
}
