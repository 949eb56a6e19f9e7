// Scenario 9 (run by run-reauth-methods.mjs, after scenario 8): "Sign out" while the API is offline (/__emulator/offline), with the real SDK. The page keeps
// the live session (no `signed-out` while the server still holds it), `logout()` rejects with
// LogoutFailedError; once the API is back the engine finishes the logout: `signed-out`, and the server
// session is gone. The outage sits in the gap after the neighbour's keep-alive, as in scenario 5.
import assert from 'node:assert/strict';
import { control, nextKeepAlive, serverExpiry, sleepUntil } from '../support/emulator-probe.mjs';
import { openLivePage, signIn, status, statusHistory, waitForStatus } from '../support/live-page.mjs';

const EMAIL = 'honest-logout@e2e.test';
const OUTAGE_START_MS = 1_500;
const OUTAGE_MS = 6_000;

export async function honestLogout({ browser, demo, emu, step, log, neighbourUserId }) {
  const { page } = await openLivePage(browser, demo.url, { 'session-length': 60, 'keep-alive': 'off', 'warn-before': 20, 'refresh-before': 10 }, { log });
  try {
    const { userId } = await signIn(page, EMAIL);
    await step('9. sign out while the API is offline → session kept, logout() rejects; API back → signed out, on the server too', async () => {
      // Beside a keep-alive lane, the outage sits in the gap after its extension; alone, it starts now.
      const keepAliveAt = neighbourUserId ? await nextKeepAlive(emu, neighbourUserId, Date.now()) : Date.now();
      await sleepUntil(keepAliveAt + OUTAGE_START_MS);
      await control(emu, 'offline', {});
      const onlineAt = keepAliveAt + OUTAGE_START_MS + OUTAGE_MS;
      const failure = await page.evaluate(() =>
        document.querySelector('para-session').logout().then(() => 'resolved', (error) => error.name),
      );
      assert.equal(failure, 'LogoutFailedError');
      assert.notEqual(serverExpiry(emu, userId), null, 'the server session is still alive');
      await sleepUntil(onlineAt - 300);
      assert.notEqual(await status(page), 'signed-out', 'no signed-out while the server session is alive');
      await control(emu, 'online', {});
      const t = Date.now();
      await waitForStatus(page, 'signed-out', 20_000);
      const finishedMs = Date.now() - t;
      assert.equal(serverExpiry(emu, userId), null, 'the server session ended');
      const history = await statusHistory(page);
      return `logout() rejected offline; statuses ${history.join(' → ')}; signed out ${finishedMs} ms after the API returned, server session ended`;
    });
  } finally {
    await control(emu, 'online', {}).catch(() => {});
    await page.context().close();
  }
}
