import { expect } from '@open-wc/testing';
import { createParaSession } from '../../src/core/engine.js';
import { soloCoordinator } from '../../src/core/coordinator.js';
import { createHarness, MINUTE, SECOND, type Harness } from './support/harness.js';
import { TabWorld, type Tab } from './support/tab-world.js';

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

/** The SDK keeps pregenerated wallets in localStorage: one store for every tab of the origin. */
function shareGuestWallet(tabs: Tab[]) {
  const store = { share: 'guest-share' as string | undefined };
  for (const tab of tabs) {
    Object.defineProperty(tab.client, 'pregenShare', { get: () => store.share, set: (v) => (store.share = v), configurable: true });
  }
  return store;
}

/** Every logout() call that reached an online server, with its options. */
function sentLogouts(world: TabWorld, tabs: Tab[]) {
  const sent: string[] = [];
  for (const tab of tabs) {
    const original = tab.client.logout.bind(tab.client);
    tab.client.logout = (options) => {
      if (world.server.online && world.server.hangNext === 0) sent.push(`${tab.id}:${JSON.stringify(options ?? null)}`);
      return original(options);
    };
  }
  return sent;
}

describe('clearPregenWallets across tabs', () => {
  it('A asks logout({ clearPregenWallets: true }) offline and is closed; B pays the debt: the wallets are cleared as asked', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    const store = shareGuestWallet([a, b]);
    const sent = sentLogouts(world, [a, b]);
    world.server.online = false;
    await a.engine.logout({ clearPregenWallets: true }).catch(() => undefined);
    await world.advance(SECOND);
    expect(b.engine.logoutPending, 'tab b owes it too').to.equal(true);
    world.close(a);
    world.server.online = true;
    b.environment.window.dispatchEvent(new Event('online'));
    await world.advance(5 * MINUTE);
    expect({ b: b.engine.state.status, server: world.server.isActive() }).to.deep.equal({ b: 'signed-out', server: false });
    expect({ sent, share: store.share ?? null }).to.deep.equal({ sent: ['tab-2:{"clearPregenWallets":true}'], share: null });
    world.closeAll();
  });

  it('an earlier logout({ clearPregenWallets: true }) in A does not make A clear the wallets when paying a later plain sign-out of B', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    const out = a.engine.logout({ clearPregenWallets: true });
    await world.advance(2 * SECOND);
    await out;
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['signed-out', 'signed-out']);
    // The user signs in again (both tabs hear the SDK's login); a guest wallet is loaded again.
    world.server.signIn();
    for (const tab of [a, b]) tab.environment.window.dispatchEvent(new CustomEvent('paraLogin', { detail: { data: null } }));
    await world.advance(5 * SECOND);
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['active', 'active']);
    const store = shareGuestWallet([a, b]);
    const sent = sentLogouts(world, [a, b]);
    // Now a plain sign-out in B (keep the wallets), offline: every tab owes it.
    world.server.online = false;
    await b.engine.logout().catch(() => undefined);
    await world.advance(SECOND);
    world.server.online = true;
    // The network comes back; tab A is the one that hears it first.
    a.environment.window.dispatchEvent(new Event('online'));
    await world.advance(5 * SECOND);
    b.environment.window.dispatchEvent(new Event('online'));
    await world.advance(5 * MINUTE);
    expect([a.engine.state.status, b.engine.state.status, world.server.isActive()]).to.deep.equal(['signed-out', 'signed-out', false]);
    expect({ options: sent.map((s) => s.slice(s.indexOf(':') + 1)), share: store.share ?? null }, `B asked to keep the wallets; sent ${sent.join(' ')}`).to.deep.equal({ options: ['null'], share: 'guest-share' });
    world.closeAll();
  });
});
