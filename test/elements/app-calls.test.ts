import { expect, html, fixture } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, SECOND, MINUTE, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';

async function page(world: SessionWorld) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
      <para-session-status></para-session-status>
      <para-reauth-dialog></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')! };
}

/** The quick start's markup before the app's script has set `client`. */
const bare = (world: SessionWorld) => fixture<ParaSession>(html`<para-session lang="en" .engineOptions=${world.engineOptions}><p>app</p></para-session>`);

const outcomeOf = (p: Promise<unknown>) => {
  const box = { value: 'pending' };
  p.then(() => (box.value = 'resolved'), (e: Error & { reason?: string }) => (box.value = `rejected ${e.name} (${e.reason}): ${e.message}`));
  return box;
};

describe('what app code calls, when it calls it', () => {
  afterEach(() => sinon.restore());

  it('el.client = para; await el.logout() ends the session on the server', async () => {
    const world = createWorld();
    const el = await bare(world);
    el.client = world.client;
    const out = outcomeOf(el.logout());
    await settle(world, 2 * SECOND);
    expect({ out: out.value, sdkLogouts: world.server.counts.logout, serverStillActive: world.server.isActive(), status: el.state.status }).to.deep.equal({
      out: 'resolved',
      sdkLogouts: 1,
      serverStillActive: false,
      status: 'signed-out',
    });
    el.remove();
  });

  it('el.client = para; await el.requireActive() waits for the session instead of rejecting "has no client"', async () => {
    const world = createWorld();
    const el = await bare(world);
    el.client = world.client;
    const out = outcomeOf(el.requireActive());
    await settle(world, 2 * SECOND);
    expect(out.value).to.equal('resolved');
    el.remove();
  });

  it('logout() while the re-auth popup is open closes the popup, stops the SDK flow and closes the dialog', async () => {
    const world = createWorld();
    const popup = stubWindowOpen();
    const { provider, dialog } = await page(world);
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    expect(provider.state.status).to.equal('reauthenticating');
    const out = outcomeOf(provider.logout());
    await settle(world, 2 * SECOND);
    expect({
      out: out.value,
      status: provider.state.status,
      dialogOpen: nativeDialog(dialog).open,
      stillSaysCompleteSignIn: shadow(dialog).textContent!.includes('Complete the sign-in'),
      popupClosed: popup.popup.closed,
      sdkFlowPending: world.client.flowPending,
    }).to.deep.equal({ out: 'resolved', status: 'signed-out', dialogOpen: false, stillSaysCompleteSignIn: false, popupClosed: true, sdkFlowPending: false });
    provider.remove();
  });

  it('reauthenticate() while active settles (or shows the dialog) instead of announcing a request nobody shows', async () => {
    const world = createWorld();
    const { provider, dialog } = await page(world);
    let requests = 0;
    provider.addEventListener('para-reauth-request', () => (requests += 1));
    const out = outcomeOf(provider.reauthenticate());
    await settle(world, MINUTE);
    expect({ settledOrShown: out.value !== 'pending' || nativeDialog(dialog).open, requests, shown: nativeDialog(dialog).open }).to.deep.equal({ settledOrShown: true, requests: 0, shown: false });
    provider.remove();
  });

  it('logout() twice (a double click) sends one logout to Para', async () => {
    const world = createWorld();
    const { provider } = await page(world);
    const a = outcomeOf(provider.logout());
    const b = outcomeOf(provider.logout());
    await settle(world, 2 * SECOND);
    expect({ a: a.value, b: b.value, sdkLogouts: world.server.counts.logout, status: provider.state.status }).to.deep.equal({ a: 'resolved', b: 'resolved', sdkLogouts: 1, status: 'signed-out' });
    provider.remove();
  });
});
