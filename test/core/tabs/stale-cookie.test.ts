import { expect } from '@open-wc/testing';
import { MINUTE, SECOND } from '../support/harness.js';
import { TabWorld, type Tab } from '../support/tab-world.js';

/**
 * The SDK stores the cookie of every answer in storage all tabs share. A check another tab sent just before the
 * leader's extension, answered just after it, stores the cookie from before: an older copy, with the old end.
 */
function answersWithCookieFromBefore(world: TabWorld, tab: Tab, lateByMs: number): void {
  const jar = world['jars'][0];
  const ask = tab.client.isSessionActive.bind(tab.client);
  tab.client.isSessionActive = () => {
    const carried = jar.cookie;
    return ask().then((answer) => new Promise<boolean>((resolve) => world.clock.deliverAfter(() => {
      jar.cookie = carried;
      resolve(answer);
    }, lateByMs)));
  };
}

describe('an older cookie stored after an extension', () => {
  it('costs no second keep-alive, and no tab shows the old end', async () => {
    const world = new TabWorld({ keepAlive: 'always' });
    const leader = world.open();
    const other = world.open({ visible: false });
    await world.advance(2 * SECOND);
    expect(leader.engine.state.leader).to.equal(true);
    // 2-hour sessions extended 5 minutes before the end.
    const due = world.server.expiresAt! - 5 * MINUTE;
    await world.advance(due - world.clock.serverNow() - 500);
    answersWithCookieFromBefore(world, other, 1_500);
    other.environment.document.setVisible(true);
    await world.advance(5 * SECOND);
    expect(world.server.counts.keepSessionAlive).to.equal(1);
    await world.advance(10 * MINUTE);
    expect(world.server.counts.keepSessionAlive, 'the session was extended 10 minutes ago for 2 hours').to.equal(1);
    for (const tab of [leader, other]) {
      expect(tab.engine.state.status, tab.id).to.equal('active');
      expect(tab.engine.state.expiresAt, tab.id).to.be.closeTo(world.server.expiresAt!, SECOND);
    }
    world.closeAll();
  });

  it('also when that tab answers before the news of the extension reaches it, and tells the leader the old end', async () => {
    const world = new TabWorld({ keepAlive: 'always' });
    const leader = world.open();
    const other = world.open({ visible: false });
    await world.advance(2 * SECOND);
    const due = world.server.expiresAt! - 5 * MINUTE;
    await world.advance(due - world.clock.serverNow() - 500);
    // Messages between tabs slow (busy processes): the other tab's own late answer comes first.
    world.channels.latencyMs = 3_000;
    answersWithCookieFromBefore(world, other, 1_000);
    other.environment.document.setVisible(true);
    await world.advance(10 * SECOND);
    world.channels.latencyMs = 1;
    await world.advance(10 * MINUTE);
    expect(world.server.counts.keepSessionAlive, 'the session was extended 10 minutes ago for 2 hours').to.equal(1);
    for (const tab of [leader, other]) expect(tab.engine.state.expiresAt, tab.id).to.be.closeTo(world.server.expiresAt!, SECOND);
    world.closeAll();
  });
});

