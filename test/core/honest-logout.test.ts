import { expect } from '@open-wc/testing';
import { LogoutFailedError } from '../../src/core/errors.js';
import { createHarness, MINUTE, SECOND } from './support/harness.js';
import { TabWorld } from './support/tab-world.js';

describe('honest logout', () => {
  it('a logout that fails offline keeps the session, reports the error, rejects logout() and finishes once the network is back', async () => {
    const h = createHarness();
    await h.start();
    h.server.online = false;
    const failure = await h.engine.logout().catch((error) => error);
    expect(failure).to.be.instanceOf(LogoutFailedError);
    expect(failure.message).to.match(/not signed out/i);
    expect(h.engine.state.status).to.equal('active');
    expect(h.fired['signed-out'] ?? 0).to.equal(0);
    expect(h.fired.error).to.equal(1);
    expect(h.server.isActive()).to.equal(true);
    await h.clock.advance(5 * MINUTE);
    expect(h.fired['signed-out'] ?? 0).to.equal(0);
    h.server.online = true;
    h.environment.window.dispatchEvent(new Event('online'));
    await h.clock.advance(SECOND);
    expect(h.engine.state.status).to.equal('signed-out');
    expect(h.server.isActive()).to.equal(false);
    h.engine.stop();
    await h.clock.advance(SECOND);
    expect(h.clock.pendingTimers).to.equal(0);
  });

  it('an owed logout is retried on its own, without an online event, with bounded backoff', async () => {
    const h = createHarness();
    await h.start();
    h.server.online = false;
    await h.engine.logout().catch(() => undefined);
    await h.clock.advance(60 * MINUTE);
    // Backoff capped at a minute: at most ~60 attempts an hour.
    expect(h.server.counts.logout).to.be.within(2, 70);
    h.server.online = true;
    await h.clock.advance(2 * MINUTE);
    expect(h.engine.state.status).to.equal('signed-out');
    expect(h.server.isActive()).to.equal(false);
    h.engine.stop();
  });

  it('other tabs do not show signed-out while the logout has not reached the server', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.server.online = false;
    await b.engine.logout().catch(() => undefined);
    await world.advance(SECOND);
    expect([a.engine.state.status, b.engine.state.status]).to.not.include('signed-out');
    world.server.online = true;
    b.environment.window.dispatchEvent(new Event('online'));
    await world.advance(2 * SECOND);
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['signed-out', 'signed-out']);
    world.closeAll();
  });
});

describe('honest logout across tabs', () => {
  it('the user signs out offline and closes that tab: another tab finishes the logout once the network is back', async () => {
    const world = new TabWorld({ keepAlive: 'always' });
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.server.online = false;
    const outcome = a.engine.logout().then(() => 'ok', (error: Error) => error.name);
    await world.advance(5 * SECOND);
    expect(await outcome).to.equal('LogoutFailedError');
    expect(b.engine.logoutPending, 'the other tab owes it too').to.equal(true);
    expect(b.engine.state.status, 'and shows nothing it cannot know yet').to.equal('active');
    world.close(a);
    world.server.online = true;
    b.environment.window.dispatchEvent(new Event('online'));
    await world.advance(4 * 60 * MINUTE);
    expect([world.server.isActive(), b.engine.state.status], 'server session alive, tab b').to.deep.equal([false, 'signed-out']);
    expect(world.server.counts.keepSessionAlive, 'no keep-alive after the sign-out').to.equal(0);
    world.closeAll();
  });
});
