import { expect } from '@open-wc/testing';
import { SECOND } from './support/harness.js';
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
    const [front] = [world.open(), world.open({ visible: false })];
    await world.advance(2 * SECOND);
    // The app calls the SDK's own logout, not the engine's.
    await front.sessions[0].client.logout();
    await world.advance(5 * SECOND);
    expect(front.sessions[0].engine.state.status).to.equal('signed-out');
    expect(front.sessions[1].engine.state.status).to.equal('active');
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
});
