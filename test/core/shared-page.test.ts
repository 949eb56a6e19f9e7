import { expect } from '@open-wc/testing';
import { soloCoordinator } from '../../src/core/coordinator.js';
import { createParaSession } from '../../src/core/engine.js';
import { FakeParaClient, FakeParaServer } from './support/fake-para.js';
import { createHarness, HOUR, SECOND } from './support/harness.js';
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
