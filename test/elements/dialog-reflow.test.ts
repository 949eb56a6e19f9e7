import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import '../../src/locales/de.js';
import { createWorld, reachExpiry, sessionFixture, type SessionWorld } from './support/session-fixture.js';
import { nativeDialog, shadow } from './support/dialog-parts.js';

/**
 * The dialog as a 320 x 256 CSS px viewport (1280 x 1024 at 400 % zoom) lays it out: 282 px wide (the UA's
 * max-width, 100% − 2em − 6px) and 218 px tall, its content scrolling. Set through the dialog's own knobs so
 * every engine (WebKit's driver sets no viewport) lays out the same box.
 */
const sheet = new CSSStyleSheet();
sheet.replaceSync('para-reauth-dialog { --para-dialog-width: 282px; } para-reauth-dialog::part(dialog) { max-height: 218px; }');

async function expiredAt320x256(world: SessionWorld, lang: string) {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang=${lang} .client=${world.client} .engineOptions=${world.engineOptions}><para-reauth-dialog oauth="google"></para-reauth-dialog></para-session>`,
    world,
  );
  const dialog = provider.querySelector('para-reauth-dialog')!;
  await reachExpiry(world);
  return dialog;
}

describe('the expired dialog at 320 x 256 (WCAG 1.4.10 reflow)', () => {
  afterEach(() => {
    sinon.restore();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });

  for (const lang of ['en', 'de']) {
    it(`${lang}: scrolls only vertically, and no control reaches past the dialog's content box`, async () => {
      const world = createWorld();
      const dialog = await expiredAt320x256(world, lang);
      const native = nativeDialog(dialog);
      const style = getComputedStyle(native);
      const frame = native.getBoundingClientRect();
      // The content box's right edge: inside the border, the padding and a classic vertical scrollbar.
      const contentRight = frame.left + native.clientLeft + native.clientWidth - parseFloat(style.paddingRight);
      const past = [...shadow(dialog).querySelectorAll<HTMLElement>('input, button:not([part="close"]), form')]
        .map((el) => ({ el, right: el.getBoundingClientRect().right }))
        .filter(({ right }) => right > contentRight + 1)
        .map(({ el, right }) => `${el.getAttribute('part')} "${(el.textContent ?? '').trim().slice(0, 20)}" ends ${Math.round(right - contentRight)} px past`);
      const report = {
        sidewaysScroll: native.scrollWidth - native.clientWidth,
        scrollbar: native.offsetWidth - native.clientWidth - 2 * native.clientLeft,
        inputWidth: Math.round(shadow(dialog).querySelector('input')!.getBoundingClientRect().width),
        contentWidth: Math.round(contentRight - frame.left - native.clientLeft - parseFloat(style.paddingLeft)),
      };
      expect(report.sidewaysScroll, `the dialog scrolls sideways by ${report.sidewaysScroll} px (${JSON.stringify(report)})`).to.be.at.most(0);
      expect(past.join('; '), 'controls past the content box').to.equal('');
    });
  }
});
