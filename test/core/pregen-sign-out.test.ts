import { expect } from '@open-wc/testing';
import { createParaSession } from '../../src/core/engine.js';
import { soloCoordinator } from '../../src/core/coordinator.js';
import { createHarness, MINUTE, SECOND, type Harness } from './support/harness.js';

/** A user signed in with a pregenerated (guest) wallet also loaded in this browser: the SDK keeps its share. */
async function userWithGuestWallet(): Promise<Harness> {
  const h = createHarness({ sessionLength: 3600 });
  h.client.pregenShare = 'guest-share';
  await h.start();
  expect(h.engine.state.kind).to.equal('user');
  return h;
}

/** The page loaded again: a new engine on the same SDK state. */
async function reload(h: Harness) {
  h.engine.stop();
  // As the SDK after its logout: no user any more.
  h.client.userId = undefined;
  h.client.email = undefined;
  const engine = createParaSession(h.client, { clock: h.clock, environment: h.environment, coordinator: soloCoordinator(), random: () => 0.5, warn: () => {} });
  engine.start();
  await h.clock.advance(2 * SECOND);
  const { status, kind } = engine.state;
  engine.stop();
  return `${status} ${kind}`;
}

describe('signing out where the SDK keeps a pregenerated wallet', () => {
  it('by default keeps it, as the SDK does: after a reload its share reads as an active pregenerated session', async () => {
    const h = await userWithGuestWallet();
    const out = h.engine.logout();
    await h.clock.advance(SECOND);
    await out;
    expect(h.client.logoutCalls, 'the SDK is called with its own default').to.deep.equal([undefined]);
    expect(h.engine.state.status).to.equal('signed-out');
    expect(await reload(h)).to.equal('active pregen');
  });

  it('logout({ clearPregenWallets: true }) removes it: still signed out after a reload', async () => {
    const h = await userWithGuestWallet();
    const out = h.engine.logout({ clearPregenWallets: true });
    await h.clock.advance(SECOND);
    await out;
    expect(h.client.logoutCalls).to.deep.equal([{ clearPregenWallets: true }]);
    expect((await reload(h)).split(' ')[0]).to.equal('signed-out');
  });

  it('a sign-out that could not reach the server is retried with the options it was asked with', async () => {
    const h = await userWithGuestWallet();
    h.server.online = false;
    const out = h.engine.logout({ clearPregenWallets: true }).catch((error: Error) => error.name);
    await h.clock.advance(SECOND);
    expect(await out).to.equal('LogoutFailedError');
    h.server.online = true;
    h.environment.window.dispatchEvent(new Event('online'));
    await h.clock.advance(MINUTE);
    expect(h.engine.state.status).to.equal('signed-out');
    expect(h.client.logoutCalls.every((options) => options?.clearPregenWallets === true), JSON.stringify(h.client.logoutCalls)).to.equal(true);
    expect(h.client.pregenShare).to.equal(undefined);
  });

  it('the logout before signing in again never removes it (that is not the user signing out)', async () => {
    const h = await userWithGuestWallet();
    h.server.revoke();
    await h.clock.advance(2 * 3600 * SECOND);
    expect(h.engine.state.status).to.equal('expired');
    const begun = h.engine.beginReauth();
    await h.clock.advance(SECOND);
    await begun;
    expect(h.client.logoutCalls.at(-1), 'the pre-sign-in logout').to.equal(undefined);
    expect(h.client.pregenShare).to.equal('guest-share');
    h.engine.stop();
  });
});
