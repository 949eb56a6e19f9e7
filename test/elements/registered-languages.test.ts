import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSessionStatus } from '../../src/elements/para-session-status/para-session-status.js';
import { registerTranslation } from '../../src/index.js';
import { german } from '../../src/locales/de.js';
import { createWorld, reachWarning, sessionFixture } from './support/session-fixture.js';

// One page for the whole file: registrations persist, so each test uses its own language (English last).
async function page(lang: string) {
  const world = createWorld();
  const provider = await sessionFixture<HTMLElement>(
    html`<para-session lang=${lang} .client=${world.client} .engineOptions=${world.engineOptions}>
      <para-session-status format="long"></para-session-status>
      <para-reauth-dialog></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { world, dialog: provider.querySelector<ParaReauthDialog>('para-reauth-dialog')!, status: provider.querySelector<ParaSessionStatus>('para-session-status')! };
}
const text = (root: Element, selector: string) => root.shadowRoot!.querySelector(selector)!.textContent!.trim();
const base = (status: ParaSessionStatus) => status.shadowRoot!.querySelector('[part="base"]')!;

describe('languages an app registers: each tag takes its texts from its whole lineage, in its direction', () => {
  afterEach(() => sinon.restore());

  it('a regional tweak (de-CH: "Schliessen") keeps every other text of the German module', async () => {
    registerTranslation('de-CH', { dialog: { close: 'Schliessen' } });
    const { world, dialog, status } = await page('de-CH');
    await reachWarning(world);
    expect(text(dialog, '#title'), 'warning title on a de-CH page').to.equal(german.dialog.warningTitle);
    expect(text(status, '[part="label"]'), 'status on a de-CH page').to.equal(german.status.status.expiring);
  });

  it('pt-BR wording on top of an app-registered pt keeps the Portuguese', async () => {
    registerTranslation('pt', { status: { status: { active: 'Sessão iniciada' }, timeLeft: 'faltam {time}' } });
    registerTranslation('pt-BR', { status: { notSignedIn: 'Não conectado' } });
    const { status } = await page('pt-BR');
    expect(text(status, '[part="label"]')).to.equal('Sessão iniciada');
  });

  it('zh-Hant-TW is written in the registered zh-Hant (Traditional), not zh (Simplified)', async () => {
    registerTranslation('zh', { status: { status: { active: '已登录' } } });
    registerTranslation('zh-Hant', { status: { status: { active: '已登入' } } });
    const { status } = await page('zh-Hant-TW');
    expect(text(status, '[part="label"]')).to.equal('已登入');
  });

  it('sr-Latn-RS is written in the registered sr-Latn, not English', async () => {
    registerTranslation('sr-Latn', { status: { status: { active: 'Prijavljeni ste' } } });
    const { status } = await page('sr-Latn-RS');
    expect(text(status, '[part="label"]')).to.equal('Prijavljeni ste');
  });

  it('one locale, two spellings: zh-Hant-TW finds texts registered as zh-TW, sr-RS those of sr-Cyrl-RS (and sr-Latn-RS not)', async () => {
    registerTranslation('zh-TW', { status: { status: { active: '已登入（臺灣）' } } });
    expect(text((await page('zh-Hant-TW')).status, '[part="label"]'), 'zh-Hant-TW page').to.equal('已登入（臺灣）');
    registerTranslation('sr-Latn', { status: { status: { active: 'Prijavljeni ste' } } });
    registerTranslation('sr-Cyrl-RS', { status: { status: { active: 'Пријављени сте' } } });
    expect(text((await page('sr-RS')).status, '[part="label"]'), 'sr-RS page').to.equal('Пријављени сте');
    expect(text((await page('sr-Latn-RS')).status, '[part="label"]'), 'sr-Latn-RS page').to.equal('Prijavljeni ste');
  });

  it('a registered Uyghur (ug, Arabic script) is laid out right to left', async () => {
    registerTranslation('ug', { status: { status: { active: 'كىرگەن' } } });
    const { status } = await page('ug');
    expect(base(status).getAttribute('dir')).to.equal('rtl');
  });

  it('a registered Shahmukhi Punjabi (pa-Arab) dialog is laid out right to left', async () => {
    registerTranslation('pa-Arab', { dialog: { warningTitle: 'کیہ تسیں ہلے وی ایتھے او؟' } });
    const { world, dialog } = await page('pa-Arab');
    await reachWarning(world);
    expect(dialog.shadowRoot!.querySelector('dialog')!.getAttribute('dir')).to.equal('rtl');
  });

  it('a translation registered as es_MX or under an old tag (iw) is used on an es-MX (he) page; a tag that is none warns', async () => {
    const warn = sinon.stub(console, 'warn');
    registerTranslation('es_MX', { status: { status: { active: 'Conectado' } } });
    registerTranslation('iw', { status: { status: { active: 'מחובר' } } });
    expect(text((await page('es-MX')).status, '[part="label"]')).to.equal('Conectado');
    const hebrew = (await page('he')).status;
    expect([text(hebrew, '[part="label"]'), base(hebrew).getAttribute('dir')]).to.deep.equal(['מחובר', 'rtl']);
    expect(warn.called, 'nothing to warn of yet').to.equal(false);
    registerTranslation('not a tag', { status: { status: { active: 'x' } } });
    expect(warn.calledWithMatch(/"not a tag" is not a language tag/), 'said once, with the tag').to.equal(true);
  });

  it('a right-to-left language written in the Latin script (ar-Latn) is laid out left to right', async () => {
    registerTranslation('ar-Latn', { status: { status: { active: 'Mutasil' } } });
    const { status } = await page('ar-Latn');
    expect([text(status, '[part="label"]'), base(status).getAttribute('dir')]).to.deep.equal(['Mutasil', 'ltr']);
  });

  it('an app-reworded English is also the English fallback of a language without texts', async () => {
    registerTranslation('en', { status: { status: { active: 'Logged in' } } });
    const en = await page('en');
    expect(text(en.status, '[part="label"]'), 'on an English page').to.equal('Logged in');
    const ja = await page('ja');
    expect(text(ja.status, '[part="label"]'), 'on a Japanese page (no texts: English)').to.equal('Logged in');
  });
});
