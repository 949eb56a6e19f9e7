import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { arabic } from '../../src/locales/ar.js';
import { german } from '../../src/locales/de.js';
import { createWorld, dialogPage, reachWarning, SECOND, settle, type SessionWorld } from './support/session-fixture.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';

/**
 * "Sign out" in the warning, when the logout cannot reach Para (offline) or cannot be done at all: the session
 * stays as it is (honest logout), and the user must be told so, in the page's language; a press that changed
 * nothing on screen reads as a broken button.
 */
async function warned(lang = 'en') {
  const world = createWorld();
  const { provider, dialog } = await dialogPage(world, { lang });
  await reachWarning(world);
  expect(provider.state.status).to.equal('expiring');
  return { world, provider, dialog };
}

const alert = (dialog: ParaReauthDialog) => shadow(dialog).querySelector('[role="alert"]')?.textContent?.trim() ?? null;

async function pressSignOut(world: SessionWorld, dialog: ParaReauthDialog, name: string) {
  const button = buttonNamed(dialog, name)!;
  button.focus();
  button.click();
  await settle(world, 2 * SECOND);
}

describe('<para-reauth-dialog>: "Sign out" in the warning fails', () => {
  afterEach(() => sinon.restore());

  const languages = [
    { lang: 'en', signOut: 'Sign out', pending: 'You are not signed out yet: Para could not be reached. You will be signed out as soon as it can be.' },
    { lang: 'de', signOut: german.dialog!.signOut!, pending: german.dialog!.signOutPending! },
    { lang: 'ar', signOut: arabic.dialog!.signOut!, pending: arabic.dialog!.signOutPending! },
  ];
  for (const { lang, signOut, pending } of languages) {
    it(`offline (${lang}): the user is told it is owed, the session stays, and it goes through once online`, async () => {
      const { world, provider, dialog } = await warned(lang);
      world.server.online = false;
      await pressSignOut(world, dialog, signOut);
      expect(alert(dialog), 'announced, in the page language').to.equal(pending);
      expect(provider.state.status, 'honest logout: the session is still live on the server').to.equal('expiring');
      expect(nativeDialog(dialog).open).to.equal(true);
      expect(deepActiveElement()?.textContent?.trim(), 'focus stays on the button pressed').to.equal(signOut);
      await expect(dialog).to.be.accessible();
      world.server.online = true;
      await settle(world, 30 * SECOND);
      expect(provider.state.status).to.equal('signed-out');
      expect(nativeDialog(dialog).open).to.equal(false);
    });
  }

  it('a client that cannot log out: "could not be signed out", and nothing is owed', async () => {
    const { world, provider, dialog } = await warned();
    (world.client as unknown as { logout?: unknown }).logout = undefined;
    await pressSignOut(world, dialog, 'Sign out');
    expect(alert(dialog)).to.equal('You could not be signed out. Try again.');
    await settle(world, 30 * SECOND);
    expect(provider.state.status, 'nothing owed, nothing retried').to.equal('expiring');
  });

  it('pressed again once online: the message goes and the user is signed out', async () => {
    const { world, provider, dialog } = await warned();
    world.server.online = false;
    await pressSignOut(world, dialog, 'Sign out');
    expect(alert(dialog)).to.contain('not signed out yet');
    world.server.online = true;
    buttonNamed(dialog, 'Sign out')!.click();
    await settle(world, SECOND);
    expect(provider.state.status).to.equal('signed-out');
    expect(nativeDialog(dialog).open).to.equal(false);
  });

  it('owed, then "Stay signed in" (offline): no extension is claimed, the owed sign-out stays said, and it goes through once online', async () => {
    const { world, provider, dialog } = await warned();
    world.server.online = false;
    await pressSignOut(world, dialog, 'Sign out');
    const stay = buttonNamed(dialog, 'Stay signed in')!;
    expect(stay.getAttribute('aria-disabled'), 'says it does nothing now').to.equal('true');
    const keepAlives = world.server.counts.keepSessionAlive;
    await pressSignOut(world, dialog, 'Stay signed in');
    expect(alert(dialog)).to.contain('not signed out yet');
    expect(world.server.counts.keepSessionAlive - keepAlives).to.equal(0);
    world.server.online = true;
    await settle(world, 30 * SECOND);
    expect(provider.state.status).to.equal('signed-out');
  });

  it('owed while keep-alive still answers: "Stay signed in" and Escape extend nothing, so no sign-out comes after a shown success', async () => {
    const { world, provider, dialog } = await warned();
    // Para's logout fails (network) while its keep-alive answers: a flaky path.
    let logoutFails = true;
    const logout = world.client.logout.bind(world.client);
    world.client.logout = (options?: { clearPregenWallets?: boolean }) =>
      logoutFails ? Promise.reject(Object.assign(new Error('Network Error'), { code: 'ERR_NETWORK' })) : logout(options);
    await pressSignOut(world, dialog, 'Sign out');
    expect(alert(dialog)).to.contain('not signed out yet');
    const keepAlives = world.server.counts.keepSessionAlive;
    await pressSignOut(world, dialog, 'Stay signed in');
    dialog.shadowRoot!.querySelector('dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settle(world, 2 * SECOND);
    expect(world.server.counts.keepSessionAlive - keepAlives, 'no extension over an owed sign-out').to.equal(0);
    expect(provider.state.status).to.equal('expiring');
    expect(nativeDialog(dialog).open).to.equal(true);
    logoutFails = false;
    await settle(world, 60 * SECOND);
    expect(provider.state.status).to.equal('signed-out');
  });
});
