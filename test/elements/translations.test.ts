import { expect, html } from '@open-wc/testing';
import type { ParaSessionStatus } from '../../src/elements/para-session-status/para-session-status.js';
import { registerTranslation } from '../../src/index.js';
import { createWorld, sessionFixture } from './support/session-fixture.js';

describe('registerTranslation', () => {
  it('adds a language the nearest [lang] picks, English filling the gaps', async () => {
    registerTranslation('fr', { status: { status: { active: 'Connecté' } } as never });
    const world = createWorld();
    const provider = await sessionFixture(html`<para-session lang="fr-CA" .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status></para-session-status></para-session>`, world);
    const status = provider.querySelector<ParaSessionStatus>('para-session-status')!;
    expect(status.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Connecté');
    expect(status.shadowRoot!.querySelector('[part="time"]')!.textContent).to.match(/ left$/);
  });
});
