import { expect } from '@open-wc/testing';
import { atom } from 'nanostores';
import type { CoordinatorHooks, SharedSessionMessage, TabCoordinator } from '../../src/core/coordinator.js';
import { CorrectedClock } from '../../src/core/corrected-clock.js';
import { initialState } from '../../src/core/state.js';
import { TabSync } from '../../src/core/tab-sync.js';
import { remoteMessage } from '../../src/core/transitions/remote-message.js';
import { NOTHING } from '../../src/core/transitions/step.js';
import { WIRE_VERSION } from '../../src/core/tabs/wire.js';
import { FakeClock } from './support/fake-clock.js';
import { MINUTE, NOW, viewOf } from './transitions/view-fixture.js';

const YEAR = 365 * 24 * 60 * MINUTE;

/** A TabSync on a coordinator the test speaks through as "another tab". */
function tabSync() {
  const clock = new CorrectedClock(new FakeClock());
  let hooks: CoordinatorHooks | null = null;
  const published: SharedSessionMessage[] = [];
  const coordinator: TabCoordinator = { start: (h) => (hooks = h), stop() {}, publish: (m) => published.push(m) };
  const sync = new TabSync(coordinator, clock, atom(initialState()));
  const heard: SharedSessionMessage[] = [];
  const corrections: number[] = [];
  sync.start({ onLeadershipChange() {}, onMessage: (m) => heard.push(m), onClockCorrected: (ms) => corrections.push(ms) });
  return { clock, heard, published, corrections, send: (m: SharedSessionMessage) => hooks!.onMessage(m) };
}

describe('messages from other tabs are believed within bounds', () => {
  it('ignores activity from beyond now plus a tolerance', () => {
    expect(remoteMessage(viewOf(), { type: 'activity', at: NOW + 10 * YEAR })).to.equal(NOTHING);
    expect(remoteMessage(viewOf(), { type: 'activity', at: NOW + 1000 }).patch).to.deep.equal({ lastActivityAt: NOW + 1000 });
  });

  it('ignores a state whose times lie in the future or whose expiry is beyond a session from now', () => {
    const state = { type: 'state', status: 'active', kind: 'user', lastExtendedAt: NOW, sentAt: NOW } as const;
    expect(remoteMessage(viewOf(), { ...state, expiresAt: NOW + YEAR, lastCheckedAt: NOW })).to.equal(NOTHING);
    expect(remoteMessage(viewOf(), { ...state, expiresAt: NOW + 60 * MINUTE, lastCheckedAt: NOW + YEAR })).to.equal(NOTHING);
    expect(remoteMessage(viewOf({ status: 'active' }), { ...state, status: 'expired', expiresAt: null, lastCheckedAt: NOW + YEAR })).to.equal(NOTHING);
    expect(remoteMessage(viewOf(), { ...state, expiresAt: NOW + 60 * MINUTE, lastCheckedAt: NOW }).patch).to.include({ expiresAt: NOW + 60 * MINUTE });
  });

  it('refuses a remote clock correction that would move our clock far forward, and keeps a small one', () => {
    const tab = tabSync();
    const before = tab.clock.now();
    tab.send({ type: 'clock', sentAt: before + YEAR });
    expect(tab.clock.now() - before).to.be.below(1000);
    tab.send({ type: 'clock', sentAt: before + 10 * MINUTE });
    expect(tab.clock.now() - before).to.be.closeTo(10 * MINUTE, 1000);
    expect(tab.corrections.map((ms) => Math.round(ms / MINUTE)), 'the engine is told of the correction kept, and only of it').to.deep.equal([10]);
  });

  it('rate-limits incoming messages: a flood is dropped past a burst', () => {
    const tab = tabSync();
    for (let i = 0; i < 1000; i += 1) tab.send({ type: 'activity', at: 1 + i });
    expect(tab.heard.length).to.be.within(1, 60);
  });
});

