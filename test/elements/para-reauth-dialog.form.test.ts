import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { toE164 } from '../../src/elements/para-reauth-dialog/phone.js';
import { german } from '../../src/locales/de.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, renders, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';

async function dialogIn(world: SessionWorld, { countryCode = '', lang = 'en' } = {}) {
  // The language on the provider, not a wrapper: fixture() waits an animation frame for a plain element,
  // and a test page running in the background gets none.
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang=${lang} .client=${world.client} .engineOptions=${world.engineOptions}>
      <para-reauth-dialog country-code=${countryCode}></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')! };
}

const shadow = (el: ParaReauthDialog) => el.shadowRoot!;
const input = (el: ParaReauthDialog) => shadow(el).querySelector('input')!;
const type = async (el: ParaReauthDialog, value: string) => {
  input(el).value = value;
  input(el).dispatchEvent(new Event('input'));
  await renders();
};
/** What a screen reader is told without moving focus: the text of every live region. */
const liveText = (el: ParaReauthDialog) =>
  [...shadow(el).querySelectorAll('[role="alert"], [role="status"], [aria-live]')].map((node) => node.textContent!.trim()).join(' | ');
/** The text the field's `aria-describedby` points at. */
const description = (el: ParaReauthDialog) => {
  const ids = input(el).getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => shadow(el).getElementById(id)?.textContent?.trim() ?? '').join(' ');
};

describe('toE164: what people type in the phone field', () => {
  it('keeps numbers written the usual ways: national with the country code, international, 00', () => {
    expect(toE164('020 7946 0958', '+44')).to.equal('+442079460958');
    expect(toE164('+1 (415) 555-2671', null)).to.equal('+14155552671');
    expect(toE164('0044 20 7946 0958', null)).to.equal('+442079460958');
    expect(toE164('12', '+44')).to.equal(null);
  });

  it('"+44 (0)20 7946 0958", the way UK numbers are often written, is sent without the trunk 0', () => {
    expect(toE164('+44 (0)20 7946 0958', null)).to.equal('+442079460958');
    expect(toE164('+49(0)30 901820', null)).to.equal('+4930901820');
    expect(toE164('0044 (0) 20 7946 0958', null)).to.equal('+442079460958');
  });

  it('an Italian, San Marino or Vatican national number keeps its leading 0: it is part of the E.164 number', () => {
    expect(toE164('06 6988 1234', '+39')).to.equal('+390669881234');
    expect(toE164('0549 882 555', '+378')).to.equal('+3780549882555');
    expect(toE164('06 6988 3111', '+379')).to.equal('+3790669883111');
    expect(toE164('333 123 4567', '+39'), 'an Italian mobile has no 0').to.equal('+393331234567');
  });

  it('digits typed with an Arabic or Persian keyboard are a number', () => {
    expect(toE164('+٤٤٢٠٧٩٤٦٠٩٥٨', null)).to.equal('+442079460958');
    expect(toE164('+۹۸ ۲۱ ۶۱۱۸ ۰۰۰۰', null)).to.equal('+982161180000');
    expect(toE164('٠٤ ١٢٣ ٤٥٦٧', '+971')).to.equal('+97141234567');
  });

  it('full-width digits with their full-width dashes and brackets (a Japanese or Chinese IME) are a number', () => {
    expect(toE164('０９０－１２３４－５６７８', '+81')).to.equal('+819012345678');
    expect(toE164('（０９０）１２３４ ５６７８', '+81')).to.equal('+819012345678');
    expect(toE164('＋８１．９０．１２３４．５６７８', null)).to.equal('+819012345678');
  });

  it('every dash separates, as hyphens do: en and em dash, non-breaking hyphen, minus sign (autocorrect, paste)', () => {
    for (const dash of ['\u2013', '\u2014', '\u2011', '\u2010', '\u2212']) {
      expect(toE164(`+44 7700 900${dash}123`, null), `U+${dash.charCodeAt(0).toString(16)}`).to.equal('+447700900123');
    }
  });

  it('a number copied from a right-to-left page or a chat app, wrapped in direction marks, is the number', () => {
    expect(toE164('\u202a+971 4 123 4567\u202c', null)).to.equal('+97141234567');
    expect(toE164('\u2066+971 4 123 4567\u2069', null)).to.equal('+97141234567');
    expect(toE164('\u202a+44 (0)20 7946 0958\u202c', null), 'the trunk 0 still dropped').to.equal('+442079460958');
  });
});

