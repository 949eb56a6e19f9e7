import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import '../../src/locales/de.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { buttonNamed, shadow } from './support/dialog-parts.js';
import { createWorld, reachExpiry, SECOND, sessionFixture, settle } from './support/session-fixture.js';

/**
 * Signed back in with an account known by nothing the person would recognise (a user id only): the question
 * calls it "another account", in the grammatical case each sentence needs ("als ein anderes Konto", not the
 * dative the previous account takes: "gehörte zu einem anderen Konto").
 */
describe('<para-reauth-dialog>: switched to an account known only by its user id', () => {
  afterEach(() => sinon.restore());

  it('German: "als ein anderes Konto" in the sentence and on the button; the previous account by its email', async () => {
    const world = createWorld();
    stubWindowOpen();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session lang="de" .client=${world.client} .engineOptions=${world.engineOptions}><para-reauth-dialog></para-reauth-dialog></para-session>`,
      world,
    );
    const dialog = provider.querySelector('para-reauth-dialog')!;
    await reachExpiry(world);
    buttonNamed(dialog, 'Weiter mit E-Mail')!.click();
    await settle(world, SECOND);
    world.client.email = undefined;
    world.client.approve({ userId: '5b0e6f3c-9d1a' });
    await settle(world, SECOND);
    const said = shadow(dialog).querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(said).to.equal('Sie sind jetzt als ein anderes Konto angemeldet, die abgelaufene Sitzung gehörte aber zu a@b.co.');
    expect(buttonNamed(dialog, 'Weiter als ein anderes Konto'), 'the button').to.not.equal(null);
  });
});
