// Scenario 3: the session lapses on the server at its natural end (keep-alive off, 30-second emulator
// session); the dialog must open in expired mode within 2 s, and re-authentication through it must
// bring the session back with the app's state untouched.
import assert from 'node:assert/strict';
import { keepAlivesOf, serverExpiry } from '../support/emulator-probe.mjs';
import { approveInPortal, expiredDialog, expiryTimeline, focusedId, openLivePage, signIn, statusEnteredAt, statusHistory, statusText, waitForStatus } from '../support/live-page.mjs';

const BASE_EMAIL = 'expiry@e2e.test';
const DRAFT = 'Rent for December — 1,250 USDC';

export async function expiryReauth({ browser, demo, emu, step, log, emailFor = (email) => email }) {
  const EMAIL = emailFor(BASE_EMAIL); // one user per engine: the engines run side by side
  const options = { 'session-length': 60, 'keep-alive': 'off', 'warn-before': 20, 'refresh-before': 10 };
  const { page } = await openLivePage(browser, demo.url, options, { log });

  await step('3. server-side expiry → expired dialog within 2 s (tab visible); re-auth in the dialog → active, draft kept', async () => {
    const { userId } = await signIn(page, EMAIL);
    await page.getByLabel(/Draft note/).fill(DRAFT);
    const expiresAt = serverExpiry(emu, userId); // milliseconds; the page only sees the cookie's whole second
    assert.ok(expiresAt, 'the emulator has a live session');
    assert.equal(await page.evaluate(() => document.visibilityState), 'visible');

    // What the engine did, for a failure's message: a late or missing expiry says why only with its timeline.
    const story = async () => `\n       statuses: ${(await statusHistory(page)).join(' → ')}\n       ${(await expiryTimeline(page)).join('\n       ')}`;
    // Detection: the session simply runs out on the server; nothing tells the page.
    await expiredDialog(page).waitFor({ timeout: expiresAt - Date.now() + 10_000 }).catch(async (error) => {
      throw new Error(`${error.message}; server expiry ${new Date(expiresAt).toISOString()}${await story()}`);
    });
    const seenMs = Date.now() - expiresAt; // includes the test's own polling of the page
    // When the engine declared it (stamped in the page on the status change that opens the dialog).
    const latency = (await statusEnteredAt(page, 'expired')) - expiresAt;
    assert.ok(latency >= 0, `expired ${-latency} ms before the server's expiry`);
    if (latency > 2000) assert.fail(`expired ${latency} ms after the server's expiry (cookie second ${new Date(expiresAt).toISOString()})${await story()}`);
    assert.equal(await statusText(page), 'Session ended');
    assert.equal(await focusedId(page), 'title', 'focus moves to the heading, so the expiry is read out');
    const emailField = expiredDialog(page).getByLabel('Email');
    assert.equal(await emailField.inputValue(), EMAIL, 'the email is pre-filled');

    const t = Date.now();
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      expiredDialog(page).getByRole('button', { name: 'Continue with email' }).click(),
    ]);
    await approveInPortal(popup, EMAIL);
    await waitForStatus(page, 'active');
    await expiredDialog(page).waitFor({ state: 'hidden' });
    const reauthMs = Date.now() - t;
    assert.equal(await page.getByLabel(/Draft note/).inputValue(), DRAFT, 'app state survived');
    assert.equal(await page.locator('#who-user').textContent(), userId, 'same account');
    assert.ok(serverExpiry(emu, userId) > Date.now(), 'a new live session on the emulator');
    assert.equal((await keepAlivesOf(emu, userId)).length, 0, 'keep-alive="off" sent no keep-alive');
    const focus = await focusedId(page);
    return `detection latency ${latency} ms after the server's expiry (server expiry at .${String(expiresAt % 1000).padStart(3, '0')} s; dialog seen by the test at +${seenMs} ms; natural end, keep-alive off, tab visible, no wake-up event); re-auth click → active ${reauthMs} ms; focus after close: ${focus || 'body'}; draft intact`;
  });
  await page.context().close();
}
