import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSessionStatus } from '../../src/elements/para-session-status/para-session-status.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { registerTranslation } from '../../src/index.js';
import { createWorld, reachExpiry, reachWarning, renders, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';

/**
 * What frameworks and translation files really pass: a prop that is unset becomes `undefined` on the element
 * (React 19, Vue's `.prop`, Angular's inputs, Solid's `prop:`), a lookup that found nothing is `undefined` in a
 * texts object, and a list may be bound where a text of words belongs. Before, each of these threw in a render:
 * the status froze on its last words ("Signed in · 2 hr left" after the session ended), the warning never opened,
 * the expired dialog never offered the sign-in, and `<para-session>` stopped its engine and started none.
 */
async function page(world: SessionWorld, lang = 'en') {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang=${lang} .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status></para-session-status><para-reauth-dialog></para-reauth-dialog></para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector<ParaReauthDialog>('para-reauth-dialog')!, status: provider.querySelector<ParaSessionStatus>('para-session-status')! };
}
const text = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? null;
const shown = (status: ParaSessionStatus) => [status.closest('para-session')!.state.status, text(status, '[part="label"]'), text(status, '[part="time"]')];
const dialogShown = (dialog: ParaReauthDialog) => [dialog.closest('para-session')!.state.status, dialog.shadowRoot!.querySelector('dialog')?.open ?? false, text(dialog, '#title')];

/** Errors a render throws reach the page as unhandled rejections. */
function collectErrors() {
  const errors: string[] = [];
  const onRejection = (event: PromiseRejectionEvent) => {
    errors.push(String((event.reason as Error | undefined)?.message ?? event.reason));
    event.preventDefault();
  };
  window.addEventListener('unhandledrejection', onRejection);
  return { errors, stop: () => window.removeEventListener('unhandledrejection', onRejection) };
}

describe('values a framework or a translation file leaves unset', () => {
  let warn: sinon.SinonStub;
  let errors: ReturnType<typeof collectErrors>;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
    errors = collectErrors();
  });
  afterEach(() => {
    errors.stop();
    sinon.restore();
    expect(errors.errors, 'errors thrown by a render').to.deep.equal([]);
  });

  for (const value of [undefined, null]) {
    it(`status strings = ${value}: the built-in texts, and the status follows the session to its end`, async () => {
      const world = createWorld();
      const { status } = await page(world);
      (status as unknown as { strings: unknown }).strings = value;
      await renders();
      expect(shown(status)).to.deep.equal(['active', 'Signed in', '2 hr left']);
      await reachExpiry(world);
      expect(shown(status)).to.deep.equal(['expired', 'Session ended', '']);
      expect(warn.callCount, 'nothing to say: an unset prop is no texts').to.equal(0);
    });
  }

  it('status strings with a key left undefined, and a status word set to null: those keep the built-in text, the null is said once', async () => {
    const world = createWorld();
    const { status } = await page(world);
    const strings: { timeLeft?: string; status?: { expiring?: string; active?: string } } = { timeLeft: undefined, status: { expiring: 'Ending', active: null as unknown as string } };
    status.strings = strings;
    await renders();
    expect(shown(status)).to.deep.equal(['active', 'Signed in', '2 hr left']);
    await reachWarning(world);
    expect(shown(status)).to.deep.equal(['expiring', 'Ending', '1:50 left']);
    expect(warn.args.map((args) => String(args[0]))).to.deep.equal(['<para-session-status> strings.status.active is null, not a text; the built-in text is used.']);
  });

  it('dialog strings with keys left undefined: the warning still opens with its title, and the expired view still offers the sign-in', async () => {
    const world = createWorld();
    const { dialog } = await page(world);
    const strings: { warningDescription?: string; expiredTitleKnown?: string } = { warningDescription: undefined, expiredTitleKnown: undefined };
    dialog.strings = strings;
    await reachWarning(world);
    expect(dialogShown(dialog)).to.deep.equal(['expiring', true, 'Are you still there?']);
    expect(text(dialog, '#description')).to.match(/^Your session ends in /);
    await reachExpiry(world);
    expect(dialogShown(dialog)).to.deep.equal(['expired', true, 'Welcome back, a@b.co']);
  });

  it('registerTranslation with a key left undefined keeps the text under it (English), not a status stuck on "Checking session…"', async () => {
    const unset: { timeLeft?: string } = { timeLeft: undefined };
    registerTranslation('it', { status: { status: { active: 'Connesso', expiring: 'Sessione in scadenza' }, ...unset } });
    const world = createWorld();
    const { status } = await page(world, 'it');
    expect(shown(status)).to.deep.equal(['active', 'Connesso', '2 h left']);
    await reachWarning(world);
    expect(shown(status)).to.deep.equal(['expiring', 'Sessione in scadenza', '1:50 left']);
  });

  it('engineOptions = undefined (the prop unset): the session goes on with the defaults, not stopped with nothing said', async () => {
    const world = createWorld();
    const { provider, status } = await page(world);
    (provider as unknown as { engineOptions: unknown }).engineOptions = undefined;
    // The fake server answers on the world's clock; the new engine runs on the page's own.
    for (let i = 0; i < 5 && provider.state.status !== 'active'; i += 1) {
      await settle(world, SECOND);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect({ status: provider.state.status, label: text(status, '[part="label"]') }).to.deep.equal({ status: 'active', label: 'Signed in' });
    expect(warn.callCount).to.equal(0);
    // Not an object at all: said, and the defaults are used.
    (provider as unknown as { engineOptions: unknown }).engineOptions = 'debug';
    for (let i = 0; i < 5 && (i === 0 || provider.state.status !== 'active'); i += 1) {
      await settle(world, SECOND);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(provider.state.status).to.equal('active');
    expect(warn.args.map((args) => String(args[0]))).to.deep.equal(['<para-session>: engineOptions must be an object, not a string; the defaults are used.']);
  });

  it('oauth = undefined, or a list of names bound as a property: the expired dialog opens, with the listed methods', async () => {
    const world = createWorld();
    const { dialog } = await page(world);
    (dialog as unknown as { oauth: unknown }).oauth = undefined;
    await reachExpiry(world);
    expect(dialogShown(dialog)[1], 'open at expiry').to.equal(true);
    expect(dialog.providers).to.deep.equal([]);
    (dialog as unknown as { oauth: unknown }).oauth = ['google', 'apple'];
    await renders();
    expect(dialog.providers).to.deep.equal(['GOOGLE', 'APPLE']);
    (dialog as unknown as { oauth: unknown }).oauth = 7;
    await renders();
    expect(dialog.providers).to.deep.equal([]);
    expect(dialogShown(dialog)[1], 'still open').to.equal(true);
    expect(warn.args.map((args) => String(args[0]))).to.deep.equal(['<para-reauth-dialog>: oauth must be a text of method names such as "google apple", not a number; no sign-in methods are offered from it.']);
  });
});

