import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';

/**
 * a@b.co's session ends; the user signs back in as b@b.co and is asked which account goes on. Before they
 * answer, b@b.co's session ends too: the question is about a session that is over, so the dialog asks again
 * for the session that ended now, b@b.co's.
 */
async function askedAfterSwitch() {
  const world = createWorld();
  const { popup } = stubWindowOpen();
  const provider = await sessionFixture<ParaSession>(
    html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}><para-reauth-dialog></para-reauth-dialog></para-session>`,
    world,
  );
  const dialog = provider.querySelector('para-reauth-dialog')!;
  await reachExpiry(world);
  buttonNamed(dialog, 'Continue with email').click();
  await settle(world, SECOND);
  world.client.approve({ userId: 'user-b', email: 'b@b.co' });
  await settle(world, SECOND);
  expect(shadow(dialog).querySelector('#title')!.textContent).to.contain('another account');
  return { world, popup, provider, dialog };
}

function shown(dialog: ParaReauthDialog) {
  const root = shadow(dialog);
  return {
    title: root.querySelector('#title')!.textContent!.trim(),
    alert: root.querySelector('[role="alert"]')?.textContent?.trim() ?? null,
    email: root.querySelector<HTMLInputElement>('input[type="email"]')?.value ?? null,
  };
}

async function endsAgain(world: SessionWorld, how: 'expiry' | 'revoke') {
  if (how === 'expiry') {
    await reachExpiry(world);
  } else {
    world.server.revoke();
    // The check on coming back to the page finds it.
    world.environment.document.setVisible(false);
    await settle(world, 60 * SECOND);
    world.environment.document.setVisible(true);
    await settle(world, SECOND);
  }
}

describe('<para-reauth-dialog>: the session of the account switched to ends before the user answers', () => {
  afterEach(() => sinon.restore());

  for (const how of ['expiry', 'revoke'] as const) {
    it(`by ${how}: the question goes, and the form is filled with the account whose session ended now`, async () => {
      const { world, dialog, provider } = await askedAfterSwitch();
      await endsAgain(world, how);
      expect(provider.state.status).to.equal('expired');
      expect(nativeDialog(dialog).open).to.equal(true);
      const now = shown(dialog);
      expect(now.alert, 'no question about a session that is over').to.equal(null);
      expect(now.title).to.equal('Welcome back, b@b.co');
      expect(now.email).to.equal('b@b.co');
      await expect(dialog).to.be.accessible();
    });
  }

  it('signing in from that form as b@b.co closes the dialog as a plain re-auth', async () => {
    const { world, dialog, popup, provider } = await askedAfterSwitch();
    await endsAgain(world, 'expiry');
    popup.closed = false;
    buttonNamed(dialog, 'Continue with email').click();
    await settle(world, SECOND);
    world.client.approve({ userId: 'user-b', email: 'b@b.co' });
    await settle(world, SECOND);
    expect(provider.state.status).to.equal('active');
    expect(shadow(dialog).querySelector('[role="alert"]'), 'not asked again which account goes on').to.equal(null);
    expect(nativeDialog(dialog).open).to.equal(false);
  });
});
