import { expect } from '@open-wc/testing';
import { createParaSession } from '../../src/core/engine.js';
import { $paraSession } from '../../src/core/registry.js';
import { SessionUnavailableError } from '../../src/core/errors.js';
import { createHarness, HOUR, MINUTE, SECOND } from './support/harness.js';

describe('session engine: lifecycle', () => {
  it('turns paraLogout, once the server confirms it, into signed-out, rejects requireActive() callers and shows no warning', async () => {
    const h = createHarness();
    await h.start();
    await h.clock.advance(2 * HOUR - 60 * SECOND);
    expect(h.engine.state.status).to.equal('expiring');
    await h.client.logout();
    // The SDK's event names no client: the engine confirms with its server (one answer) before signing out.
    await h.clock.advance(SECOND);
    expect(h.engine.state.status).to.equal('signed-out');
    const failure = await h.engine.requireActive().catch((error) => error);
    expect(failure).to.be.instanceOf(SessionUnavailableError);
    expect(failure.reason).to.equal('signed-out');
    await h.clock.advance(HOUR);
    expect(h.fired.expired ?? 0).to.equal(0);
    expect(h.fired['reauth-request'] ?? 0).to.equal(0);
    h.engine.stop();
  });

  it('rejects a waiting requireActive() when the user signs out', async () => {
    const h = createHarness();
    await h.start();
    h.server.revoke();
    await h.clock.advance(20 * MINUTE);
    expect(h.engine.state.status).to.equal('expired');
    const waiting = h.engine.requireActive().catch((error) => error);
    await h.engine.logout();
    expect((await waiting).reason).to.equal('signed-out');
    h.engine.stop();
  });

  it('resolves requireActive() at once while active, and after a re-authentication while expired', async () => {
    const h = createHarness();
    await h.start();
    await h.engine.requireActive();
    h.server.revoke();
    await h.clock.advance(20 * MINUTE);
    let resolved = false;
    const waiting = h.engine.requireActive().then(() => (resolved = true));
    expect(h.fired['reauth-request']).to.equal(1);
    await h.engine.beginReauth();
    // The pre-sign-in logout clears the SDK's storage; it is not the user signing out.
    expect(h.engine.state.status).to.equal('reauthenticating');
    h.server.signIn();
    h.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
    await h.clock.advance(SECOND);
    await waiting;
    expect(resolved).to.equal(true);
    expect(h.engine.state.status).to.equal('active');
    expect(h.fired['reauth-complete']).to.equal(1);
    h.engine.stop();
  });

  it('rejects requireActive() with "cancelled" when the user cancels the re-authentication', async () => {
    const h = createHarness();
    await h.start();
    h.server.revoke();
    await h.clock.advance(20 * MINUTE);
    const waiting = h.engine.requireActive().catch((error) => error);
    h.engine.cancelReauth();
    expect((await waiting).reason).to.equal('cancelled');
    expect(h.engine.state.status).to.equal('expired');
    h.engine.stop();
  });

  it('never leaves a requireActive() caller hanging when the engine stops', async () => {
    const h = createHarness();
    h.server.online = false;
    await h.start();
    const waiting = h.engine.requireActive().catch((error) => error);
    h.engine.stop();
    expect((await waiting).reason).to.equal('stopped');
  });

  it('leaves no pending timers or listeners after stop(), and resumes after start()', async () => {
    const h = createHarness();
    expect(h.environment.window.listeners + h.environment.document.listeners).to.equal(0);
    await h.start();
    expect(h.environment.window.listeners).to.be.greaterThan(0);
    expect(h.clock.pendingTimers).to.be.greaterThan(0);
    h.engine.stop();
    await h.clock.advance(SECOND);
    expect(h.clock.pendingTimers).to.equal(0);
    expect(h.environment.window.listeners).to.equal(0);
    expect(h.environment.document.listeners).to.equal(0);
    await h.start();
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });

  it('mirrors the first started engine in $paraSession, and idle when none runs', async () => {
    const h = createHarness();
    expect($paraSession.get().status).to.equal('idle');
    await h.start();
    expect($paraSession.get().status).to.equal('active');
    h.engine.stop();
    expect($paraSession.get().status).to.equal('idle');
  });

  it('turns paraLogin after a sign-out into an active session', async () => {
    const h = createHarness({ signedIn: false });
    h.client.userId = undefined;
    await h.start();
    expect(h.engine.state.status).to.equal('signed-out');
    h.server.signIn();
    h.client.userId = 'user-a';
    h.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
    await h.clock.advance(SECOND);
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });

  it('exports without signers by default and never puts the export in state', async () => {
    const h = createHarness();
    await h.start();
    const exported = await h.engine.exportSession();
    expect(atob(exported)).to.not.include('SECRET-SIGNER');
    expect(atob(await h.engine.exportSession({ excludeSigners: false }))).to.include('SECRET-SIGNER');
    expect(JSON.stringify(h.engine.state)).to.not.include(exported);
    h.engine.stop();
  });

  it('POSTs the export as JSON with sendSessionTo()', async () => {
    const requests: Array<{ url: string; init: RequestInit }> = [];
    const fetch = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response('{"active":true}');
    }) as unknown as typeof globalThis.fetch;
    const h = createHarness({ fetch });
    await h.start();
    const response = await h.engine.sendSessionTo('/api/session', { headers: { 'x-csrf': 't' } });
    expect(await response.json()).to.deep.equal({ active: true });
    expect(requests[0].url).to.equal(new URL('/api/session', location.href).href);
    expect(requests[0].init.method).to.equal('POST');
    const headers = new Headers(requests[0].init.headers);
    expect(headers.get('content-type')).to.equal('application/json');
    expect(headers.get('x-csrf')).to.equal('t');
    expect(JSON.parse(requests[0].init.body as string).session).to.equal(await h.engine.exportSession());
    h.engine.stop();
  });

  it('imports in a page without starting anything', () => {
    const engine = createParaSession({ isSessionActive: async () => true, keepSessionAlive: async () => true });
    expect(engine.state.status).to.equal('idle');
    expect(engine.isRunning).to.equal(false);
  });
});
