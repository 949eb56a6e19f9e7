import { expect } from '@open-wc/testing';
import { LogoutFailedError } from '../../src/core/errors.js';
import { createHarness, MINUTE, SECOND, type Harness } from './support/harness.js';
import { TabWorld } from './support/tab-world.js';

/**
 * The server decides its answer now; the answer reaches the tab `ms` later (a slow network): what a tab
 * hears may be older than what it did since.
 */
function answersLate(h: Harness, ms: number): void {
  const { client, server, clock } = h;
  client.isSessionActive = () => {
    server.counts.isSessionActive += 1;
    const active = server.isActive();
    return new Promise((resolve) => clock.setTimeout(() => resolve(active), ms));
  };
  client.keepSessionAlive = () => {
    server.counts.keepSessionAlive += 1;
    const extended = server.isActive();
    if (extended) server.expiresAt = clock.serverNow() + server.sessionLengthMs;
    return new Promise((resolve) => clock.setTimeout(() => resolve(extended), ms));
  };
}

/** Lets simulated time pass until `promise` settles (the fake server answers only as time passes). */
async function settle<T>(time: { advance(ms: number): Promise<void> }, promise: Promise<T>, limitMs = 10 * SECOND): Promise<T> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let waited = 0; !done && waited < limitMs; waited += 100) await time.advance(100);
  return promise;
}

describe('logout races', () => {
  it('a check answered "active" before the user signed out does not bring the session back when it arrives after', async () => {
    const h = createHarness();
    await h.start();
    answersLate(h, 800);
    const checking = h.engine.check();
    await h.clock.advance(100);
    await h.engine.logout();
    expect(h.engine.state.status).to.equal('signed-out');
    await h.clock.advance(2 * SECOND);
    await checking;
    expect(h.engine.state.status).to.equal('signed-out');
    expect(h.engine.state.expiresAt).to.equal(null);
    h.engine.stop();
  });

  it('a keep-alive answered before the user signed out does not bring the session back either', async () => {
    const h = createHarness();
    await h.start();
    answersLate(h, 800);
    const extending = h.engine.extend();
    await h.clock.advance(100);
    await h.engine.logout();
    await h.clock.advance(2 * SECOND);
    expect(await extending).to.equal(false);
    expect(h.engine.state.status).to.equal('signed-out');
    expect(h.fired.extended ?? 0).to.equal(0);
    h.engine.stop();
  });

  it('a logout owed from offline does not sign out a user who signed in again since', async () => {
    const h = createHarness();
    await h.start();
    h.server.online = false;
    await h.engine.logout().catch(() => undefined);
    expect(h.engine.logoutPending).to.equal(true);
    // The network is back without an `online` event (a server outage, not the browser's); the session
    // expired meanwhile and the user signs in again before the owed retry's timer fires.
    h.server.online = true;
    h.server.revoke();
    await settle(h.clock, h.engine.check());
    expect(h.engine.state.status).to.not.equal('active');
    if (h.engine.state.status !== 'signed-out') {
      await settle(h.clock, h.engine.beginReauth());
      h.server.signIn();
      await settle(h.clock, h.engine.completeReauth());
    } else {
      h.server.signIn();
      await settle(h.clock, h.engine.check());
    }
    expect(h.engine.state.status).to.equal('active');
    expect(h.engine.logoutPending).to.equal(false);
    const logouts = h.server.counts.logout;
    await h.clock.advance(10 * MINUTE);
    expect(h.server.counts.logout).to.equal(logouts);
    expect(h.engine.state.status).to.equal('active');
    expect(h.server.isActive()).to.equal(true);
    h.engine.stop();
  });

  it('re-authenticating ends a logout owed from offline: the pre-sign-in logout did what it owed', async () => {
    const h = createHarness();
    await h.start();
    h.server.online = false;
    await h.engine.logout().catch(() => undefined);
    h.server.online = true;
    await settle(h.clock, h.engine.beginReauth());
    expect(h.engine.logoutPending).to.equal(false);
    h.server.signIn();
    await settle(h.clock, h.engine.completeReauth());
    await h.clock.advance(10 * MINUTE);
    expect(h.engine.state.status).to.equal('active');
    expect(h.server.isActive()).to.equal(true);
    h.engine.stop();
  });

  it('a tab that owes a logout and hears another tab sign in again stops owing it', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.server.online = false;
    await a.engine.logout().catch(() => undefined);
    expect(a.engine.logoutPending).to.equal(true);
    // Back online (no event); the session expired; tab B re-authenticates.
    world.server.online = true;
    world.server.revoke();
    await settle(world, b.engine.check());
    await world.advance(SECOND);
    if (b.engine.state.status === 'expired') {
      await settle(world, b.engine.beginReauth());
      world.server.signIn();
      await settle(world, b.engine.completeReauth());
    } else {
      world.server.signIn();
      await settle(world, b.engine.check());
    }
    await world.advance(2 * SECOND);
    expect(b.engine.state.status).to.equal('active');
    expect(a.engine.logoutPending).to.equal(false);
    await world.advance(10 * MINUTE);
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['active', 'active']);
    expect(world.server.isActive()).to.equal(true);
    world.closeAll();
  });

  it('with a logout owed, the server saying "inactive" is the sign-out the user asked for, not an expiry to sign in again from', async () => {
    const h = createHarness();
    await h.start();
    h.server.online = false;
    await h.engine.logout().catch(() => undefined);
    h.server.online = true;
    h.server.revoke();
    await settle(h.clock, h.engine.check());
    expect(h.engine.state.status).to.equal('signed-out');
    expect(h.fired.expired ?? 0).to.equal(0);
    expect(h.fired['reauth-request'] ?? 0).to.equal(0);
    expect(h.engine.logoutPending).to.equal(false);
    h.engine.stop();
  });

  it('beginReauth() rejects when its logout cannot reach the server, and the session is expired again, not re-authenticating', async () => {
    const h = createHarness();
    await h.start();
    h.server.revoke();
    await settle(h.clock, h.engine.check());
    expect(h.engine.state.status).to.equal('expired');
    h.server.online = false;
    const failure = await settle(h.clock, h.engine.beginReauth()).then(() => 'resolved', (error) => error);
    expect(failure).to.not.equal('resolved');
    expect((failure as Error).message).to.match(/connection error/i);
    expect(h.engine.state.status).to.equal('expired');
    // The flow is still open: trying again once the network is back goes through.
    h.server.online = true;
    await settle(h.clock, h.engine.beginReauth());
    expect(h.engine.state.status).to.equal('reauthenticating');
    h.server.signIn();
    await settle(h.clock, h.engine.completeReauth());
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });

  it('logout() on a stopped engine that cannot reach the server leaves no timer running', async () => {
    const h = createHarness();
    await h.start();
    h.engine.stop();
    h.server.online = false;
    await h.engine.logout().catch(() => undefined);
    const logouts = h.server.counts.logout;
    await h.clock.advance(30 * MINUTE);
    expect(h.server.counts.logout).to.equal(logouts);
    expect(h.clock.pendingTimers).to.equal(0);
    // Started again, it still owes the logout and finishes it.
    h.server.online = true;
    h.engine.start();
    await h.clock.advance(3 * MINUTE);
    expect(h.engine.state.status).to.equal('signed-out');
    expect(h.server.isActive()).to.equal(false);
    h.engine.stop();
  });

  it('logout() with a client that cannot log out rejects and keeps the session, rather than claiming a sign-out the server never saw', async () => {
    const h = createHarness();
    await h.start();
    (h.client as { logout?: unknown }).logout = undefined;
    const failure = await h.engine.logout().then(() => 'resolved', (error) => error);
    expect(failure).to.be.instanceOf(Error);
    expect(failure).to.not.be.instanceOf(LogoutFailedError);
    expect((failure as Error).message).to.match(/logout\(\)/);
    expect(h.engine.state.status).to.equal('active');
    expect(h.engine.logoutPending).to.equal(false);
    expect(h.fired['signed-out'] ?? 0).to.equal(0);
    h.engine.stop();
  });
});

