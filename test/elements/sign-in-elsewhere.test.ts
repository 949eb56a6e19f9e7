import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { button, dialogOpen, HOUR, MINUTE, SECOND, sh, statuses, stubPopups, TabPages, titleOf, type FakePopup } from './support/tab-pages.js';

function cleanUp() {
  sinon.restore();
  document.querySelectorAll('body > div').forEach((host) => host.remove());
}

/**
 * Two tabs whose session ended; tab A's dialog runs its sign-in ("Finish signing in", its popup open), by `way`
 * (the button's name), in sessions `sessionLengthMs` long.
 */
async function signingInInA({ way = 'Continue with email', sessionLengthMs = 2 * HOUR } = {}) {
  const { popups } = stubPopups();
  const world = new TabPages({ sessionLengthMs, oauth: 'google' });
  const [a, b] = [world.open(), world.open()];
  await world.run(3 * SECOND);
  await world.reachExpiry();
  button(a.dialog, way)!.click();
  await world.run(2 * SECOND);
  expect(titleOf(a.dialog)).to.equal('Finish signing in');
  expect(statuses(world)).to.deep.equal(['reauthenticating', 'reauthenticating']);
  return { world, a, b, popups };
}

const seen = (world: TabPages, popups: FakePopup[]) => ({
  statuses: statuses(world),
  dialogs: world.tabs.map((tab) => dialogOpen(tab.dialog)),
  popupsClosed: popups.map((popup) => popup.closed),
  flows: world.tabs.map((tab) => tab.client.flowPending),
});

/** The app's own sign-in in tab B (not the dialog's): every tab's SDK then reads the session from storage. */
function appSignsInIn(world: TabPages, tab: TabPages['tabs'][number]) {
  world.server.signIn();
  tab.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
}

describe('<para-reauth-dialog>: signed in again elsewhere while this tab signs in', () => {
  afterEach(cleanUp);

  for (const way of ['Continue with email', 'Continue with Google']) {
    it(`through tab B's dialog, A signing in by "${way}": A's popup closes, its SDK flow is cancelled and its dialog leaves`, async () => {
      const { world, a, b, popups } = await signingInInA({ way });
      button(b.dialog, 'Continue with email')!.click();
      await world.run(2 * SECOND);
      b.client.approve();
      await world.run(5 * SECOND);
      expect(seen(world, popups)).to.deep.equal({ statuses: ['active', 'active'], dialogs: [false, false], popupsClosed: [true, true], flows: [false, false] });
      expect(a.client.cancelCalls, "A's flow cancelled").to.be.greaterThan(0);
      expect(world.server.isActive(), 'the session B signed in to').to.equal(true);
      world.destroy();
    });
  }

  for (const sessionLengthMs of [2 * HOUR, MINUTE]) {
    it(`through the app's own sign-in in B, ${sessionLengthMs / MINUTE}-minute sessions: the same, and nothing shows over the session later`, async () => {
      const { world, a, b, popups } = await signingInInA({ sessionLengthMs });
      appSignsInIn(world, b);
      await world.run(5 * SECOND);
      expect(seen(world, popups)).to.deep.equal({ statuses: ['active', 'active'], dialogs: [false, false], popupsClosed: [true], flows: [false, false] });
      // Later, within the session B signed in to (before its own warning).
      await world.run(Math.min(3 * MINUTE, sessionLengthMs / 2), 10 * SECOND);
      expect(dialogOpen(a.dialog), 'no error of the stopped flow, minutes later').to.equal(false);
      expect(world.server.isActive()).to.equal(true);
      expect(world.server.counts.logout, 'only the sign-in in A logged the old session out').to.equal(1);
      world.destroy();
    });
  }

  it("as another account (b@b.co): A asks which account goes on, with its own popup closed and flow cancelled", async () => {
    const { world, a, b, popups } = await signingInInA();
    button(b.dialog, 'Continue with email')!.click();
    await world.run(2 * SECOND);
    // Every tab's SDK reads the new user from the storage they share.
    Object.assign(a.client, { userId: 'user-b', email: 'b@b.co' });
    b.client.approve({ userId: 'user-b', email: 'b@b.co' });
    await world.run(5 * SECOND);
    expect(statuses(world)).to.deep.equal(['active', 'active']);
    expect(popups[0].closed, "A's popup").to.equal(true);
    expect(a.client.flowPending, "A's SDK flow").to.equal(false);
    expect(titleOf(a.dialog)).to.equal('You signed in with another account');
    expect(sh(a.dialog).querySelector('[role="alert"]')!.textContent).to.contain('b@b.co');
    world.destroy();
  });

  it('this tab finishing its own sign-in as the others hear of it is not stopped: active, no error', async () => {
    const { world, a, popups } = await signingInInA();
    a.client.approve();
    await world.run(5 * SECOND);
    expect(seen(world, popups)).to.deep.equal({ statuses: ['active', 'active'], dialogs: [false, false], popupsClosed: [true], flows: [false, false] });
    expect(a.client.cancelCalls, 'nothing to cancel').to.equal(0);
    world.destroy();
  });

  it("Cancel in A in the moment before its flow stops: closes, and reports no cancelled sign-in while signed in", async () => {
    const { world, a, b } = await signingInInA();
    appSignsInIn(world, b);
    await world.run(SECOND, 250);
    const cancels: string[] = [];
    a.provider.addEventListener('para-reauth-cancel', (event) => cancels.push((event as CustomEvent<{ reason: string }>).detail.reason));
    if (dialogOpen(a.dialog)) button(a.dialog, 'Cancel')!.click();
    await world.run(5 * SECOND);
    expect(statuses(world)).to.deep.equal(['active', 'active']);
    expect(dialogOpen(a.dialog)).to.equal(false);
    expect(cancels).to.deep.equal([]);
    world.destroy();
  });
});

