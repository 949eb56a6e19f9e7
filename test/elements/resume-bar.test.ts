import { expect, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { deepActiveElement } from '../../src/elements/shared/focus.js';
import { cancelToBar, createWorld, renders, sessionFixture, type SessionWorld } from './support/session-fixture.js';
import { shadow } from './support/dialog-parts.js';

/** A page of app content around the dialog, inside a `main` styled `mainStyle`; the user cancels the expired dialog. */
async function cancelledPage(world: SessionWorld, mainStyle = '') {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
      <main style=${mainStyle}>
        ${Array.from({ length: 30 }, (_, i) => html`<p><button id=${`b${i}`}>Item ${i}</button></p>`)}
        <para-reauth-dialog></para-reauth-dialog>
      </main>
    </para-session>`,
    world,
  );
  const dialog = provider.querySelector('para-reauth-dialog')!;
  const bar = await cancelToBar(world, dialog);
  return { provider, dialog, bar };
}

/** Where the bar is, and whether it is what the user sees at its own centre. */
function seen(bar: HTMLElement) {
  const rect = bar.getBoundingClientRect();
  const inViewport = rect.top >= 0 && rect.bottom <= innerHeight && rect.left >= 0 && rect.right <= innerWidth;
  const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  return { inViewport, hitsBar: hit?.tagName === 'PARA-REAUTH-DIALOG', top: Math.round(rect.top), bottom: Math.round(rect.bottom), width: Math.round(rect.width), viewport: `${innerWidth}x${innerHeight}` };
}

describe('the "Sign in again" bar after Cancel', () => {
  afterEach(() => sinon.restore());

  it('sits at the foot of the viewport, over the page, as wide as the page allows up to 40rem', async () => {
    const { dialog, bar } = await cancelledPage(createWorld());
    const where = seen(bar);
    expect(where.inViewport && where.hitsBar, JSON.stringify(where)).to.equal(true);
    await expect(dialog).to.be.accessible();
    expect(innerHeight - where.bottom, 'its distance from the foot (1rem)').to.be.closeTo(16, 1);
    expect(where.width, 'its width').to.equal(Math.round(Math.min(innerWidth - 32, 640)));
  });

  // Each of these makes an app wrapper the containing block of a fixed descendant: the bar must not follow it.
  for (const style of ['transform: translateZ(0)', 'will-change: transform', 'filter: drop-shadow(0 0 0 transparent)', 'contain: paint']) {
    it(`stays on screen when an app wrapper has ${style}`, async () => {
      const { bar } = await cancelledPage(createWorld(), style);
      const where = seen(bar);
      expect(where.inViewport && where.hitsBar, JSON.stringify(where)).to.equal(true);
    });
  }

  it('takes focus after Cancel also when nothing had focus as the session ended (never <body>)', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    const { dialog } = await cancelledPage(createWorld());
    await renders();
    const focused = deepActiveElement();
    expect(focused?.tagName === 'BUTTON' ? focused.textContent!.trim() : focused?.tagName, 'what has focus').to.equal('Sign in again');
    expect(shadow(dialog).querySelector('[part="resume"]')!.contains(focused)).to.equal(true);
  });

  it('stays above an app layer with a high z-index that comes later in the page', async () => {
    const { provider, bar } = await cancelledPage(createWorld());
    const layer = document.createElement('div');
    layer.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: rgb(255 255 255 / 0.5)';
    provider.append(layer);
    try {
      const where = seen(bar);
      expect(where.hitsBar, JSON.stringify(where)).to.equal(true);
    } finally {
      layer.remove();
    }
  });
});

describe('the "Sign in again" bar when an app modal was open as the session ended', () => {
  afterEach(() => sinon.restore());

  /** An app modal open as the session ends (the kit's dialog in a `main` styled `mainStyle`); the user cancels. */
  async function barUnderAppModal(mainStyle = '') {
    const world = createWorld();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
        <main style=${mainStyle}><para-reauth-dialog></para-reauth-dialog></main>
        <div><dialog id="app-modal"><p>Edit your profile</p><button>Save</button></dialog></div>
      </para-session>`,
      world,
    );
    const appModal = provider.querySelector<HTMLDialogElement>('#app-modal')!;
    appModal.showModal();
    const bar = await cancelToBar(world, provider.querySelector('para-reauth-dialog')!);
    return { appModal, bar };
  }

  it('stays under the app modal (which makes it inert) instead of drawn above its backdrop, and goes up once that modal closes', async () => {
    const { appModal, bar } = await barUnderAppModal();
    const atBar = () => {
      const box = bar.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.id || document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.tagName;
    };
    expect({ onTop: bar.matches(':popover-open'), appModalOpen: appModal.open, atBar: atBar() }, 'while the app modal is open').to.deep.equal({ onTop: false, appModalOpen: true, atBar: 'app-modal' });
    appModal.close();
    await renders();
    expect({ onTop: bar.matches(':popover-open'), atBar: atBar() }, 'once it closed').to.deep.equal({ onTop: true, atBar: 'PARA-REAUTH-DIALOG' });
  });

  it('goes up once the app modal leaves the page without being closed (a framework unmounting it)', async () => {
    const { appModal, bar } = await barUnderAppModal('transform: translateZ(0)');
    expect(bar.matches(':popover-open'), 'waiting under the app modal').to.equal(false);
    appModal.parentElement!.remove();
    await renders();
    const where = seen(bar);
    expect({ onTop: bar.matches(':popover-open'), onScreen: where.inViewport && where.hitsBar }, JSON.stringify(where)).to.deep.equal({ onTop: true, onScreen: true });
  });
});

describe('the "Sign in again" bar at 320 x 256 (400 % zoom)', () => {
  afterEach(() => sinon.restore());

  it('never wholly hides the page control keyboard focus moves to (WCAG 2.4.11), and gives the page its scroll padding back', async function () {
    try {
      await setViewport({ width: 320, height: 256 });
    } catch {
      console.log('[skip] this browser\'s driver cannot set the viewport; Chromium checks 400 % zoom');
      this.skip();
    }
    try {
      const { provider, dialog, bar: shown } = await cancelledPage(createWorld());
      const bar = shown.getBoundingClientRect();
      provider.querySelector<HTMLButtonElement>('#b0')!.focus();
      window.scrollTo(0, 0);
      const hidden: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        await sendKeys({ press: 'Tab' });
        const focused = deepActiveElement();
        if (!focused || dialog.shadowRoot!.contains(focused)) continue;
        const box = focused.getBoundingClientRect();
        if (box.top >= bar.top && box.bottom <= bar.bottom) hidden.push(`${focused.id} at ${Math.round(box.top)}-${Math.round(box.bottom)}`);
      }
      expect(hidden, `wholly under the bar (${Math.round(bar.top)}-${Math.round(bar.bottom)} of ${innerHeight} px)`).to.deep.equal([]);
      provider.remove();
      expect(document.documentElement.style.scrollPaddingBottom, 'the page\'s own scroll padding, back').to.equal('');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
