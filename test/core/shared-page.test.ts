import { expect } from '@open-wc/testing';
import { soloCoordinator } from '../../src/core/coordinator.js';
import { createParaSession } from '../../src/core/engine.js';
import { FakeParaClient, FakeParaServer } from './support/fake-para.js';
import { createHarness, HOUR, MINUTE, SECOND, userActs } from './support/harness.js';
import { TabWorld } from './support/tab-world.js';

describe('two sessions on one page', () => {
  it("one session's logout (its SDK fires paraLogout on the shared window) leaves the other signed in, in every tab", async () => {
    const world = new TabWorld({ sessions: 2 });
    const [front, back] = [world.open(), world.open({ visible: false })];
    await world.advance(2 * SECOND);
    await front.sessions[1].engine.logout();
    await world.advance(5 * SECOND);
    expect([front, back].map((tab) => tab.sessions[1].engine.state.status)).to.deep.equal(['signed-out', 'signed-out']);
    expect([front, back].map((tab) => tab.sessions[0].engine.state.status)).to.deep.equal(['active', 'active']);
    world.closeAll();
  });

  it("one session's re-auth (its pre-sign-in logout) leaves the other signed in", async () => {
    const world = new TabWorld({ sessions: 2 });
    const [front] = [world.open(), world.open({ visible: false })];
    await world.advance(2 * SECOND);
    world.servers[1].revoke();
    void front.sessions[1].engine.check();
    await world.advance(2 * SECOND);
    expect(front.sessions[1].engine.state.status).to.equal('expired');
    await front.sessions[1].engine.beginReauth();
    world.servers[1].signIn();
    void front.sessions[1].engine.completeReauth();
    await world.advance(5 * SECOND);
    expect(world.alive.map((tab) => tab.sessions[0].engine.state.status)).to.deep.equal(['active', 'active']);
    expect(world.alive.map((tab) => tab.sessions[1].engine.state.status)).to.deep.equal(['active', 'active']);
    world.closeAll();
  });

  it('an SDK logout no tab explains still signs out once the server says this session is gone', async () => {
    const world = new TabWorld({ sessions: 2 });
    const [front, back] = [world.open(), world.open({ visible: false })];
    await world.advance(2 * SECOND);
    // The app calls the SDK's own logout, not the engine's.
    await front.sessions[0].client.logout();
    await world.advance(5 * SECOND);
    expect(front.sessions[0].engine.state.status).to.equal('signed-out');
    // Once confirmed, the other tabs hear it at once (each confirms with the server), not at their next look.
    expect(back.sessions[0].engine.state.status).to.equal('signed-out');
    expect(world.alive.map((tab) => tab.sessions[1].engine.state.status)).to.deep.equal(['active', 'active']);
    world.closeAll();
  });

  it('an SDK logout the server cannot confirm yet changes nothing; once the server says the session is gone, it is a sign-out, not an expiry', async () => {
    const world = new TabWorld({ sessions: 2 });
    const [front] = [world.open(), world.open({ visible: false })];
    await world.advance(2 * SECOND);
    const server = world.servers[0];
    server.online = false;
    server.revoke();
    front.environment.window.dispatchEvent(new CustomEvent('paraLogout', { detail: { data: null } }));
    await world.advance(5 * SECOND);
    expect(front.sessions[0].engine.state.status, 'unconfirmed: no sign-out yet').to.not.equal('signed-out');
    server.online = true;
    await world.advance(2 * 60 * SECOND);
    expect(front.sessions[0].engine.state.status).to.equal('signed-out');
    expect(world.alive.map((tab) => tab.sessions[1].engine.state.status)).to.deep.equal(['active', 'active']);
    world.closeAll();
  });

  it("with tabs turned off, one session's SDK logout still leaves the other signed in", async () => {
    const first = createHarness();
    const server = new FakeParaServer(first.clock, 2 * HOUR);
    server.signIn();
    const second = createParaSession(new FakeParaClient(server, first.environment.window), {
      clock: first.clock,
      environment: first.environment,
      coordinator: soloCoordinator(),
      random: () => 0.5,
    });
    second.start();
    await first.start();
    await first.client.logout();
    await first.clock.advance(5 * SECOND);
    expect(first.engine.state.status).to.equal('signed-out');
    expect(second.state.status).to.equal('active');
    // Its own server is the judge: once it says the session is gone, the same kind of news is a sign-out.
    server.revoke();
    first.environment.window.dispatchEvent(new CustomEvent('paraLogout', { detail: { data: null } }));
    await first.clock.advance(5 * SECOND);
    expect(second.state.status).to.equal('signed-out');
    first.engine.stop();
    second.stop();
  });
});

describe('two apps on one page: signing', () => {
  it("one app's signature does not move the other app's expiry: a busy user's other session never lapses", async () => {
    const first = createHarness({ sessionLength: 3600 });
    const otherServer = new FakeParaServer(first.clock, HOUR);
    otherServer.signIn();
    const other = createParaSession(new FakeParaClient(otherServer, first.environment.window), {
      clock: first.clock,
      environment: first.environment,
      coordinator: soloCoordinator(),
      random: () => 0.5,
      sessionLength: 3600,
    });
    other.start();
    await first.start();
    // 40 minutes in, the user signs with the first app's wallet: Para extends only the first session.
    await first.clock.advance(40 * MINUTE);
    first.client.sign();
    await first.clock.advance(SECOND);
    let lapsed = 0;
    for (let i = 0; i < 60; i += 1) {
      userActs(first.environment);
      await first.clock.advance(MINUTE);
      if (!otherServer.isActive()) lapsed += 1;
    }
    expect([lapsed, other.state.status, otherServer.counts.keepSessionAlive], 'minutes lapsed, status, keep-alives of the other app').to.deep.equal([0, 'active', 1]);
    // And the first app's own session, whose signature it was, stays signed in too.
    expect(first.server.isActive()).to.equal(true);
    first.engine.stop();
    other.stop();
  });

  it('alone on its page, a signature still extends the session without a request (one app, as before)', async () => {
    const h = createHarness({ sessionLength: 3600 });
    await h.start();
    await h.clock.advance(40 * MINUTE);
    const before = h.engine.state.expiresAt!;
    h.client.sign();
    await h.clock.advance(SECOND);
    expect(h.engine.state.expiresAt! - before).to.be.above(39 * MINUTE);
    h.engine.stop();
  });
});
