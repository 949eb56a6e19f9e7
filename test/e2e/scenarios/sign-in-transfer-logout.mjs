// Scenarios 1, 6 and 7 on one page: sign in through the portal, send the session to the demo server,
// sign out.
import assert from 'node:assert/strict';
import { control, sessionsOf } from '../support/emulator-probe.mjs';
import { anyDialogOpen, openLivePage, signIn, statusText, waitForStatus } from '../support/live-page.mjs';

const BASE_EMAIL = 'signin@e2e.test';

export async function signInTransferLogout({ browser, demo, emu, step, log, emailFor = (email) => email }) {
  const EMAIL = emailFor(BASE_EMAIL); // one user per engine: the engines run side by side
  const { page } = await openLivePage(browser, demo.url, { 'session-length': 60, 'warn-before': 20, 'refresh-before': 10 }, { log });
  let userId;

  await step('1. sign in with the email flow through the portal page → active, countdown shown', async () => {
    const before = await control(emu, 'counts');
    const result = await signIn(page, EMAIL);
    userId = result.userId;
    const text = await statusText(page);
    assert.match(text, /^Signed in \d+ (seconds?|minutes?) left$/, `status reads "${text}"`);
    assert.equal(await anyDialogOpen(page), false);
    const after = await control(emu, 'counts');
    const delta = (k) => (after[k] ?? 0) - (before[k] ?? 0);
    assert.ok(delta('POST /users/init') >= 1, 'POST /users/init was called');
    assert.ok(delta('POST /biometrics/verify') >= 1, 'the portal approved through POST /biometrics/verify');
    const live = (await sessionsOf(emu, userId)).filter((s) => s.live);
    assert.equal(live.length, 1, 'one live session on the emulator');
    return `sign-in ${result.signInMs} ms (submit → active); status "${text}"; emulator: users/init +${delta('POST /users/init')}, biometrics/verify +${delta('POST /biometrics/verify')}, touch +${delta('POST /touch')}`;
  });

  await step('6. "Send session to server" → the server SDK sees an active session; signers excluded', async () => {
    await page.getByRole('button', { name: 'Send session to server' }).click();
    const result = page.locator('#server-result');
    await result.filter({ hasText: /^Server:/ }).waitFor({ timeout: 20_000 });
    const text = await result.textContent();
    assert.equal(text, `Server: active session for ${userId}; signers excluded.`);
    // The same endpoint, asked directly as the page would (JSON, its own Origin), answers in JSON.
    const exported = await page.evaluate(() => document.querySelector('para-session').exportSession());
    const decoded = JSON.parse(Buffer.from(exported, 'base64').toString('utf8'));
    const direct = await fetch(new URL('/api/session', demo.origin), {
      method: 'POST', headers: { 'content-type': 'application/json', origin: demo.origin }, body: JSON.stringify({ session: exported }),
    }).then((r) => r.json());
    assert.deepEqual(direct, { active: true, userId, signersIncluded: false });
    return `page shows "${text}"; POST /api/session → ${JSON.stringify(direct)}; export keys: ${Object.keys(decoded).join(', ')}`;
  });

  await step('7. "Sign out" (logout()) → signed-out, no dialog; the emulator session is gone', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForStatus(page, 'signed-out');
    assert.equal(await statusText(page), 'Signed out');
    assert.equal(await anyDialogOpen(page), false);
    await page.getByRole('form', { name: 'Sign in with Para' }).waitFor();
    const sessions = await sessionsOf(emu, userId);
    assert.ok(sessions.length >= 1 && sessions.every((s) => s.ended && !s.live), `emulator sessions: ${JSON.stringify(sessions)}`);
    await new Promise((r) => setTimeout(r, 1500)); // a late dialog or status change would show up here
    assert.equal(await anyDialogOpen(page), false);
    assert.equal(await statusText(page), 'Signed out');
    return `emulator: ${sessions.length} session(s) of the user, all ended; sign-in form shown again`;
  });
  await page.context().close();
}
