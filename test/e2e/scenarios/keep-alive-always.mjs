// Scenario 2: keep-alive="always" with a 30-second emulator session: every keep-alive reaches the
// server before the session it extends would have ended, and the session never lapses for 2 minutes.
// refresh-before (25) > warn-before (20), as with the defaults (300 > 120). With a 30-s session the
// engine's 10-s minimum gap between extensions meets the 20-s warning floor, so the status may touch
// `expiring` for a moment each cycle; the dialog must not stay up and the session must never lapse.
import assert from 'node:assert/strict';
import { keepAlivesOf, serverExpiry, sleepUntil } from '../support/emulator-probe.mjs';
import { openLivePage, signIn, status, statusHistory } from '../support/live-page.mjs';

const EMAIL = 'always@e2e.test';
export const KEEP_ALIVE_WINDOW_MS = 120_000;

/** Starts the scenario; `userId` resolves once signed in (scenario 5 times its outage around this lane). */
export function keepAliveAlways({ browser, demo, emu, step, log, sessionLength }) {
  let signedIn;
  const userId = new Promise((resolve) => (signedIn = resolve));
  const done = step('2. keep-alive="always", 30-second sessions: keep-alives arrive before each expiry; no lapse in 2 minutes', async () => {
    const options = { 'session-length': 60, 'keep-alive': 'always', 'refresh-before': 25, 'warn-before': 20 };
    const { page } = await openLivePage(browser, demo.url, options, { log });
    try {
      const signIn_ = await signIn(page, EMAIL);
      signedIn(signIn_.userId);
      const approvedAt = serverExpiry(emu, signIn_.userId) - sessionLength * 1000;
      const end = Date.now() + KEEP_ALIVE_WINDOW_MS;
      await sleepUntil(end);

      const keepAlives = await keepAlivesOf(emu, signIn_.userId);
      const history = await statusHistory(page);
      const evidence = async () => `keep-alives at +${keepAlives.map((k) => Math.round((k.at - approvedAt) / 1000)).join(', +')} s; statuses ${history.join(' → ')}; now ${await status(page)}`;
      let expiry = approvedAt + sessionLength * 1000;
      const margins = [];
      for (const { at } of keepAlives) {
        assert.ok(at < expiry, `a keep-alive came ${at - expiry} ms after the session had ended; ${await evidence()}`);
        margins.push(Math.round((expiry - at) / 1000));
        expiry = at + sessionLength * 1000;
      }
      assert.ok(expiry > Date.now(), `the last keep-alive still covers now; ${await evidence()}`);
      assert.ok(serverExpiry(emu, signIn_.userId) > Date.now(), 'the emulator session is live');
      const lapsed = history.filter((s) => ['expired', 'offline', 'reauthenticating', 'signed-out'].includes(s));
      assert.deepEqual(lapsed, ['signed-out'], `statuses: ${history.join(' → ')}`); // signed-out: before the sign-in
      const longestExpiringMs = await page.evaluate(() =>
        Math.max(0, ...window.__statuses.map((s, i, all) => (s.status === 'expiring' && all[i + 1] ? all[i + 1].at - s.at : 0))),
      );
      assert.ok(longestExpiringMs < 2000, `stayed expiring for ${longestExpiringMs} ms`);
      const expiringTimes = history.filter((s) => s === 'expiring').length;
      assert.ok(['active', 'expiring'].includes(await status(page)), 'usable at the end');
      const minutes = KEEP_ALIVE_WINDOW_MS / 60_000;
      return `${keepAlives.length} keep-alive requests in ${minutes} min (${(keepAlives.length / minutes).toFixed(1)}/min); seconds left at each: ${margins.join(', ')}; \`expiring\` touched ${expiringTimes}× (longest ${longestExpiringMs} ms)`;
    } finally {
      signedIn(null);
      await page.context().close();
    }
  });
  return { userId, done };
}
