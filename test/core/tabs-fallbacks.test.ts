import { expect } from '@open-wc/testing';
import type { CrossTabCoordinator } from '../../src/core/tabs/tab-coordinator.js';
import { createTabCoordinator } from '../../src/core/tabs/tab-coordinator.js';
import { systemClock } from '../../src/core/clock.js';
import { defaultCoordinator } from '../../src/core/engine-setup.js';
import { HOUR, SECOND } from './support/harness.js';
import { TabWorld } from './support/tab-world.js';
import { seeded } from '../reliability/support/random.js';

describe('many tabs without Web Locks or BroadcastChannel', () => {
  it('elects one leader by heartbeat lease without Web Locks, and fails over by the extension a crashed leader owed', async () => {
    const world = new TabWorld({ locks: false, keepAlive: 'always' });
    const [a, b, c] = [world.open(), world.open(), world.open()];
    await world.advance(3 * SECOND);
    expect(world.leaders()).to.have.length(1);
    const [leader] = world.leaders();
    const extendAt = leader.engine.state.expiresAt! - leader.engine.options.refreshBefore * 1000;
    world.kill(leader);
    await world.advance(extendAt + 3 * SECOND - world.clock.now());
    expect(world.leaders()).to.have.length(1);
    await world.advance(3 * HOUR);
    expect(world.server.isActive()).to.equal(true);
    expect(world.server.counts.keepSessionAlive).to.be.at.most(3);
    for (const tab of [a, b, c].filter((t) => t.alive)) expect(tab.engine.state.status).to.equal('active');
    world.closeAll();
    await world.advance(SECOND);
    expect(world.leaks()).to.deep.equal({ timers: 0, listeners: 0, locks: 0, channels: 0 });
  });

  it('hands the lead of a closing leader to one tab without Web Locks, not to every visible tab at once', async () => {
    // Each tab draws its own random numbers, as real tabs do.
    const world = new TabWorld({ locks: false, random: seeded(7) });
    const [a, b, c] = [world.open(), world.open(), world.open()];
    await world.advance(3 * SECOND);
    const [first] = world.leaders();
    expect(first, 'one leader').to.not.equal(undefined);
    const others = [a, b, c].filter((tab) => tab !== first);
    const led = world.watchLeads(others);
    const checks = world.server.counts.isSessionActive;
    // A closing tab is hidden first (visibilitychange), then goes: it resigns as it stops.
    world.setVisible(first, false);
    world.close(first);
    await world.advance(10 * SECOND);
    expect(world.leaders()).to.have.length(1);
    expect(led, 'tabs that led after the close').to.have.length(1);
    expect(world.server.counts.isSessionActive - checks, 'checks made by new leaders').to.be.at.most(1);
    world.closeAll();
  });

  it('without Web Locks, one of two visible tabs takes the lead from a leader hidden for a second', async () => {
    const world = new TabWorld({ locks: false, random: seeded(11) });
    const tabs = [world.open(), world.open(), world.open()];
    await world.advance(3 * SECOND);
    const [first] = world.leaders();
    const led = world.watchLeads(tabs.filter((t) => t !== first));
    world.setVisible(first, false); // the user moved to another window; two windows stay visible
    await world.advance(900);
    expect(world.leaders(), 'still the leader before a second').to.deep.equal([first]);
    await world.advance(2 * SECOND);
    expect(world.leaders()).to.have.length(1);
    expect(world.leaders()[0], 'a visible tab leads').to.not.equal(first);
    expect(led, 'tabs that claimed the lead').to.have.length(1);
    world.closeAll();
    await world.advance(SECOND);
    expect(world.leaks()).to.deep.equal({ timers: 0, listeners: 0, locks: 0, channels: 0 });
  });

  it('without Web Locks, a tab opened in the background leads only until a visible tab opens', async () => {
    const world = new TabWorld({ locks: false });
    const background = world.open({ visible: false });
    await world.advance(3 * SECOND);
    expect(world.leaders(), 'the only tab leads, hidden').to.deep.equal([background]);
    const visible = world.open();
    await world.advance(3 * SECOND);
    expect(world.leaders(), 'the visible tab took the lead').to.deep.equal([visible]);
    world.closeAll();
  });

  it('carries state over storage events when BroadcastChannel is missing', async () => {
    const world = new TabWorld({ transport: 'storage' });
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    expect(a.coordinator.mode).to.deep.equal({ election: 'web-locks', transport: 'storage' });
    expect(world.leaders()).to.have.length(1);
    await a.engine.logout();
    await world.advance(SECOND);
    expect(b.engine.state.status).to.equal('signed-out');
    expect(world.storage.items.size).to.equal(0);
    world.closeAll();
    await world.advance(SECOND);
    expect(world.leaks().listeners).to.equal(0);
  });

  it('a page whose browser lacks BroadcastChannel still joins its other tabs, over storage events', async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'BroadcastChannel')!;
    Reflect.deleteProperty(globalThis, 'BroadcastChannel');
    let coordinator: CrossTabCoordinator | null = null;
    try {
      coordinator = defaultCoordinator({ tabs: true }, systemClock) as CrossTabCoordinator;
      expect(coordinator.crossTab, 'coordinates across tabs').to.equal(true);
      coordinator.start({ onLeadershipChange: () => {}, onMessage: () => {} });
      expect(coordinator.mode?.transport).to.equal('storage');
    } finally {
      coordinator?.stop();
      Object.defineProperty(globalThis, 'BroadcastChannel', saved);
    }
  });

  it('runs alone, as one tab does, with neither BroadcastChannel nor storage', async () => {
    const world = new TabWorld({ transport: 'none', locks: false });
    const tab = world.open();
    await world.advance(2 * SECOND);
    expect(tab.coordinator.mode).to.deep.equal({ election: 'solo', transport: 'none' });
    expect(tab.engine.state.leader).to.equal(true);
    await world.advance(3 * HOUR);
    expect(tab.engine.state.status).to.equal('expired');
    world.closeAll();
  });

  it('uses the real Web Locks and BroadcastChannel of this browser, and releases them on stop', async () => {
    const name = `tabs-real-${Math.random()}`;
    const changes: string[] = [];
    const make = (id: string) => createTabCoordinator({ channelName: name, tabId: id });
    const [a, b] = [make('a'), make('b')];
    const hooks = (id: string, heard: string[]) => ({
      onLeadershipChange: (leading: boolean) => changes.push(`${id}:${leading}`),
      onMessage: (message: { type: string }) => heard.push(message.type),
    });
    const heardByB: string[] = [];
    // Real channels and locks deliver in milliseconds, but a loaded machine may take longer (a first lock grant
    // has taken 90 ms here): wait up to 2 s.
    const within = async (done: () => boolean) => {
      for (let waited = 0; waited < 2_000 && !done(); waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
    };
    a.start(hooks('a', []));
    await within(() => changes.length > 0);
    b.start(hooks('b', heardByB));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).to.deep.equal(['a:true']);
    a.publish({ type: 'signed-out' });
    await within(() => heardByB.length > 0);
    expect(heardByB).to.deep.equal(['signed-out']);
    a.stop();
    await within(() => changes.length > 1);
    expect(changes).to.deep.equal(['a:true', 'b:true']);
    b.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const held = await navigator.locks.query();
    expect((held.held ?? []).filter((lock) => lock.name?.startsWith(name))).to.have.length(0);
    expect((held.pending ?? []).filter((lock) => lock.name?.startsWith(name))).to.have.length(0);
  });
});
