// Scenario 8: a re-render replaces <para-reauth-dialog> with a new element during a sign-in, while the real
// SDK is still making the sign-in's key (`processing_authentication`, where it drops a cancel). Nobody gave up:
// no para-reauth-cancel, the app's pending requireActive() goes on waiting, the old SDK flow ends instead of
// polling for a session, and signing in from the new dialog brings the session back.
import assert from 'node:assert/strict';
import { control } from '../support/emulator-probe.mjs';
import { approveInPortal, expiredDialog, openLivePage, signIn, status, waitForStatus } from '../support/live-page.mjs';

const BASE_EMAIL = 're-render@e2e.test';

export async function reRenderReauth({ browser, demo, emu, step, log, emailFor = (email) => email }) {
  const EMAIL = emailFor(BASE_EMAIL);
  const options = { 'session-length': 60, 'keep-alive': 'off', 'warn-before': 20, 'refresh-before': 10 };
  const { page } = await openLivePage(browser, demo.url, options, { log });
  const sdkPhase = () => page.evaluate(() => document.querySelector('para-session').client.getCurrentState().authPhase);
  // This page's own session polls (the emulator serves the other lanes' too).
  const polls = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/touch')) polls.push(Date.now());
  });
  const touches = (from, to) => polls.filter((at) => at > from && at <= to).length;

  try {
    await step('8. dialog replaced by a re-render during a sign-in → no cancel, the old SDK flow ends, the new dialog signs in, requireActive() resolves', async () => {
      const { userId } = await signIn(page, EMAIL);
      await control(emu, 'expire', { userId });
      await page.evaluate(() => document.querySelector('para-session').check());
      await waitForStatus(page, 'expired');
      await page.evaluate(() => {
        window.__cancels = [];
        addEventListener('para-reauth-cancel', (event) => window.__cancels.push(event.detail.reason));
        window.__waited = 'pending';
        document.querySelector('para-session').requireActive().then(
          () => (window.__waited = 'resolved'),
          (error) => (window.__waited = `rejected: ${error.reason ?? error.message}`),
        );
      });
      const [first] = await Promise.all([page.waitForEvent('popup'), expiredDialog(page).getByRole('button', { name: 'Continue with email' }).click()]);
      // Replaced while the SDK makes the key: the step where it drops a cancel (a few seconds in Chromium).
      await page.waitForFunction(() => document.querySelector('para-session').client.getCurrentState().authPhase === 'processing_authentication', null, { timeout: 15_000, polling: 20 });
      const phaseAtReplace = await sdkPhase();
      await page.evaluate(() => {
        const old = document.querySelector('para-reauth-dialog');
        old.replaceWith(old.cloneNode(false));
      });
      const replacedAt = Date.now();
      // The SDK waits up to 5 s for a cancel to take; a dropped one is sent again once its flow can take it.
      await page.waitForTimeout(16_000);
      const after = {
        status: await status(page),
        sdkPhase: await sdkPhase(),
        touches: touches(replacedAt + 6_000, replacedAt + 16_000),
        cancels: await page.evaluate(() => window.__cancels.join()),
        waited: await page.evaluate(() => window.__waited),
      };
      assert.deepEqual(after, { status: 'expired', sdkPhase: 'unauthenticated', touches: 0, cancels: '', waited: 'pending' }, `SDK phase at the replace: ${phaseAtReplace}`);
      assert.equal(first.isClosed(), true, "the old dialog's window is closed");

      const t = Date.now();
      const [popup] = await Promise.all([page.waitForEvent('popup'), expiredDialog(page).getByRole('button', { name: 'Continue with email' }).click()]);
      await approveInPortal(popup, EMAIL);
      await waitForStatus(page, 'active');
      await page.waitForFunction(() => window.__waited !== 'pending', null, { timeout: 10_000 });
      assert.equal(await page.evaluate(() => window.__waited), 'resolved', "the app's requireActive()");
      assert.equal(await page.locator('#who-user').textContent(), userId, 'same account');
      return `SDK phase at the replace: ${phaseAtReplace}; 6-16 s later: ${after.touches} session polls from this page, SDK ${after.sdkPhase}, no cancel reported; new dialog click → active ${Date.now() - t} ms, requireActive() resolved`;
    });
  } finally {
    // Closed also after a failure: a page left signing in would poll the emulator through the other lanes' outages.
    await page.context().close();
  }
}
