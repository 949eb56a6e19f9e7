import { expect } from '@open-wc/testing';
import { createHarness, HOUR, SECOND, report, type Harness } from './support/harness.js';
import { TabWorld, type Tab } from './support/tab-world.js';

/** Para's longest session: its expiry is further away than setTimeout can wait (2^31−1 ms). */
const THIRTY_DAYS_S = 30 * 24 * 3600;
/** No heartbeat: truth checks every 15 minutes while visible, plus the warning and expiry in their hour. */
const MAX_TIMERS_PER_HOUR = 8;

/** Runs `days` simulated days; returns the busiest hour's timer wake-ups. */
async function runDays(h: Harness, days: number): Promise<number> {
  let busiest = 0;
  for (let hour = 0; hour < days * 24; hour += 1) {
    const before = h.clock.wakeUps;
    await h.clock.advance(HOUR);
    busiest = Math.max(busiest, h.clock.wakeUps - before);
  }
  return busiest;
}

describe('session engine: 30-day sessions', function () {
  // A month of simulated minutes takes a few seconds; more on a loaded machine.
  this.timeout(60_000);

  it('a tab that loads hidden sets no timer storm, warns and expires once, on time', async () => {
    const h = createHarness({ sessionLength: THIRTY_DAYS_S });
    h.environment.document.visibilityState = 'hidden';
    await h.start();
    const expiresAt = h.server.expiresAt!;
    let warnedAt: number | null = null;
    h.engine.on('warning', () => (warnedAt = h.clock.now()));
    const before = h.clock.wakeUps;
    await h.clock.advance(10 * SECOND);
    expect(h.clock.wakeUps - before, 'timers in the first 10 s').to.be.at.most(2);
    const busiest = await runDays(h, 31);
    report('30-day session, hidden, 31 days', { busiestHourTimers: busiest, ...h.server.counts });
    expect(busiest, 'timers in the busiest hour').to.be.at.most(MAX_TIMERS_PER_HOUR);
    expect(warnedAt).to.equal(expiresAt - 120 * SECOND);
    expect(h.fired.expired).to.equal(1);
    expect(h.engine.state.status).to.equal('expired');
    // The first check, and the one that confirms the expiry.
    expect(h.server.requests).to.be.at.most(3);
    h.engine.stop();
  });

  it('a visible tab checks the server about 4 times an hour for 30 days, then warns and expires once', async () => {
    const h = createHarness({ sessionLength: THIRTY_DAYS_S });
    await h.start();
    const expiresAt = h.server.expiresAt!;
    let warnedAt: number | null = null;
    h.engine.on('warning', () => (warnedAt = h.clock.now()));
    const busiest = await runDays(h, 31);
    report('30-day session, visible, 31 days', { busiestHourTimers: busiest, ...h.server.counts });
    expect(busiest, 'timers in the busiest hour').to.be.at.most(MAX_TIMERS_PER_HOUR);
    expect(warnedAt).to.equal(expiresAt - 120 * SECOND);
    expect(h.fired.expired).to.equal(1);
    // Truth checks every 15 minutes while signed in: 30 days × 24 h × 4, and a few around the expiry.
    expect(h.server.counts.isSessionActive).to.be.within(30 * 24 * 4 - 2, 30 * 24 * 4 + 4);
    expect(h.server.counts.keepSessionAlive).to.equal(0);
    h.engine.stop();
  });

  it('keepAlive="always" extends a 30-day session once per cycle, hidden, and it never lapses', async () => {
    const h = createHarness({ sessionLength: THIRTY_DAYS_S, keepAlive: 'always' });
    h.environment.document.visibilityState = 'hidden';
    await h.start();
    const before = h.clock.wakeUps;
    await h.clock.advance(10 * SECOND);
    expect(h.clock.wakeUps - before, 'timers in the first 10 s').to.be.at.most(2);
    const busiest = await runDays(h, 61);
    report('30-day session, always, hidden, 61 days', { busiestHourTimers: busiest, ...h.server.counts });
    expect(busiest, 'timers in the busiest hour').to.be.at.most(MAX_TIMERS_PER_HOUR);
    expect(h.server.counts.keepSessionAlive).to.equal(2);
    expect(h.server.isActive()).to.equal(true);
    expect(h.fired.expired ?? 0).to.equal(0);
    h.engine.stop();
  });
});

describe('session engine: a 30-day Para session with the default session-length, in several tabs', function () {
  this.timeout(60_000);

  it('the other tabs follow the leader past its extension on day 30, and the next leader does not extend again', async () => {
    // The kit is left at 7200 s; Para grants 30 days, and the cookie says so.
    const world = new TabWorld({ keepAlive: 'always' });
    world.server.sessionLengthMs = THIRTY_DAYS_S * 1000;
    world.server.signIn();
    const [leader, ...others] = [world.open(), world.open({ visible: false }), world.open({ visible: false })];
    await world.advance(2 * SECOND);
    for (let day = 0; day < 31; day += 1) await world.advance(24 * HOUR);
    expect(world.server.counts.keepSessionAlive, 'the leader extended once').to.equal(1);
    const left = (tab: Tab) => Math.round(((tab.engine.state.expiresAt ?? 0) - world.clock.now()) / HOUR);
    expect(others.map(left), 'hours left in the other tabs').to.deep.equal(others.map(() => left(leader)));
    world.close(leader);
    const extensions = world.server.counts.keepSessionAlive;
    await world.advance(24 * HOUR);
    expect(world.server.counts.keepSessionAlive - extensions, 'extensions by the next leader').to.equal(0);
    expect(others.map((tab) => tab.fired.warning ?? 0)).to.deep.equal([0, 0]);
    world.closeAll();
  });
});