describe('languages written as servers write them', () => {
  afterEach(() => sinon.restore());

  it('lang="es_MX" is es-MX, as the registry reads it: the registered Spanish, lang="es-MX", no warning', async () => {
    const warn = sinon.stub(console, 'warn');
    registerTranslation('es', { status: { status: { active: 'Conectado' } } });
    const world = createWorld();
    const { status } = await page(world, 'es_MX');
    expect([text(status, '[part="label"]'), status.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang'), warn.callCount]).to.deep.equal(['Conectado', 'es-MX', 0]);
  });

  it('a formatTime hook that throws is said once, not on every tick of the countdown in every element', async () => {
    const world = createWorld();
    const { dialog, status } = await page(world);
    const hook = () => {
      throw new Error('i18n backend not ready');
    };
    status.formatTime = hook;
    dialog.formatTime = hook;
    const warn = sinon.stub(console, 'warn');
    await reachWarning(world);
    for (let i = 0; i < 30; i += 1) await settle(world, SECOND);
    expect([text(status, '[part="time"]'), warn.callCount]).to.deep.equal(['1:20 left', 1]);
    expect(String(warn.args[0]![0])).to.match(/^formatTime threw for \d+ s \(\w+\); using the built-in wording \(said once per hook\)\.$/);
  });
});

describe('options and props written as attributes', () => {
  afterEach(() => sinon.restore());
  const engineOf = (provider: Element) => (provider as unknown as { handle: { $engine: { get(): { options: { warnBefore: number } } | null } } }).handle.$engine.get();

  /** Markup rendered into a host of its own (a fixture's wrapper waits for a frame a background page never gets). */
  async function mount(world: SessionWorld, template: unknown): Promise<{ host: HTMLElement; provider: ParaSession }> {
    const host = document.createElement('div');
    host.setAttribute('lang', 'en');
    document.body.append(host);
    render(template, host);
    await settle(world, SECOND);
    return { host, provider: host.querySelector('para-session')! };
  }

  it('warn-before="abc" written before session-length="120": the warning names the fallback the engine uses (40), not the one before session-length was read', async () => {
    const world = createWorld({ sessionLengthMs: 120 * SECOND });
    const warn = sinon.stub(console, 'warn');
    const { host, provider } = await mount(world, html`<para-session warn-before="abc" session-length="120" .client=${world.client} .engineOptions=${world.engineOptions}></para-session>`);
    const said = warn.args.map((args) => String(args[0])).filter((message) => message.includes('warn-before'));
    expect({ used: engineOf(provider)!.options.warnBefore, said }).to.deep.equal({ used: 40, said: ['<para-session>: warn-before="abc" is not a number of seconds; using 40.'] });
    // Changed later, alone: said again, with the fallback then.
    provider.setAttribute('warn-before', 'soon');
    await renders();
    expect(warn.args.map((args) => String(args[0])).filter((message) => message.includes('warn-before')).slice(1)).to.deep.equal(['<para-session>: warn-before="soon" is not a number of seconds; using 40.']);
    host.remove();
  });

  it('strings, formatTime and engineOptions written as attributes (rendered before the tags were defined) are each said once, as client is', async () => {
    const world = createWorld();
    const warn = sinon.stub(console, 'warn');
    const { host, provider } = await mount(
      world,
      html`<para-session engineoptions="[object Object]" .client=${world.client}><para-session-status strings="[object Object]" format-time="(s) =&gt; s"></para-session-status><para-reauth-dialog strings="[object Object]"></para-reauth-dialog></para-session>`,
    );
    const status = provider.querySelector('para-session-status')!;
    // A move (out of the page and back in one task) says nothing again.
    provider.append(status);
    await renders();
    expect(warn.args.map((args) => String(args[0])).filter((message) => / is set as an attribute/.test(message))).to.deep.equal([
      '<para-session>: engineoptions is set as an attribute, which holds only text; set the .engineOptions property (in React, import the kit before the first render, so the tag is defined when React sets it).',
      '<para-session-status>: strings is set as an attribute, which holds only text; set the .strings property (in React, import the kit before the first render, so the tag is defined when React sets it).',
      '<para-session-status>: format-time is set as an attribute, which holds only text; set the .formatTime property (in React, import the kit before the first render, so the tag is defined when React sets it).',
      '<para-reauth-dialog>: strings is set as an attribute, which holds only text; set the .strings property (in React, import the kit before the first render, so the tag is defined when React sets it).',
    ]);
    host.remove();
  });
});
