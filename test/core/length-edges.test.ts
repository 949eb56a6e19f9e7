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

  // An SDK that never rewrites the session cookie after a keep-alive: the cookie is stale, and the page plans from
  // its own length. Reading an unchanged cookie as the server's word once (tried this round for a Para length
  // lowered to exactly the 5 minutes the lead leaves) warned an idle user here with 7,020 s of session left.
  it('an SDK that never updates the cookie, the user idle after one extension: warned warn-before ahead of the real end, once', async () => {
    const h = createHarness({ sessionLength: 7200 });
    await h.start();
    (h.client as unknown as { storeCookie(): void }).storeCookie = () => undefined;
    const serverLeftAtWarnings: number[] = [];
    h.engine.on('warning', () => serverLeftAtWarnings.push(Math.round(((h.server.expiresAt ?? 0) - h.clock.serverNow()) / 1000)));
    for (let t = 0; h.server.counts.keepSessionAlive === 0 && t < 3 * HOUR; t += MINUTE) {
      userActs(h.environment);
      await h.clock.advance(MINUTE);
    }
    let shownUsableAfterEnd = 0;
    for (let t = 0; t < 3 * HOUR; t += 10 * SECOND) {
      await h.clock.advance(10 * SECOND);
      if (!h.server.isActive() && isUsableStatus(h.engine.state.status)) shownUsableAfterEnd += 10;
    }
    expect(serverLeftAtWarnings.length, 'warnings').to.equal(1);
    expect(serverLeftAtWarnings[0], 'server seconds left when warned').to.be.within(110, 130);
    expect({ shownUsableAfterEnd, expired: h.fired.expired ?? 0 }).to.deep.equal({ shownUsableAfterEnd: 0, expired: 1 });
    h.engine.stop();
  });

  it("Para's length lowered from 2 h to 10 min while the page keeps session-length=7200: a busy user stays signed in", async () => {
    const h = createHarness({ sessionLength: 7200 });
    await h.start();
    await h.clock.advance(HOUR);
    h.server.sessionLengthMs = 10 * MINUTE;
    expect(await busyFor(h, 3 * HOUR)).to.deep.equal({ endedOnServer: 0, shownUsableAfterEnd: 0 });
    expect(h.fired.expired ?? 0).to.equal(0);
    h.engine.stop();
  });
});
