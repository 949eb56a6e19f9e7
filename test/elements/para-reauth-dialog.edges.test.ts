import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, reachWarning, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';

async function dialogIn(world: SessionWorld, attributes: { oauth?: string; reauth?: string } = {}) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
      <button id="app-button">App</button>
      <para-reauth-dialog oauth=${attributes.oauth ?? 'google'} reauth=${attributes.reauth ?? 'full'}></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')!, appButton: provider.querySelector<HTMLButtonElement>('#app-button')! };
}


describe('<para-reauth-dialog> at the edges', () => {
  afterEach(() => sinon.restore());

  it('warning, then expiry, then Cancel: focus goes back to what had it before the warning, not to the dialog', async () => {
    const world = createWorld();
    const { provider, dialog, appButton } = await dialogIn(world);
    appButton.focus();
    await reachWarning(world);
    expect(deepActiveElement()!.id).to.equal('title');
    await reachExpiry(world);
    expect(provider.state.status).to.equal('expired');
    expect(nativeDialog(dialog).open).to.equal(true);
    buttonNamed(dialog, 'Cancel').click();
    await settle(world, SECOND);
    expect(nativeDialog(dialog).open).to.equal(false);
    expect(document.activeElement?.id).to.equal(appButton.id);
  });

  it('warning, then expiry, then Escape: the same', async () => {
    const world = createWorld();
    const { dialog, appButton } = await dialogIn(world);
    appButton.focus();
    await reachWarning(world);
    await reachExpiry(world);
    await sendKeys({ press: 'Escape' });
    await settle(world, SECOND);
    expect(nativeDialog(dialog).open).to.equal(false);
    expect(document.activeElement?.id).to.equal(appButton.id);
  });

  it('signed in as another account, then "Sign in as" the original one: closes as a plain re-auth, no error', async () => {
    const world = createWorld();
    const { popup } = stubWindowOpen();
    const { provider, dialog } = await dialogIn(world);
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    world.client.approve({ userId: 'user-b', email: 'b@b.co' });
    await settle(world, SECOND);
    expect(shadow(dialog).querySelector('[role="alert"]')!.textContent).to.contain('b@b.co');
    // A new sign-in window (the fake hands out the same one, closed by the first sign-in).
    popup.closed = false;
    buttonNamed(dialog, 'Sign in as a@b.co').click();
    await settle(world, SECOND);
    world.client.approve({ userId: 'user-a', email: 'a@b.co' });
    await settle(world, SECOND);
    expect(provider.state.status).to.equal('active');
    expect(shadow(dialog).querySelector('[role="alert"]')?.textContent ?? null, 'no "signed in as a@b.co, but … a@b.co"').to.equal(null);
    expect(nativeDialog(dialog).open).to.equal(false);
  });

  it('a Google account signed in as someone else: "Sign in as" the original one signs in with Google again, not by email', async () => {
    const world = createWorld();
    Object.assign(world.client, { authInfo: { authType: 'google', auth: { email: 'a@b.co' } } });
    const { popup } = stubWindowOpen();
    const { dialog } = await dialogIn(world, { oauth: 'google' });
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with Google').click();
    await settle(world, SECOND);
    world.client.approve({ userId: 'user-b', email: 'b@b.co' });
    await settle(world, SECOND);
    popup.closed = false;
    buttonNamed(dialog, 'Sign in as a@b.co').click();
    await settle(world, SECOND);
    expect(world.client.authCalls.map((call) => (call as { method?: string }).method ?? JSON.stringify(call))).to.deep.equal(['GOOGLE', 'GOOGLE']);
  });

  it('an account without email (Telegram), signed in as someone else: the way back is Telegram again, never an email sign-in with no email', async () => {
    const world = createWorld();
    world.client.email = undefined;
    const { popup } = stubWindowOpen();
    const { dialog } = await dialogIn(world, { oauth: 'telegram' });
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with Telegram').click();
    await settle(world, SECOND);
    world.client.approve({ userId: 'user-b' });
    await settle(world, SECOND);
    const labels = [...shadow(dialog).querySelectorAll('[part="actions"] button')].map((button) => button.textContent!.trim());
    expect(labels, 'no user id on either button: an id means nothing to the user').to.deep.equal(['Continue with Telegram', 'Continue as another account']);
    popup.closed = false;
    buttonNamed(dialog, 'Continue with Telegram').click();
    await settle(world, SECOND);
    expect(world.client.authCalls.map((call) => (call as { method?: string }).method ?? JSON.stringify(call))).to.deep.equal(['TELEGRAM', 'TELEGRAM']);
    await expect(dialog).to.be.accessible();
  });

  it('nothing known of the original account: "Sign in with your previous account" shows the sign-in form, and its Cancel goes back', async () => {
    const world = createWorld();
    world.client.email = undefined;
    const { popup } = stubWindowOpen();
    const { provider, dialog } = await dialogIn(world, { oauth: '' });
    await reachExpiry(world);
    const typeEmail = (value: string) => {
      const email = shadow(dialog).querySelector('input')!;
      email.value = value;
      email.dispatchEvent(new Event('input'));
    };
    typeEmail('b@b.co');
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    world.client.approve({ userId: 'user-b', email: 'b@b.co' });
    await settle(world, SECOND);
    expect(buttonNamed(dialog, 'Sign in with your previous account'), 'no "Sign in as user-a"').to.not.equal(undefined);
    buttonNamed(dialog, 'Sign in with your previous account').click();
    await settle(world, SECOND);
    expect(world.client.authCalls, 'no sign-in started with an empty email').to.deep.equal([{ auth: { email: 'b@b.co' } }]);
    expect(nativeDialog(dialog).open, 'the dialog stays open on the form').to.equal(true);
    expect(shadow(dialog).querySelector('#title')!.textContent!.trim()).to.equal('Your session has ended');
    expect(deepActiveElement()?.id, 'focus is on the field').to.equal('email');
    await expect(dialog).to.be.accessible();
    buttonNamed(dialog, 'Cancel').click();
    await settle(world, SECOND);
    expect(deepActiveElement()?.textContent?.trim(), 'Cancel goes back to the choice').to.equal('Sign in with your previous account');
    buttonNamed(dialog, 'Sign in with your previous account').click();
    await settle(world, SECOND);
    popup.closed = false;
    typeEmail('a@b.co');
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    world.client.approve({ userId: 'user-a', email: 'a@b.co' });
    await settle(world, SECOND);
    expect(world.client.authCalls.at(-1)).to.deep.equal({ auth: { email: 'a@b.co' } });
    expect(provider.state.status).to.equal('active');
    expect(nativeDialog(dialog).open).to.equal(false);
  });

  it('a sign-in method the client lacks: the error takes focus on its Cancel, not the page body', async () => {
    const world = createWorld();
    stubWindowOpen();
    (world.client as { authenticateWithOAuth?: unknown }).authenticateWithOAuth = undefined;
    const { dialog } = await dialogIn(world);
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with Google').focus();
    await sendKeys({ press: 'Enter' });
    await settle(world, SECOND);
    expect(shadow(dialog).querySelector('[role="alert"]')).to.not.equal(null);
    const focused = deepActiveElement();
    expect(focused === document.body, 'focus stays in the dialog').to.equal(false);
    expect(focused!.textContent!.trim()).to.equal('Cancel');
    await expect(dialog).to.be.accessible();
  });

  it('warns once about an unknown reauth value and signs in with the full flow', async () => {
    const warn = sinon.stub(console, 'warn');
    const world = createWorld();
    const { dialog } = await dialogIn(world, { reauth: 'bogus' });
    const warnings = warn.getCalls().map((call) => String(call.args[0])).filter((message) => message.includes('reauth='));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('reauth="bogus"');
    expect(warnings[0]).to.match(/full/);
    await reachExpiry(world);
    expect(buttonNamed(dialog, 'Continue with email')).to.not.equal(undefined);
    dialog.requestUpdate();
    await settle(world);
    expect(warn.getCalls().filter((call) => String(call.args[0]).includes('reauth='))).to.have.length(1);
  });
});

describe('<para-session-status> bad input', () => {
  afterEach(() => sinon.restore());

  it('warns once about an unknown format and shows the short one', async () => {
    const warn = sinon.stub(console, 'warn');
    const world = createWorld();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status format="bogus"></para-session-status></para-session>`,
      world,
    );
    const status = provider.querySelector('para-session-status')!;
    const warnings = warn.getCalls().map((call) => String(call.args[0])).filter((message) => message.includes('format='));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('format="bogus"');
    expect(warnings[0]).to.match(/short/);
    expect(status.timeLeftText).to.match(/hr/);
    status.requestUpdate();
    await settle(world, 2 * SECOND);
    expect(warn.getCalls().filter((call) => String(call.args[0]).includes('format='))).to.have.length(1);
    void fixture;
  });
});
