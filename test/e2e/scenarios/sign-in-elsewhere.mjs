// Scenario 9: two tabs of one app, the session ended in both. Tab A's dialog starts its sign-in (popup open,
// "Finish signing in"), but the user finishes in tab B instead. With the real SDK: B's session holds, A's
// popup closes and its dialog leaves within seconds, and A's stopped flow logs nobody out afterwards.
import assert from 'node:assert/strict';
import { serverExpiry } from '../support/emulator-probe.mjs';
import { approveInPortal, expiredDialog, openLivePage, signIn, status, waitForStatus } from '../support/live-page.mjs';

const BASE_EMAIL = 'elsewhere@e2e.test';

export async function signInElsewhere({ browser, demo, emu, step, log, emailFor = (email) => email }) {
  const EMAIL = emailFor(BASE_EMAIL);
  const options = { 'session-length': 60, 'keep-alive': 'off', 'warn-before': 20, 'refresh-before': 10 };
  const { context, page: a } = await openLivePage(browser, demo.url, options, { log });

  await step("9. the user starts signing in again in tab A, finishes in tab B: B's session holds, A's popup closes, its dialog leaves", async () => {
    const { userId } = await signIn(a, EMAIL);
    const b = await context.newPage();
    await b.goto(a.url());
    await waitForStatus(b, ['active', 'expiring']);
    const expiresAt = serverExpiry(emu, userId);
    await expiredDialog(a).waitFor({ timeout: expiresAt - Date.now() + 15_000 });
    await expiredDialog(b).waitFor({ timeout: 15_000 });

    const [popupA] = await Promise.all([a.waitForEvent('popup'), expiredDialog(a).getByRole('button', { name: 'Continue with email' }).click()]);
    await a.getByRole('dialog', { name: 'Finish signing in' }).waitFor({ timeout: 10_000 });
    const [popupB] = await Promise.all([b.waitForEvent('popup'), expiredDialog(b).getByRole('button', { name: 'Continue with email' }).click()]);
    await approveInPortal(popupB, EMAIL);
    await waitForStatus(b, ['active', 'expiring'], 30_000);
    const backAt = Date.now();
    await waitForStatus(a, ['active', 'expiring'], 15_000);
    await a.getByRole('dialog').waitFor({ state: 'hidden', timeout: 10_000 });
    const aLeftMs = Date.now() - backAt;
    // The kit closes it at once; the browser's word of it can lag on a loaded machine (three engines in parallel).
    const deadline = Date.now() + 10_000;
    while (!popupA.isClosed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (!popupA.isClosed()) {
      // What the next run needs to know: where the popup is, and what A's page holds.
      const where = await popupA.evaluate(() => location.href).catch((error) => `unreadable: ${error.message}`);
      const held = await a.evaluate(() => ({ status: document.querySelector('para-session')?.state?.status, dialogs: document.querySelectorAll('para-reauth-dialog').length })).catch(() => null);
      assert.fail(`A's popup closed (still open after 10 s at ${where}; A: ${JSON.stringify(held)})`);
    }
    // A's stopped flow must not end the session B signed in to, now or a little later.
    await new Promise((r) => setTimeout(r, 5_000));
    assert.deepEqual([await status(a), await status(b)].map((s) => (s === 'expiring' ? 'active' : s)), ['active', 'active']);
    assert.equal(await a.getByRole('dialog').count(), 0, 'nothing shows over the session in A');
    assert.ok(serverExpiry(emu, userId) > Date.now(), 'the session B signed in to is live on the emulator');
    return `A's dialog left ${aLeftMs} ms after B was back; A's popup closed; both tabs active 5 s later; emulator session live`;
  });
  await context.close();
}
