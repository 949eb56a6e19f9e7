import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { german } from '../../src/locales/de.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { buttonNamed, shadow } from './support/dialog-parts.js';
import { createWorld, reachExpiry, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';

/**
 * Accounts the SDK knows by an OAuth method only: Telegram and Farcaster users have no email or phone (SDK 2.31
 * stores `{ auth: { telegramUserId }, authType: 'telegram', displayName }`), and X is `TWITTER` to the SDK.
 * Their way back is that method, whether or not the page's `oauth` lists it.
 */
async function expiredAs(authInfo: Record<string, unknown>, { oauth = '', lang = 'en' } = {}) {
  const world = createWorld();
  Object.assign(world.client, { email: undefined, phone: undefined, authInfo });
  stubWindowOpen();
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang=${lang} .client=${world.client} .engineOptions=${world.engineOptions}><para-reauth-dialog oauth=${oauth}></para-reauth-dialog></para-session>`,
    world,
  );
  const dialog = provider.querySelector('para-reauth-dialog')!;
  await reachExpiry(world);
  return { world, provider, dialog };
}

const title = (dialog: ParaReauthDialog) => shadow(dialog).querySelector('#title')!.textContent!.trim();
const primary = (dialog: ParaReauthDialog) => shadow(dialog).querySelector('[part~="button-primary"]')?.textContent?.trim() ?? null;
const oauthCalls = (world: SessionWorld) => world.client.authCalls.map((call) => (call as { method?: string }).method).filter(Boolean);

const accounts = [
  { name: 'Telegram', info: { auth: { telegramUserId: '123456789' }, authType: 'telegram', identifier: '123456789', displayName: 'Tom Telegram' }, sdk: 'TELEGRAM' },
  { name: 'Farcaster', info: { auth: { farcasterUsername: 'dwr' }, authType: 'farcaster', identifier: 'dwr', displayName: 'Dan R' }, sdk: 'FARCASTER' },
  { name: 'X', info: { auth: { userId: 'x-1' }, authType: 'TWITTER', displayName: 'Xena' }, sdk: 'TWITTER' },
];

describe('<para-reauth-dialog>: accounts known by their OAuth method only', () => {
  afterEach(() => sinon.restore());

  for (const { name, info, sdk } of accounts) {
    for (const oauth of ['', 'google']) {
      it(`${name}, oauth="${oauth}": greeted by name, "Continue with ${name}" first, and it signs in with the SDK's ${sdk}`, async () => {
        const { world, provider, dialog } = await expiredAs(info, { oauth });
        expect(title(dialog)).to.equal(`Welcome back, ${info.displayName}`);
        expect(primary(dialog)).to.equal(`Continue with ${name}`);
        await expect(dialog).to.be.accessible();
        buttonNamed(dialog, `Continue with ${name}`)!.click();
        await settle(world, SECOND);
        expect(oauthCalls(world)).to.deep.equal([sdk]);
        world.client.approve();
        await settle(world, 2 * SECOND);
        expect(provider.state.status).to.equal('active');
      });
    }
  }

  it('German: a Telegram account is greeted and led back in German', async () => {
    const { dialog } = await expiredAs(accounts[0]!.info, { lang: 'de' });
    expect(title(dialog)).to.equal(german.dialog!.expiredTitleKnown!.replace('{name}', 'Tom Telegram'));
    expect(primary(dialog)).to.equal(german.dialog!.continueWithProvider!.replace('{provider}', 'Telegram'));
  });

  it('oauth="x twitter": one "Continue with X", which asks the SDK for TWITTER (an X opens a path that does not exist)', async () => {
    const world = createWorld();
    stubWindowOpen();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}><para-reauth-dialog oauth="x twitter"></para-reauth-dialog></para-session>`,
      world,
    );
    const dialog = provider.querySelector('para-reauth-dialog')!;
    await reachExpiry(world);
    const named = [...shadow(dialog).querySelectorAll('button')].filter((button) => button.textContent!.trim() === 'Continue with X');
    expect(named.length).to.equal(1);
    named[0]!.click();
    await settle(world, SECOND);
    expect(oauthCalls(world)).to.deep.equal(['TWITTER']);
  });
});
