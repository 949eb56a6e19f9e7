import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import '../../src/locales/ar.js';
import '../../src/locales/de.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { createWorld, reachExpiry, reachWarning, renders, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';
import { buttonNamed, nativeDialog, shadow } from './support/dialog-parts.js';

async function dialogIn(world: SessionWorld, lang = 'en', oauth = '') {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang=${lang} .client=${world.client} .engineOptions=${world.engineOptions}>
      <para-session-guard><button id="inside-guard">Send</button><p slot="fallback">Signed out</p></para-session-guard>
      <para-reauth-dialog oauth=${oauth}></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')! };
}

/** x of a character of a node's text on screen. */
function charX(node: Element, index: number): number {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let offset = index;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    if (offset < t.data.length) {
      const range = document.createRange();
      range.setStart(t, offset);
      range.setEnd(t, offset + 1);
      return range.getBoundingClientRect().left;
    }
    offset -= t.data.length;
  }
  throw new Error('no such char');
}

/** An app component with its own shadow root (a Lit, Stencil or Angular ShadowDom component). */
class AppEditor extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<textarea></textarea><button id="send">Send</button>';
  }
}
customElements.define('app-editor', AppEditor);

const where = () => {
  const active = deepActiveElement();
  return active === null || active === document.body ? '<body>' : active.outerHTML.slice(0, 60);
};

/** The warning opens with focus on `focused` (inside the guard) and the user presses "Sign out". */
async function signOutFromWarning(world: SessionWorld, provider: ParaSession, focused: HTMLElement): Promise<void> {
  const dialog = provider.querySelector('para-reauth-dialog')!;
  focused.focus();
  await reachWarning(world);
  buttonNamed(dialog, 'Sign out').click();
  await settle(world, SECOND);
  await renders();
  expect(provider.state.status).to.equal('signed-out');
  expect(nativeDialog(dialog).open).to.equal(false);
}

