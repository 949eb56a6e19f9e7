import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { userActs } from '../core/support/fake-environment.js';
import { FakeParaServer } from '../core/support/fake-para.js';
import { AuthFakeClient } from './support/auth-client.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, HOUR, MINUTE, reachExpiry, reachWarning, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';

/**
 * A framework that reorders a list, a portal, a drag-and-drop layout: each moves elements by taking them out
 * and putting them back in one task. To the user nothing happened, so nothing may change: no extension they
 * did not choose, no dismissed sign-in, no cancelled popup, no failed `requireActive()`, no extra request.
 */
async function page(world: SessionWorld) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
      <div id="a"><para-reauth-dialog></para-reauth-dialog></div>
      <div id="b"></div>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')! };
}

/** The provider moved to a new parent at the end of the page, in one task. */
function moveProvider(provider: ParaSession): void {
  const target = document.createElement('div');
  document.body.append(target);
  target.appendChild(provider);
}

const moveDialog = (provider: ParaSession, dialog: ParaReauthDialog) => provider.querySelector('#b')!.appendChild(dialog);

function modal(dialog: ParaReauthDialog) {
  const native = nativeDialog(dialog);
  return { open: native.open, modal: native.matches(':modal') };
}

/**
 * The session has its dialog back (while warning): a new dialog under the provider shows the warning, and once
 * that one is gone too, no dialog holds the warning any more, so the user's activity extends, as on a page without one.
 */
async function dialogGivenBack(world: SessionWorld, provider: ParaSession): Promise<void> {
  const next = document.createElement('para-reauth-dialog');
  provider.append(next);
  await settle(world, SECOND);
  expect(modal(next), 'a new dialog under the provider').to.deep.equal({ open: true, modal: true });
  next.remove();
  await settle(world, SECOND);
  const keepAlives = world.server.counts.keepSessionAlive;
  userActs(world.environment, 'keydown');
  await settle(world, SECOND);
  expect(world.server.counts.keepSessionAlive - keepAlives, 'activity with no dialog of the session').to.equal(1);
}

/** Another account, already signed in on its own server, with a session ending at another time. */
function otherAccount(world: SessionWorld): AuthFakeClient {
  const server = new FakeParaServer(world.clock, 2 * HOUR);
  server.signIn();
  const client = new AuthFakeClient(server, world.environment.window);
  client.userId = 'user-b';
  client.email = 'b@b.co';
  return client;
}

