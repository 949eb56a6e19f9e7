// Scenario 5: the API goes offline (/__emulator/offline). (a) An outage while the session is live:
// `offline`, then back to usable. (b) An outage across the expiry point: `offline`, never the expired
// dialog while the server cannot answer; back online → `expired`.
// The outage is emulator-wide. Given a neighbour lane (scenario 2's session, keep-alive every 10 s),
// each outage is placed in the gap right after one of its keep-alives, so it never touches that lane;
// run.mjs instead runs this lane's outages, in every engine at once, after all others (neighbourUserId null):
// each engine signs in when its own other lanes are done, and `together` resolves once all may begin.
import assert from 'node:assert/strict';
import { control, nextKeepAlive, serverExpiry, sleepUntil } from '../support/emulator-probe.mjs';
import { anyDialogOpen, expiredDialog, openLivePage, signIn, status, statusText, waitForStatus } from '../support/live-page.mjs';

const BASE_EMAIL = 'offline@e2e.test';
const OUTAGE_START_MS = 1_500; // after the neighbour's keep-alive
const OUTAGE_MS = 6_000; // ends well before its next one (10 s later)

export async function offlineAcrossExpiry({ browser, demo, emu, step, log, neighbourUserId, emailFor = (email) => email, together = async () => Date.now(), phase = () => {} }) {
  const EMAIL = emailFor(BASE_EMAIL); // one user per engine: the engines run side by side
  const options = { 'session-length': 60, 'keep-alive': 'off', 'warn-before': 20, 'refresh-before': 10 };
  phase('opening the live page');
  const { page } = await openLivePage(browser, demo.url, options, { log });
  const outageAfter = async (keepAliveAt) => {
    await sleepUntil(keepAliveAt + OUTAGE_START_MS);
    await control(emu, 'offline', {});
    return keepAliveAt + OUTAGE_START_MS + OUTAGE_MS;
  };
  try {
    phase('signing in');
    const { userId } = await signIn(page, EMAIL);
    // Re-time this session to end 4 s after the neighbour keep-alive three cycles from now (k3 = k0 + 30 s).
    // Every engine's lane waits here for the others, so all share one timeline of outages. With no
    // neighbour lane left running, the outages follow a 10-s beat from that instant instead.
    // The meeting waits for the other lanes and the slowest engine's sign-in (Firefox's can take 40 s
    // here), longer than a 30-s session: until it opens, this lane keeps its own session alive, as the
    // user's activity would.
    phase('signed in; keeping the session alive until the other lanes are done and every engine has signed in');
    let met = false;
    const meetingOpen = together().then((at) => { met = true; return at; });
    while (!met) {
      await Promise.race([meetingOpen, new Promise((resolve) => setTimeout(resolve, 8_000))]);
      if (!met) assert.equal(await page.evaluate(() => document.querySelector('para-session').extend()), true, 'kept alive while the other engines sign in');
    }
    const start = await meetingOpen;
    const beat = neighbourUserId
      ? (after, timeout) => nextKeepAlive(emu, neighbourUserId, after, timeout)
      : async (after) => {
        const at = start + Math.ceil((after - start) / 10_000) * 10_000;
        await sleepUntil(at);
        return at;
      };
    phase('waiting for the first beat of the shared outage timeline');
    const k0 = await beat(start);
    await sleepUntil(k0 + 4_000);
    assert.equal(await page.evaluate(() => document.querySelector('para-session').extend()), true);
    const expiresAt = serverExpiry(emu, userId);
    phase(null); // the steps say where they are

    await step('5a. API offline while the session is live → offline; back online → usable again', async () => {
      const onlineAt = await outageAfter(await beat(k0 + 1_000));
      await page.getByRole('button', { name: 'Check now' }).click(); // the user asks; the page must not guess
      await waitForStatus(page, 'offline', OUTAGE_MS);
      const offlineText = await statusText(page);
      assert.equal(await expiredDialog(page).isVisible(), false);
      await sleepUntil(onlineAt);
      await control(emu, 'online', {});
      const t = Date.now();
      const back = await waitForStatus(page, ['active', 'expiring'], 15_000);
      return `status "${offlineText}" during the outage; back to ${back} ${Date.now() - t} ms after the API returned (engine retry)`;
    });

    await step('5b. API offline across the expiry point → offline, no expired dialog; back online → expired', async () => {
      const k3 = await beat(k0 + 25_000, 40_000);
      const onlineAt = await outageAfter(k3);
      assert.ok(expiresAt > Date.now() && expiresAt < onlineAt, 'the outage spans the expiry');
      await sleepUntil(expiresAt);
      await waitForStatus(page, 'offline', OUTAGE_MS);
      const detectedMs = Date.now() - expiresAt;
      // The engines share one emulator: every engine looks before any brings the API back (under load a look
      // 200 ms before the end could come after another engine's return).
      await sleepUntil(onlineAt - 1_000);
      assert.equal(await status(page), 'offline');
      assert.equal(await expiredDialog(page).isVisible(), false, 'no expired dialog while the server cannot answer');
      await sleepUntil(onlineAt);
      await control(emu, 'online', {});
      const t = Date.now();
      await expiredDialog(page).waitFor({ timeout: 15_000 });
      assert.equal(await status(page), 'expired');
      assert.equal(await anyDialogOpen(page), true);
      return `offline ${detectedMs} ms after the expiry point, held for ${Math.round((onlineAt - expiresAt) / 1000)} s with no expired dialog; expired dialog ${Date.now() - t} ms after the API returned`;
    });
  } finally {
    await control(emu, 'online', {}).catch(() => {});
    await page.context().close();
  }
}
