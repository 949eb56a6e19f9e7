// Scenario 4: an idle user under the default `activity` policy is warned at `warn-before`;
// "Stay signed in" extends (one keep-alive request); staying idle then ends in expired mode.
import assert from 'node:assert/strict';
import { keepAlivesOf, serverExpiry, waitUntil } from '../support/emulator-probe.mjs';
import { expiredDialog, expiryTimeline, focusedId, openLivePage, signIn, statusEnteredAt, statusText, warningDialog } from '../support/live-page.mjs';

const EMAIL = 'idle@e2e.test';
const WARN_BEFORE = 20;

export async function idleWarning({ browser, demo, emu, step, log }) {
  const options = { 'session-length': 60, 'warn-before': WARN_BEFORE, 'refresh-before': 10 }; // keep-alive: default (activity)
  const { page } = await openLivePage(browser, demo.url, options, { log });

  await step('4. idle user, keep-alive="activity" → warning at warn-before; "Stay signed in" → one keep-alive; idle → expired', async () => {
    const { userId } = await signIn(page, EMAIL);
    const firstExpiry = serverExpiry(emu, userId);
    assert.ok(firstExpiry, `the emulator has a live session for ${userId}: ${JSON.stringify(emu.store.summary().filter((s) => s.authenticated))}`);

    const signedInAt = Date.now();
    await warningDialog(page).waitFor({ timeout: firstExpiry - Date.now() + 5_000 });
    const warnedAt = await statusEnteredAt(page, 'expiring', signedInAt - 1);
    const warnLead = (firstExpiry - warnedAt) / 1000;
    assert.ok(Math.abs(warnLead - WARN_BEFORE) <= 2, `warned ${warnLead.toFixed(1)} s before expiry`);
    assert.equal(await statusText(page).then((t) => t.startsWith('Session ending soon')), true);
    const focusInWarning = await focusedId(page);
    assert.equal((await keepAlivesOf(emu, userId)).length, 0, 'an idle user is not extended automatically');

    await warningDialog(page).getByRole('button', { name: 'Stay signed in' }).click();
    await warningDialog(page).waitFor({ state: 'hidden' });
    const extendedExpiry = await waitUntil(() => {
      const e = serverExpiry(emu, userId);
      return e > firstExpiry && e;
    }, 'the server to move the expiry');
    assert.equal((await keepAlivesOf(emu, userId)).length, 1, 'exactly one keep-alive request');

    // Do nothing: warned again, then the session ends.
    await warningDialog(page).waitFor({ timeout: extendedExpiry - Date.now() + 5_000 });
    await expiredDialog(page).waitFor({ timeout: extendedExpiry - Date.now() + 5_000 }).catch(async (error) => {
      const iso = (t) => new Date(t).toISOString().slice(11);
      throw new Error(
        `no expired dialog within 5 s of the server's extended expiry ${iso(extendedExpiry)} (server session ${iso(serverExpiry(emu, userId) ?? 0)}, ` +
          `live: ${emu.store.summary().some((s) => s.userId === userId && s.live)}); the engine's expiresAt since the extension:\n       ` +
          (await expiryTimeline(page, extendedExpiry - 40_000)).join('\n       '),
        { cause: error },
      );
    });
    const expiredLatency = (await statusEnteredAt(page, 'expired')) - extendedExpiry;
    assert.ok(expiredLatency >= 0, `expired ${-expiredLatency} ms before the server's extended expiry`);
    assert.equal(await statusText(page), 'Session ended');
    const keepAlives = (await keepAlivesOf(emu, userId)).length;
    assert.equal(keepAlives, 1, 'still exactly one keep-alive request');
    return `warned ${warnLead.toFixed(1)} s before expiry (focus on "${focusInWarning}"); keep-alive requests: ${keepAlives}; expired mode ${expiredLatency} ms after the extended expiry`;
  });
  await page.context().close();
}
