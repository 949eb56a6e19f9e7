import { expect } from '@open-wc/testing';
import { createTabCoordinator } from '../../../src/core/tabs/tab-coordinator.js';
import { createHarness, HOUR, MINUTE, SECOND } from '../support/harness.js';
import { refusedLocks, RefusedChannel, TabWorld } from '../support/tab-world.js';

/**
 * A page whose site has its storage blocked while its origin stays its own (not a sandbox's "null"): the user
 * blocked the site's cookies, or a third-party frame under "block third-party cookies". Firefox then throws
 * SecurityError from `new BroadcastChannel()` and `localStorage`, and rejects every lock request; Chromium
 * rejects lock requests and `localStorage` but lets `BroadcastChannel` work.
 */
function catchUnhandled(): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const onError = (event: ErrorEvent) => seen.push(String(event.error ?? event.message));
  const onRejection = (event: PromiseRejectionEvent) => {
    seen.push(String(event.reason));
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    seen,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** The most leaders at once, minute by minute over `ms`, the keep-alives sent meanwhile, and the leaders at its end. */
async function watchLeaders(world: TabWorld, ms: number): Promise<{ most: number; keepAlives: number; leaders: string[] }> {
  let most = 0;
  const keepAlives = world.server.counts.keepSessionAlive;
  for (let waited = 0; waited < ms; waited += MINUTE) {
    await world.advance(MINUTE);
    most = Math.max(most, world.leaders().length);
  }
  return { most, keepAlives: world.server.counts.keepSessionAlive - keepAlives, leaders: world.leaders().map((tab) => tab.id) };
}

describe('a site whose storage is blocked', () => {
  it('Firefox (no channel, no storage, no locks): the page checks the session, shows active, keeps it alive alone and says why once', async () => {
    const unhandled = catchUnhandled();
    const warnings: string[] = [];
    const coordinator = createTabCoordinator({ locks: refusedLocks(), BroadcastChannel: RefusedChannel, storage: null, warn: (message) => warnings.push(message) });
    const h = createHarness({ coordinator, keepAlive: 'always' });
    try {
      await h.start();
      await h.clock.advance(2 * SECOND);
      expect({ status: h.engine.state.status, leader: h.engine.state.leader, checks: h.server.counts.isSessionActive }).to.deep.equal({ status: 'active', leader: true, checks: 1 });
      await h.clock.advance(3 * HOUR);
      expect({ status: h.engine.state.status, alive: h.server.isActive() }, 'after 3 h of a busy user').to.deep.equal({ status: 'active', alive: true });
      expect(coordinator.mode).to.deep.equal({ election: 'solo', transport: 'none' });
      expect(warnings, 'told once, with the reason').to.have.length(1);
      expect(warnings[0]).to.match(/may not use BroadcastChannel or localStorage/);
      expect(unhandled.seen, 'nothing thrown at the page').to.deep.equal([]);
      // Once per page: a provider mounted again (a route change) or given a new client builds a new engine.
      const again = createHarness({ coordinator: createTabCoordinator({ locks: refusedLocks(), BroadcastChannel: RefusedChannel, storage: null, warn: (message) => warnings.push(message) }) });
      await again.start();
      again.engine.stop();
      expect(warnings, 'told once per page').to.have.length(1);
    } finally {
      h.engine.stop();
      unhandled.stop();
    }
  });

  it('a tab whose locks are refused beside tabs whose locks work (the site\'s cookies blocked after they opened): one leader, not two', async () => {
    const world = new TabWorld({ keepAlive: 'always' });
    world.open();
    world.open();
    await world.advance(3 * SECOND);
    (world.options as { locks?: unknown }).locks = 'refused';
    const late = world.open();
    await world.advance(3 * SECOND);
    expect(late.coordinator.mode?.election).to.equal('lease');
    let most = 0;
    const keepAlives = world.server.counts.keepSessionAlive;
    for (let minute = 0; minute < 4 * 60; minute += 1) {
      await world.advance(MINUTE);
      most = Math.max(most, world.leaders().length);
    }
    expect({ most, keepAlives: world.server.counts.keepSessionAlive - keepAlives }).to.deep.equal({ most: 1, keepAlives: 2 });
    world.closeAll();
  });

  // The other mix: tabs opened while the site's cookies were blocked run the lease, and one opened after they
  // were allowed again gets the lock. Before, both led: 4 keep-alives in 4 h where 2 were due.
  for (const [first, later] of [[true, true], [true, false], [false, true], [false, false]] as const) {
    it(`a lease tab leads first (${first ? 'visible' : 'hidden'}), a tab whose locks work opens later (${later ? 'visible' : 'hidden'}): one leader, also once both are flipped`, async () => {
      const world = new TabWorld({ keepAlive: 'always', locks: 'refused' });
      const lease = world.open({ visible: first });
      await world.advance(3 * SECOND);
      (world.options as { locks?: unknown }).locks = true;
      const locked = world.open({ visible: later });
      await world.advance(3 * SECOND);
      expect([lease.coordinator.mode?.election, locked.coordinator.mode?.election]).to.deep.equal(['lease', 'web-locks']);
      expect(await watchLeaders(world, 4 * HOUR)).to.deep.equal({ most: 1, keepAlives: 2, leaders: [locked.id] });
      world.setVisible(lease, !first);
      world.setVisible(locked, !later);
      await world.advance(5 * SECOND);
      expect(await watchLeaders(world, 2 * HOUR), 'once both are flipped').to.deep.equal({ most: 1, keepAlives: 1, leaders: [locked.id] });
      world.closeAll();
    });
  }

  it('the tab holding the lock closes: a tab queued for the lock leads, and once none is left the lease tab takes over', async () => {
    const world = new TabWorld({ keepAlive: 'always', locks: 'refused' });
    const lease = world.open();
    await world.advance(3 * SECOND);
    (world.options as { locks?: unknown }).locks = true;
    const locked = world.open();
    const queued = world.open({ visible: false });
    await world.advance(3 * SECOND);
    expect(world.leaders().map((tab) => tab.id)).to.deep.equal([locked.id]);
    world.close(locked);
    await world.advance(3 * SECOND);
    expect(world.leaders().map((tab) => tab.id), 'after the lock holder closed').to.deep.equal([queued.id]);
    const first = await watchLeaders(world, 3 * HOUR);
    world.close(queued);
    await world.advance(3 * SECOND);
    expect(world.leaders().map((tab) => tab.id), 'after the last lock tab closed').to.deep.equal([lease.id]);
    const second = await watchLeaders(world, 3 * HOUR);
    expect({ most: Math.max(first.most, second.most), keepAlives: first.keepAlives + second.keepAlives, alive: world.server.isActive() }, 'over 6 h').to.deep.equal({ most: 1, keepAlives: 3, alive: true });
    world.closeAll();
  });

  it('no channel but storage works: the tabs talk over storage events, one leader and one keep-alive for all', async () => {
    const world = new TabWorld({ transport: 'refused-channel', keepAlive: 'always' });
    const tabs = [world.open(), world.open(), world.open()];
    await world.advance(3 * SECOND);
    expect(tabs.map((tab) => tab.coordinator.mode?.transport)).to.deep.equal(['storage', 'storage', 'storage']);
    expect(world.leaders()).to.have.length(1);
    const keepAlives = world.server.counts.keepSessionAlive;
    await world.advance(2 * HOUR);
    expect(world.server.counts.keepSessionAlive - keepAlives, 'keep-alives in 2 h, three tabs').to.be.within(1, 2);
    world.closeAll();
  });

  it('Chromium (locks refused, channel works): one leader elected over the channel, not one per tab, and one keep-alive for all', async () => {
    const unhandled = catchUnhandled();
    const warnings: string[] = [];
    const world = new TabWorld({ locks: 'refused', keepAlive: 'always', warnings });
    try {
      const tabs = [world.open(), world.open(), world.open()];
      await world.advance(3 * SECOND);
      expect(world.leaders(), 'leaders').to.have.length(1);
      expect(tabs.map((tab) => tab.coordinator.mode?.election)).to.deep.equal(['lease', 'lease', 'lease']);
      const keepAlives = world.server.counts.keepSessionAlive;
      const checks = world.server.counts.isSessionActive;
      await world.advance(2 * HOUR);
      expect(world.server.counts.keepSessionAlive - keepAlives, 'keep-alives in 2 h, three tabs').to.be.within(1, 2);
      expect(world.server.counts.isSessionActive - checks, 'checks in 2 h, three tabs').to.be.below(12);
      // The leader's tab closes: another takes over and the session goes on.
      world.close(world.leaders()[0]);
      await world.advance(MINUTE);
      expect(world.leaders(), 'after the leader closed').to.have.length(1);
      await world.advance(2 * HOUR);
      expect(world.server.isActive(), 'the session after 4 h').to.equal(true);
      expect(warnings, 'nothing to tell: the tabs still coordinate').to.deep.equal([]);
      expect(unhandled.seen).to.deep.equal([]);
    } finally {
      world.closeAll();
      unhandled.stop();
    }
  });

  it('a sandboxed frame (an origin of its own: no channel, no storage): runs alone and says why once, also when started again', async () => {
    const warnings: string[] = [];
    const coordinator = createTabCoordinator({ BroadcastChannel: null, storage: null, locks: null, warn: (message) => warnings.push(message) });
    const h = createHarness({ coordinator });
    try {
      await h.start();
      h.engine.stop();
      h.engine.start();
      await h.clock.advance(2 * SECOND);
      expect(h.engine.state.leader).to.equal(true);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/origin of its own .*cannot hear other tabs/);
    } finally {
      h.engine.stop();
    }
  });
});
