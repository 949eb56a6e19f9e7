import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { buttonNamed } from './support/dialog-parts.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';

/**
 * The real SDK first makes the sign-in's key (`processing_authentication`: about 3 s in Chromium, 5 to 12 s in
 * Firefox, over 20 s on a loaded machine) and drops a cancel meanwhile; its flow then polls for a session for
 * 2.5 minutes, a request a second. Most "changed my mind" moments land in that step: the kit must end the flow
 * once the SDK can take the cancel.
 */
async function signingIn(world: SessionWorld) {
  world.client.keyMakingMs = 3 * SECOND;
  const popup = stubWindowOpen();
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}><para-reauth-dialog></para-reauth-dialog></para-session>`,
    world,
  );
  const dialog = provider.querySelector<ParaReauthDialog>('para-reauth-dialog')!;
  await reachExpiry(world);
  buttonNamed(dialog, 'Continue with email').click();
  await settle(world, 300);
  expect(world.client.authPhase, 'the SDK makes the key').to.equal('processing_authentication');
  return { provider, dialog, popup };
}

describe('a sign-in stopped while the SDK makes its key', () => {
  afterEach(() => sinon.restore());

  const stops = {
    'the user presses Cancel': (dialog: ParaReauthDialog) => buttonNamed(dialog, 'Cancel').click(),
    'the dialog is removed': (dialog: ParaReauthDialog) => dialog.remove(),
    'a re-render replaces the dialog': (dialog: ParaReauthDialog) => dialog.replaceWith(document.createElement('para-reauth-dialog')),
  };
  for (const [how, stop] of Object.entries(stops)) {
    it(`${how}: the SDK's flow is cancelled again once it can take it, and does not poll on`, async () => {
      const world = createWorld();
      const { provider, dialog } = await signingIn(world);
      stop(dialog);
      await settle(world, SECOND);
      expect(world.client.flowPending, 'the cancel was dropped: the flow runs on').to.equal(true);
      await settle(world, 3 * SECOND);
      expect({ phase: world.client.authPhase, pending: world.client.flowPending, cancels: world.client.cancelCalls }).to.deep.equal({ phase: 'unauthenticated', pending: false, cancels: 2 });
      provider.remove();
    });
  }

  it('the user closes the still blank sign-in window: the session is expired again (not "signing in"), "Try again" is offered, and the SDK flow ends', async () => {
    const world = createWorld();
    const { provider, dialog, popup } = await signingIn(world);
    popup.popup.closed = true;
    await settle(world, SECOND);
    const retry = [...dialog.shadowRoot!.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Try again');
    expect({ status: provider.state.status, retry }).to.deep.equal({ status: 'expired', retry: true });
    await settle(world, 3 * SECOND);
    expect({ phase: world.client.authPhase, pending: world.client.flowPending }).to.deep.equal({ phase: 'unauthenticated', pending: false });
    provider.remove();
  });

  it('a new sign-in started meanwhile (from the dialog put in its place) is not the one cancelled', async () => {
    const world = createWorld();
    const { provider, dialog, popup } = await signingIn(world);
    const next = document.createElement('para-reauth-dialog');
    dialog.replaceWith(next);
    await settle(world, SECOND);
    popup.popup.closed = false;
    buttonNamed(next, 'Continue with email').click();
    await settle(world, 5 * SECOND);
    expect({ pending: world.client.flowPending, cancels: world.client.cancelCalls }, 'the new flow runs').to.deep.equal({ pending: true, cancels: 1 });
    world.client.approve();
    await settle(world, 2 * SECOND);
    expect(provider.state.status).to.equal('active');
    provider.remove();
  });
});
