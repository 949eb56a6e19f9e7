import { expect } from '@open-wc/testing';
import { DEFAULT_CHANNEL_NAME } from '../../src/core/tabs/tab-coordinator.js';
import { encode } from '../../src/core/tabs/wire.js';
import { HOUR, SECOND, userActs } from './support/harness.js';
import { TabWorld, type Tab } from './support/tab-world.js';

const MINUTE = 60 * SECOND;

/** The `leader` messages `tab` posted over the world's channel since `from` (an index into its log). */
function announcements(world: TabWorld, tab: Tab, from = 0): number {
  return world.channels.log.slice(from).filter((line) => {
    const data = JSON.parse(line) as { from: string; channel: string; message: { type: string } };
    return data.from === tab.id && data.channel === 'election' && data.message.type === 'leader';
  }).length;
}

/**
 * Without Web Locks the leader's heartbeat is how other tabs of an earlier version learn it is gone: fast for a
 * visible one, slowly for a hidden one (a hidden tab's timers may be throttled to once a minute anyway). Tabs of
 * this version need none: each asks its leader whenever news it owed is late, and leads if no answer comes.
 */
describe('without Web Locks: the leader beats only as often as its followers need', () => {
  it('a lone visible tab sends no heartbeat', async () => {
    const world = new TabWorld({ locks: false });
    const tab = world.open();
    await world.advance(3 * SECOND);
    expect(world.leaders()).to.deep.equal([tab]);
    const mark = world.channels.log.length;
    await world.advance(HOUR);
    expect(announcements(world, tab, mark), 'heartbeats in an hour alone').to.equal(0);
    world.closeAll();
    await world.advance(SECOND);
    expect(world.leaks()).to.deep.equal({ timers: 0, listeners: 0, locks: 0, channels: 0 });
  });

  it('a visible leader sends no heartbeat to a tab that asks when it needs it, hidden or shown beside it', async () => {
    const world = new TabWorld({ locks: false });
    const leader = world.open();
    await world.advance(3 * SECOND);
    const other = world.open({ visible: false });
    await world.advance(3 * SECOND);
    expect(world.leaders()).to.deep.equal([leader]);
    let mark = world.channels.log.length;
    await world.advance(HOUR);
    expect(announcements(world, leader, mark), 'heartbeats in an hour with a hidden follower').to.equal(0);

    world.setVisible(other, true); // two windows side by side: it asks, and the leader answers once
    await world.advance(SECOND);
    expect(world.leaders(), 'the shown tab heard its leader').to.deep.equal([leader]);
    mark = world.channels.log.length;
    await world.advance(HOUR);
    expect(announcements(world, leader, mark), 'heartbeats in an hour with a visible follower').to.equal(0);
    expect(world.leaders()).to.deep.equal([leader]);
    world.closeAll();
    await world.advance(SECOND);
    expect(world.leaks()).to.deep.equal({ timers: 0, listeners: 0, locks: 0, channels: 0 });
  });

  it('a hidden tab of an earlier version, which asks for nothing, keeps the slow heartbeat it relies on', async () => {
    const world = new TabWorld({ locks: false });
    const leader = world.open();
    await world.advance(3 * SECOND);
    world.channels.inject(DEFAULT_CHANNEL_NAME, encode('old-tab', { channel: 'election', message: { type: 'follower', visible: false } }));
    await world.advance(SECOND);
    const mark = world.channels.log.length;
    await world.advance(HOUR);
    expect(announcements(world, leader, mark), 'heartbeats in an hour').to.be.within(60, 80);
    world.closeAll();
  });

  it('a hidden tab that asks its live leader about a late extension hears it answer, and does not take the lead', async () => {
    const world = new TabWorld({ locks: false, keepAlive: 'always' });
    const leader = world.open();
    await world.advance(3 * SECOND);
    const hidden = world.open({ visible: false });
    await world.advance(10 * SECOND);
    const expiresAt = leader.engine.state.expiresAt!;
    const extendAt = expiresAt - leader.engine.options.refreshBefore * 1000;
    await world.advance(extendAt - 5 * SECOND - world.clock.now());
    world.server.latencyMs = 3 * SECOND; // the leader's extension is on its way, but later than the hidden tab's grace
    const leads = world.watchLeads([hidden]);
    const mark = world.channels.log.length;
    await world.advance(10 * SECOND);
    expect(leads, 'the hidden tab asked and heard its leader').to.deep.equal([]);
    const asked = world.channels.log.slice(mark).filter((line) => {
      const data = JSON.parse(line) as { from: string; message: { type: string } };
      return data.from === hidden.id && data.message.type === 'follower';
    }).length;
    expect(asked, 'it asked once, not again and again while the news was on its way').to.equal(1);
    expect(world.leaders()).to.deep.equal([leader]);
    expect(hidden.engine.state.expiresAt, 'the leader extended, and the hidden tab heard it').to.be.greaterThan(expiresAt);
    world.closeAll();
  });

  it('a tab of an earlier version that the quiet leader never heard of ends up following it', async () => {
    const world = new TabWorld({ locks: false });
    const leader = world.open();
    await world.advance(3 * SECOND);
    // The earlier version's tab heard the leader say `slow` (it reads no `quiet`): after 150 s it claims the lead.
    const old = (message: object) => world.channels.inject(DEFAULT_CHANNEL_NAME, encode('zz-old-tab', { channel: 'election', message: message as never }));
    old({ type: 'leader', visible: true, beat: 'fast' });
    await world.advance(SECOND);
    expect(world.leaders(), 'the leader that outranks it stays').to.deep.equal([leader]);
    old({ type: 'follower', visible: false }); // it follows, as that version does, and says so
    await world.advance(SECOND);
    const mark = world.channels.log.length;
    await world.advance(10 * MINUTE);
    expect(announcements(world, leader, mark), 'heartbeats for it in 10 minutes').to.be.within(10, 14);
    world.closeAll();
  });

  it('a tab shown beside a visible leader and another visible tab hears the leader answer, and does not take the lead', async () => {
    for (const offset of [0, 300, 700, 1100, 1500, 1900]) {
      const world = new TabWorld({ locks: false });
      const leader = world.open();
      await world.advance(3 * SECOND);
      const [visible, hidden] = [world.open(), world.open({ visible: false })];
      await world.advance(10 * SECOND + offset);
      const leads = world.watchLeads([leader, visible, hidden]);
      world.setVisible(hidden, true);
      await world.advance(5 * SECOND);
      expect(leads, `no other tab took the lead (shown ${offset} ms into a beat)`).to.deep.equal([]);
      expect(world.leaders()).to.deep.equal([leader]);
      world.closeAll();
    }
  });

  it('a hidden tab shown after its visible leader crashed leads within a second', async () => {
    const world = new TabWorld({ locks: false });
    const leader = world.open();
    await world.advance(3 * SECOND);
    const other = world.open({ visible: false });
    await world.advance(10 * SECOND);
    world.kill(leader);
    await world.advance(SECOND);
    world.setVisible(other, true); // the user leaves the crashed tab for this one
    await world.advance(900);
    expect(world.leaders(), 'the shown tab leads').to.deep.equal([other]);
    world.closeAll();
  });

  it('hidden tabs take over a crashed leader at the extension it owed though none is shown, and keep the session alive', async () => {
    const world = new TabWorld({ locks: false, keepAlive: 'always' });
    const leader = world.open();
    await world.advance(3 * SECOND);
    const [b, c] = [world.open({ visible: false }), world.open({ visible: false })];
    await world.advance(MINUTE);
    const extendAt = b.engine.state.expiresAt! - b.engine.options.refreshBefore * 1000;
    world.kill(leader);
    await world.advance(extendAt + 2 * SECOND - world.clock.now());
    expect(world.leaders(), 'one hidden tab leads, by the extension the leader owed').to.have.length(1);
    await world.advance(3 * HOUR);
    expect(world.server.isActive()).to.equal(true);
    for (const tab of [b, c]) expect(tab.engine.state.status).to.equal('active');
    world.closeAll();
  });

  it('a visible follower takes over a crashed visible leader at the warning it was owed, and warns in time', async () => {
    const world = new TabWorld({ locks: false });
    const leader = world.open();
    await world.advance(3 * SECOND);
    const other = world.open();
    await world.advance(10 * SECOND);
    const warnAt = leader.engine.state.expiresAt! - leader.engine.options.warnBefore * 1000;
    await world.advance(warnAt - 30 * SECOND - world.clock.now());
    world.kill(leader); // 30 s before the warning: inside any lease
    await world.advance(30 * SECOND + 2_500);
    expect(world.leaders(), 'the visible tab leads').to.deep.equal([other]);
    expect(other.engine.state.status, 'and warns').to.equal('expiring');
    world.closeAll();
  });

  it('a visible follower whose user is active takes over a crashed leader when the extension was owed, and the session lives on', async () => {
    const world = new TabWorld({ locks: false });
    const leader = world.open();
    await world.advance(3 * SECOND);
    const other = world.open();
    await world.advance(10 * SECOND);
    const expiresAt = leader.engine.state.expiresAt!;
    const extendAt = expiresAt - leader.engine.options.refreshBefore * 1000;
    await world.advance(extendAt - 20 * SECOND - world.clock.now());
    world.kill(leader);
    userActs(other.environment); // the user works in the other window
    await world.advance(20 * SECOND + 2_500);
    expect(world.leaders(), 'the visible tab leads').to.deep.equal([other]);
    expect(other.engine.state.expiresAt, 'it extended the session').to.be.greaterThan(expiresAt);
    expect(other.engine.state.status).to.equal('active');
    world.closeAll();
  });

  it('two visible tabs keep a 1-minute session alive for 10 minutes when the leader crashes', async () => {
    const world = new TabWorld({ locks: false, keepAlive: 'always', sessionLength: 60 });
    const leader = world.open();
    await world.advance(3 * SECOND);
    const other = world.open();
    await world.advance(20 * SECOND);
    world.kill(leader);
    await world.advance(10 * MINUTE);
    expect(world.leaders(), 'the other tab leads').to.deep.equal([other]);
    expect(world.server.isActive(), 'the server still holds the session').to.equal(true);
    expect(other.engine.state.status).to.equal('active');
    world.closeAll();
  });

  it('a tab of an earlier version, which only says hello, keeps the 2 s heartbeat it relies on', async () => {
    const world = new TabWorld({ locks: false });
    const leader = world.open();
    await world.advance(3 * SECOND);
    world.channels.inject(DEFAULT_CHANNEL_NAME, encode('old-tab', { channel: 'election', message: { type: 'hello' } }));
    await world.advance(SECOND);
    const mark = world.channels.log.length;
    await world.advance(MINUTE);
    expect(announcements(world, leader, mark), 'heartbeats in a minute').to.be.within(28, 32);
    world.closeAll();
  });

  it('a leader that hears a follower it did not know (a lost report) comes back to one leader', async () => {
    const world = new TabWorld({ locks: false });
    const leader = world.open();
    await world.advance(3 * SECOND);
    world.channels.dropNext = 1; // the new tab's hello is lost: the leader does not know it
    const other = world.open();
    await world.advance(10 * SECOND);
    expect(world.leaders(), 'one leader').to.have.length(1);
    const [now] = world.leaders();
    await world.advance(10 * MINUTE);
    expect(world.leaders(), 'the same one leader, 10 minutes on').to.deep.equal([now]);
    expect([leader, other]).to.include(now);
    world.closeAll();
  });
});

