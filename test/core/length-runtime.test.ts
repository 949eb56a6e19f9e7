import { expect } from '@open-wc/testing';
import { createHarness, MINUTE, SECOND, userActs } from './support/harness.js';

describe('session length changed at runtime', () => {
  it('a client without a session cookie: session length lowered from 7200 to 600 s, a busy user stays signed in', async () => {
    const h = createHarness({ sessionLength: 7200, sessionLengthMs: 600 * SECOND });
    // A client that exposes no cookie (retrieveSessionCookie is optional): the expiry is the kit's estimate.
    (h.client as unknown as { retrieveSessionCookie: undefined }).retrieveSessionCookie = undefined;
    await h.start();
    // The app corrects the length to Para's (the attribute changes, or setOptions).
    h.engine.setOptions({ sessionLength: 600 });
    await h.clock.advance(SECOND);
    let lapsed = 0;
    for (let i = 0; i < 60; i += 1) {
      userActs(h.environment);
      await h.clock.advance(MINUTE);
      if (!h.server.isActive()) lapsed += 1;
    }
    expect([lapsed, h.engine.state.status], 'minutes lapsed, status').to.deep.equal([0, 'active']);
    h.engine.stop();
  });

  it('with the session cookie, a changed length leaves the cookie\'s expiry as it is', async () => {
    const h = createHarness({ sessionLength: 7200 });
    await h.start();
    const before = h.engine.state.expiresAt;
    h.engine.setOptions({ sessionLength: 3600 });
    await h.clock.advance(SECOND);
    expect(h.engine.state.expiresAt).to.equal(before);
    h.engine.stop();
  });
});

describe('session length from the start', () => {
  it('the same client configured with 600 s from the start keeps a busy user signed in', async () => {
    const h = createHarness({ sessionLength: 600, sessionLengthMs: 600 * SECOND });
    (h.client as unknown as { retrieveSessionCookie: undefined }).retrieveSessionCookie = undefined;
    await h.start();
    let lapsed = 0;
    for (let i = 0; i < 60; i += 1) {
      userActs(h.environment);
      await h.clock.advance(MINUTE);
      if (!h.server.isActive()) lapsed += 1;
    }
    expect([lapsed, h.engine.state.status]).to.deep.equal([0, 'active']);
    h.engine.stop();
  });
});

describe('the warning window changed while the warning shows', () => {
  /** 110 s left of a 2 h session: the warning (120 s by default) is on. */
  async function warning(options: Parameters<typeof createHarness>[0] = {}) {
    const h = createHarness({ keepAlive: 'off', ...options });
    const warnings: number[] = [];
    h.engine.on('warning', (detail) => warnings.push(detail.secondsLeft));
    await h.start();
    await h.clock.advance(h.engine.state.expiresAt! - h.clock.now() - 110 * SECOND);
    expect(h.engine.state.status, 'the warning is on').to.equal('expiring');
    return { h, warnings };
  }

  it('warn-before lowered to 60 s with 110 s left: active at once, nothing extended, and warned again (its event too) at 60 s', async () => {
    const { h, warnings } = await warning();
    h.engine.setOptions({ warnBefore: 60 });
    await h.clock.advance(SECOND);
    expect(h.engine.state.status, 'right after').to.equal('active');
    await h.clock.advance(48 * SECOND);
    expect(h.engine.state.status, 'at 61 s left').to.equal('active');
    await h.clock.advance(2 * SECOND);
    expect({ status: h.engine.state.status, warnings, keepAlives: h.server.counts.keepSessionAlive }).to.deep.equal({ status: 'expiring', warnings: [120, 60], keepAlives: 0 });
    h.engine.stop();
  });

  it('session-length lowered (so the fitted warning window too): the same, whatever answer comes next', async () => {
    const { h } = await warning({ sessionLength: 7200 });
    h.engine.setOptions({ sessionLength: 90 });
    await h.clock.advance(SECOND);
    expect([h.engine.options.warnBefore < 100, h.engine.state.status]).to.deep.equal([true, 'active']);
    h.engine.stop();
  });

  it('offline inside the warning, warn-before lowered to 60 s, back online: active, then warned again with its event', async () => {
    const { h, warnings } = await warning();
    h.server.online = false;
    void h.engine.check();
    await h.clock.advance(SECOND);
    expect(h.engine.state.status, 'offline').to.equal('offline');
    h.engine.setOptions({ warnBefore: 60 });
    await h.clock.advance(SECOND);
    h.server.online = true;
    void h.engine.check();
    await h.clock.advance(SECOND);
    expect(h.engine.state.status, 'back online').to.equal('active');
    await h.clock.advance(h.engine.state.expiresAt! - h.clock.now() - 58 * SECOND);
    expect({ status: h.engine.state.status, warnings }).to.deep.equal({ status: 'expiring', warnings: [120, 60] });
    h.engine.stop();
  });

  it('warn-before raised, or lowered but still above the time left: the warning stays', async () => {
    const { h } = await warning();
    h.engine.setOptions({ warnBefore: 600 });
    await h.clock.advance(SECOND);
    expect(h.engine.state.status, 'raised').to.equal('expiring');
    h.engine.setOptions({ warnBefore: 115 });
    await h.clock.advance(SECOND);
    expect(h.engine.state.status, 'lowered to 115 s with 108 s left').to.equal('expiring');
    h.engine.stop();
  });
});

describe("Para's session shorter than session-length", () => {
  it('a 60 s session with session-length left at 7200: the first extension says once, in the console, what to set', async () => {
    const h = createHarness({ sessionLengthMs: 60 * SECOND, keepAlive: 'always' });
    await h.start();
    await h.clock.advance(2 * SECOND);
    for (let i = 0; i < 4; i += 1) {
      const extended = h.engine.extend();
      await h.clock.advance(SECOND);
      expect(await extended).to.equal(true);
    }
    const hints = h.warnings.filter((line) => /far less than/.test(line));
    expect(hints, 'told once').to.have.length(1);
    expect(hints[0]).to.match(/renewed the session for 60 s by this machine.s clock, far less than sessionLength \(7200 s\)\. If Para.s session is that short, set sessionLength/);
    h.engine.stop();
  });

  for (const when of ['from the start', 'set forward 90 min during the session'] as const) {
    it(`a 2 h session with session-length 7200 and this machine's clock ahead ${when}: an extension says nothing of a shorter session`, async () => {
      const h = createHarness({ sessionLength: 7200, keepAlive: 'always' });
      if (when === 'from the start') h.clock.jumpWall(90 * MINUTE);
      await h.start();
      await h.clock.advance(MINUTE);
      if (when !== 'from the start') h.clock.jumpWall(90 * MINUTE);
      await h.clock.advance(SECOND);
      const extended = h.engine.extend();
      await h.clock.advance(SECOND);
      expect(await extended).to.equal(true);
      const hints = h.warnings.filter((line) => /far less than/.test(line));
      // From the start, the client cannot tell a clock ahead from a shorter session: the hint names both.
      if (when === 'from the start') expect(hints.every((line) => /this clock is ahead of the server's/.test(line))).to.equal(true);
      else expect(hints).to.deep.equal([]);
      h.engine.stop();
    });
  }

  it('a 2 h session with the default length: an extension says nothing', async () => {
    const h = createHarness({ keepAlive: 'always' });
    await h.start();
    const extended = h.engine.extend();
    await h.clock.advance(SECOND);
    expect(await extended).to.equal(true);
    expect(h.warnings).to.deep.equal([]);
    h.engine.stop();
  });
});
