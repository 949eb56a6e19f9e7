import { expect } from '@open-wc/testing';
import { createHarness, HOUR, MINUTE, SECOND, userActs } from './support/harness.js';

describe('a session that changes kind at runtime', () => {
  it('a pregenerated wallet whose user then signs in (paraLogin) is checked and kept alive as a user session', async () => {
    const h = createHarness({ sessionLength: 3600 });
    // A pregen wallet: no user, a user share loaded.
    h.client.userId = undefined;
    h.client.email = undefined;
    (h.client as unknown as { getUserShare: () => string | null }).getUserShare = () => 'share';
    h.server.revoke();
    await h.start();
    expect(h.engine.state.kind).to.equal('pregen');
    // The user signs in (claims the wallet): the SDK now has a user and a real session.
    h.client.userId = 'user-a';
    h.client.email = 'a@b.co';
    h.server.signIn();
    h.environment.window.dispatchEvent(new CustomEvent('paraLogin', { detail: { data: null } }));
    await h.clock.advance(5 * SECOND);
    const checksAfterLogin = h.server.counts.isSessionActive;
    let lapsed = 0;
    for (let i = 0; i < 120; i += 1) {
      userActs(h.environment);
      await h.clock.advance(MINUTE);
      if (!h.server.isActive()) lapsed += 1;
    }
    expect([h.engine.state.kind, checksAfterLogin > 0, lapsed], 'kind, checked after login, minutes lapsed').to.deep.equal(['user', true, 0]);
    h.engine.stop();
  });

  it('an external wallet (CONNECTION_ONLY) whose user then signs in with Para is checked and kept alive', async () => {
    const h = createHarness({ sessionLength: 3600 });
    h.client.externalWalletConnectionType = 'CONNECTION_ONLY';
    h.server.revoke();
    await h.start();
    expect(h.engine.state.kind).to.equal('external-wallet');
    h.client.externalWalletConnectionType = undefined;
    h.server.signIn();
    h.environment.window.dispatchEvent(new CustomEvent('paraLogin', { detail: { data: null } }));
    await h.clock.advance(5 * SECOND);
    let lapsed = 0;
    for (let i = 0; i < 120; i += 1) {
      userActs(h.environment);
      await h.clock.advance(MINUTE);
      if (!h.server.isActive()) lapsed += 1;
    }
    expect([h.engine.state.kind, lapsed], 'kind, minutes lapsed').to.deep.equal(['user', 0]);
    void HOUR;
    h.engine.stop();
  });
});

describe('a user session that becomes a wallet session', () => {
  it('signed out, then an external wallet connected with the same client: a wallet session, never expiring, no warning', async () => {
    const h = createHarness({ sessionLength: 3600 });
    await h.start();
    await h.engine.logout();
    expect(h.engine.state.status).to.equal('signed-out');
    h.client.externalWalletConnectionType = 'CONNECTION_ONLY';
    void h.engine.check();
    await h.clock.advance(SECOND);
    expect([h.engine.state.status, h.engine.state.kind, h.engine.state.expiresAt]).to.deep.equal(['active', 'external-wallet', null]);
    const requests = h.server.requests;
    await h.clock.advance(2 * HOUR);
    expect(h.fired.warning ?? 0).to.equal(0);
    expect(h.server.requests - requests, 'nothing to ask or keep alive').to.equal(0);
    h.engine.stop();
  });

  it('while signing in again, a client that reads as a wallet for a moment stays a user session', async () => {
    const h = createHarness({ sessionLength: 3600 });
    await h.start();
    h.server.revoke();
    void h.engine.check();
    await h.clock.advance(SECOND);
    const beginning = h.engine.beginReauth();
    await h.clock.advance(SECOND);
    await beginning;
    // Between the pre-sign-in logout and the new user the SDK has no user id, and a pregenerated wallet's share
    // may still be loaded: the client reads as a pregenerated wallet for a moment.
    h.client.userId = undefined;
    h.client.email = undefined;
    (h.client as unknown as { getUserShare: () => string | null }).getUserShare = () => 'share';
    void h.engine.check();
    await h.clock.advance(SECOND);
    expect([h.engine.state.status, h.engine.state.kind]).to.deep.equal(['reauthenticating', 'user']);
    h.engine.stop();
  });
});
