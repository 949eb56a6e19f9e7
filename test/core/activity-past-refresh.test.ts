import { expect } from '@open-wc/testing';
import { createHarness, MINUTE, SECOND, userActs, type Harness } from './support/harness.js';

/**
 * Activity after the refresh point makes the keep-alive due at once: its timer is set for a moment already
 * past. That timer is not late (nothing slept, nothing was throttled), so it must not be taken for one that
 * ran on a guess about the past and first ask the server: that check cost a request, and on a slow network
 * the keep-alive it delayed reached the server after the session's end.
 */
async function idleUntilLeft(h: Harness, leftMs: number) {
  await h.clock.advance(h.server.expiresAt! - leftMs - h.clock.serverNow());
}

/** The requests the client sends from now on, each with the seconds the server's session had left. */
function recordRequests(h: Harness): string[] {
  const sent: string[] = [];
  const left = () => ((h.server.expiresAt! - h.clock.serverNow()) / 1000).toFixed(1);
  const keepAlive = h.client.keepSessionAlive.bind(h.client);
  h.client.keepSessionAlive = () => (sent.push(`keepSessionAlive@${left()}s`), keepAlive());
  const check = h.client.isSessionActive.bind(h.client);
  h.client.isSessionActive = () => (sent.push(`isSessionActive@${left()}s`), check());
  return sent;
}

const names = (sent: string[]) => sent.map((request) => request.split('@')[0]);

describe('activity after the refresh point: the keep-alive goes at once', () => {
  it('1-minute session, 3 s round trip: a user who acts 4 s before the end keeps the session', async () => {
    const h = createHarness({ sessionLength: 60 });
    h.server.latencyMs = 3 * SECOND;
    await h.start();
    await h.clock.advance(5 * SECOND);
    userActs(h.environment);
    await h.clock.advance(40 * SECOND);
    expect(h.server.counts.keepSessionAlive, 'the planned keep-alive').to.equal(1);
    await idleUntilLeft(h, 4 * SECOND);
    expect(h.engine.state.status).to.equal('expiring');
    const sent = recordRequests(h);
    userActs(h.environment);
    await h.clock.advance(20 * SECOND);
    expect(h.engine.state.status, `requests after the user acted: ${sent.join(', ')}`).to.equal('active');
    expect(h.server.isActive()).to.equal(true);
    h.engine.stop();
  });

  for (const { length, leftWhenActing } of [
    { length: 60, leftWhenActing: 10 * SECOND },
    { length: 7200, leftWhenActing: 4 * MINUTE },
  ]) {
    it(`${length / 60}-minute session, acting ${leftWhenActing / SECOND} s before the end costs one keep-alive, no check around it`, async () => {
      const h = createHarness({ sessionLength: length });
      await h.start();
      await h.clock.advance(5 * SECOND);
      userActs(h.environment);
      // The keep-alive that activity planned lands; then the user is idle until `leftWhenActing` is left.
      while (h.server.counts.keepSessionAlive === 0) await h.clock.advance(5 * SECOND);
      await idleUntilLeft(h, leftWhenActing);
      expect(h.server.counts.keepSessionAlive, 'no other keep-alive while idle').to.equal(1);
      const sent = recordRequests(h);
      userActs(h.environment);
      await h.clock.advance(2 * SECOND);
      expect(names(sent)).to.deep.equal(['keepSessionAlive']);
      expect(h.engine.state.status).to.equal('active');
      h.engine.stop();
    });
  }
});
