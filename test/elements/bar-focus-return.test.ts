import { expect, html } from '@open-wc/testing';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { cancelToBar, createWorld, renders, SECOND, sessionFixture, settle } from './support/session-fixture.js';

/** The user works in the guard's content; the session ends; they press Cancel and get the "Sign in again" bar. */
async function barInPlaceOfGuardedButton() {
  const world = createWorld();
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
      <para-session-guard>
        <button id="pay">Pay</button>
        <p slot="fallback">Sign in to see your wallet.</p>
      </para-session-guard>
      <para-reauth-dialog></para-reauth-dialog>
    </para-session>`,
    world,
  );
  const pay = provider.querySelector<HTMLButtonElement>('#pay')!;
  pay.focus();
  const dialog = provider.querySelector('para-reauth-dialog')!;
  await cancelToBar(world, dialog);
  await renders();
  expect(deepActiveElement()?.textContent?.trim(), 'the bar stands in for the hidden button').to.equal('Sign in again');
  return { world, provider, dialog, pay };
}

describe('the "Sign in again" bar gives focus back when it goes', () => {
  it('the app signs the user in itself: focus goes back to the button the bar stood in for, shown again', async () => {
    const { world, provider, pay } = await barInPlaceOfGuardedButton();
    world.server.signIn();
    world.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
    await settle(world, SECOND);
    await renders();
    expect(provider.state.status).to.equal('active');
    const focused = deepActiveElement();
    expect(focused === pay ? 'the Pay button' : `${focused?.tagName} ${focused?.textContent?.trim().slice(0, 30)}`, 'not <body>').to.equal('the Pay button');
  });

  it('the app signs the user out: focus goes to what the guard shows instead, not <body>', async () => {
    const { world, provider } = await barInPlaceOfGuardedButton();
    await provider.logout();
    await settle(world, SECOND);
    await renders();
    expect(provider.state.status).to.equal('signed-out');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Sign in to see your wallet.');
  });
});
