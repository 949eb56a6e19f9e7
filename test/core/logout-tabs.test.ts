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

  it('a tab frozen while the user signed out and signed in again resumes without logging the new session out', async () => {
    const world = new TabWorld();
    const [a, b, c] = [world.open(), world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.freeze(c);
    await settle(world, a.engine.logout());
    await world.advance(2 * SECOND);
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['signed-out', 'signed-out']);
    world.server.signIn();
    a.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
    await world.advance(5 * SECOND);
    expect(a.engine.state.status, 'a after signing in again').to.equal('active');
    const logouts = world.server.counts.logout;
    // Tab c hears "logout owed" and "signed out" only now, in that order.
    world.resume(c);
    await world.advance(30 * SECOND);
    expect(world.server.counts.logout - logouts, 'logouts after tab c resumed').to.equal(0);
    expect([world.server.isActive(), c.engine.logoutPending, c.engine.state.status]).to.deep.equal([true, false, 'active']);
    world.closeAll();
  });

  it('two tabs press Sign out at once: one logout reaches the server, both resolve', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    const results = await settle(world, Promise.allSettled([a.engine.logout(), b.engine.logout()]));
    await world.advance(10 * SECOND);
    expect(results.map((result) => result.status)).to.deep.equal(['fulfilled', 'fulfilled']);
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['signed-out', 'signed-out']);
    expect(world.server.counts.logout, 'logouts').to.equal(1);
    world.closeAll();
  });

  it('with requestTimeout 60 s a hung logout is waited for, not overlapped: the user hears it failed, one retry finishes it', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    for (const tab of world.tabs) tab.engine.setOptions({ requestTimeout: 60 });
    await world.advance(2 * SECOND);
    world.server.hangNext = 1;
    let result = 'pending';
    void a.engine.logout().then(() => (result = 'ok'), (error: Error) => (result = error.name));
    // Tab b owes it too and tries within seconds, but the lock is a's until its call times out.
    for (let s = 1; s <= 59; s += 1) await world.advance(SECOND);
    expect([world.server.counts.logout, result], 'logouts sent and the result, 59 s in').to.deep.equal([1, 'pending']);
    for (let s = 1; s <= 4 * 60; s += 1) await world.advance(SECOND);
    expect(result, "a's logout() once its call timed out").to.equal('LogoutFailedError');
    expect([world.server.counts.logout, world.server.isActive()], 'logouts sent, server session').to.deep.equal([2, false]);
    expect([a, b].map((tab) => [tab.engine.state.status, tab.engine.logoutPending])).to.deep.equal([['signed-out', false], ['signed-out', false]]);
    world.closeAll();
  });

  it('without Web Locks (the heartbeat lease), Sign out with a quick answer sends one logout and signs every tab out', async () => {
    const world = new TabWorld({ locks: false });
    const tabs = [world.open(), world.open(), world.open()];
    await world.advance(3 * SECOND);
    await settle(world, tabs[1]!.engine.logout());
    await world.advance(10 * SECOND);
    expect(tabs.map((tab) => [tab.engine.state.status, tab.engine.logoutPending])).to.deep.equal([['signed-out', false], ['signed-out', false], ['signed-out', false]]);
    expect(world.server.counts.logout).to.equal(1);
    world.closeAll();
  });

  it("a forged \"signed out\" does not pay the logout the pressing tab owes: only the server's answer does", async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.server.online = false;
    await b.engine.logout().catch(() => undefined);
    const envelope = { app: 'para-session-kit', v: 1, from: 'hostile', channel: 'session', message: { type: 'signed-out' } };
    world.channels.inject(world.channelNames[0]!, envelope);
    await world.advance(SECOND);
    expect([a.engine.logoutPending, b.engine.logoutPending], 'owed in a (heard of), in b (pressed there)').to.deep.equal([false, true]);
    world.server.online = true;
    b.environment.window.dispatchEvent(new Event('online'));
    await world.advance(10 * SECOND);
    expect([world.server.isActive(), a.engine.state.status, b.engine.state.status]).to.deep.equal([false, 'signed-out', 'signed-out']);
    world.closeAll();
  });
});

