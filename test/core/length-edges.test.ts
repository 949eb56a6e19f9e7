import { expect } from '@open-wc/testing';
import { isUsableStatus } from '../../src/core/state.js';
import { createHarness, HOUR, MINUTE, SECOND, userActs, type Harness } from './support/harness.js';

/** A user who acts every `stepMs` for `forMs`: seconds the server had no session, and seconds shown usable meanwhile. */
async function busyFor(h: Harness, forMs: number, stepMs = 5 * SECOND): Promise<{ endedOnServer: number; shownUsableAfterEnd: number }> {
  let endedOnServer = 0;
  let shownUsableAfterEnd = 0;
  for (let t = 0; t < forMs; t += stepMs) {
    userActs(h.environment);
    await h.clock.advance(stepMs);
    if (h.server.isActive()) continue;
    endedOnServer += stepMs / 1000;
    if (isUsableStatus(h.engine.state.status)) shownUsableAfterEnd += stepMs / 1000;
  }
  return { endedOnServer, shownUsableAfterEnd };
}

describe('session lengths at the edges', function () {
  this.timeout(60_000);

  // Before, 60/55 was taken: the warning came 5 s after each extension, before a busy user's next action could
  // count: 124 warnings in 2 h for a user acting every 5 s; with the dialog holding the warning, signed out in a minute.
  for (const [length, warnBefore] of [[60, 55], [7200, 7195]] as const) {
    it(`warn-before=${warnBefore} with session-length=${length} (under 10 s of room) is said and replaced, and a busy user is never warned`, async () => {
      const h = createHarness({ sessionLength: length, warnBefore });
      await h.start();
      expect(h.warnings).to.deep.equal([`createParaSession: warnBefore=${warnBefore} leaves under 10 s of the session (${length} s) before the warning, so a busy user would be warned; using ${Math.min(120, Math.floor(length / 3))}.`]);
      expect(await busyFor(h, 2 * length * SECOND + HOUR, length <= 60 ? 5 * SECOND : MINUTE)).to.deep.equal({ endedOnServer: 0, shownUsableAfterEnd: 0 });
      expect(h.fired.warning ?? 0, 'warnings shown to a busy user').to.equal(0);
      h.engine.stop();
    });
  }

  it('warn-before=50 with session-length=60 (10 s of room): kept, and a busy user acting every 5 s is never warned', async () => {
    const h = createHarness({ sessionLength: 60, warnBefore: 50 });
    await h.start();
    expect(h.warnings).to.deep.equal([]);
    expect(await busyFor(h, HOUR)).to.deep.equal({ endedOnServer: 0, shownUsableAfterEnd: 0 });
    expect(h.fired.warning ?? 0).to.equal(0);
    h.engine.stop();
  });

  // The renewal at expiry − 300 s grants 5 minutes: its cookie ends on the same second as the one before, which was
  // taken for a cookie the SDK never updates. The page then planned from its own 2 h: 7,205 s with no session on the
  // server, "active" shown for 600 s of them, and an expiry for a busy user.
  for (const minutes of [5, 10]) {
    it(`Para's length lowered from 2 h to ${minutes} min while the page keeps session-length=7200: a busy user stays signed in`, async () => {
      const h = createHarness({ sessionLength: 7200 });
      await h.start();
      await h.clock.advance(HOUR);
      h.server.sessionLengthMs = minutes * MINUTE;
      expect(await busyFor(h, 3 * HOUR)).to.deep.equal({ endedOnServer: 0, shownUsableAfterEnd: 0 });
      expect(h.fired.expired ?? 0).to.equal(0);
      h.engine.stop();
    });
  }
});
