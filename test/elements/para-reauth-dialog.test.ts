import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { networkError, PASSKEY_URL } from './support/auth-client.js';
import { userActs } from '../core/support/fake-environment.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, reachWarning, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';

async function dialogIn(world: SessionWorld, inner = html``) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
      <button id="app-button">App</button>
      <para-reauth-dialog oauth="google">${inner}</para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')! };
}


describe('<para-reauth-dialog>', () => {
  afterEach(() => sinon.restore());

  describe('warning mode', () => {
    it('opens as a modal with the countdown, focuses its heading, and passes axe', async () => {
      const world = createWorld();
      const { dialog } = await dialogIn(world);
      expect(nativeDialog(dialog).open).to.equal(false);
      await reachWarning(world);
      expect(nativeDialog(dialog).open).to.equal(true);
      expect(nativeDialog(dialog).matches(':modal')).to.equal(true);
      expect(shadow(dialog).querySelector('[part="countdown"]')!.textContent).to.equal('1:50');
      expect(deepActiveElement()!.id).to.equal('title');
      expect(deepActiveElement()!.textContent!.trim()).to.equal('Are you still there?');
      await expect(dialog).to.be.accessible();
      await settle(world, SECOND);
      expect(shadow(dialog).querySelector('[part="countdown"]')!.textContent).to.equal('1:49');
    });

    it('announces the time left in words every 15 s, then assertively at 20 and 10 s', async () => {
      const world = createWorld();
      const { dialog } = await dialogIn(world);
      await reachWarning(world);
      const live = (kind: string) => shadow(dialog).querySelector(`[data-live="${kind}"]`)!.textContent!.trim();
      const heard: string[] = [];
      for (let second = 0; second < 110; second += 1) {
        await settle(world, SECOND);
        for (const kind of ['polite', 'assertive']) {
          const text = live(kind) && `${kind}: ${live(kind)}`;
          if (text && !heard.includes(text)) heard.push(text);
        }
      }
      expect(heard).to.deep.equal([
        'polite: Your session ends in 1 minute, 45 seconds.',
        'polite: Your session ends in 1 minute, 30 seconds.',
        'polite: Your session ends in 1 minute, 15 seconds.',
        'polite: Your session ends in 1 minute.',
        'polite: Your session ends in 45 seconds.',
        'polite: Your session ends in 30 seconds.',
        'assertive: Your session ends in 20 seconds.',
        'assertive: Your session ends in 10 seconds.',
      ]);
    });

    it('extends from the keyboard alone, closes, and returns focus', async () => {
      const world = createWorld();
      const { provider, dialog } = await dialogIn(world);
      const appButton = provider.querySelector<HTMLButtonElement>('#app-button')!;
      appButton.focus();
      await reachWarning(world);
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()!.textContent!.trim(), 'the first Tab reaches the main action').to.equal('Stay signed in');
      await sendKeys({ press: 'Enter' });
      await settle(world, SECOND);
      expect(provider.state.status).to.equal('active');
      expect(nativeDialog(dialog).open).to.equal(false);
      expect(document.activeElement).to.equal(appButton);
    });

    it('does not treat pointer movement as a choice while open', async () => {
      const world = createWorld();
      const { provider, dialog } = await dialogIn(world);
      await reachWarning(world);
      userActs(world.environment, 'pointermove');
      await settle(world, 10 * SECOND);
      expect(world.server.counts.keepSessionAlive).to.equal(0);
      expect(nativeDialog(dialog).open).to.equal(true);
      expect(provider.state.status).to.equal('expiring');
    });

    it('closes when the session is extended elsewhere', async () => {
      const world = createWorld();
      const { provider, dialog } = await dialogIn(world);
      await reachWarning(world);
      const extended = provider.extend();
      await settle(world, SECOND);
      expect(await extended).to.equal(true);
      expect(nativeDialog(dialog).open).to.equal(false);
    });

    it('turns Escape into a cancelable para-request-close that stays signed in', async () => {
      const world = createWorld();
      const { provider, dialog } = await dialogIn(world);
      await reachWarning(world);
      const prevent = (event: Event) => event.preventDefault();
      dialog.addEventListener('para-request-close', prevent, { once: true });
      await sendKeys({ press: 'Escape' });
      await settle(world);
      expect(nativeDialog(dialog).open, 'prevented: stays open').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(world, SECOND);
      expect(nativeDialog(dialog).open).to.equal(false);
      expect(world.server.counts.keepSessionAlive).to.equal(1);
      expect(provider.state.status).to.equal('active');
    });

    it('signs out from "Sign out"', async () => {
      const world = createWorld();
      const { provider, dialog } = await dialogIn(world);
      await reachWarning(world);
      buttonNamed(dialog, 'Sign out').click();
      await settle(world, SECOND);
      expect(provider.state.status).to.equal('signed-out');
      expect(nativeDialog(dialog).open).to.equal(false);
    });
  });

  describe('expired mode', () => {
    it('greets the account, explains the expiry with the email pre-filled, focuses the heading, and passes axe', async () => {
      const world = createWorld();
      const { dialog } = await dialogIn(world);
      await reachExpiry(world);
      expect(nativeDialog(dialog).open).to.equal(true);
      expect(shadow(dialog).querySelector('#title')!.textContent!.trim()).to.equal('Welcome back, a@b.co');
      const input = shadow(dialog).querySelector('input')!;
      expect(input.value).to.equal('a@b.co');
      expect(deepActiveElement()!.id).to.equal('title');
      await expect(dialog).to.be.accessible();
    });

    it('signs in again from the keyboard: logout first, popup from the gesture, portal URL, resumes waiters', async () => {
      const world = createWorld();
      const popup = stubWindowOpen();
      const { provider, dialog } = await dialogIn(world);
      await reachExpiry(world);
      const waiter = provider.requireActive();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      expect(popup.open).to.have.been.calledOnceWith('', 'para-auth', 'popup,width=480,height=640');
      await settle(world, SECOND);
      expect(world.server.counts.logout).to.equal(1);
      expect(world.client.authCalls).to.deep.equal([{ auth: { email: 'a@b.co' } }]);
      expect(popup.popup.location.href).to.equal(PASSKEY_URL);
      expect(shadow(dialog).querySelector('[role="status"]')!.textContent).to.contain('Complete the sign-in');
      await expect(dialog).to.be.accessible();
      world.client.approve();
      await settle(world, SECOND);
      await waiter;
      expect(provider.state.status).to.equal('active');
      expect(nativeDialog(dialog).open).to.equal(false);
      expect(popup.popup.closed).to.equal(true);
      expect(world.client.phaseListenerCount).to.equal(0);
    });

    it('reports a blocked popup with a retry, without logging out', async () => {
      const world = createWorld();
      const blocked = stubWindowOpen(true);
      const { dialog } = await dialogIn(world);
      await reachExpiry(world);
      buttonNamed(dialog, 'Continue with email').click();
      await settle(world, SECOND);
      expect(shadow(dialog).querySelector('[role="alert"]')!.textContent).to.contain('blocked the sign-in window');
      expect(world.server.counts.logout).to.equal(0);
      await expect(dialog).to.be.accessible();
      blocked.restore();
      const popup = stubWindowOpen();
      buttonNamed(dialog, 'Try again').click();
      expect(popup.open.callCount).to.equal(1);
    });

    it('reports a network failure with a retry', async () => {
      const world = createWorld();
      stubWindowOpen();
      const { dialog } = await dialogIn(world);
      await reachExpiry(world);
      world.client.failNextAuthWith = networkError();
      buttonNamed(dialog, 'Continue with email').click();
      await settle(world, SECOND);
      expect(shadow(dialog).querySelector('[role="alert"]')!.textContent).to.contain('could not be reached');
      buttonNamed(dialog, 'Try again').click();
      await settle(world, SECOND);
      expect(world.client.authCalls).to.have.length(2);
    });

    it('shows a sign-in as another account and offers both ways on', async () => {
      const world = createWorld();
      stubWindowOpen();
      const { provider, dialog } = await dialogIn(world);
      await reachExpiry(world);
      shadow(dialog).querySelector('input')!.value = 'b@b.co';
      shadow(dialog).querySelector('input')!.dispatchEvent(new Event('input'));
      buttonNamed(dialog, 'Continue with email').click();
      await settle(world, SECOND);
      world.client.approve({ userId: 'user-b', email: 'b@b.co' });
      await settle(world, SECOND);
      expect(provider.state.status).to.equal('active');
      expect(nativeDialog(dialog).open).to.equal(true);
      expect(shadow(dialog).querySelector('[role="alert"]')!.textContent).to.contain('signed in as b@b.co, but the session that ended belonged to a@b.co');
      await expect(dialog).to.be.accessible();
      buttonNamed(dialog, 'Continue as b@b.co').click();
      await settle(world);
      expect(nativeDialog(dialog).open).to.equal(false);
    });

    it('cancels: stops the SDK flow, rejects waiters, dispatches para-reauth-cancel, offers a way back', async () => {
      const world = createWorld();
      stubWindowOpen();
      const { provider, dialog } = await dialogIn(world);
      await reachExpiry(world);
      const waiter = provider.requireActive().catch((error: Error) => error.name);
      const cancelled = new Promise<string>((resolve) => provider.addEventListener('para-reauth-cancel', (event) => resolve(event.detail.reason)));
      buttonNamed(dialog, 'Continue with email').click();
      await settle(world, SECOND);
      buttonNamed(dialog, 'Cancel').click();
      await settle(world, SECOND);
      expect(world.client.cancelCalls).to.equal(1);
      expect(await cancelled).to.equal('cancelled');
      expect(await waiter).to.equal('SessionUnavailableError');
      expect(nativeDialog(dialog).open).to.equal(false);
      expect(provider.state.status).to.equal('expired');
      expect(shadow(dialog).querySelector('[part="resume"]')).not.to.equal(null);
    });

    it('runs OAuth from the oauth attribute through the same popup', async () => {
      const world = createWorld();
      const popup = stubWindowOpen();
      const { dialog } = await dialogIn(world);
      await reachExpiry(world);
      buttonNamed(dialog, 'Continue with Google').click();
      expect(popup.open.callCount).to.equal(1);
      await settle(world, SECOND);
      expect((world.client.authCalls[0] as { method: string }).method).to.equal('GOOGLE');
      expect(popup.popup.location.href).to.equal('https://oauth.test/google');
    });

    it('does not open its sign-in when the page prevents para-reauth-request', async () => {
      const world = createWorld();
      const { provider, dialog } = await dialogIn(world);
      provider.addEventListener('para-reauth-request', (event) => event.preventDefault());
      await reachExpiry(world);
      expect(nativeDialog(dialog).open).to.equal(false);
    });

    it('shows the app\'s own sign-in from slot auth and closes when the session is active', async () => {
      const world = createWorld();
      const { dialog } = await dialogIn(world, html`<button slot="auth">Sign in with our SSO</button>`);
      await reachExpiry(world);
      expect(shadow(dialog).querySelector('form')).to.equal(null);
      expect(shadow(dialog).querySelector('slot[name="auth"]')).not.to.equal(null);
      await expect(dialog).to.be.accessible();
      world.client.approve();
      world.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
      await settle(world, SECOND);
      expect(nativeDialog(dialog).open).to.equal(false);
    });
  });

  describe('properties', () => {
    it('replaces texts through strings and warns about unknown oauth methods', async () => {
      const world = createWorld();
      const warn = sinon.stub(console, 'warn');
      const { dialog } = await dialogIn(world);
      dialog.strings = { staySignedIn: 'Angemeldet bleiben' };
      dialog.oauth = 'google myspace';
      await reachWarning(world);
      expect(buttonNamed(dialog, 'Angemeldet bleiben')).not.to.equal(undefined);
      expect(dialog.providers).to.deep.equal(['GOOGLE']);
      expect(warn.getCalls().map((call) => String(call.args[0]))).to.include(
        '<para-reauth-dialog>: oauth="google myspace" has unknown methods (myspace); ignoring them. Known: google, apple, discord, x, facebook, telegram, farcaster.',
      );
    });

    it('opens only one dialog per provider', async () => {
      const world = createWorld();
      const provider = await sessionFixture<ParaSession>(
        html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
          <para-reauth-dialog></para-reauth-dialog><para-reauth-dialog></para-reauth-dialog>
        </para-session>`,
        world,
      );
      await reachWarning(world);
      const open = [...provider.querySelectorAll('para-reauth-dialog')].filter((el) => nativeDialog(el).open);
      expect(open).to.have.length(1);
    });

    it('works with no provider: stays closed', async () => {
      const el = await fixture<ParaReauthDialog>(html`<para-reauth-dialog></para-reauth-dialog>`);
      expect(nativeDialog(el).open).to.equal(false);
    });
  });
});
