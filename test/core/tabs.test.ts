import { expect } from '@open-wc/testing';
import { WIRE_VERSION } from '../../src/core/tabs/wire.js';
import { HOUR, MINUTE, SECOND } from './support/harness.js';
import { TabWorld } from './support/tab-world.js';
import { userActs } from './support/fake-environment.js';

describe('many tabs, one session', () => {
  it('elects exactly one leader, and only the leader runs the keep-alive schedule', async () => {
    const world = new TabWorld({ keepAlive: 'always' });
    const [a, b, c] = [world.open(), world.open(), world.open()];
    await world.advance(2 * SECOND);
    expect(world.leaders()).to.have.length(1);
    const before = world.server.counts.keepSessionAlive;
    await world.advance(2 * HOUR);
    // One extension per cycle (7200 s session, refresh 300 s before): two cycles ≈ two extensions.
    expect(world.server.counts.keepSessionAlive - before).to.be.within(1, 2);
    for (const tab of [a, b, c]) expect(tab.engine.state.expiresAt).to.be.closeTo(world.server.expiresAt!, SECOND);
    world.closeAll();
    await world.advance(SECOND);
    expect(world.leaks()).to.deep.equal({ timers: 0, listeners: 0, locks: 0, channels: 0 });
  });

  it('hands over when the leader tab crashes, without missing the extension it owed', async () => {
    const world = new TabWorld({ keepAlive: 'always' });
    const first = world.open();
    world.open();
    await world.advance(2 * SECOND);
    expect(first.engine.state.leader).to.equal(true);
    await world.advance(HOUR + 50 * MINUTE);
    world.kill(first);
    await world.advance(SECOND);
    const [next] = world.leaders();
    expect(next).to.not.equal(undefined);
    await world.advance(30 * MINUTE);
    expect(world.server.isActive()).to.equal(true);
    expect(next.engine.state.status).to.equal('active');
    world.closeAll();
  });

  it('on a slow network, a 1-minute session ends within a second of its real end in the leader, and one answer later in every other tab', async () => {
    const world = new TabWorld({ sessionLength: 60, keepAlive: 'off' });
    // Answers take 800 ms; the real end is 900 ms into the second the cookie names.
    world.server.latencyMs = 800;
    world.server.expiresAt = Math.floor((world.clock.serverNow() + MINUTE) / SECOND) * SECOND + 900;
    const tabs = [world.open(), world.open(), world.open({ visible: false })];
    const endedAt = new Map<string, number>();
    for (const tab of tabs) tab.engine.on('expired', () => endedAt.set(tab.id, world.clock.serverNow() - world.server.expiresAt!));
    await world.advance(50 * SECOND);
    const [leader] = world.leaders();
    const checksBefore = world.server.counts.isSessionActive;
    await world.advance(20 * SECOND);
    expect(endedAt.get(leader.id), 'the leader').to.be.within(0, SECOND);
    // The others take the leader's news only once the server confirms it (one request between them, 800 ms).
    for (const tab of tabs) expect(endedAt.get(tab.id)! - endedAt.get(leader.id)!, tab.id).to.be.within(0, SECOND);
    // The leader's check at the cookie's time, its re-check at the second's end, and the others' one confirmation.
    expect(world.server.counts.isSessionActive - checksBefore).to.equal(3);
    expect(tabs.map((tab) => tab.engine.state.status)).to.deep.equal(['expired', 'expired', 'expired']);
    world.closeAll();
  });

  it('signs every tab out within a second of a logout in one', async () => {
    const world = new TabWorld();
    const [a, b, c] = [world.open(), world.open(), world.open()];
    await world.advance(2 * SECOND);
    await b.engine.logout();
    await world.advance(SECOND);
    for (const tab of [a, b, c]) expect(tab.engine.state.status).to.equal('signed-out');
    world.closeAll();
  });

  it('shows expiry in every tab, keeps them re-authenticating (not signed out) during one re-auth, and resumes every waiter', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.server.revoke();
    await world.advance(31 * MINUTE);
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['expired', 'expired']);
    const waiting = [a.engine.requireActive(), b.engine.requireActive()];
    // The user signs in from tab b; its pre-sign-in logout makes tab a's SDK fire paraLogout too.
    await b.engine.beginReauth();
    a.environment.window.dispatchEvent(new CustomEvent('paraLogout'));
    await world.advance(SECOND);
    expect(a.engine.state.status).to.equal('reauthenticating');
    world.server.signIn();
    await Promise.all([b.engine.completeReauth(), world.advance(SECOND)]);
    await Promise.all(waiting);
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['active', 'active']);
    expect(a.fired['reauth-complete']).to.equal(1);
    expect(a.fired['signed-out'] ?? 0).to.equal(0);
    world.closeAll();
  });

  it('a sign-in interrupted in the tab that ran it (its dialog left the page): every tab is expired again, every waiter still waits, and the next sign-in resumes them all', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    world.server.revoke();
    await world.advance(31 * MINUTE);
    const outcomes = ['pending', 'pending'];
    [a, b].forEach((tab, i) => void tab.engine.requireActive().then(() => (outcomes[i] = 'resolved'), (error: Error) => (outcomes[i] = `rejected: ${error.message}`)));
    await b.engine.beginReauth();
    a.environment.window.dispatchEvent(new CustomEvent('paraLogout'));
    await world.advance(SECOND);
    expect([a.engine.state.status, b.engine.state.status], 'both follow the sign-in').to.deep.equal(['reauthenticating', 'reauthenticating']);
    b.engine.interruptReauth();
    await world.advance(SECOND);
    expect({ statuses: [a.engine.state.status, b.engine.state.status], outcomes, cancels: [a.fired['reauth-cancel'] ?? 0, b.fired['reauth-cancel'] ?? 0] }).to.deep.equal({
      statuses: ['expired', 'expired'],
      outcomes: ['pending', 'pending'],
      cancels: [0, 0],
    });
    // The next sign-in, from the other tab.
    await a.engine.beginReauth();
    world.server.signIn();
    await Promise.all([a.engine.completeReauth(), world.advance(SECOND)]);
    await world.advance(SECOND);
    expect({ statuses: [a.engine.state.status, b.engine.state.status], outcomes }).to.deep.equal({ statuses: ['active', 'active'], outcomes: ['resolved', 'resolved'] });
    world.closeAll();
  });

  it('counts activity in any tab for the activity policy', async () => {
    const world = new TabWorld({ keepAlive: 'activity' });
    const leader = world.open();
    const follower = world.open({ visible: true });
    await world.advance(2 * SECOND);
    expect(leader.engine.state.leader).to.equal(true);
    await world.advance(HOUR);
    userActs(follower.environment);
    await world.advance(HOUR);
    expect(world.server.counts.keepSessionAlive).to.equal(1);
    expect(world.server.isActive()).to.equal(true);
    world.closeAll();
  });

  it('moves leadership to a visible tab once the leader has been hidden for a second', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open({ visible: false })];
    await world.advance(2 * SECOND);
    expect(a.engine.state.leader).to.equal(true);
    world.setVisible(a, false);
    world.setVisible(b, true);
    await world.advance(SECOND / 2);
    expect(a.engine.state.leader, 'half a second hidden: it may be closing').to.equal(true);
    await world.advance(SECOND);
    expect(b.engine.state.leader).to.equal(true);
    expect(a.engine.state.leader).to.equal(false);
    world.closeAll();
  });

  it('hands the lead of a closing leader to one tab, not to every visible tab in turn', async () => {
    const world = new TabWorld();
    const [a, b, c] = [world.open(), world.open(), world.open()];
    await world.advance(2 * SECOND);
    expect(a.engine.state.leader).to.equal(true);
    const led = world.watchLeads([b, c]);
    const checks = world.server.counts.isSessionActive;
    // A closing tab is hidden first (visibilitychange), then goes; the browser hands its lock to the next in line.
    world.setVisible(a, false);
    world.close(a);
    await world.advance(5 * SECOND);
    expect(world.leaders()).to.have.length(1);
    expect(led, 'tabs that led after the close').to.have.length(1);
    expect(world.server.counts.isSessionActive - checks, 'checks made by new leaders').to.be.at.most(1);
    world.closeAll();
  });

  it('lets two tabs that check at the same moment share one request', async () => {
    const world = new TabWorld();
    const [a, b] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    const before = world.server.counts.isSessionActive;
    await Promise.all([a.engine.check(), b.engine.check(), world.advance(SECOND)]);
    expect(world.server.counts.isSessionActive - before).to.equal(1);
    world.closeAll();
  });

  it('ignores malformed, foreign and other-version messages', async () => {
    const world = new TabWorld();
    const [a] = [world.open(), world.open()];
    await world.advance(2 * SECOND);
    const signedOut = { type: 'signed-out' };
    for (const junk of [
      null,
      'signed-out',
      { app: 'para-session-kit', v: WIRE_VERSION + 1, from: 'x', channel: 'session', message: signedOut },
      { app: 'other-app', v: WIRE_VERSION, from: 'x', channel: 'session', message: signedOut },
      { app: 'para-session-kit', v: WIRE_VERSION, from: 'x', channel: 'session', message: { type: 'state', status: 'expired', kind: 'user', expiresAt: 'soon' } },
      { app: 'para-session-kit', v: WIRE_VERSION, from: '', channel: 'session', message: signedOut },
    ]) {
      world.channels.inject('para-session-kit', junk);
    }
    await world.advance(SECOND);
    expect(a.engine.state.status).to.equal('active');
    // The same message, well formed, is applied once the server confirms it: the check above can fail.
    world.server.revoke();
    world.channels.inject('para-session-kit', { app: 'para-session-kit', v: WIRE_VERSION, from: 'x', channel: 'session', message: signedOut });
    await world.advance(SECOND);
    expect(a.engine.state.status).to.equal('signed-out');
    world.closeAll();
  });
});
