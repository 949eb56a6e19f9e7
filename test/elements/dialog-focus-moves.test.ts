import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { nativeDialog, shadow } from './support/dialog-parts.js';
import { createWorld, reachExpiry, reachWarning, renders, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';

/** What a keyboard user was on stays theirs: a move keeps it, a dialog that goes gives it back to what had it. */
async function page(world: SessionWorld) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
      <button id="app-button">App</button>
      <para-session-status></para-session-status>
      <div id="a"><para-reauth-dialog></para-reauth-dialog></div>
      <div id="b"></div>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')!, status: provider.querySelector('para-session-status')! };
}

const where = () => {
  const a = deepActiveElement();
  return a ? `${a.localName}#${a.id}:${(a.textContent ?? '').trim().slice(0, 30)}` : 'null';
};

describe('focus when the open dialog is moved, teleported out or removed', () => {
  afterEach(() => sinon.restore());

  it('the warning teleported out of its session closes: focus goes back to what had it before the warning, not to <body>', async () => {
    const world = createWorld();
    const { provider, dialog } = await page(world);
    provider.querySelector<HTMLButtonElement>('#app-button')!.focus();
    await reachWarning(world);
    expect(deepActiveElement()?.id, 'warning took focus').to.equal('title');
    const elsewhere = document.body.appendChild(document.createElement('div'));
    elsewhere.appendChild(dialog);
    await settle(world, SECOND);
    await settle(world, SECOND);
    expect(nativeDialog(dialog).open, 'closed').to.equal(false);
    expect(where(), 'focus after the teleported dialog closed').to.equal('button#app-button:App');
    elsewhere.remove();
    provider.remove();
  });

  it('the provider moved while the keyboard user is on "Stay signed in": focus stays on it', async () => {
    const world = createWorld();
    const { provider } = await page(world);
    await reachWarning(world);
    await sendKeys({ press: 'Tab' });
    expect(where()).to.contain('Stay signed in');
    const target = document.body.appendChild(document.createElement('div'));
    target.appendChild(provider);
    await settle(world, SECOND);
    expect(where(), 'focus after the move').to.contain('Stay signed in');
    target.remove();
  });

  it('the provider moved while the user types their email: focus stays in the field and the next keys land there', async () => {
    const world = createWorld();
    const { provider, dialog } = await page(world);
    await reachExpiry(world);
    const input = shadow(dialog).querySelector<HTMLInputElement>('input')!;
    input.focus();
    input.select();
    await sendKeys({ type: 'ada@' });
    expect(where()).to.match(/^input#email/);
    const target = document.body.appendChild(document.createElement('div'));
    target.appendChild(provider);
    await settle(world, SECOND);
    await renders();
    await sendKeys({ type: 'b.co' });
    expect({ focus: where(), value: shadow(dialog).querySelector<HTMLInputElement>('input')!.value }, 'after the move').to.deep.equal({ focus: 'input#email:', value: 'ada@b.co' });
    target.remove();
  });

  it('the warning removed for good (a route change unmounts it): focus goes back to what had it before the warning', async () => {
    const world = createWorld();
    const { provider, dialog } = await page(world);
    provider.querySelector<HTMLButtonElement>('#app-button')!.focus();
    await reachWarning(world);
    expect(deepActiveElement()?.id, 'warning took focus').to.equal('title');
    dialog.remove();
    await settle(world, SECOND);
    await settle(world, SECOND);
    expect(where(), 'focus after the dialog was removed').to.equal('button#app-button:App');
    provider.remove();
  });

  for (const auth of ['a plain <input>', 'a field component with delegatesFocus'] as const) {
    it(`the app's own sign-in in the auth slot (${auth}): the provider moved while the user types, the next keys land in the field`, async () => {
      const world = createWorld();
      const field = auth === 'a plain <input>' ? html`<input id="sso" aria-label="Work email" />` : html`<test-field id="sso"></test-field>`;
      const provider = await sessionFixture<ParaSession>(
        html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
          <para-reauth-dialog><form slot="auth">${field}<button type="button">Go</button></form></para-reauth-dialog>
        </para-session>`,
        world,
      );
      await reachExpiry(world);
      const sso = provider.querySelector<HTMLElement>('#sso')!;
      sso.focus();
      await sendKeys({ type: 'ada@' });
      const before = where();
      const target = document.body.appendChild(document.createElement('div'));
      target.appendChild(provider);
      await settle(world, SECOND);
      await renders();
      await sendKeys({ type: 'b.co' });
      const input = sso.shadowRoot?.querySelector('input') ?? (sso as HTMLInputElement);
      expect({ before, after: where(), value: input.value }).to.deep.equal({ before, after: before, value: 'ada@b.co' });
      target.remove();
    });
  }
});

/** A design-system text field: its <input> in its own shadow root, focus delegated to it. */
class TestField extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open', delegatesFocus: true }).innerHTML = '<input id="inner" aria-label="Work email">';
  }
}
if (!customElements.get('test-field')) customElements.define('test-field', TestField);
