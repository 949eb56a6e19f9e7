import { expect } from '@open-wc/testing';
import { createHarness, MINUTE, SECOND } from './support/harness.js';
import { TabWorld } from './support/tab-world.js';


/** Lets engine calls that wait on simulated time settle. */
async function settle<T>(h: ReturnType<typeof createHarness>, promise: Promise<T>, ms = 30 * SECOND): Promise<T> {
  let done = false;
  const result = promise.finally(() => (done = true));
  for (let i = 0; i < ms / SECOND && !done; i += 1) await h.clock.advance(SECOND);
  return result;
}

/** Two tabs of one session that the server ended, both past noticing it. */
async function twoExpiredTabs() {
  const world = new TabWorld();
  const [a, b] = [world.open(), world.open()];
  await world.advance(2 * SECOND);
  world.server.revoke();
  await world.advance(31 * MINUTE);
  return { world, a, b };
}

describe('re-auth: a sign-in whose confirmation fails', () => {
  it('a sign-in that went through, whose confirming check meets a 503, comes back on its own once the server answers', async () => {
    const h = createHarness({ sessionLength: 3600 });
    await h.start();
    h.server.revoke();
    await settle(h, h.engine.check());
    expect(h.engine.state.status).to.equal('expired');
    const waiting = h.engine.requireActive().then(() => 'resumed', (e: { reason?: string }) => `rejected ${e?.reason}`);
    await settle(h, h.engine.beginReauth());
    h.server.signIn();
    h.server.failures = [503];
    // The page stays visible and focused; no page event comes. The server answers the next request.
    const state = await settle(h, h.engine.completeReauth());
    expect(state.status, 'completeReauth() asks again until the server answers').to.equal('active');
    await h.clock.advance(10 * MINUTE);
    let outcome = 'pending';
    void waiting.then((o) => (outcome = o));
    await h.clock.advance(SECOND);
    expect([h.engine.state.status, outcome, h.server.counts.isSessionActive > 3], 'status, waiter, asked again').to.deep.equal(['active', 'resumed', true]);
    h.engine.stop();
  });

  it('a sign-in that went through while the network dropped comes back once the server answers (no online event)', async () => {
    const h = createHarness({ sessionLength: 3600 });
    await h.start();
    h.server.revoke();
    await settle(h, h.engine.check());
    await settle(h, h.engine.beginReauth());
    h.server.signIn();
    h.server.online = false;
    const completing = h.engine.completeReauth();
    await h.clock.advance(20 * SECOND);
    expect(h.engine.state.status, 'offline: still signing in, not active, not expired').to.equal('reauthenticating');
    h.server.online = true;
    await settle(h, completing);
    await h.clock.advance(MINUTE);
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });
});

describe('re-auth: the user gives up', () => {
  it('cancelling while the confirmation is retried stops asking', async () => {
    const h = createHarness({ sessionLength: 3600 });
    await h.start();
    h.server.revoke();
    await settle(h, h.engine.check());
    await settle(h, h.engine.beginReauth());
    h.server.online = false;
    const completing = h.engine.completeReauth();
    await h.clock.advance(5 * SECOND);
    h.engine.cancelReauth();
    await settle(h, completing);
    const asked = h.server.counts.isSessionActive;
    await h.clock.advance(10 * MINUTE);
    expect(h.server.counts.isSessionActive - asked, 'no more confirmation requests').to.be.at.most(1);
    expect(h.engine.state.status).to.equal('expired');
    h.engine.stop();
  });
});

describe('re-auth across tabs: the signing-in tab goes away', () => {
  it('the tab re-authenticating is closed mid sign-in: the other tab is not left re-authenticating forever', async () => {
    const { world, a, b } = await twoExpiredTabs();
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['expired', 'expired']);
    // The user starts signing in from tab b, then closes tab b before finishing.
    await b.engine.beginReauth();
    await world.advance(SECOND);
    expect(a.engine.state.status).to.equal('reauthenticating');
    world.close(b);
    await world.advance(30 * MINUTE);
    // Tab a is what is left: it offers the sign-in again (expired, a re-auth requested), and a requireActive()
    // caller waits for that sign-in rather than being turned away.
    let outcome = 'waiting';
    void a.engine.requireActive().then(() => (outcome = 'resumed'), (error: { reason?: string }) => (outcome = `rejected ${error.reason}`));
    await world.advance(SECOND);
    expect([a.engine.state.status, a.engine.$reauth.get() !== null, outcome], 'status, re-auth requested, caller').to.deep.equal(['expired', true, 'waiting']);
    world.closeAll();
  });

  it('the tab re-authenticating crashes mid sign-in: the other tab is not left re-authenticating forever', async () => {
    const { world, a, b } = await twoExpiredTabs();
    await b.engine.beginReauth();
    await world.advance(SECOND);
    world.kill(b);
    await world.advance(5 * MINUTE);
    expect(a.engine.state.status, 'within the SDK\'s 300 s for a sign-in, still following it').to.equal('reauthenticating');
    await world.advance(2 * MINUTE);
    expect(a.engine.state.status).to.equal('expired');
    world.closeAll();
  });

  it('a sign-in in another tab that takes a few minutes and finishes: this tab follows it to active, no re-auth of its own', async () => {
    const { world, a, b } = await twoExpiredTabs();
    await b.engine.beginReauth();
    await world.advance(4 * MINUTE);
    world.server.signIn();
    const completing = b.engine.completeReauth();
    await world.advance(2 * SECOND);
    await completing;
    await world.advance(10 * MINUTE);
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['active', 'active']);
    expect(a.engine.$reauth.get()).to.equal(null);
    world.closeAll();
  });
});

describe('re-auth across tabs: the signing-in tab gives up', () => {
  it('both tabs expired (each showing its sign-in); B begins and cancels: A is expired again at once, not "signing in" for minutes', async () => {
    const { world, a, b } = await twoExpiredTabs();
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['expired', 'expired']);
    expect(a.engine.$reauth.get(), 'A shows its own sign-in request').to.not.equal(null);
    await b.engine.beginReauth();
    await world.advance(SECOND);
    expect(a.engine.state.status).to.equal('reauthenticating');
    b.engine.cancelReauth();
    await world.advance(2 * SECOND);
    expect([a.engine.state.status, b.engine.state.status]).to.deep.equal(['expired', 'expired']);
    world.closeAll();
  });

  it('a clock set back just before a re-auth: the sign-in completes at once in every tab (the confirming answer was dropped, and the others showed "expired" 6 min later)', async () => {
    const world = new TabWorld();
    const tabs = [world.open(), world.open({ visible: false }), world.open({ visible: false })];
    await world.advance(2 * SECOND);
    world.server.revoke();
    await world.advance(25 * SECOND);
    // The set-back makes the leader look (a check goes out) while the pre-sign-in logout runs.
    world.clock.jumpWall(-5 * MINUTE);
    const trails = tabs.map(() => [] as string[]);
    tabs.forEach((tab, i) => tab.engine.$state.listen((state) => trails[i].push(state.status)));
    await tabs[0].engine.beginReauth();
    world.server.signIn();
    const done = tabs[0].engine.completeReauth();
    await world.advance(2 * SECOND);
    expect((await done).status, 'the tab that signed in').to.equal('active');
    await world.advance(7 * MINUTE);
    expect(trails.map((trail) => trail.includes('expired')), 'any tab showed expired').to.deep.equal([false, false, false]);
    expect(tabs.map((tab) => tab.engine.state.status)).to.deep.equal(['active', 'active', 'active']);
    world.closeAll();
  });
});

