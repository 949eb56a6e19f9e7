import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, reachWarning, renders, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';

/** Issue 10's points, one behaviour each: what a person (or their screen reader) would notice. */
async function dialogIn(world: SessionWorld, attributes: { reauth?: string; countryCode?: string; warnBefore?: number } = {}) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session .client=${world.client} .engineOptions=${world.engineOptions} warn-before=${attributes.warnBefore ?? 120}>
      <para-session-guard><button id="inside-guard">Send</button><p slot="fallback">Signed out</p></para-session-guard>
      <para-reauth-dialog reauth=${attributes.reauth ?? 'full'} country-code=${attributes.countryCode ?? ''}></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')! };
}

const title = (el: ParaReauthDialog) => shadow(el).querySelector('#title')!.textContent!.trim();
const alertText = (el: ParaReauthDialog) => shadow(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const type = async (el: ParaReauthDialog, value: string) => {
  const input = shadow(el).querySelector('input')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await renders();
};

describe('<para-reauth-dialog> people can trust', () => {
  afterEach(() => sinon.restore());

  it('1. reads the expired view out: focus moves to its heading when the warning turns into an expiry', async () => {
    const world = createWorld();
    const { dialog } = await dialogIn(world);
    await reachWarning(world);
    expect(deepActiveElement()!.id).to.equal('title');
    await reachExpiry(world);
    expect(nativeDialog(dialog).open).to.equal(true);
    expect(deepActiveElement()!.id, 'focus is on the heading, not the email field').to.equal('title');
    expect(deepActiveElement()!.textContent!.trim()).to.equal('Welcome back, a@b.co');
    await expect(dialog).to.be.accessible();
  });

  it('2. "Stay signed in" offline keeps the warning open, says why, and keeps focus on the button', async () => {
    const world = createWorld();
    const { provider, dialog } = await dialogIn(world);
    await reachWarning(world);
    await sendKeys({ press: 'Tab' });
    world.server.online = false;
    await sendKeys({ press: 'Enter' });
    expect(deepActiveElement()!.getAttribute('aria-disabled'), 'busy, yet still focusable').to.equal('true');
    await settle(world, 25 * SECOND);
    expect(provider.state.status).to.equal('offline');
    expect(nativeDialog(dialog).open).to.equal(true);
    expect(alertText(dialog)).to.contain('offline');
    expect(deepActiveElement()!.textContent!.trim()).to.equal('Stay signed in');
    await expect(dialog).to.be.accessible();
  });

  it('3. signs a phone user in again by phone: tel field, E.164, country code for national numbers', async () => {
    const world = createWorld();
    world.client.usePhone('+14155552671');
    const popup = stubWindowOpen();
    const { dialog } = await dialogIn(world, { countryCode: '+44' });
    await reachExpiry(world);
    const input = shadow(dialog).querySelector('input')!;
    expect([input.type, input.autocomplete, input.value]).to.deep.equal(['tel', 'tel', '+14155552671']);
    expect(shadow(dialog).querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('Phone number');
    await expect(dialog).to.be.accessible();
    await type(dialog, '12');
    buttonNamed(dialog, 'Continue with phone').click();
    await renders();
    expect(shadow(dialog).querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    expect(popup.open.callCount, 'nothing starts for an invalid number').to.equal(0);
    await type(dialog, '020 7946 0958');
    buttonNamed(dialog, 'Continue with phone').click();
    await settle(world, SECOND);
    expect(world.client.authCalls).to.deep.equal([{ auth: { phone: '+442079460958' } }]);
  });

  it('4. reauth="refresh" renews the same session through refreshSession(), without logging out', async () => {
    const world = createWorld();
    const popup = stubWindowOpen();
    const { provider, dialog } = await dialogIn(world, { reauth: 'refresh' });
    await reachExpiry(world);
    buttonNamed(dialog, 'Sign in again').click();
    await settle(world, SECOND);
    expect(world.client.refreshCalls).to.equal(1);
    expect(world.server.counts.logout).to.equal(0);
    expect(popup.popup.location.href).to.contain('/web/biometrics/login');
    world.server.signIn();
    await settle(world, 3 * SECOND);
    expect(provider.state.status).to.equal('active');
    expect(nativeDialog(dialog).open).to.equal(false);
  });

  it('4. reauth="refresh" falls back to a full sign-in when the SDK can no longer refresh', async () => {
    const world = createWorld();
    world.client.failRefreshWith = new Error('auth is not set');
    stubWindowOpen();
    const { dialog } = await dialogIn(world, { reauth: 'refresh' });
    await reachExpiry(world);
    buttonNamed(dialog, 'Sign in again').click();
    await settle(world, SECOND);
    expect(shadow(dialog).querySelector('[part="notice"]')!.textContent).to.contain('can no longer be renewed');
    expect(buttonNamed(dialog, 'Continue with email')).not.to.equal(undefined);
    expect(alertText(dialog)).not.to.contain('auth is not set');
  });

  it('5. Cancel is not a dead end: a bar offers to sign in again, and it reopens the sign-in', async () => {
    const world = createWorld();
    const { provider, dialog } = await dialogIn(world);
    await reachExpiry(world);
    buttonNamed(dialog, 'Cancel').click();
    await settle(world, SECOND);
    expect(nativeDialog(dialog).open).to.equal(false);
    const resume = shadow(dialog).querySelector('[part="resume"]')!;
    expect(resume.textContent).to.contain('Your work on this page is kept');
    await expect(dialog).to.be.accessible();
    buttonNamed(dialog, 'Sign in again').click();
    await settle(world, SECOND);
    expect(nativeDialog(dialog).open).to.equal(true);
    expect(provider.state.status).to.equal('expired');
    expect(title(dialog)).to.equal('Welcome back, a@b.co');
  });

  it('6. closing the sign-in popup un-sticks the dialog: the SDK flow stops and a retry is offered', async () => {
    const world = createWorld();
    const popup = stubWindowOpen();
    const { dialog } = await dialogIn(world);
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    expect(title(dialog)).to.equal('Finish signing in');
    popup.popup.closed = true;
    await settle(world, SECOND);
    expect(world.client.cancelCalls).to.equal(1);
    expect(alertText(dialog)).to.contain('window was closed');
    expect(deepActiveElement()!.textContent!.trim()).to.equal('Try again');
    await expect(dialog).to.be.accessible();
  });

  it('6. a popup the portal closed after approving is a success, not an error', async () => {
    const world = createWorld();
    const popup = stubWindowOpen();
    const { provider, dialog } = await dialogIn(world);
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    world.server.signIn(); // approved in the portal; the SDK has not polled yet
    popup.popup.closed = true;
    await settle(world, SECOND);
    expect(world.client.cancelCalls).to.equal(0);
    expect(provider.state.status).to.equal('active');
    expect(nativeDialog(dialog).open).to.equal(false);
  });

  it('7. shows people a sentence, never the SDK\'s raw error text', async () => {
    const world = createWorld();
    stubWindowOpen();
    const { dialog } = await dialogIn(world);
    await reachExpiry(world);
    world.client.failNextAuthWith = new Error('TypeError: Cannot read properties of undefined (reading includes)');
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    expect(alertText(dialog)).to.equal('Signing in did not finish. Try again, or use another way to sign in.');
  });

  it('8. says the time in words, with a short warning window announced at 30, 20 and 10 s', async () => {
    const world = createWorld();
    const { dialog } = await dialogIn(world, { warnBefore: 45 });
    await settle(world, world.server.expiresAt! - world.clock.now() - 44 * SECOND);
    const description = shadow(dialog).querySelector('#description')!;
    expect(description.querySelector('[part="countdown"]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(description.querySelector('.visually-hidden')!.textContent).to.equal('44 seconds');
    const heard: string[] = [];
    for (let second = 0; second < 44; second += 1) {
      await settle(world, SECOND);
      for (const region of shadow(dialog).querySelectorAll('[aria-live]')) {
        const text = region.textContent!.trim() && `${region.getAttribute('aria-live')}: ${region.textContent!.trim()}`;
        if (text && !heard.includes(text)) heard.push(text);
      }
    }
    expect(heard).to.deep.equal(['polite: Your session ends in 30 seconds.', 'assertive: Your session ends in 20 seconds.', 'assertive: Your session ends in 10 seconds.']);
  });

  it('10. Escape and the close button both mean "stay signed in" while warning; a native close does too', async () => {
    const world = createWorld();
    const { provider, dialog } = await dialogIn(world, { countryCode: '' });
    await reachWarning(world);
    shadow(dialog).querySelector<HTMLButtonElement>('[part="close"]')!.click();
    await settle(world, SECOND);
    expect(world.server.counts.keepSessionAlive).to.equal(1);
    expect(provider.state.status).to.equal('active');
    await reachWarning(world);
    expect(nativeDialog(dialog).open).to.equal(true);
    nativeDialog(dialog).close();
    // The close event is a task of its own, later still in a background page.
    for (let i = 0; i < 5 && world.server.counts.keepSessionAlive < 2; i += 1) await settle(world, SECOND);
    expect(world.server.counts.keepSessionAlive).to.equal(2);
    await settle(world, SECOND);
    expect(provider.state.status, JSON.stringify(provider.state)).to.equal('active');
    expect(nativeDialog(dialog).open).to.equal(false);
  });

  it('10. focus goes to the way back in, not <body>, when what had it is hidden by the guard', async () => {
    const world = createWorld();
    const { provider, dialog } = await dialogIn(world);
    provider.querySelector<HTMLButtonElement>('#inside-guard')!.focus();
    await reachExpiry(world);
    await sendKeys({ press: 'Escape' });
    await settle(world, SECOND);
    expect(nativeDialog(dialog).open).to.equal(false);
    expect(deepActiveElement()).not.to.equal(document.body);
    expect(deepActiveElement()!.textContent!.trim()).to.equal('Sign in again');
  });
});
