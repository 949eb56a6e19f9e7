import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { button, dialogOpen, MINUTE, SECOND, sh, statuses, stubPopups, TabPages, titleOf } from './support/tab-pages.js';

async function signingInInA(tabs = 2, keyMakingMs = 0) {
  const stub = stubPopups();
  const world = new TabPages();
  for (let i = 0; i < tabs; i += 1) world.open();
  for (const t of world.tabs) t.client.keyMakingMs = keyMakingMs;
  await world.run(3 * SECOND);
  await world.reachExpiry();
  const a = world.tabs[0];
  expect(statuses(world).every((s) => s === 'expired'), `all expired: ${statuses(world)}`).to.equal(true);
  button(a.dialog, 'Continue with email')!.click();
  await world.settle(0);
  return { world, a, popups: stub.popups };
}

describe("<para-reauth-dialog>: the user signs out in another tab while this tab's popup is open", () => {
  afterEach(() => {
    sinon.restore();
    document.querySelectorAll('body > div').forEach((d) => d.remove());
  });

  for (const tabs of [2, 3]) {
    it(`${tabs} tabs: the last tab's app calls logout(): A's popup closes, its flow is cancelled, every tab is signed out, no dialog, nothing signs back in`, async () => {
      const { world, a, popups } = await signingInInA(tabs);
      await world.run(2 * SECOND);
      expect(titleOf(a.dialog)).to.equal('Finish signing in');
      expect(a.client.flowPending, 'SDK flow running').to.equal(true);
      const other = world.tabs[tabs - 1];
      await other.provider.logout();
      await world.run(5 * SECOND);
      expect(statuses(world), 'statuses').to.deep.equal(world.tabs.map(() => 'signed-out'));
      expect(popups[0].closed, 'popup closed').to.equal(true);
      expect(a.client.flowPending, 'SDK flow of tab A cancelled').to.equal(false);
      expect(world.tabs.map((t) => dialogOpen(t.dialog)), 'dialogs open').to.deep.equal(world.tabs.map(() => false));
      expect(sh(a.dialog).activeElement, 'no focus left inside the closed dialog').to.equal(null);
      await world.run(2 * MINUTE, 5 * SECOND);
      expect(statuses(world), 'statuses 2 min later').to.deep.equal(world.tabs.map(() => 'signed-out'));
      expect(world.server.isActive(), 'server session').to.equal(false);
      expect(world.server.counts.logout, 'one logout before A signs in, one asked for in the other tab').to.be.at.most(3);
      world.destroy();
    });
  }

  it('while the SDK still makes the key (processing_authentication): the flow is cancelled once it can be; nothing signs in', async () => {
    const { world, a, popups } = await signingInInA(2, 3 * SECOND);
    await world.settle(300);
    expect(a.client.authPhase).to.equal('processing_authentication');
    await world.tabs[1].provider.logout();
    await world.run(10 * SECOND);
    expect(statuses(world)).to.deep.equal(['signed-out', 'signed-out']);
    expect(popups[0].closed, 'popup closed').to.equal(true);
    expect(popups[0].location.href, 'popup never sent to the portal').to.equal('about:blank');
    expect(a.client.flowPending, 'flow cancelled after the key step').to.equal(false);
    expect(dialogOpen(a.dialog)).to.equal(false);
    world.destroy();
  });

  it('tab B signs out, then the user signs in afresh in tab B (the app\'s sign-in): tab A stays out of its old flow and follows', async () => {
    const { world, a, popups } = await signingInInA(2);
    await world.run(2 * SECOND);
    const b = world.tabs[1];
    await b.provider.logout();
    await world.run(5 * SECOND);
    expect(statuses(world)).to.deep.equal(['signed-out', 'signed-out']);
    // A fresh sign-in in B through the app's own UI
    world.server.signIn();
    for (const t of world.tabs) t.client.userId = 'user-a';
    b.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
    await world.run(5 * SECOND);
    expect(statuses(world), 'after fresh sign-in in B').to.deep.equal(['active', 'active']);
    expect(dialogOpen(a.dialog)).to.equal(false);
    expect(popups[0].closed).to.equal(true);
    world.destroy();
  });

  it('tab B signs out while offline (the logout owed): once back online, every tab is signed out and A\'s flow is over', async () => {
    const { world, a } = await signingInInA(2);
    await world.run(2 * SECOND);
    const b = world.tabs[1];
    world.server.online = false;
    await b.provider.logout().catch(() => undefined);
    await world.run(2 * SECOND);
    world.server.online = true;
    for (const t of world.tabs) t.environment.window.dispatchEvent(new Event('online'));
    await world.run(30 * SECOND);
    const after = { statuses: statuses(world), server: world.server.isActive(), flow: a.client.flowPending, dialogA: dialogOpen(a.dialog) };
    // The user's last act was "sign out": nobody should end up signed in without signing in again.
    expect(after.statuses, 'after network back').to.deep.equal(['signed-out', 'signed-out']);
    expect(after.flow, 'A flow').to.equal(false);
    world.destroy();
  });
});