describe('restarts and waiting callers', () => {
  it('stop() and start() while the first check is in flight still end in a server answer, not stuck in checking', async () => {
    const h = createHarness();
    answersLate(h, 800);
    h.engine.start();
    await h.clock.advance(100);
    h.engine.stop();
    h.engine.start();
    await h.clock.advance(3 * SECOND);
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });

  it('a requireActive() caller waiting while offline is not resumed for another account', async () => {
    const h = createHarness();
    await h.start();
    h.server.online = false;
    await settle(h.clock, h.engine.check());
    expect(h.engine.state.status).to.equal('offline');
    const waiting = h.engine.requireActive().then(() => 'resumed', (error) => error);
    // Meanwhile someone else signed in on this browser (another tab of the app, another account).
    h.client.userId = 'user-b';
    h.client.email = 'b@b.co';
    h.server.online = true;
    await settle(h.clock, h.engine.check());
    const outcome = (await waiting) as { reason?: string };
    expect(outcome).to.not.equal('resumed');
    expect(outcome.reason).to.equal('account-switched');
    expect(h.engine.state.status).to.equal('active');
    // Callers from now on wait for the account that is signed in now.
    await h.engine.requireActive();
    h.engine.stop();
  });

  it('the same account back from offline resumes its waiting callers', async () => {
    const h = createHarness();
    await h.start();
    h.server.online = false;
    await settle(h.clock, h.engine.check());
    const waiting = h.engine.requireActive().then(() => 'resumed', (error) => error);
    h.server.online = true;
    await settle(h.clock, h.engine.check());
    expect(await waiting).to.equal('resumed');
    h.engine.stop();
  });
});