describe('<para-reauth-dialog> sign-in form', () => {
  afterEach(() => sinon.restore());

  describe('accessibility', () => {
    it('an invalid phone number submitted with Enter is told to a screen reader; the hint alone is not announced', async () => {
      const world = createWorld();
      world.client.usePhone('+14155552671');
      const { open } = stubWindowOpen();
      const { dialog } = await dialogIn(world);
      await reachExpiry(world);
      expect(liveText(dialog), 'the hint is read with the field, not announced').to.equal('');
      expect(description(dialog)).to.contain('With the country code');
      input(dialog).focus();
      await type(dialog, '12');
      await sendKeys({ press: 'Enter' });
      await settle(world, SECOND);
      expect(open.callCount, 'nothing starts for an invalid number').to.equal(0);
      expect(input(dialog).getAttribute('aria-invalid')).to.equal('true');
      expect(liveText(dialog), 'the error is in a live region').to.contain('Enter a phone number');
      expect(description(dialog), 'and is the field’s description').to.contain('Enter a phone number');
      await expect(dialog).to.be.accessible();
      await type(dialog, '+14155552671');
      expect(input(dialog).getAttribute('aria-invalid'), 'typing clears the error').to.equal('false');
      expect(liveText(dialog)).to.equal('');
    });

    it('with country-code set, the hint and the error say a number without it is fine too, in the page language', async () => {
      for (const [lang, hint, error] of [
        ['en', 'With or without the country code (+44).', 'Enter a phone number, with or without the country code (+44).'],
        ['de', 'Mit oder ohne Ländervorwahl (+44).', 'Geben Sie eine Telefonnummer ein, mit oder ohne Ländervorwahl (+44).'],
      ] as const) {
        const world = createWorld();
        world.client.usePhone('+14155552671');
        stubWindowOpen();
        const { dialog } = await dialogIn(world, { countryCode: '+44', lang });
        await reachExpiry(world);
        expect(description(dialog), lang).to.equal(hint);
        input(dialog).focus();
        await type(dialog, '12');
        await sendKeys({ press: 'Enter' });
        await settle(world, SECOND);
        expect(description(dialog), lang).to.equal(error);
        sinon.restore();
      }
    });

    it('an empty email submitted with Enter is marked invalid and says what is wrong', async () => {
      const world = createWorld();
      const { open } = stubWindowOpen();
      const { dialog } = await dialogIn(world);
      await reachExpiry(world);
      expect(input(dialog).getAttribute('aria-invalid')).to.equal('false');
      input(dialog).focus();
      await type(dialog, '');
      await sendKeys({ press: 'Enter' });
      await settle(world, SECOND);
      expect(open.callCount, 'nothing starts without an email').to.equal(0);
      expect(world.client.authCalls).to.deep.equal([]);
      expect(input(dialog).getAttribute('aria-invalid'), 'the empty field is marked invalid').to.equal('true');
      expect(liveText(dialog), 'the error is announced').to.contain('Enter your email address');
      expect(description(dialog), 'and is the field’s description').to.contain('Enter your email address');
      await expect(dialog).to.be.accessible();
      await type(dialog, 'a@b.co');
      expect(input(dialog).getAttribute('aria-invalid'), 'typing clears the error').to.equal('false');
      await sendKeys({ press: 'Enter' });
      await settle(world, SECOND);
      expect(world.client.authCalls).to.deep.equal([{ auth: { email: 'a@b.co' } }]);
    });

    it('says the email error in the page’s language', async () => {
      const world = createWorld();
      stubWindowOpen();
      const { dialog } = await dialogIn(world, { lang: 'de' });
      await reachExpiry(world);
      await type(dialog, 'kein-at-zeichen');
      shadow(dialog).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await settle(world, SECOND);
      expect(input(dialog).getAttribute('aria-invalid')).to.equal('true');
      expect(liveText(dialog)).to.equal(german.dialog.emailInvalid);
      await expect(dialog).to.be.accessible();
    });
  });
});
