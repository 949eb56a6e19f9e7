// Scenario 4: an idle user under the default `activity` policy is warned at `warn-before`;
// "Stay signed in" extends (one keep-alive request); staying idle then ends in expired mode.
import assert from 'node:assert/strict';
import { alignExpiryToCookie, keepAlivesOf, serverExpiry } from '../support/emulator-probe.mjs';
import { expiredDialog, focusedId, openLivePage, signIn, statusText, warningDialog } from '../support/live-page.mjs';

const EMAIL = 'idle@e2e.test';
const WARN_BEFORE = 20;

export async function idleWarning({ browser, demo, emu, step, log }) {
  const options = { 'session-length': 60, 'warn-before': WARN_BEFORE, 'refresh-before': 10 }; // keep-alive: default (activity)
  const { page } = await openLivePage(browser, demo.url, options, { log });

  await step('4. idle user, keep-alive="activity" → warning at warn-before; "Stay signed in" → one keep-alive; idle → expired', async () => {
    const { userId } = await signIn(page, EMAIL);
    const firstExpiry = alignExpiryToCookie(emu, userId);
    assert.ok(firstExpiry, `the emulator has a live session for ${userId}: ${JSON.stringify(emu.store.summary().filter((s) => s.authenticated))}`);

    await warningDialog(page).waitFor({ timeout: firstExpiry - Date.now() + 5_000 });
    const warnedAt = Date.now();
    const warnLead = (firstExpiry - warnedAt) / 1000;
    assert.ok(Math.abs(warnLead - WARN_BEFORE) <= 2, `warned ${warnLead.toFixed(1)} s before expiry`);
    assert.equal(await statusText(page).then((t) => t.startsWith('Session ending soon')), true);
    const focusInWarning = await focusedId(page);
    assert.equal((await keepAlivesOf(emu, userId)).length, 0, 'an idle user is not extended automatically');

    await warningDialog(page).getByRole('button', { name: 'Stay signed in' }).click();
    await warningDialog(page).waitFor({ state: 'hidden' });
    const extendedExpiry = alignExpiryToCookie(emu, userId);
    assert.ok(extendedExpiry > firstExpiry, 'the server moved the expiry');
    assert.equal((await keepAlivesOf(emu, userId)).length, 1, 'exactly one keep-alive request');

    // Do nothing: warned again, then the session ends.
    await warningDialog(page).waitFor({ timeout: extendedExpiry - Date.now() + 5_000 });
    await expiredDialog(page).waitFor({ timeout: extendedExpiry - Date.now() + 5_000 });
    const expiredLatency = Date.now() - extendedExpiry;
    assert.equal(await statusText(page), 'Session ended');
    const keepAlives = (await keepAlivesOf(emu, userId)).length;
    assert.equal(keepAlives, 1, 'still exactly one keep-alive request');
    return `warned ${warnLead.toFixed(1)} s before expiry (focus on "${focusInWarning}"); keep-alive requests: ${keepAlives}; expired mode ${expiredLatency} ms after the extended expiry`;
  });
  await page.context().close();
}
