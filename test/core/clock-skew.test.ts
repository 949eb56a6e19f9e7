import { expect } from '@open-wc/testing';
import { createHarness, HOUR, MINUTE, SECOND, userActs } from './support/harness.js';

/** A busy user for `ms`: acts every minute; returns how often the server saw the session ended meanwhile. */
async function busyFor(h: ReturnType<typeof createHarness>, ms: number): Promise<number> {
  let endedOnServer = 0;
  for (let t = 0; t < ms; t += MINUTE) {
    userActs(h.environment);
    await h.clock.advance(MINUTE);
    if (!h.server.isActive()) endedOnServer += 1;
  }
  return endedOnServer;
}

describe('a client clock that disagrees with the server', () => {
  it('a clock 10 minutes slow (more than refresh-before) still keeps a busy user signed in', async () => {
    const h = createHarness();
    // The machine's clock was 10 minutes behind from the start: nothing the engine could see change.
    h.clock.jumpWall(-10 * MINUTE);
    await h.start();
    expect(await busyFor(h, 6 * HOUR)).to.equal(0);
    expect(h.fired.expired ?? 0).to.equal(0);
    expect(h.server.counts.keepSessionAlive).to.be.within(2, 12);
    h.engine.stop();
  });

  it('a cookie whose Expires lies days ahead does not postpone keep-alive past the session length', async () => {
    const h = createHarness();
    await h.start();
    // Whatever sets the cookie says "in three days"; the server's session is two hours.
    const cookie = `capsule.sid=s%3Aabc; Path=/; Expires=${new Date(h.clock.now() + 72 * HOUR).toUTCString()}; HttpOnly`;
    h.client.retrieveSessionCookie = () => cookie;
    void h.engine.check();
    await h.clock.advance(SECOND);
    expect(h.engine.state.expiresAt! - h.clock.now()).to.be.at.most(2 * HOUR);
    expect(await busyFor(h, 6 * HOUR)).to.equal(0);
    expect(h.fired.expired ?? 0).to.equal(0);
    h.engine.stop();
  });

  it('a clock 10 minutes fast keeps a busy user signed in too, without extending more than needed', async () => {
    const h = createHarness();
    h.clock.jumpWall(10 * MINUTE);
    await h.start();
    expect(await busyFor(h, 6 * HOUR)).to.equal(0);
    expect(h.fired.expired ?? 0).to.equal(0);
    expect(h.server.counts.keepSessionAlive).to.be.within(2, 12);
    h.engine.stop();
  });
});
