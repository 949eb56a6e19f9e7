import { expect } from '@open-wc/testing';
import { HOUR, SECOND } from '../support/harness.js';
import { TabWorld, type Tab } from '../support/tab-world.js';

const ids = (tabs: Tab[]) => tabs.map((tab) => tab.id);

/** What the browser does to a leader the user leaves: hidden, then `pagehide` (back-forward cache) or `freeze`, then nothing runs. */
function leave(world: TabWorld, tab: Tab, how: 'bfcache' | 'frozen'): void {
  world.setVisible(tab, false);
  if (how === 'bfcache') tab.environment.window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }));
  else tab.environment.document.dispatchEvent(new Event('freeze'));
  world.freeze(tab);
}

function comeBack(world: TabWorld, tab: Tab, how: 'bfcache' | 'frozen'): void {
  world.resume(tab);
  if (how === 'bfcache') tab.environment.window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
  else tab.environment.document.dispatchEvent(new Event('resume'));
  world.setVisible(tab, true);
}

describe('with Web Locks: a leader in the back-forward cache or frozen hands over at once', () => {
  for (const [how, locks] of [['bfcache', true], ['frozen', true], ['frozen', false]] as const) {
    it(`${how}${locks ? '' : ', without Web Locks (the lease)'}: the visible tab leads within a second and keeps the session alive; back, one leader`, async () => {
      const world = new TabWorld({ keepAlive: 'always', locks });
      const a = world.open();
      await world.advance(3 * SECOND);
      const b = world.open();
      await world.advance(10 * SECOND);
      expect(ids(world.leaders()), 'before').to.deep.equal(['tab-1']);
      // Frozen at once: the leader's one-second "hidden" notice never goes out.
      leave(world, a, how);
      await world.advance(SECOND);
      expect(ids(world.leaders().filter((tab) => tab !== a)), 'leading while tab-1 is gone').to.deep.equal(['tab-2']);
      const extensions = world.server.counts.keepSessionAlive;
      await world.advance(2 * HOUR);
      expect(world.server.isActive(), 'the session, two hours on').to.equal(true);
      expect(b.engine.state.status).to.equal('active');
      expect(world.server.counts.keepSessionAlive - extensions, 'keep-alives in those two hours').to.be.greaterThan(0);
      comeBack(world, a, how);
      await world.advance(5 * SECOND);
      expect(ids(world.leaders()), 'one leader once tab-1 is back').to.have.length(1);
      world.closeAll();
      await world.advance(SECOND);
      expect(world.leaks()).to.deep.equal({ timers: 0, listeners: 0, locks: 0, channels: 0 });
    });
  }

  it('a hidden follower frozen with its lock request queued is not handed the lead while frozen', async () => {
    const world = new TabWorld();
    const a = world.open();
    await world.advance(3 * SECOND);
    const b = world.open({ visible: false });
    const c = world.open({ visible: false });
    await world.advance(10 * SECOND);
    b.environment.document.dispatchEvent(new Event('freeze'));
    world.freeze(b);
    world.close(a);
    await world.advance(2 * SECOND);
    expect(ids(world.leaders().filter((tab) => tab !== b)), 'the tab that can run leads').to.deep.equal([c.id]);
    expect(b.engine.state.leader, 'the frozen tab').to.equal(false);
    world.closeAll();
  });
});

describe('a tab frozen with a request in flight keeps its task lock: no other tab waits for it', () => {
  function freezeAt(world: TabWorld, tab: Tab): void {
    world.setVisible(tab, false);
    tab.environment.document.dispatchEvent(new Event('freeze'));
    world.freeze(tab);
  }

  it('a keep-alive in flight: "Stay signed in" in the tab the user went to takes effect at once, 25 s before the end', async () => {
    const world = new TabWorld({ keepAlive: 'activity', sessionLength: 600 });
    const a = world.open();
    await world.advance(3 * SECOND);
    const b = world.open({ visible: false });
    await world.advance(10 * SECOND);
    world.server.hangNext = 1;
    void a.engine.extend();
    await world.advance(100);
    freezeAt(world, a);
    world.setVisible(b, true);
    await world.advance(2 * SECOND);
    expect(ids(world.leaders().filter((tab) => tab !== a)), 'leading while tab-1 is frozen').to.deep.equal(['tab-2']);
    await world.advance(world.server.expiresAt! - 25 * SECOND - world.clock.now());
    expect(b.engine.state.status, 'tab-2, 25 s before the end').to.equal('expiring');
    const started = world.clock.now();
    let took = -1;
    void b.engine.extend().then(() => (took = world.clock.now() - started));
    for (let i = 0; i < 40 && took < 0; i += 1) await world.advance(SECOND);
    expect([world.server.isActive(), b.engine.state.status], 'server session, tab-2').to.deep.equal([true, 'active']);
    expect(took, 'ms until "Stay signed in" took effect').to.be.within(0, 2 * SECOND);
    world.closeAll();
  });

  it('a logout in flight: the tab the user goes to ends the session within seconds, not after the logout timeout', async () => {
    const world = new TabWorld();
    const a = world.open();
    await world.advance(3 * SECOND);
    const b = world.open({ visible: false });
    await world.advance(10 * SECOND);
    world.server.hangNext = 1;
    void a.engine.logout().catch(() => undefined);
    await world.advance(300);
    freezeAt(world, a);
    world.setVisible(b, true);
    const started = world.clock.now();
    let ended = -1;
    for (let i = 0; i < 60 && ended < 0; i += 1) {
      await world.advance(SECOND);
      if (!world.server.isActive()) ended = world.clock.now() - started;
    }
    expect(ended, 'ms until the server session ended').to.be.within(0, 10 * SECOND);
    expect(b.engine.state.status).to.equal('signed-out');
    world.closeAll();
  });
});