describe('without Web Locks: a page that goes (pagehide) hands over at once', () => {
  it('a leader tab the browser closes hands its lead to a hidden tab within a second, not a lease later', async () => {
    const world = new TabWorld({ locks: false });
    const leader = world.open();
    await world.advance(3 * SECOND);
    const other = world.open({ visible: false });
    await world.advance(10 * SECOND);
    // Closing a tab runs no engine's stop: the page is hidden, gets `pagehide`, and is gone.
    world.setVisible(leader, false);
    leader.environment.window.dispatchEvent(new Event('pagehide'));
    world.kill(leader);
    await world.advance(SECOND);
    expect(world.leaders(), 'the hidden tab leads').to.deep.equal([other]);
    world.closeAll();
  });

  it('a leader that goes into the back-forward cache and comes back follows the tab that led meanwhile', async () => {
    const world = new TabWorld({ locks: false });
    const first = world.open();
    await world.advance(3 * SECOND);
    const second = world.open({ visible: false });
    await world.advance(10 * SECOND);
    world.setVisible(first, false);
    first.environment.window.dispatchEvent(new Event('pagehide'));
    await world.advance(SECOND);
    expect(first.engine.state.leader, 'the cached page no longer leads').to.equal(false);
    expect(world.leaders()).to.deep.equal([second]);
    await world.advance(MINUTE);
    first.environment.window.dispatchEvent(new Event('pageshow'));
    world.setVisible(first, true);
    await world.advance(2 * SECOND);
    expect(world.leaders(), 'one leader, the visible tab').to.deep.equal([first]);
    world.closeAll();
    await world.advance(SECOND);
    expect(world.leaks()).to.deep.equal({ timers: 0, listeners: 0, locks: 0, channels: 0 });
  });
});

describe('without Web Locks: 1-minute sessions outlive their leader', () => {
  for (const how of ['closes (pagehide)', 'crashes, and the hidden tab is shown 5 s later'] as const) {
    it(`a 1-minute session stays alive for 10 minutes when its leader ${how}`, async () => {
      const world = new TabWorld({ locks: false, keepAlive: 'always', sessionLength: 60 });
      const leader = world.open();
      await world.advance(3 * SECOND);
      const other = world.open({ visible: false });
      await world.advance(20 * SECOND);
      if (how === 'closes (pagehide)') {
        world.setVisible(leader, false);
        leader.environment.window.dispatchEvent(new Event('pagehide'));
        world.kill(leader);
      } else {
        world.kill(leader);
        await world.advance(5 * SECOND);
        world.setVisible(other, true);
      }
      await world.advance(10 * MINUTE);
      expect(world.leaders(), 'the other tab leads').to.deep.equal([other]);
      expect(world.server.isActive(), 'the server still holds the session').to.equal(true);
      expect(other.engine.state.status).to.equal('active');
      world.closeAll();
    });
  }
});
