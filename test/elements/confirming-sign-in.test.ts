import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { german } from '../../src/locales/de.js';
import { createWorld, MINUTE, SECOND, settle, signingInByEmail } from './support/session-fixture.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';

/**
 * The person approved in the portal: the kit closes the popup and asks Para to confirm the session. Until Para
 * answers (offline, it may take minutes) the dialog must not still say to finish "in the window that opened":
 * there is no window any more.
 */
async function approvedThenOffline(lang = 'en') {
  const world = createWorld();
  const { popup, provider, dialog } = await signingInByEmail(world, { lang });
  const cancel = buttonNamed(dialog, lang === 'de' ? german.dialog!.cancel! : 'Cancel')!;
  cancel.focus();
  world.server.online = false;
  world.client.approve();
  await settle(world, MINUTE);
  expect(popup.closed, 'the kit closed the popup').to.equal(true);
  return { world, provider, dialog };
}

const said = (dialog: ParaReauthDialog) => shadow(dialog).querySelector('[role="status"]')?.textContent?.trim() ?? null;

describe('<para-reauth-dialog>: signed in, while Para confirms it', () => {
  afterEach(() => sinon.restore());

  it('offline after approving: says it waits for the connection, not for a window; keeps focus; goes on once online', async () => {
    const { world, provider, dialog } = await approvedThenOffline();
    expect(said(dialog)).to.equal('Signed in, but Para cannot be reached to confirm it. This page will continue once you are back online.');
    expect(provider.state.status).to.equal('reauthenticating');
    expect(deepActiveElement()?.textContent?.trim(), 'focus stays on Cancel').to.equal('Cancel');
    await expect(dialog).to.be.accessible();
    world.server.online = true;
    await settle(world, MINUTE);
    expect(provider.state.status).to.equal('active');
    expect(nativeDialog(dialog).open).to.equal(false);
  });

  it('in German too', async () => {
    const { dialog } = await approvedThenOffline('de');
    expect(said(dialog)).to.equal(german.dialog!.confirmingOffline);
  });

  it('online but slow: says Para is confirming, once the popup has closed', async () => {
    const world = createWorld();
    const { popup, provider, dialog } = await signingInByEmail(world);
    expect(said(dialog), 'while the popup is open').to.contain('window that opened');
    world.server.latencyMs = 5 * SECOND;
    world.client.approve();
    await settle(world, 2 * SECOND);
    expect(popup.closed).to.equal(true);
    expect(said(dialog)).to.equal('Signed in. Para is confirming your session; this page will continue in a moment.');
    await settle(world, 10 * SECOND);
    expect(provider.state.status).to.equal('active');
  });
});