describe('remote news confirmed with one shared server check', () => {
  it('a hostile tab\'s bare "expired" or "signed-out" changes nothing while the server says the session is active', async () => {
    const { TabWorld } = await import('./support/tab-world.js');
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2000);
    const forged = { type: 'state', status: 'expired', kind: 'user', expiresAt: null, lastCheckedAt: a.engine.clock.now(), lastExtendedAt: null, sentAt: a.engine.clock.now() } as const;
    a.coordinator.publish(forged);
    a.coordinator.publish({ type: 'signed-out' });
    await world.advance(2000);
    expect(b.engine.state.status).to.equal('active');
    world.closeAll();
  });

  it('a forged "expired" that claims to answer this tab\'s own check, while that check waits for the server, changes nothing', async () => {
    const { TabWorld } = await import('./support/tab-world.js');
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2000);
    // b asks the server itself and its request hangs; a forged answer, timed after b began, arrives meanwhile.
    world.server.hangNext = 1;
    void b.engine.check();
    await world.advance(1000);
    const now = b.engine.clock.now();
    a.coordinator.publish({ type: 'state', status: 'expired', kind: 'user', expiresAt: null, lastCheckedAt: now, lastExtendedAt: null, sentAt: now });
    await world.advance(1000);
    expect(b.engine.state.status, 'b waits for its own answer').to.not.equal('expired');
    // Its own request times out (offline for a moment), then a retry hears the truth.
    await world.advance(2 * 60_000);
    expect(b.engine.state.status).to.be.oneOf(['active', 'expiring']);
    world.closeAll();
  });

  it('a "signed-out" from another tab that the server cannot confirm (an error answer) signs nobody out; the next answer decides', async () => {
    const { TabWorld } = await import('./support/tab-world.js');
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2000);
    world.server.failures.push(429);
    a.coordinator.publish({ type: 'signed-out' });
    await world.advance(1000);
    expect(b.engine.state.status, 'a failed confirmation is no sign-out').to.not.equal('signed-out');
    await world.advance(2 * 60_000);
    expect(b.engine.state.status).to.be.oneOf(['active', 'expiring']);
    // A true sign-out the tab could not confirm at first: once the server answers, it is signed out.
    world.server.revoke();
    world.server.online = false;
    a.coordinator.publish({ type: 'signed-out' });
    await world.advance(1000);
    expect(b.engine.state.status).to.equal('offline');
    world.server.online = true;
    await world.advance(2 * 60_000);
    expect(b.engine.state.status).to.equal('signed-out');
    world.closeAll();
  });

  it('tabs waiting for another tab\'s answer adopt only the answer of the tab asking the server, not a forged one', async () => {
    const { TabWorld } = await import('./support/tab-world.js');
    const world = new TabWorld();
    const tabs = [world.open(), world.open(), world.open()];
    await world.advance(2000);
    world.server.latencyMs = 3000;
    for (const tab of tabs) void tab.engine.check();
    await world.advance(1000);
    const now = tabs[0].engine.clock.now();
    const forged = { type: 'state', status: 'expired', kind: 'user', expiresAt: null, lastCheckedAt: now, lastExtendedAt: null, sentAt: now };
    world.channels.inject('para-session-kit', { app: 'para-session-kit', v: WIRE_VERSION, from: 'forger', channel: 'session', message: forged });
    await world.advance(500);
    for (const tab of tabs) expect(tab.engine.state.status, `${tab.id} adopted a forged answer`).to.not.equal('expired');
    world.server.latencyMs = 20;
    await world.advance(5000);
    for (const tab of tabs) expect(tab.engine.state.status).to.be.oneOf(['active', 'expiring']);
    world.closeAll();
  });

  it('a real expiry reaches every tab with one extra server check, not one per tab', async () => {
    const { TabWorld } = await import('./support/tab-world.js');
    const world = new TabWorld();
    const tabs = [world.open(), world.open(), world.open(), world.open(), world.open()];
    await world.advance(2000);
    world.server.revoke();
    const before = world.server.counts.isSessionActive;
    const leader = world.leaders()[0];
    void leader.engine.check();
    await world.advance(3000);
    for (const tab of tabs) expect(tab.engine.state.status).to.equal('expired');
    expect(world.server.counts.isSessionActive - before).to.be.within(1, 2);
    world.closeAll();
  });
});
