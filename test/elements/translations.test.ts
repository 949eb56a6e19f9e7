import { expect, html } from '@open-wc/testing';
import type { ParaSessionStatus } from '../../src/elements/para-session-status/para-session-status.js';
import { registerTranslation } from '../../src/index.js';
import { countUpdates, createWorld, sessionFixture } from './support/session-fixture.js';

describe('registerTranslation', () => {
  it('adds a language the nearest [lang] picks, English filling the gaps', async () => {
    registerTranslation('fr', { status: { status: { active: 'Connecté' } } });
    const world = createWorld();
    const provider = await sessionFixture(html`<para-session lang="fr-CA" .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status></para-session-status></para-session>`, world);
    const status = provider.querySelector<ParaSessionStatus>('para-session-status')!;
    expect(status.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Connecté');
    expect(status.shadowRoot!.querySelector('[part="time"]')!.textContent).to.match(/ left$/);
  });
});

const label = (status: ParaSessionStatus) => status.shadowRoot!.querySelector('[part="label"]')!.textContent;

// This file imports no locale module up front: each test below loads one as an app would, at its own time.
describe('locale modules', () => {
  it('leaves a German page in English until para-session-kit/locales/de is loaded, then re-renders it in German', async () => {
    const world = createWorld();
    const provider = await sessionFixture(html`<para-session lang="de-AT" .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status></para-session-status></para-session>`, world);
    const status = provider.querySelector<ParaSessionStatus>('para-session-status')!;
    const lang = () => status.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang');
    expect(label(status)).to.equal('Signed in');
    expect(lang(), 'English texts, labelled English').to.equal('en');
    const { german } = await import('../../src/locales/de.js');
    await status.updateComplete;
    expect(label(status)).to.equal(german.status.status.active);
    expect(lang(), 'German texts, in the page’s region').to.equal('de-AT');
    expect(label(status)).to.equal('Angemeldet');
    expect(status.shadowRoot!.querySelector('[part="time"]')!.textContent).to.match(/^noch /);
  });

  it('keeps what the app registered on top of a locale module, whichever came first', async () => {
    registerTranslation('ar', { status: { status: { active: 'متصل' } } });
    const world = createWorld();
    const provider = await sessionFixture(html`<para-session lang="ar" .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status></para-session-status></para-session>`, world);
    const status = provider.querySelector<ParaSessionStatus>('para-session-status')!;
    expect(label(status)).to.equal('متصل');
    await import('../../src/locales/ar.js');
    await status.updateComplete;
    // The app's word stays; the module fills the rest (the time left, in Arabic, laid out right to left).
    expect(label(status)).to.equal('متصل');
    expect(status.shadowRoot!.querySelector('[part="time"]')!.textContent).to.not.match(/ left$/);
    expect(status.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
  });

  it('stops re-rendering an element once it is removed from the page', async () => {
    const world = createWorld();
    const provider = await sessionFixture(html`<para-session lang="fr" .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status></para-session-status></para-session>`, world);
    const status = provider.querySelector<ParaSessionStatus>('para-session-status')!;
    provider.remove();
    const updates = countUpdates(status);
    registerTranslation('fr', { status: { status: { active: 'Connectée' } } });
    expect(updates()).to.equal(0);
  });
});
