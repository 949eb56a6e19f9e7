import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import { browserEnvironment } from '../../src/core/environment.js';
import type { FakeEnvironment } from '../core/support/fake-environment.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, reachWarning, SECOND, sessionFixture, settle } from './support/session-fixture.js';

/** Lit reports each dev-mode warning once per page: forget the ones already issued so this test sees them. */
function watchLitWarnings(): () => string[] {
  (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings?.clear();
  const warn = sinon.stub(console, 'warn');
  return () => warn.getCalls().map((call) => String(call.args[0])).filter((message) => message.includes('lit.dev/msg/') && !message.includes('dev-mode'));
}

describe('Lit dev-mode warnings', () => {
  afterEach(() => sinon.restore());

  it('the elements schedule no update after an update completed, through warning, expiry, sign-in, cancel and resume', async () => {
    const litWarnings = watchLitWarnings();
    const world = createWorld();
    // The page's own document and window: focus moves inside the dialog are activity the engine hears, as in an app.
    world.engineOptions.environment = browserEnvironment() as FakeEnvironment;
    const popup = stubWindowOpen();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
        <para-session-status></para-session-status>
        <para-session-guard><button>Inside</button></para-session-guard>
        <para-reauth-dialog oauth="google"></para-reauth-dialog>
      </para-session>`,
      world,
    );
    const dialog = provider.querySelector('para-reauth-dialog')!;
    const press = (name: string) => [...dialog.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!.click();
    await reachWarning(world);
    press('Stay signed in');
    await settle(world, SECOND);
    await reachExpiry(world);
    press('Cancel');
    await settle(world, SECOND);
    press('Sign in again');
    await settle(world, SECOND);
    press('Continue with email');
    await settle(world, SECOND);
    popup.popup.closed = true;
    await settle(world, SECOND);
    popup.popup.closed = false;
    press('Try again');
    await settle(world, SECOND);
    world.client.approve();
    for (let i = 0; i < 5 && provider.state.status !== 'active'; i += 1) await settle(world, SECOND);
    expect(provider.state.status).to.equal('active');
    expect(litWarnings()).to.deep.equal([]);
  });
});