describe('<para-session>: the tab that signs in goes away mid sign-in', () => {
  afterEach(cleanUp);

  it("its <para-session> leaves the page: the other tab offers the sign-in again within seconds, not minutes", async () => {
    const { world, a, b, popups } = await signingInInA();
    a.host.remove();
    await world.run(5 * SECOND);
    expect(b.provider.state.status).to.equal('expired');
    expect(dialogOpen(b.dialog), "B's dialog offers the sign-in").to.equal(true);
    expect(popups[0].closed, "A's popup").to.equal(true);
    world.destroy();
  });

  it('the page unloads for good (pagehide, not kept for back/forward): the other tab offers the sign-in again at once', async () => {
    const { world, b } = await signingInInA();
    world.tabs[0].environment.window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await world.run(2 * SECOND);
    expect(b.provider.state.status).to.equal('expired');
    expect(dialogOpen(b.dialog), "B's dialog offers the sign-in").to.equal(true);
    world.destroy();
  });

  it('a page kept for back/forward (pagehide, persisted) may come back to its sign-in: the other tab keeps following it', async () => {
    const { world, b } = await signingInInA();
    world.tabs[0].environment.window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await world.run(2 * SECOND);
    expect(b.provider.state.status).to.equal('reauthenticating');
    world.destroy();
  });

  for (const which of ['the same client', 'a new client'] as const) {
    it(`the app sets client to null, then ${which}: the other tab offers the sign-in again within seconds`, async () => {
      const { world, a, popups } = await signingInInA();
      const before = a.client;
      a.provider.client = null;
      await a.provider.updateComplete;
      await world.run(SECOND);
      a.provider.client = which === 'the same client' ? before : world.makeClient(a.environment);
      await a.provider.updateComplete;
      await world.run(5 * SECOND);
      expect(popups[0].closed, "A's popup").to.equal(true);
      expect(before.flowPending, "A's SDK flow").to.equal(false);
      expect(statuses(world)).to.deep.equal(['expired', 'expired']);
      expect(titleOf(a.dialog), 'A offers the sign-in again').to.not.equal('Finish signing in');
      world.destroy();
    });
  }
});

/** Two tabs expired; B pressed Cancel and shows its "Sign in again" bar. Tab A is another document there. */
async function barInBWhileAWaits() {
  const { popups } = stubPopups();
  const world = new TabPages();
  const [a, b] = [world.open(), world.open()];
  await world.run(3 * SECOND);
  // Its modal must not make this page inert, nor its focus moves count here.
  sinon.stub(sh(a.dialog).querySelector('dialog')!, 'showModal').callsFake(function (this: HTMLDialogElement) {
    this.show();
  });
  await world.reachExpiry();
  sinon.stub(sh(a.dialog).querySelector<HTMLElement>('#title')!, 'focus');
  button(b.dialog, 'Cancel')!.click();
  await world.run(SECOND);
  return { world, a, b, popups };
}

describe('<para-reauth-dialog>: the "Sign in again" bar while another tab signs in', () => {
  afterEach(cleanUp);

  it('stays, with the focus it holds, while tab A signs in and after A goes away mid sign-in', async () => {
    const { world, a, b } = await barInBWhileAWaits();
    const bar = () => sh(b.dialog).querySelector<HTMLButtonElement>('[part="resume"] button');
    bar()!.focus();
    button(a.dialog, 'Continue with email')!.click();
    await world.run(2 * SECOND);
    expect(statuses(world)).to.deep.equal(['reauthenticating', 'reauthenticating']);
    expect(bar(), 'the bar while A signs in').to.not.equal(null);
    expect(sh(b.dialog).activeElement === bar(), 'its focus').to.equal(true);
    a.host.remove();
    await world.run(5 * SECOND);
    expect(b.provider.state.status).to.equal('expired');
    expect(sh(b.dialog).activeElement === bar(), 'still on the bar').to.equal(true);
    await expect(b.dialog).to.be.accessible();
    world.destroy();
  });

  it('goes once A signs in: the session is back in every tab', async () => {
    const { world, a, b, popups } = await barInBWhileAWaits();
    button(a.dialog, 'Continue with email')!.click();
    await world.run(2 * SECOND);
    a.client.approve();
    await world.run(3 * SECOND);
    expect(statuses(world)).to.deep.equal(['active', 'active']);
    expect(sh(b.dialog).querySelector('[part="resume"]')).to.equal(null);
    expect(popups[0].closed).to.equal(true);
    world.destroy();
  });
});
