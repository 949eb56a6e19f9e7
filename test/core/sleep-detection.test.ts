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