describe('elements moved in the page (out and back in, in one task)', () => {
  afterEach(() => sinon.restore());

  for (const moved of ['the dialog', 'the provider'] as const) {
    const move = (provider: ParaSession, dialog: ParaReauthDialog) => (moved === 'the dialog' ? moveDialog(provider, dialog) : moveProvider(provider));

    it(`${moved} moved while warning an idle user: no extension they did not choose, the warning stays a modal`, async () => {
      const world = createWorld();
      const { provider, dialog } = await page(world);
      await reachWarning(world);
      const closes: string[] = [];
      provider.addEventListener('para-request-close', (event) => closes.push(event.detail.source));
      const keepAlives = world.server.counts.keepSessionAlive;
      move(provider, dialog);
      await settle(world, SECOND);
      expect({ keepAlives: world.server.counts.keepSessionAlive - keepAlives, closes: closes.join(), status: provider.state.status, ...modal(dialog) }).to.deep.equal({
        keepAlives: 0,
        closes: '',
        status: 'expiring',
        open: true,
        modal: true,
      });
      // Still the user's choice: activity alone does not extend while the warning shows.
      userActs(world.environment, 'keydown');
      await settle(world, SECOND);
      expect(world.server.counts.keepSessionAlive - keepAlives, 'activity after the move').to.equal(0);
      provider.remove();
    });

    it(`${moved} moved once expired: the sign-in is not dismissed, it stays a modal with focus inside`, async () => {
      const world = createWorld();
      const { provider, dialog } = await page(world);
      await reachExpiry(world);
      const cancels: string[] = [];
      provider.addEventListener('para-reauth-cancel', (event) => cancels.push(event.detail.reason));
      move(provider, dialog);
      await settle(world, SECOND);
      const focused = dialog.shadowRoot!.activeElement?.id ?? '';
      expect({ cancels: cancels.join(), status: provider.state.status, ...modal(dialog), focused }).to.deep.equal({ cancels: '', status: 'expired', open: true, modal: true, focused: 'title' });
      provider.remove();
    });

    it(`${moved} moved during a sign-in: the popup and the SDK flow go on, and the approval signs the user in`, async () => {
      const world = createWorld();
      const popup = stubWindowOpen();
      const { provider, dialog } = await page(world);
      await reachExpiry(world);
      buttonNamed(dialog, 'Continue with email').click();
      await settle(world, SECOND);
      expect(world.client.authCalls.length, 'sign-in started').to.equal(1);
      move(provider, dialog);
      await settle(world, SECOND);
      expect({ popupClosed: popup.popup.closed, cancelCalls: world.client.cancelCalls, status: provider.state.status, ...modal(dialog) }, 'after the move').to.deep.equal({
        popupClosed: false,
        cancelCalls: 0,
        status: 'reauthenticating',
        open: true,
        modal: true,
      });
      world.client.approve();
      await settle(world, 2 * SECOND);
      expect({ status: provider.state.status, open: nativeDialog(dialog).open }, 'after the approval').to.deep.equal({ status: 'active', open: false });
      provider.remove();
    });
  }

  it('the provider moved while the app waits in requireActive(): the wait goes on and ends with the sign-in', async () => {
    const world = createWorld();
    stubWindowOpen();
    const { provider, dialog } = await page(world);
    await reachExpiry(world);
    let outcome = 'pending';
    void provider.requireActive().then(
      () => (outcome = 'resolved'),
      (error: Error & { reason?: string }) => (outcome = `rejected: ${error.reason}`),
    );
    moveProvider(provider);
    await settle(world, SECOND);
    expect(outcome, 'right after the move').to.equal('pending');
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    world.client.approve();
    await settle(world, 2 * SECOND);
    expect(outcome, 'after the sign-in').to.equal('resolved');
    provider.remove();
  });

  it('the provider moved while active: no request, the same state and expiry, and its timers and listeners are gone once it is removed', async () => {
    const world = createWorld();
    const { provider } = await page(world);
    const before = { status: provider.state.status, expiresAt: provider.state.expiresAt, leader: provider.state.leader };
    const requests = world.server.requests;
    moveProvider(provider);
    await settle(world, SECOND);
    expect({ status: provider.state.status, expiresAt: provider.state.expiresAt, leader: provider.state.leader, requests: world.server.requests - requests }).to.deep.equal({
      ...before,
      requests: 0,
    });
    provider.remove();
    await settle(world);
    expect({ timers: world.clock.pendingTimers, listeners: world.environment.window.listeners + world.environment.document.listeners }).to.deep.equal({ timers: 0, listeners: 0 });
  });

  it('a dialog removed for good during a sign-in: the popup is closed, the SDK flow cancelled, and the session is expired again, not signing in with nobody to finish', async () => {
    const world = createWorld();
    const popup = stubWindowOpen();
    const { provider, dialog } = await page(world);
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    dialog.remove();
    await settle(world, SECOND);
    expect({ popupClosed: popup.popup.closed, cancelCalls: world.client.cancelCalls, status: provider.state.status }).to.deep.equal({
      popupClosed: true,
      cancelCalls: 1,
      status: 'expired',
    });
    // A dialog put in its place runs the next sign-in.
    const next = document.createElement('para-reauth-dialog');
    provider.append(next);
    void provider.reauthenticate().catch(() => undefined);
    await settle(world, SECOND);
    expect(modal(next), 'the new dialog').to.deep.equal({ open: true, modal: true });
    provider.remove();
  });

  for (const signingIn of [false, true]) {
    it(`a dialog replaced in one task (a re-render) ${signingIn ? 'during a sign-in' : 'while the expired form shows'}: no cancel reported, requireActive() still waits, the new dialog offers the sign-in`, async () => {
      const world = createWorld();
      const popup = stubWindowOpen();
      const { provider, dialog } = await page(world);
      await reachExpiry(world);
      let outcome = 'pending';
      void provider.requireActive().then(
        () => (outcome = 'resolved'),
        (error: Error & { reason?: string }) => (outcome = `rejected: ${error.reason ?? error.message}`),
      );
      const cancels: string[] = [];
      provider.addEventListener('para-reauth-cancel', (event) => cancels.push(event.detail.reason));
      await settle(world, SECOND);
      if (signingIn) {
        buttonNamed(dialog, 'Continue with email').click();
        await settle(world, SECOND);
        expect(provider.state.status).to.equal('reauthenticating');
      }
      const next = document.createElement('para-reauth-dialog');
      dialog.replaceWith(next);
      await settle(world, SECOND);
      expect({ cancels: cancels.join(), outcome, status: provider.state.status, ...modal(next) }).to.deep.equal({ cancels: '', outcome: 'pending', status: 'expired', open: true, modal: true });
      // The same stub window serves the second sign-in: the first one's was closed with its flow.
      popup.popup.closed = false;
      buttonNamed(next, 'Continue with email').click();
      await settle(world, SECOND);
      world.client.approve();
      await settle(world, 2 * SECOND);
      expect(outcome, 'after signing in from the new dialog').to.equal('resolved');
      provider.remove();
    });
  }

  it('a dialog moved out of its provider while warning (a teleport to <body>): it closes, a dialog left under the provider takes the warning, and activity is heard again', async () => {
    const world = createWorld();
    const { provider, dialog } = await page(world);
    await reachWarning(world);
    const elsewhere = document.body.appendChild(document.createElement('div'));
    elsewhere.appendChild(dialog);
    await settle(world, SECOND);
    expect(modal(dialog), 'the dialog out of its session').to.deep.equal({ open: false, modal: false });
    await dialogGivenBack(world, provider);
    elsewhere.remove();
    provider.remove();
  });

  it('two dialogs under one provider: the one showing the warning is removed, the other shows it at once', async () => {
    const world = createWorld();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
        <para-reauth-dialog id="first"></para-reauth-dialog><para-reauth-dialog id="second"></para-reauth-dialog>
      </para-session>`,
      world,
    );
    const [first, second] = [...provider.querySelectorAll('para-reauth-dialog')];
    await reachWarning(world);
    expect([modal(first).open, modal(second).open], 'one dialog at a time').to.deep.equal([true, false]);
    first.remove();
    await settle(world, SECOND);
    expect(modal(second)).to.deep.equal({ open: true, modal: true });
    provider.remove();
  });

  it('a dialog moved to another provider during a sign-in: that sign-in stops, and the first session is expired again', async () => {
    const world = createWorld();
    const popup = stubWindowOpen();
    const { provider, dialog } = await page(world);
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    const other = await sessionFixture<ParaSession>(
      html`<para-session lang="en" channel="another-app" .client=${otherAccount(world)} .engineOptions=${world.engineOptions}></para-session>`,
      world,
    );
    other.appendChild(dialog);
    await settle(world, SECOND);
    expect({ popupClosed: popup.popup.closed, cancelCalls: world.client.cancelCalls, first: provider.state.status, open: modal(dialog).open }).to.deep.equal({
      popupClosed: true,
      cancelCalls: 1,
      first: 'expired',
      open: false,
    });
    other.remove();
    provider.remove();
  });

  it('a dialog removed while warning gives way: a new dialog shows the warning, and activity no longer waits for the removed one', async () => {
    const world = createWorld();
    const { provider, dialog } = await page(world);
    await reachWarning(world);
    dialog.remove();
    await settle(world, SECOND);
    await dialogGivenBack(world, provider);
    provider.remove();
  });

  it('the app swaps in another signed-in account while the old one signs in again: the old flow stops and the dialog closes', async () => {
    const world = createWorld();
    const popup = stubWindowOpen();
    const { provider, dialog } = await page(world);
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    expect(provider.state.status).to.equal('reauthenticating');
    provider.client = otherAccount(world);
    await settle(world, 2 * SECOND);
    await settle(world, MINUTE);
    expect({
      status: provider.state.status,
      open: nativeDialog(dialog).open,
      completeTheSignIn: shadow(dialog).textContent!.includes('Complete the sign-in'),
      oldFlowCancelled: world.client.cancelCalls,
      popupClosed: popup.popup.closed,
    }).to.deep.equal({ status: 'active', open: false, completeTheSignIn: false, oldFlowCancelled: 1, popupClosed: true });
    provider.remove();
  });
});
