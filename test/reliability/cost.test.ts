import { expect } from '@open-wc/testing';
import { report } from '../core/support/harness.js';
import { userActs } from '../core/support/fake-environment.js';
import { TabWorld, type Tab } from '../core/support/tab-world.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** 8 hours of 2-hour sessions extended 5 minutes ahead: a cycle is 1 h 55 min. */
const SIMULATED = 8 * HOUR;
const CYCLES = SIMULATED / (2 * HOUR - 5 * MINUTE);

async function eightHours(tabs: number) {
  const world = new TabWorld({ keepAlive: 'activity' });
  const opened: Tab[] = [];
  for (let i = 0; i < tabs; i += 1) opened.push(world.open({ visible: i === 0 }));
  // The user works in the visible tab all day; the others sit in the background.
  for (let minute = 0; minute < SIMULATED / MINUTE; minute += 1) {
    userActs(opened[0].environment);
    await world.advance(MINUTE);
  }
  const { isSessionActive, keepSessionAlive } = world.server.counts;
  const result = {
    tabs,
    keepAlive: keepSessionAlive,
    checks: isSessionActive,
    requestsPerCycle: Math.round(((isSessionActive + keepSessionAlive) / CYCLES) * 10) / 10,
    timerWakeUpsPerTabHour: Math.round(world.clock.wakeUps / tabs / (SIMULATED / HOUR)),
    sessionAlive: world.server.isActive(),
  };
  world.closeAll();
  return result;
}

/** Simulated ms until `done()` holds, stepping `stepMs` at a time; -1 if it never does within `maxMs`. */
async function msUntil(world: TabWorld, done: () => boolean, stepMs = 10, maxMs = 10 * SECOND): Promise<number> {
  const from = world.clock.serverNow();
  for (let waited = 0; waited < maxMs; waited += stepMs) {
    await world.advance(stepMs);
    if (done()) return world.clock.serverNow() - from;
  }
  return -1;
}

describe('reliability: N tabs cost what one tab costs', function () {
  this.timeout(60_000);

  it('sends no more requests per session cycle with 3 or 10 tabs than with one, plus one', async () => {
    const one = await eightHours(1);
    const three = await eightHours(3);
    const ten = await eightHours(10);
    report('requests per session cycle (8 h, activity policy, user busy in one tab)', { one, three, ten });
    for (const many of [three, ten]) {
      expect(many.sessionAlive).to.equal(true);
      expect(many.keepAlive).to.equal(one.keepAlive);
      expect(many.requestsPerCycle).to.be.at.most(one.requestsPerCycle + 1);
    }
    expect(one.keepAlive).to.equal(4);
  });

  it('hands over within one scheduling cycle when the leader crashes, and propagates logout and re-auth within a second', async () => {
    const world = new TabWorld({ keepAlive: 'always' });
    const tabs = [world.open(), world.open({ visible: false }), world.open({ visible: false })];
    await world.advance(5 * SECOND);
    const [leader] = world.leaders();
    world.kill(leader);
    const failoverMs = await msUntil(world, () => world.leaders().length === 1, 100, 10 * MINUTE);
    expect(failoverMs).to.be.within(0, 60 * SECOND);

    // Re-auth in one tab after an expiry: every tab active again, every waiter resumed.
    world.server.revoke();
    const alive = tabs.filter((tab) => tab.alive);
    const checks = alive.map((tab) => tab.engine.check());
    await world.advance(2 * SECOND);
    await Promise.all(checks);
    expect(alive.every((tab) => tab.engine.state.status === 'expired')).to.equal(true);
    const waiting = alive.map((tab) => tab.engine.requireActive());
    const loggingOut = alive[0].engine.beginReauth();
    await world.advance(SECOND);
    await loggingOut;
    world.server.signIn();
    void alive[0].engine.completeReauth();
    const reauthMs = await msUntil(world, () => alive.every((tab) => tab.engine.state.status === 'active'));
    await Promise.all(waiting);
    expect(reauthMs).to.be.within(0, SECOND);

    void alive[1].engine.logout();
    const logoutMs = await msUntil(world, () => alive.every((tab) => tab.engine.state.status === 'signed-out'));
    expect(logoutMs).to.be.within(0, SECOND);
    report('failover and propagation (simulated ms)', { failoverMs, reauthPropagationMs: reauthMs, logoutPropagationMs: logoutMs });
    world.closeAll();
    await world.advance(MINUTE);
    expect(world.leaks()).to.deep.equal({ timers: 0, listeners: 0, locks: 0, channels: 0 });
  });
});
