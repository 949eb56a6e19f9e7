import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSessionStatus } from '../../src/elements/para-session-status/para-session-status.js';
import { formatCountdown, formatCountdownWithIntl, formatParts, formatPartsWithIntl, speakCountdown } from '../../src/elements/shared/format-time.js';
import { translationFor } from '../../src/elements/shared/translations.js';
import '../../src/locales/ar.js';
import '../../src/locales/de.js';
import { createWorld, reachExpiry, reachWarning, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';
import { contrast } from './support/contrast.js';

/** The provider is the fixture's root (a plain wrapper would make fixture() wait for an animation frame a background page never gets). */
async function page(world: SessionWorld, lang: string) {
  const provider = await sessionFixture<HTMLElement>(
    html`<para-session lang=${lang} .client=${world.client} .engineOptions=${world.engineOptions}>
      <para-session-status format="long"></para-session-status>
      <para-reauth-dialog></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { dialog: provider.querySelector('para-reauth-dialog')!, status: provider.querySelector('para-session-status')! };
}

const text = (root: ParaReauthDialog | ParaSessionStatus, selector: string) => root.shadowRoot!.querySelector(selector)!.textContent!.trim();

/** The colour a computed style resolves to, as #rrggbb. */
function hex(value: string): string {
  const [r, g, b] = value.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
  return `#${[r, g, b].map((n) => Math.round(n!).toString(16).padStart(2, '0')).join('')}`;
}

describe('language, time and looks', () => {
  afterEach(() => sinon.restore());

  describe('7. every string and time through Intl, in the nearest [lang]', () => {
    it('speaks German on a German page: words, units and plurals from Intl', async () => {
      const world = createWorld();
      const { dialog, status } = await page(world, 'de');
      expect(text(status, '[part="label"]')).to.equal('Angemeldet');
      expect(text(status, '[part="time"]')).to.equal('noch 2 Stunden');
      await reachWarning(world);
      expect(text(dialog, '#title')).to.equal('Sind Sie noch da?');
      expect(text(dialog, '#description .visually-hidden')).to.equal('1 Minute, 50 Sekunden');
      await settle(world, 5 * SECOND);
      expect(text(dialog, '[data-live="polite"]')).to.equal('Ihre Sitzung endet in 1 Minute, 45 Sekunden.');
      await expect(dialog).to.be.accessible();
    });

    it('lays Arabic out right to left, with its own digits and plural forms', async () => {
      const world = createWorld();
      const { dialog, status } = await page(world, 'ar');
      expect(status.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
      expect(text(status, '[part="label"]')).to.equal('مسجّل الدخول');
      await reachWarning(world);
      const native = dialog.shadowRoot!.querySelector('dialog')!;
      expect(native.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(native.querySelector('h2')!).direction).to.equal('rtl');
      expect(text(dialog, '#title')).to.equal('هل ما زلت هنا؟');
      expect(text(dialog, '[part="countdown"]')).to.equal(`${new Intl.NumberFormat('ar').format(1)}:${new Intl.NumberFormat('ar').format(50)}`);
      await expect(dialog).to.be.accessible();
      await reachExpiry(world);
      expect(text(dialog, '#title')).to.equal('مرحبًا بعودتك، a@b.co');
      await expect(dialog).to.be.accessible();
    });

    it('writes a language without texts (fr) in English throughout: labelled English, times through English Intl', async () => {
      const world = createWorld();
      const { dialog, status } = await page(world, 'fr');
      expect(text(status, '[part="time"]')).to.equal('2 hours left');
      expect(status.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
      await reachWarning(world);
      expect(text(dialog, '#description .visually-hidden')).to.equal('1 minute, 50 seconds');
      expect(dialog.shadowRoot!.querySelector('dialog')!.getAttribute('lang')).to.equal('en');
      await expect(dialog).to.be.accessible();
    });

    it('finds the texts for a tag and the tag to write them in: a region of a shipped language keeps its region', async () => {
      expect(translationFor('de-CH').locale, 'Swiss German').to.equal('de-CH');
      expect(translationFor('de-CH').translation.status.status.active).to.equal('Angemeldet');
      expect(translationFor('fr').locale).to.equal('en');
      expect(translationFor('en-GB').locale).to.equal('en-GB');
      const world = createWorld();
      const { status } = await page(world, 'de-AT');
      expect(text(status, '[part="label"]')).to.equal('Angemeldet');
      expect(status.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('de-AT');
    });

    it('lays the English fallback of a right-to-left language without texts (he) out left to right', async () => {
      const world = createWorld();
      const { dialog, status } = await page(world, 'he');
      expect(text(status, '[part="label"]')).to.equal('Signed in');
      expect(status.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('ltr');
      await reachWarning(world);
      const native = dialog.shadowRoot!.querySelector('dialog')!;
      expect(native.getAttribute('dir')).to.equal('ltr');
      expect(getComputedStyle(native.querySelector('h2')!).direction).to.equal('ltr');
    });

    it('follows a change of the page language without a reload', async () => {
      const world = createWorld();
      const { status } = await page(world, 'en');
      status.closest('para-session')!.setAttribute('lang', 'de');
      await new Promise((resolve) => setTimeout(resolve, 0));
      await status.updateComplete;
      expect(text(status, '[part="label"]')).to.equal('Angemeldet');
    });

    it('lets the app word the time through formatTime, and keeps the built-in one when the hook gives up', async () => {
      const world = createWorld();
      const { status } = await page(world, 'en');
      status.formatTime = (seconds, context) => (context.kind === 'duration' ? `${Math.round(seconds / 60)}′` : undefined);
      await status.updateComplete;
      expect(text(status, '[part="time"]')).to.equal('120′ left');
      status.formatTime = () => undefined;
      await status.updateComplete;
      expect(text(status, '[part="time"]')).to.equal('2 hours left');
    });

    it('falls back to NumberFormat units (and PluralRules words) where DurationFormat is missing', () => {
      const intl = Intl as unknown as { DurationFormat?: unknown };
      const saved = intl.DurationFormat;
      try {
        delete intl.DurationFormat;
        // en-GB: `en` itself is written without Intl (the next test).
        expect(formatParts({ minutes: 1, seconds: 45 }, 'en-GB', 'long')).to.equal('1 minute, 45 seconds');
        expect(formatParts({ minutes: 2 }, 'ar', 'long')).to.equal(new Intl.NumberFormat('ar', { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(2));
      } finally {
        intl.DurationFormat = saved;
      }
    });

    it('writes English times word for word as Intl does, from no time left to 30 days and beyond', () => {
      // Every second of the first ten minutes (each seconds and minutes boundary), then strides that land on
      // every count of minutes, hours and days up to 30 days, and one beyond where English needs no Intl.
      const durations = [
        ...Array.from({ length: 601 }, (_, i) => i),
        ...Array.from({ length: 500 }, (_, i) => 600 + i * 61),
        ...Array.from({ length: 400 }, (_, i) => 31_100 + i * 6_421),
        2_592_000,
        86_400_000,
      ];
      for (const locale of ['en', 'en-US']) {
        for (const seconds of durations) {
          const minutes = Math.ceil(seconds / 60);
          const byDuration = { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
          const byCountdown = { days: Math.floor(seconds / 86_400), hours: Math.floor((seconds % 86_400) / 3600), minutes: Math.floor((seconds % 3600) / 60), seconds: seconds % 60 };
          for (const style of ['short', 'long'] as const) {
            if (formatParts(byDuration, locale, style) !== formatPartsWithIntl(byDuration, locale, style)) {
              expect(formatParts(byDuration, locale, style), `${seconds} s, ${style}, ${locale}`).to.equal(formatPartsWithIntl(byDuration, locale, style));
            }
          }
          if (formatParts(byCountdown, locale, 'long') !== formatPartsWithIntl(byCountdown, locale, 'long')) {
            expect(formatParts(byCountdown, locale, 'long'), `${seconds} s spoken, ${locale}`).to.equal(formatPartsWithIntl(byCountdown, locale, 'long'));
          }
          if (formatCountdown(seconds, locale) !== formatCountdownWithIntl(seconds, locale)) {
            expect(formatCountdown(seconds, locale), `${seconds} s countdown, ${locale}`).to.equal(formatCountdownWithIntl(seconds, locale));
          }
        }
      }
    });

    it('a countdown of a day or more (a long warn-before) says days, not "24 hours", shown and spoken', async () => {
      expect(formatCountdown(89_990, 'en')).to.equal('1 day 0:59:50');
      expect(formatCountdown(86_400, 'en')).to.equal('1 day 0:00:00');
      expect(formatCountdown(86_399, 'en')).to.equal('23:59:59');
      expect(formatCountdown(2 * 86_400 + 61, 'de')).to.equal(`${formatParts({ days: 2 }, 'de', 'short')} 0:01:01`);
      expect(speakCountdown(89_990, 'en')).to.equal('1 day, 59 minutes, 50 seconds');
      expect(speakCountdown(86_401, 'de')).to.equal(formatPartsWithIntl({ days: 1, hours: 0, minutes: 0, seconds: 1 }, 'de', 'long'));
      expect(speakCountdown(86_401, 'de')).to.not.match(/24 Stunden/);
    });

    it('shows an English status without building or using an Intl formatter (the first on a page costs 30–50 ms)', async () => {
      const used: string[] = [];
      for (const name of ['NumberFormat', 'ListFormat', 'DurationFormat'] as const) {
        const prototype = (Intl as unknown as Record<string, { prototype: { format: (value: unknown) => string } } | undefined>)[name]?.prototype;
        if (!prototype) continue;
        const format = () => (used.push(name), '?');
        // NumberFormat's format is a getter (of a bound function); the others' are methods.
        if (Object.getOwnPropertyDescriptor(prototype, 'format')?.get) sinon.stub(prototype, 'format').get(() => format);
        else sinon.stub(prototype, 'format').callsFake(format);
      }
      const world = createWorld();
      const { status } = await page(world, 'en');
      expect(text(status, '[part="time"]')).to.equal('2 hours left');
      await reachWarning(world);
      expect(text(status, '[part="time"]')).to.match(/^\d:\d\d left$/);
      expect(status.shadowRoot!.querySelector('[part="time"] + .visually-hidden')!.textContent).to.match(/^\d+ seconds? left$|^1 minute(, \d+ seconds?)? left$/);
      expect(used).to.deep.equal([]);
    });

    it('warns once about an invalid lang and speaks English', async () => {
      const warn = sinon.stub(console, 'warn');
      const world = createWorld();
      const { status } = await page(world, 'not a tag!');
      expect(text(status, '[part="label"]')).to.equal('Signed in');
      expect(warn.getCalls().map((call) => String(call.args[0]))).to.include('<para-session-status>: lang="not a tag!" is not a valid language tag; using English.');
    });
  });

  /** Declares the page's color-scheme (`normal`: none), painted on its canvas, until the suite ends. */
  function pageColorScheme(scheme: string): void {
    const root = document.documentElement;
    root.style.colorScheme = scheme;
    root.style.background = 'Canvas';
    after(() => {
      root.style.colorScheme = '';
      root.style.background = '';
    });
  }

  /** Puts the page in `scheme`; false when the driver cannot and the page is not already in it. */
  async function useColorScheme(scheme: 'light' | 'dark'): Promise<boolean> {
    try {
      await emulateMedia({ colorScheme: scheme });
      after(() => emulateMedia({ colorScheme: 'light' }));
      return true;
    } catch {
      return matchMedia('(prefers-color-scheme: dark)').matches === (scheme === 'dark');
    }
  }

  describe('9. contrast and high-contrast mode', () => {
    for (const scheme of ['light', 'dark'] as const) {
      it(`keeps input and button borders at 3:1 or more, and text at 4.5:1, in ${scheme} mode`, async function () {
        if (!(await useColorScheme(scheme))) {
          // Firefox and WebKit are driven without CDP, which is what emulates the colour scheme.
          console.log(`[skip] ${scheme} mode: this browser's driver cannot emulate prefers-color-scheme; Chromium checks it`);
          this.skip();
        }
        // An app with a dark mode says so with color-scheme; the kit's colours follow it.
        pageColorScheme('light dark');
        const world = createWorld();
        const { dialog } = await page(world, 'en');
        await reachExpiry(world);
        const root = dialog.shadowRoot!;
        const background = hex(getComputedStyle(root.querySelector('dialog')!).backgroundColor);
        expect(background, `the ${scheme} dialog`).to.equal(scheme === 'dark' ? '#151b23' : '#ffffff');
        const input = root.querySelector('input')!;
        const secondary = [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!;
        for (const [name, el] of [['input', input], ['secondary button', secondary]] as const) {
          const ratio = contrast(hex(getComputedStyle(el).borderTopColor), background);
          expect(ratio, `${name} border on ${background}`).to.be.at.least(3);
        }
        const muted = hex(getComputedStyle(root.querySelector('#description')!).color);
        expect(contrast(muted, background), 'secondary text').to.be.at.least(4.5);
        await expect(dialog).to.be.accessible();
      });
    }

    /** The dialog's background and text on a page of `pageScheme`, once expired. */
    async function dialogColours(pageScheme: string) {
      pageColorScheme(pageScheme);
      const world = createWorld();
      const { dialog } = await page(world, 'en');
      await reachExpiry(world);
      const style = getComputedStyle(dialog.shadowRoot!.querySelector('dialog')!);
      return `${hex(style.backgroundColor)} ${hex(style.color)}`;
    }

    it('shows the light dialog on a page that declares no dark scheme, also in a dark OS, and the dark one on a dark page in any OS', async function () {
      await emulateMedia({ colorScheme: 'light' }).catch(() => undefined);
      expect(await dialogColours('dark'), 'a dark page, light OS').to.equal('#151b23 #f0f6fc');
      if (!(await useColorScheme('dark'))) {
        console.log('[skip] dark OS: this browser\'s driver cannot emulate prefers-color-scheme; Chromium checks it');
        return;
      }
      expect(await dialogColours('normal'), 'a light-only page, dark OS').to.equal('#ffffff #1f2328');
      expect(await dialogColours('light dark'), 'a page with both schemes, dark OS').to.equal('#151b23 #f0f6fc');
    });

    /** The status's indicator colours in active, ending soon and ended, with their contrast against the page's own canvas. */
    async function indicatorColours(pageScheme: string) {
      const root = document.documentElement;
      pageColorScheme(pageScheme);
      const world = createWorld();
      const { status } = await page(world, 'en');
      const canvas = hex(getComputedStyle(root).backgroundColor);
      const seen: string[] = [];
      const note = () => {
        const indicator = status.shadowRoot!.querySelector<HTMLElement>('[part="indicator"]')!;
        const colour = hex(getComputedStyle(indicator).borderTopColor);
        seen.push(`${indicator.className} ${colour} ${Math.round(contrast(colour, canvas) * 100) / 100}:1`);
        return colour;
      };
      const colours = [note()];
      await reachWarning(world);
      await status.updateComplete;
      colours.push(note());
      await reachExpiry(world);
      await status.updateComplete;
      colours.push(note());
      return { colours, canvas, seen: seen.join(', '), low: seen.filter((s) => parseFloat(s.split(' ').pop()!) < 3) };
    }

    it('colours the indicators for the page they sit on: a page that declares no dark scheme keeps the light palette, also in a dark OS (WCAG 1.4.11)', async function () {
      if (!(await useColorScheme('dark'))) {
        console.log('[skip] dark OS: this browser\'s driver cannot emulate prefers-color-scheme; Chromium checks it');
        this.skip();
      }
      const { colours, canvas, seen, low } = await indicatorColours('normal');
      expect(canvas, 'a page without color-scheme paints a light canvas').to.equal('#ffffff');
      expect(low.join(', '), `indicators under 3:1 on ${canvas} (${seen})`).to.equal('');
      expect(colours, seen).to.deep.equal(['#1a7f37', '#9a6700', '#cf222e']);
    });

    it('takes the dark palette on a page whose color-scheme is dark, whatever the OS says, at 3:1 or more against its canvas', async () => {
      // A light OS where the driver can say so (Chromium); Firefox's and WebKit's are light already.
      await emulateMedia({ colorScheme: 'light' }).catch(() => undefined);
      const { colours, canvas, seen, low } = await indicatorColours('dark');
      expect(low.join(', '), `indicators under 3:1 on ${canvas} (${seen})`).to.equal('');
      expect(colours, seen).to.deep.equal(['#3fb950', '#d29922', '#f85149']);
    });

    it('follows a page that offers both schemes (color-scheme: light dark) into dark mode with the OS', async function () {
      if (!(await useColorScheme('dark'))) {
        console.log('[skip] dark OS: this browser\'s driver cannot emulate prefers-color-scheme; Chromium checks it');
        this.skip();
      }
      const { colours, seen, low } = await indicatorColours('light dark');
      expect(low.join(', '), seen).to.equal('');
      expect(colours, seen).to.deep.equal(['#3fb950', '#d29922', '#f85149']);
    });

    it('gives every status its own indicator shape, which forced-colors mode keeps in system colours', async () => {
      const world = createWorld();
      const { status } = await page(world, 'en');
      const indicator = () => getComputedStyle(status.shadowRoot!.querySelector('[part="indicator"]')!);
      const shape = () => `${indicator().borderRadius}|${indicator().clipPath}|${indicator().borderTopWidth}`;
      const shapes = new Set<string>([shape()]);
      await reachWarning(world);
      await status.updateComplete;
      shapes.add(shape());
      await reachExpiry(world);
      await status.updateComplete;
      shapes.add(shape());
      expect(shapes.size, [...shapes].join(' / ')).to.equal(3);
      const sheet = (status.shadowRoot!.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules]).find((rule) => rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors'));
      expect(sheet?.cssText, 'the shape is a border, which forced colours keep').to.match(/border-color: canvastext/i);
      expect(indicator().backgroundColor, 'nothing rests on a background that forced colours remove').to.equal('rgba(0, 0, 0, 0)');
    });

    it('shows a status being checked, what every page shows first, with a shape of its own and no animation', async () => {
      const world = createWorld();
      world.server.latencyMs = 5 * SECOND;
      const { status } = await page(world, 'en');
      const indicator = () => status.shadowRoot!.querySelector<HTMLElement>('[part="indicator"]')!;
      const shape = () => `${getComputedStyle(indicator()).borderRadius}|${getComputedStyle(indicator()).borderTopStyle}|${getComputedStyle(indicator()).borderTopWidth}`;
      expect(text(status, '[part="label"]')).to.equal('Checking session…');
      // An element that ran an animation once keeps restyling slower, on every later change of the page's life.
      expect(indicator().getAnimations().length, 'animations while checking').to.equal(0);
      const checking = shape();
      const visitor = createWorld({ signedIn: false });
      visitor.client.userId = undefined;
      const signedOut = (await page(visitor, 'en')).status;
      const ring = getComputedStyle(signedOut.shadowRoot!.querySelector('[part="indicator"]')!);
      expect(checking, 'checking and no session look alike').not.to.equal(`${ring.borderRadius}|${ring.borderTopStyle}|${ring.borderTopWidth}`);
      world.server.latencyMs = 20;
      await settle(world, 5 * SECOND);
      expect(text(status, '[part="label"]')).to.equal('Signed in');
      await reachWarning(world);
      await status.updateComplete;
      expect(indicator().getAnimations().length, 'ending soon still pulses').to.equal(1);
    });
  });

  describe('11. the status on page load', () => {
    it('does not announce "Signed in" on load, and greets a visitor who never signed in neutrally', async () => {
      const world = createWorld();
      const { status } = await page(world, 'en');
      expect(text(status, '[part="label"]')).to.equal('Signed in');
      expect(status.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('');
      const stranger = createWorld({ signedIn: false });
      stranger.client.userId = undefined;
      const visitor = (await page(stranger, 'en')).status;
      expect(text(visitor, '[part="label"]')).to.equal('Not signed in');
      expect(visitor.shadowRoot!.querySelector('[part="indicator"]')!.className).to.equal('not-signed-in');
      await expect(visitor).to.be.accessible();
    });
  });
});
