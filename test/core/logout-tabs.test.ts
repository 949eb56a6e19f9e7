import { expect } from '@open-wc/testing';
import { MINUTE, SECOND } from './support/harness.js';
import { TabWorld } from './support/tab-world.js';

/** Lets `promise` settle while simulated time passes. */
async function settle<T>(world: TabWorld, promise: Promise<T>): Promise<T> {
  let done = false;
  const result = promise.finally(() => (done = true));
  for (let i = 0; i < 100 && !done; i += 1) await world.advance(100);
  return result;
}

describe('a logout the user asked for, across tabs', () => {
  it('B owes a failed logout; its user signs in again as another account: no other tab sends that logout during the sign-in', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.server.online = false;
    await b.engine.logout().catch(() => undefined);
    await world.advance(SECOND);
    expect(a.engine.logoutPending, 'tab a owes it too').to.equal(true);
    world.server.online = true;
    // "Use another account": the pre-sign-in logout ends the session the user asked to leave.
    await settle(world, b.engine.beginReauth());
    const logouts = world.server.counts.logout;
    await world.advance(10 * SECOND);
    expect(world.server.counts.logout - logouts, 'logouts sent while the user signs in').to.equal(0);
    expect([a.engine.logoutPending, b.engine.state.status]).to.deep.equal([false, 'reauthenticating']);
    for (const tab of world.tabs) tab.client.userId = 'user-b';
    world.server.signIn();
    await settle(world, b.engine.completeReauth());
    await world.advance(2 * SECOND);
    expect([a.engine.state.status, b.engine.state.status, world.server.isActive()]).to.deep.equal(['active', 'active', true]);
    world.closeAll();
  });

  it('the user presses Sign out and the tab is closed before the server answers: another tab finishes the logout', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.server.hangNext = 1;
    void b.engine.logout().catch(() => undefined);
    await world.advance(300);
    world.kill(b);
    await world.advance(5 * MINUTE);
    expect([world.server.isActive(), a.engine.state.status], 'server session alive, tab a').to.deep.equal([false, 'signed-out']);
    expect(world.server.counts.logout, 'logouts: the lost one, and tab a\'s').to.equal(2);
    world.closeAll();
  });

  it('an owed logout is sent once when the network comes back, not once per tab', async () => {
    const world = new TabWorld();
    const tabs = [world.open(), world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.server.online = false;
    await tabs[1]!.engine.logout().catch(() => undefined);
    await world.advance(SECOND);
    expect(tabs.map((tab) => tab.engine.logoutPending)).to.deep.equal([true, true, true]);
    const before = world.server.counts.logout;
    world.server.online = true;
    for (const tab of tabs) tab.environment.window.dispatchEvent(new Event('online'));
    await world.advance(10 * SECOND);
    expect(world.server.counts.logout - before, 'logouts after the network came back').to.equal(1);
    expect(tabs.map((tab) => tab.engine.state.status)).to.deep.equal(['signed-out', 'signed-out', 'signed-out']);
    expect(tabs.map((tab) => tab.engine.logoutPending)).to.deep.equal([false, false, false]);
    world.closeAll();
  });
});