/** A provider whose guard holds `guarded` (the content, then its fallback) and a dialog. */
const guardedPage = (world: SessionWorld, guarded: unknown) =>
  sessionFixture<ParaSession>(
    html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
      <para-session-guard>${guarded}</para-session-guard>
      <para-reauth-dialog></para-reauth-dialog>
    </para-session>`,
    world,
  );

describe('<para-reauth-dialog> for every reader: right to left, 320 px, focus after signing out', () => {
  afterEach(() => sinon.restore());

  it('Arabic: a phone user\'s number reads +1415… (the plus on the left of the digits) in the heading and the account card', async () => {
    const world = createWorld();
    world.client.usePhone('+14155552671');
    const { dialog } = await dialogIn(world, 'ar');
    await reachExpiry(world);
    const title = shadow(dialog).querySelector('#title')!;
    const text = title.textContent!;
    const plus = text.indexOf('+');
    expect(plus, 'phone in heading').to.be.greaterThan(-1);
    const name = shadow(dialog).querySelector('[part="account-name"]')!;
    const headingPlusLeftOfDigits = charX(title, plus) < charX(title, plus + 1);
    const cardPlusLeftOfDigits = charX(name, 0) < charX(name, 1);
    expect({ headingPlusLeftOfDigits, cardPlusLeftOfDigits }).to.deep.equal({ headingPlusLeftOfDigits: true, cardPlusLeftOfDigits: true });
  });

  it('320 px wide (200 % zoom): a long email in the heading wraps; nothing scrolls sideways', async () => {
    const world = createWorld();
    world.client.email = 'alexandra.konstantinopoulou@example-company.co.uk';
    const { dialog } = await dialogIn(world);
    // The width the dialog has in a 320 px viewport (100vw − 2rem), in every engine (WebKit's driver sets no viewport).
    dialog.style.setProperty('--para-dialog-width', '288px');
    await reachExpiry(world);
    const native = nativeDialog(dialog);
    const wide = [...shadow(dialog).querySelectorAll<HTMLElement>('*')]
      // A field scrolls its own text (the email is longer than the field): that is how fields work.
      .filter((el) => !(el instanceof HTMLInputElement) && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      .map((el) => el.getAttribute('part') ?? el.tagName);
    expect(native.scrollWidth, 'the dialog scrolls sideways').to.be.at.most(native.clientWidth);
    expect(wide, 'parts that scroll sideways').to.deep.equal([]);
    const title = shadow(dialog).querySelector('#title')!;
    expect(title.scrollWidth, 'the heading overflows').to.be.at.most(title.clientWidth);
  });

  it('"Sign out" from the warning with focus inside the guard: focus does not fall to <body>', async () => {
    const world = createWorld();
    const { provider } = await dialogIn(world);
    await signOutFromWarning(world, provider, provider.querySelector<HTMLButtonElement>('#inside-guard')!);
    const active = deepActiveElement();
    expect(active === null || active === document.body, `focus on ${active?.outerHTML.slice(0, 60)}`).to.equal(false);
    expect(active!.textContent!.trim(), 'what the guard shows instead').to.equal('Signed out');
  });

  it('signed in as another account with no email (Telegram): the dialog names it as the person knows it, never by its user id', async () => {
    const world = createWorld();
    stubWindowOpen();
    const { provider, dialog } = await dialogIn(world, 'en', 'telegram');
    await reachExpiry(world);
    buttonNamed(dialog, 'Continue with Telegram').click();
    await settle(world, SECOND);
    world.client.email = undefined;
    world.client.approve({ userId: '5b0e6f3c-9d1a-4c55-8d0e-2f7a1b9c3e44' });
    await settle(world, SECOND);
    expect(provider.state.status).to.equal('active');
    const texts = [...shadow(dialog).querySelectorAll('[role="alert"], button')].map((n) => n.textContent!.trim()).join(' | ');
    expect(texts).to.not.contain('5b0e6f3c');
  });

  it('focus inside an app component\'s shadow root inside the guard goes to the guard\'s fallback, not <body>', async () => {
    const world = createWorld();
    const provider = await guardedPage(world, html`<app-editor></app-editor><p slot="fallback">Signed out <button>Sign in</button></p>`);
    await signOutFromWarning(world, provider, provider.querySelector('app-editor')!.shadowRoot!.querySelector<HTMLButtonElement>('#send')!);
    expect(where()).to.equal('<button>Sign in</button>');
  });

  it('a fallback of two slotted elements (text, then a "Sign in" button): focus goes to its first control', async () => {
    const world = createWorld();
    const provider = await guardedPage(world, html`<button id="inside-guard">Send</button><p slot="fallback">You are signed out.</p><button slot="fallback">Sign in</button>`);
    await signOutFromWarning(world, provider, provider.querySelector<HTMLButtonElement>('#inside-guard')!);
    expect(where()).to.equal('<button slot="fallback">Sign in</button>');
  });

  it('every button is at least 24 x 24 CSS px (WCAG 2.5.8), also on a page whose root font size is 62.5 % (1rem = 10 px)', async () => {
    document.documentElement.style.fontSize = '62.5%';
    document.body.style.fontSize = '1.6rem';
    try {
      const world = createWorld();
      const provider = await sessionFixture<ParaSession>(
        html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}><para-reauth-dialog oauth="google"></para-reauth-dialog></para-session>`,
        world,
      );
      const dialog = provider.querySelector('para-reauth-dialog')!;
      const small = (state: string) =>
        [...shadow(dialog).querySelectorAll('button')]
          .map((button) => ({ name: button.getAttribute('aria-label') ?? button.textContent!.trim(), box: button.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 24 || box.height < 24)
          .map(({ name, box }) => `${state} "${name}" ${box.width.toFixed(1)} x ${box.height.toFixed(1)}`);
      await reachWarning(world);
      const found = small('warning');
      await reachExpiry(world);
      found.push(...small('expired'));
      expect(found.join('; '), 'buttons under 24 x 24').to.equal('');
    } finally {
      document.documentElement.style.fontSize = '';
      document.body.style.fontSize = '';
    }
  });
});
