import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { stubWindowOpen, type FakePopup } from './support/fake-popup.js';
import { createWorld, dialogPage, reachExpiry, SECOND, settle, signingInByEmail, type SessionWorld } from './support/session-fixture.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';
import { button, dialogOpen, MINUTE as TAB_MINUTE, statuses, stubPopups, TabPages } from './support/tab-pages.js';

/**
 * The dialog's sign-in failed and shows its error with "Try again"; meanwhile the session is back (the user
 * signed in in another tab, or the app did). The error is about a sign-in nobody needs any more, and "Try
 * again" would start with the logout before signing in: over the live session, in every tab.
 */
async function failedThenBack(how: 'offline' | 'popup-closed') {
  const world = createWorld();
  const { popup } = stubWindowOpen();
  const { provider, dialog } = await dialogPage(world);
  provider.querySelector<HTMLButtonElement>('#app-button')!.focus();
  await reachExpiry(world);
  if (how === 'offline') world.server.online = false;
  buttonNamed(dialog, 'Continue with email').click();
  await settle(world, SECOND);
  if (how === 'popup-closed') popup.closed = true;
  await settle(world, SECOND);
  expect(alert(dialog), 'the sign-in failed first').to.match(how === 'offline' ? /could not be reached/ : /was closed/);
  world.server.online = true;
  return { world, popup, provider, dialog };
}

const alert = (dialog: ParaReauthDialog) => shadow(dialog).querySelector('[role="alert"]')?.textContent?.trim() ?? null;

/** Signed in elsewhere: the server holds a session again, and this tab hears of it. */
async function signedInElsewhere(world: SessionWorld, provider: ParaSession) {
  world.server.signIn();
  void provider.check();
  await settle(world, SECOND);
  expect(provider.state.status).to.equal('active');
}

async function tryAgainIfShown(world: SessionWorld, dialog: ParaReauthDialog, popup: FakePopup) {
  const retry = buttonNamed(dialog, 'Try again');
  if (!retry) return;
  popup.closed = false;
  retry.click();
  await settle(world, 2 * SECOND);
}

describe('<para-reauth-dialog>: a failed sign-in, then the session is back from elsewhere', () => {
  afterEach(() => sinon.restore());

  for (const how of ['offline', 'popup-closed'] as const) {
    it(`${how}: the error leaves with the dialog, focus goes back, and nothing logs the live session out`, async () => {
      const { world, popup, provider, dialog } = await failedThenBack(how);
      const logouts = world.server.counts.logout;
      await signedInElsewhere(world, provider);
      expect(nativeDialog(dialog).open, `still open with: ${alert(dialog)}`).to.equal(false);
      expect(deepActiveElement()?.id, 'focus back where it was before the dialog').to.equal('app-button');
      await tryAgainIfShown(world, dialog, popup);
      expect(world.server.counts.logout - logouts, 'logouts over the live session').to.equal(0);
      expect(world.server.isActive()).to.equal(true);
      expect(provider.state.status).to.equal('active');
    });
  }

  it('the control: signing back in as the previous account fails over the live session: that error stays', async () => {
    const world = createWorld();
    const { popup, provider, dialog } = await signingInByEmail(world);
    world.client.approve({ userId: 'user-b', email: 'b@b.co' });
    await settle(world, SECOND);
    expect(provider.state.status).to.equal('active');
    // "Sign in as a@b.co" while offline: its logout before signing in cannot reach Para.
    world.server.online = false;
    popup.closed = false;
    buttonNamed(dialog, 'Sign in as a@b.co').click();
    await settle(world, 2 * SECOND);
    expect(provider.state.status).to.equal('active');
    expect(nativeDialog(dialog).open, 'the failure of what the user asked for stays on screen').to.equal(true);
    expect(alert(dialog)).to.match(/could not be reached/);
  });

  for (const sessionLengthMs of [2 * 60 * TAB_MINUTE, TAB_MINUTE]) {
    it(`two tabs, ${sessionLengthMs / TAB_MINUTE}-minute sessions: A's popup closed early, B signs in through its dialog; A's error leaves, Try again is gone`, async () => {
      const { popups } = stubPopups();
      const world = new TabPages({ sessionLengthMs });
      try {
        const [a, b] = [world.open(), world.open()];
        await world.run(3 * SECOND);
        await world.reachExpiry();
        button(a.dialog, 'Continue with email')!.click();
        await world.run(SECOND);
        popups[0]!.closed = true;
        await world.run(2 * SECOND);
        expect(button(a.dialog, 'Try again') ?? null, "A's sign-in failed first").to.not.equal(null);
        button(b.dialog, 'Continue with email')!.click();
        await world.run(2 * SECOND);
        b.client.approve();
        await world.run(5 * SECOND);
        const logouts = world.server.counts.logout;
        expect(statuses(world)).to.deep.equal(['active', 'active']);
        expect(dialogOpen(a.dialog), "A's error is over").to.equal(false);
        expect(button(a.dialog, 'Try again') ?? null, 'no way left to log the live session out').to.equal(null);
        await world.run(TAB_MINUTE / 2, 5 * SECOND);
        expect(world.server.counts.logout - logouts).to.equal(0);
        expect(world.server.isActive()).to.equal(true);
      } finally {
        world.destroy();
        sinon.restore();
        document.querySelectorAll('body > div').forEach((host) => host.remove());
      }
    });
  }
});
