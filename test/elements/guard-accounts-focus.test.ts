import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaSessionGuard } from '../../src/elements/para-session-guard/para-session-guard.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, renders, SECOND, sessionFixture, settle } from './support/session-fixture.js';

const slotShown = (guard: ParaSessionGuard) => guard.shadowRoot!.querySelector('slot')!.name || 'default';
const painted = (element: Element) => element.getClientRects().length > 0;
const where = () => {
  const active = deepActiveElement();
  return active === null || active === document.body ? '<body>' : active.id || active.localName;
};

describe('<para-session-guard>: another account, and focus in the content it hides', () => {
  afterEach(() => sinon.restore());

  it("another account signs in from the expired dialog: the previous account's content stays hidden while the dialog asks which account goes on", async () => {
    const world = createWorld();
    const popup = stubWindowOpen();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}
        ><para-session-guard><p id="balance">a@b.co: 12.5 ETH</p><p slot="fallback">Sign in</p></para-session-guard
        ><para-reauth-dialog></para-reauth-dialog
      ></para-session>`,
      world,
    );
    const guard = provider.querySelector('para-session-guard')!;
    const dialog = provider.querySelector('para-reauth-dialog')!;
    const balance = provider.querySelector('#balance')!;
    await reachExpiry(world);
    expect([slotShown(guard), painted(balance)]).to.deep.equal(['fallback', false]);
    const input = shadow(dialog).querySelector('input')!;
    input.value = 'b@b.co';
    input.dispatchEvent(new Event('input'));
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    world.client.approve({ userId: 'user-b', email: 'b@b.co' });
    await settle(world, SECOND);
    const alert = shadow(dialog).querySelector('[role="alert"]')?.textContent ?? '';
    expect([provider.state.status, nativeDialog(dialog).open, alert.includes('belonged to a@b.co')]).to.deep.equal(['active', true, true]);
    // Before, a@b.co's balance showed behind the question's backdrop, and stayed after it.
    expect([slotShown(guard), painted(balance)], "a@b.co's balance while b@b.co is asked").to.deep.equal(['fallback', false]);
    // Signing back in as the account whose session ended: its content again.
    popup.popup.closed = false;
    buttonNamed(dialog, 'Sign in as a@b.co').click();
    await settle(world, SECOND);
    world.client.approve({ userId: 'user-a', email: 'a@b.co' });
    await settle(world, SECOND);
    await settle(world, SECOND);
    expect([provider.state.status, nativeDialog(dialog).open, slotShown(guard), painted(balance)]).to.deep.equal(['active', false, 'default', true]);
  });

  it('the app\'s own "Sign out" inside the guard: focus goes to what the guard shows instead ("Sign in"), not to <body>', async () => {
    const world = createWorld();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}
        ><para-session-guard
          ><main><button id="out" @click=${() => provider.logout()}>Sign out</button></main
          ><p slot="fallback">Sign in to see your wallet. <button id="signin">Sign in</button></p></para-session-guard
        ><para-reauth-dialog></para-reauth-dialog
      ></para-session>`,
      world,
    );
    const out = provider.querySelector<HTMLButtonElement>('#out')!;
    out.focus();
    out.click();
    await settle(world, SECOND);
    await renders();
    expect([provider.state.status, where()]).to.deep.equal(['signed-out', 'signin']);
  });

  it('an expiry with no dialog (the app runs its own sign-in): focus goes to the fallback text, made focusable, not to <body>', async () => {
    const world = createWorld();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}
        ><para-session-guard><button id="send">Send</button><p id="ended" slot="fallback">Your session ended.</p></para-session-guard></para-session
      >`,
      world,
    );
    provider.querySelector<HTMLButtonElement>('#send')!.focus();
    await reachExpiry(world);
    await renders();
    expect([provider.state.status, where()]).to.deep.equal(['expired', 'ended']);
  });

  it('signed in again through the dialog: focus goes back to the control in the content the user was on', async () => {
    const world = createWorld();
    stubWindowOpen();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}
        ><para-session-guard><button id="send">Send</button><p slot="fallback">Signed out <button id="signin">Sign in</button></p></para-session-guard
        ><para-reauth-dialog></para-reauth-dialog
      ></para-session>`,
      world,
    );
    const dialog = provider.querySelector('para-reauth-dialog')!;
    provider.querySelector<HTMLButtonElement>('#send')!.focus();
    await reachExpiry(world);
    expect(nativeDialog(dialog).open).to.equal(true);
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    world.client.approve();
    await settle(world, SECOND);
    await settle(world, SECOND);
    expect([provider.state.status, nativeDialog(dialog).open, where()]).to.deep.equal(['active', false, 'send']);
  });
});
