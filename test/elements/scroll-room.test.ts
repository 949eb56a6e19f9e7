import { expect, html } from '@open-wc/testing';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { cancelToBar, createWorld, renders, sessionFixture, type SessionWorld } from './support/session-fixture.js';

async function cancelledApp(world: SessionWorld, label: string) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
      <section aria-label=${label}><button>${label}</button></section>
      <para-reauth-dialog></para-reauth-dialog>
    </para-session>`,
    world,
  );
  const dialog = provider.querySelector('para-reauth-dialog')!;
  await cancelToBar(world, dialog);
  return { provider, dialog };
}

const padding = () => document.documentElement.style.scrollPaddingBottom;

describe('the bars\' scroll room with two sessions (two dialogs) on one page', () => {
  afterEach(() => {
    document.documentElement.style.scrollPaddingBottom = '';
  });

  it('both bars shown, then both apps removed in the order they came: the page\'s scroll padding is back to none', async () => {
    const first = await cancelledApp(createWorld(), 'App one');
    const afterFirst = padding();
    const second = await cancelledApp(createWorld(), 'App two');
    const afterSecond = padding();
    first.provider.remove();
    await renders();
    const afterOneGone = padding();
    second.provider.remove();
    await renders();
    expect({ afterOneGone: afterOneGone !== '', end: padding() }, `first bar ${afterFirst}, both ${afterSecond}, one gone ${afterOneGone}`).to.deep.equal({ afterOneGone: true, end: '' });
  });

  it('the page\'s own inline scroll-padding-bottom (24px) is what remains once both bars are gone', async () => {
    document.documentElement.style.scrollPaddingBottom = '24px';
    const first = await cancelledApp(createWorld(), 'App one');
    const one = padding();
    const second = await cancelledApp(createWorld(), 'App two');
    const both = padding();
    first.provider.remove();
    await renders();
    second.provider.remove();
    await renders();
    // The bars sit in one place: room for the taller one, not for both stacked.
    expect(both, `one bar: ${one}`).to.equal(one);
    expect(parseFloat(one.replace(/^calc\(/, '')), 'the page\'s 24 px and one bar\'s room').to.be.within(24 + 40, 24 + 200);
    expect(padding(), `while both showed: ${both}`).to.equal('24px');
  });
});
