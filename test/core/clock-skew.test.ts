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

  it('a cookie whose Expires lies 20 minutes past a session length does not postpone keep-alive past the real end', async () => {
    const h = createHarness();
    await h.start();
    const cookie = `capsule.sid=s%3Aabc; Path=/; Expires=${new Date(h.clock.now() + 2 * HOUR + 20 * MINUTE).toUTCString()}; HttpOnly`;
    h.client.retrieveSessionCookie = () => cookie;
    void h.engine.check();
    await h.clock.advance(SECOND);
    expect(h.engine.state.expiresAt! - h.clock.now()).to.be.at.most(2 * HOUR);
    expect(await busyFor(h, 6 * HOUR)).to.equal(0);
    expect(h.fired.expired ?? 0).to.equal(0);
    h.engine.stop();
  });

  it('a Para session far longer than session-length (30 days, default 7200 s): the cookie is believed, no false warning, one console hint', async () => {
    const h = createHarness({ sessionLengthMs: 30 * 24 * HOUR });
    await h.start();
    await h.clock.advance(8 * HOUR);
    expect(h.fired.warning ?? 0).to.equal(0);
    expect(h.engine.state.status).to.equal('active');
    expect(h.engine.state.expiresAt! - h.clock.now()).to.be.above(29 * 24 * HOUR);
    const hints = h.warnings.filter((message) => message.includes('longer than sessionLength'));
    expect(hints).to.have.length(1);
    expect(hints[0]).to.match(/Set sessionLength to Para's configured session length/);
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

  // A machine clock hours off: a wrong time zone under a hand-set time, a dead battery, a VM restored from a snapshot.
  for (const [name, offBy] of [
    ['3 hours fast', 3 * HOUR],
    ['a day fast', 24 * HOUR],
    ['an hour slow', -HOUR],
    ['a day slow', -24 * HOUR],
  ] as const) {
    it(`a clock ${name}, session-length given: a busy user stays signed in, never warned, with few requests`, async () => {
      const h = createHarness({ sessionLength: 7200 });
      h.clock.jumpWall(offBy);
      await h.start();
      let expiring = 0;
      for (let t = 0; t < 6 * HOUR; t += MINUTE) {
        userActs(h.environment);
        await h.clock.advance(MINUTE);
        if (!h.server.isActive()) throw new Error(`the session ended on the server at minute ${t / MINUTE}`);
        if (h.engine.state.status === 'expiring') expiring += 1;
      }
      expect(expiring, 'minutes shown as ending soon').to.equal(0);
      expect(h.fired.warning ?? 0).to.equal(0);
      expect(h.server.counts.keepSessionAlive).to.be.within(2, 4);
      expect(h.server.counts.isSessionActive).to.be.below(40);
      h.engine.stop();
    });
  }

  it('a clock 3 hours fast: an idle user is warned once, 2 minutes before the real end, and the session ends once', async () => {
    const h = createHarness({ sessionLength: 7200 });
    h.clock.jumpWall(3 * HOUR);
    await h.start();
    const realEnd = h.server.expiresAt!;
    let warnedAt: number | null = null;
    h.engine.on('warning', () => (warnedAt = h.clock.serverNow()));
    await h.clock.advance(3 * HOUR);
    expect(warnedAt! - realEnd).to.be.within(-125 * SECOND, -115 * SECOND);
    expect(h.fired.warning).to.equal(1);
    expect(h.fired.expired).to.equal(1);
    expect(h.server.requests).to.be.below(30);
    h.engine.stop();
  });

  it('a clock hours slow with session-length given: one console hint says the clock may be behind', async () => {
    const h = createHarness({ sessionLength: 7200 });
    h.clock.jumpWall(-3 * HOUR);
    await h.start();
    const hints = h.warnings.filter((message) => message.includes('longer than sessionLength'));
    expect(hints).to.have.length(1);
    expect(hints[0]).to.match(/clock is behind the server's.*keeping to sessionLength/);
    h.engine.stop();
  });

  it('clock set forward 1 h with 1 h 30 min left: once the server contradicts the shown end, the real end holds, warned 2 min before it', async () => {
    const h = createHarness({ sessionLength: 7200 });
    await h.start();
    await h.clock.advance(30 * MINUTE);
    h.clock.jumpWall(HOUR);
    const realEnd = h.server.expiresAt!;
    const warnedBefore: number[] = [];
    let expiredAt: number | null = null;
    h.engine.on('warning', () => warnedBefore.push(Math.round((realEnd - h.clock.serverNow()) / MINUTE)));
    h.engine.on('expired', () => (expiredAt ??= h.clock.serverNow()));
    let corrected: number | null = null;
    let previous = h.engine.state.status;
    h.engine.$state.listen((state) => {
      if (previous === 'expiring' && state.status === 'active') corrected = state.expiresAt! - h.clock.now() - (realEnd - h.clock.serverNow());
      previous = state.status;
    });
    await h.clock.advance(2 * HOUR);
    // Until the shown end nothing tells sleep from a clock change (so a warning an hour early); then the server does.
    expect(Math.abs(corrected!), 'ms between the corrected expiry and the real end').to.be.at.most(SECOND);
    expect(warnedBefore.at(-1), 'minutes before the real end of the last warning').to.equal(2);
    expect(expiredAt! - realEnd, 'ms after the real end the session shows as ended').to.be.within(0, 2 * SECOND);
    h.engine.stop();
  });
  it('2-h session, idle: 30 min of sleep, later the clock stepped 30 s forward: the session still ends (expired) at its real end', async () => {
    const h = createHarness({ sessionLength: 7200 });
    await h.start();
    const end = h.server.expiresAt!;
    await h.clock.advance(10 * MINUTE);
    h.clock.sleep(30 * MINUTE);
    h.environment.window.dispatchEvent(new Event('focus'));
    await h.clock.advance(MINUTE);
    expect(h.engine.state.status).to.equal('active');
    // Later (an NTP step after the wake, say): the clock jumps 30 s forward.
    await h.clock.advance(end - h.clock.serverNow() - 10 * MINUTE);
    h.clock.jumpWall(30 * SECOND);
    h.environment.window.dispatchEvent(new Event('focus'));
    let warnedAt: number | null = null;
    h.engine.on('warning', () => (warnedAt ??= h.clock.serverNow()));
    const trail: string[] = [];
    let expiredAt: number | null = null;
    for (let s = 0; s < 40 * 60 && expiredAt === null; s += 1) {
      await h.clock.advance(SECOND);
      const st = h.engine.state;
      const line = `${st.status} engine-left ${st.expiresAt === null ? null : Math.round((st.expiresAt - h.clock.now()) / 1000)}`;
      if (trail.at(-1)?.split(' @')[0] !== line.replace(/-?\d+$/, '')) trail.push(`${line.replace(/-?\d+$/, '')} @real-left ${Math.round((end - h.clock.serverNow()) / 1000)} (${line})`);
      if (st.status === 'expired') expiredAt = h.clock.serverNow();
    }
    expect(expiredAt === null ? null : Math.round((expiredAt - end) / 1000), 'seconds from the real end to expired').to.be.at.most(5);
  });
});
