import { expect } from '@open-wc/testing';
import type { CoordinatorHooks, TabCoordinator } from '../../src/core/coordinator.js';
import { VISIBLE_LOOK_MS } from '../../src/core/wake.js';
import { createHarness, HOUR, MINUTE, SECOND } from './support/harness.js';

/** A truth check this rare leaves the schedule nothing to do for hours: only the look can notice. */
const RARE_TRUTH_CHECK_S = 6 * 3600;
/** The look itself, and the check it starts: what a visible page may wake for meanwhile. */
const LOOK_WAKE_UPS = 2;

/** How far engine time is from the server's (true) time. */
const clockError = (h: ReturnType<typeof createHarness>) => Math.abs(h.engine.clock.now() - h.clock.serverNow());

describe('session engine: sleep and clock changes with no page event', () => {
  it(`a visible page sees a sleep from its next timer firing late, within ${VISIBLE_LOOK_MS / MINUTE} minutes of waking, with no timer of its own`, async () => {
    const h = createHarness({ sessionLength: 30 * 24 * 3600, truthCheckEvery: RARE_TRUTH_CHECK_S });
    await h.start();
    await h.clock.advance(MINUTE);
    const requests = h.server.requests;
    const wakeUps = h.clock.wakeUps;
    h.clock.sleep(3 * HOUR);
    await h.clock.advance(VISIBLE_LOOK_MS);
    expect(h.server.requests - requests, 'checked after waking, within the promise').to.equal(1);
    expect(h.clock.wakeUps - wakeUps, 'timer wake-ups meanwhile').to.be.at.most(LOOK_WAKE_UPS);
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });

  it('a session whose expiry passes during sleep shows expired within the promise after waking', async () => {
    const h = createHarness({ truthCheckEvery: RARE_TRUTH_CHECK_S });
    await h.start();
    h.clock.sleep(3 * HOUR);
    expect(h.server.isActive(), 'the server ended it during sleep').to.equal(false);
    const wokeAt = h.clock.serverNow();
    let expiredAt: number | null = null;
    h.engine.on('expired', () => (expiredAt = h.clock.serverNow()));
    await h.clock.advance(VISIBLE_LOOK_MS);
    expect(h.engine.state.status).to.equal('expired');
    expect(expiredAt! - wokeAt).to.be.at.most(VISIBLE_LOOK_MS);
    h.engine.stop();
  });

  it('a clock set back is seen from a timer firing early against the wall clock, and the expiry still lands on time', async () => {
    const h = createHarness({ truthCheckEvery: RARE_TRUTH_CHECK_S });
    await h.start();
    const wakeUps = h.clock.wakeUps;
    h.clock.jumpWall(-HOUR);
    await h.clock.advance(VISIBLE_LOOK_MS);
    expect(clockError(h), 'engine time after the look').to.be.below(5 * SECOND);
    expect(h.clock.wakeUps - wakeUps, 'timer wake-ups meanwhile').to.be.at.most(LOOK_WAKE_UPS);
    let expiredAt = 0;
    h.engine.on('expired', () => (expiredAt = h.clock.serverNow()));
    await h.clock.advance(2 * HOUR);
    expect(h.fired.expired).to.equal(1);
    expect(expiredAt - h.server.expiresAt!).to.be.within(0, 3 * SECOND);
    h.engine.stop();
  });

  it('an expired visible page still looks: a sleep and a later clock set back are not taken for one smaller change', async () => {
    const h = createHarness({ sessionLength: 600 });
    await h.start();
    await h.clock.advance(11 * MINUTE);
    expect(h.engine.state.status).to.equal('expired');
    h.clock.sleep(20 * MINUTE);
    await h.clock.advance(VISIBLE_LOOK_MS);
    h.clock.jumpWall(-30 * MINUTE);
    await h.clock.advance(VISIBLE_LOOK_MS);
    // Seen as one, the two would net to a 10-minute set-back and leave engine time 20 minutes behind the server's.
    expect(clockError(h), 'engine time after both looks').to.be.below(5 * SECOND);
    h.engine.stop();
  });

  it('a tab opened after the clock was set back plans again the moment another tab corrects its clock', async () => {
    let hooks: CoordinatorHooks | null = null;
    const leading: TabCoordinator = {
      start(given) {
        hooks = given;
        given.onLeadershipChange(true);
      },
      stop() {},
      publish() {},
    };
    // The server ends the session in 10 minutes; this tab's clock reads an hour behind, so it believes 70.
    const h = createHarness({ sessionLength: 600, truthCheckEvery: RARE_TRUTH_CHECK_S, coordinator: leading });
    h.clock.jumpWall(-HOUR);
    await h.start();
    await h.clock.advance(MINUTE);
    hooks!.onMessage({ type: 'clock', sentAt: h.clock.serverNow() });
    expect(clockError(h), 'engine time once corrected').to.be.below(SECOND);
    let expiredAt = 0;
    h.engine.on('expired', () => (expiredAt = h.clock.serverNow()));
    await h.clock.advance(10 * MINUTE);
    expect(h.fired.expired).to.equal(1);
    expect(expiredAt - h.server.expiresAt!, 'expired after the real end, by').to.be.within(0, 3 * SECOND);
    h.engine.stop();
  });

  /** A tab that hears from others through `hooks`, leading or not. */
  const listening = (leader: boolean) => {
    const tab = { hooks: null as CoordinatorHooks | null, published: [] as unknown[] };
    const coordinator: TabCoordinator = {
      crossTab: true,
      start(given) {
        tab.hooks = given;
        given.onLeadershipChange(leader);
      },
      stop() {},
      publish(message) {
        tab.published.push(message);
      },
    };
    return { tab, coordinator };
  };

  // Soak seed 1095350193: the clock set back 35 minutes, then a tab opened (the leader had closed) 24 minutes after
  // the last extension. It could only bound the expiry by the session length (11 minutes early), and every other
  // tab took that expiry from it.
  it('a tab opened after the clock was set back takes the real expiry once another tab corrects its clock, not the bound it guessed', async () => {
    const { tab, coordinator } = listening(true);
    const h = createHarness({ truthCheckEvery: RARE_TRUTH_CHECK_S, coordinator });
    await h.clock.advance(24 * MINUTE);
    h.clock.jumpWall(-35 * MINUTE);
    await h.start();
    expect(h.engine.state.status).to.equal('active');
    tab.hooks!.onMessage({ type: 'clock', sentAt: h.clock.serverNow() });
    await h.clock.advance(SECOND);
    expect(clockError(h), 'engine time once corrected').to.be.below(SECOND);
    expect(Math.abs(h.engine.state.expiresAt! - h.server.expiresAt!), 'expiry off the server\'s by, ms').to.be.at.most(2 * SECOND);
    expect(h.server.requests, 'one check more, once the clock is known').to.equal(2);
    h.engine.stop();
  });

  it('a tab does not take the times of a tab whose clock missed a set-back: they are in another clock', async () => {
    const { tab, coordinator } = listening(false);
    const h = createHarness({ truthCheckEvery: RARE_TRUTH_CHECK_S, coordinator });
    await h.start();
    const known = h.engine.state.expiresAt;
    expect(Math.abs(known! - h.server.expiresAt!)).to.be.at.most(2 * SECOND);
    // What the late tab sends: its own time, 35 minutes behind, and an expiry bounded from it.
    const behind = h.clock.serverNow() - 35 * MINUTE;
    tab.hooks!.onMessage({ type: 'state', status: 'active', kind: 'user', expiresAt: behind + 2 * HOUR, lastCheckedAt: behind, lastExtendedAt: null, sentAt: behind });
    await h.clock.advance(SECOND);
    expect(h.engine.state.expiresAt, 'the expiry this tab knew').to.equal(known);
    expect(tab.published.some((m) => (m as { type: string }).type === 'clock'), 'it tells the late tab its time').to.equal(true);
    h.engine.stop();
  });

  it('a hidden tab shown right after a check (no new request) starts looking at once', async () => {
    const h = createHarness({ sessionLength: 30 * 24 * 3600 });
    h.environment.document.setVisible(false);
    await h.start();
    await h.clock.advance(10 * SECOND);
    h.environment.document.setVisible(true);
    await h.clock.advance(SECOND);
    const requests = h.server.requests;
    expect(requests, 'shown within seconds of the first check: no new one').to.equal(1);
    h.clock.sleep(3 * HOUR);
    await h.clock.advance(VISIBLE_LOOK_MS);
    expect(h.server.requests - requests, 'checked after waking').to.be.at.least(1);
    h.engine.stop();
  });
});
