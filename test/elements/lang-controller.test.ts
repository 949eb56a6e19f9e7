import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSessionStatus } from '../../src/elements/para-session-status/para-session-status.js';
import '../../src/locales/ar.js';
import { german } from '../../src/locales/de.js';
import { networkError } from './support/auth-client.js';
import { stubWindowOpen } from './support/fake-popup.js';
import { countUpdates, createWorld, reachExpiry, reachWarning, renders, SECOND, sessionFixture, settle } from './support/session-fixture.js';

/**
 * Lets the lang observer's records arrive (a microtask after the change) and what they asked for render.
 * No timers: this file may run in a background tab, where each timer waits a second.
 */
async function observed(...statuses: Array<ParaSessionStatus | ParaReauthDialog>): Promise<void> {
  await new Promise<void>((resolve) => queueMicrotask(resolve));
  await Promise.all(statuses.map((status) => status.updateComplete));
}

const baseLang = (status: ParaSessionStatus) => status.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang');

/** Every text a live region is given from now on: a change of a live region's text is what a screen reader speaks. */
function heardFrom(region: Element): () => string[] {
  const heard: string[] = [];
  const hear = () => {
    const text = region.textContent!.trim();
    if (text) heard.push(text);
  };
  const observer = new MutationObserver(hear);
  observer.observe(region, { characterData: true, childList: true, subtree: true });
  return () => {
    if (observer.takeRecords().length > 0) hear();
    return heard;
  };
}

/** A provider in English with a dialog: the page whose `lang` the tests change. */
async function englishDialog(world: ReturnType<typeof createWorld>): Promise<{ page: HTMLElement; dialog: ParaReauthDialog }> {
  const page = await sessionFixture<HTMLElement>(
    html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}><para-reauth-dialog></para-reauth-dialog></para-session>`,
    world,
  );
  return { page, dialog: page.querySelector<ParaReauthDialog>('para-reauth-dialog')! };
}

describe('language changes on a page', () => {
  it('re-render only the elements whose language they change', async () => {
    const world = createWorld();
    const page = await sessionFixture<HTMLElement>(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
        <section id="one" lang="en"><para-session-status></para-session-status></section>
        <section id="two" lang="en"><para-session-status></para-session-status></section>
        <p id="aside">Text</p>
      </para-session>`,
      world,
    );
    const [one, two] = [...page.querySelectorAll<ParaSessionStatus>('para-session-status')] as [ParaSessionStatus, ParaSessionStatus];
    const oneUpdates = countUpdates(one);
    const twoUpdates = countUpdates(two);

    page.querySelector('#aside')!.setAttribute('lang', 'fr');
    await observed(one, two);
    expect(oneUpdates(), 'a lang on an unrelated paragraph').to.equal(0);
    expect(twoUpdates(), 'a lang on an unrelated paragraph').to.equal(0);

    page.querySelector('#one')!.setAttribute('lang', 'de');
    await observed(one, two);
    expect(oneUpdates()).to.be.greaterThan(0);
    expect(baseLang(one)).to.equal('de');
    expect(twoUpdates(), 'the other section kept its language').to.equal(0);
    expect(baseLang(two)).to.equal('en');
  });

  it('are watched by one observer for all the elements on the page', async () => {
    const observe = MutationObserver.prototype.observe;
    let langObservers = 0;
    MutationObserver.prototype.observe = function (this: MutationObserver, target: Node, options?: MutationObserverInit) {
      if (options?.attributeFilter?.includes('lang')) langObservers += 1;
      return observe.call(this, target, options);
    };
    try {
      const world = createWorld();
      const statuses = Array.from({ length: 50 }, () => html`<para-session-status></para-session-status>`);
      await sessionFixture(html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>${statuses}</para-session>`, world);
      expect(langObservers).to.be.at.most(1);
    } finally {
      MutationObserver.prototype.observe = observe;
    }
  });

  it('still reach an element after others left the page, and no longer reach those that left', async () => {
    const world = createWorld();
    const page = await sessionFixture<HTMLElement>(
      html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}>
        <para-session-status id="stays"></para-session-status>
        <para-session-status id="leaves"></para-session-status>
        <para-reauth-dialog></para-reauth-dialog>
      </para-session>`,
      world,
    );
    const stays = page.querySelector<ParaSessionStatus>('#stays')!;
    const left = page.querySelector<ParaSessionStatus>('#leaves')!;
    left.remove();
    const leftUpdates = countUpdates(left);
    const dialog = page.querySelector<ParaReauthDialog>('para-reauth-dialog')!;
    page.setAttribute('lang', 'ar');
    await observed(stays, dialog);
    expect(baseLang(stays)).to.equal('ar');
    // The dialog, shut, already speaks the new language for when it opens.
    const dialogBox = dialog.shadowRoot!.querySelector('dialog')!;
    expect([dialogBox.getAttribute('lang'), dialogBox.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
    expect(stays.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(leftUpdates()).to.equal(0);
  });
});

describe('a language change alone', () => {
  it('re-renders a status in the new language without announcing its status again', async () => {
    const world = createWorld();
    const page = await sessionFixture<HTMLElement>(
      html`<para-session lang="en" .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status></para-session-status></para-session>`,
      world,
    );
    const status = page.querySelector<ParaSessionStatus>('para-session-status')!;
    await reachWarning(world);
    const region = status.shadowRoot!.querySelector('[part="announcement"]')!;
    expect(region.textContent).to.equal('Session ending soon');
    const heard = heardFrom(region);

    page.setAttribute('lang', 'de');
    await observed(status);
    expect(status.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal(german.status.status.expiring);
    page.setAttribute('lang', 'en');
    await observed(status);
    expect(status.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Session ending soon');
    page.setAttribute('lang', 'de');
    await observed(status);
    expect(heard(), 'what the live region was given when only the language changed, and back, and again').to.deep.equal([]);

    await reachExpiry(world);
    expect(region.textContent, 'the next change of status is announced, in German').to.equal(german.status.status.expired);
  });

  it('re-renders an open warning in the new language without announcing its time again', async () => {
    const world = createWorld();
    const { page, dialog } = await englishDialog(world);
    await reachWarning(world);
    await settle(world, 5 * SECOND);
    const [polite, assertive] = ['polite', 'assertive'].map((kind) => dialog.shadowRoot!.querySelector(`[data-live="${kind}"]`)!);
    expect(polite!.textContent).to.equal('Your session ends in 1 minute, 45 seconds.');
    const heard = [heardFrom(polite!), heardFrom(assertive!)];

    page.setAttribute('lang', 'de');
    await observed(dialog);
    expect(dialog.shadowRoot!.querySelector('#title')!.textContent!.trim()).to.equal(german.dialog.warningTitle);
    page.setAttribute('lang', 'en');
    await observed(dialog);
    page.setAttribute('lang', 'de');
    await observed(dialog);
    expect(
      heard.flatMap((live) => live()),
      'what the live regions were given when only the language changed, and back, and again',
    ).to.deep.equal([]);

    await settle(world, 15 * SECOND);
    expect(polite!.textContent, 'the next spoken mark is announced, in German').to.equal('Ihre Sitzung endet in 1 Minute, 30 Sekunden.');
  });
});

describe('a language change alone, during a sign-in', () => {
  /** Every text a live region was given: a change of text while the element is a live region is what is spoken. */
  function heardWhileLive(root: ShadowRoot): () => string[] {
    const heard: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const element = (record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement) as Element | null;
        const region = element?.closest('[role="alert"], [role="status"], [aria-live]');
        if (region && region.getAttribute('aria-live') !== 'off') heard.push(region.textContent!.trim());
      }
    });
    observer.observe(root, { characterData: true, childList: true, subtree: true });
    return () => {
      observer.takeRecords();
      return heard.filter(Boolean);
    };
  }

  it('an error and the progress re-render in the new language without being spoken again', async () => {
    const world = createWorld();
    const { popup } = stubWindowOpen();
    const { page, dialog } = await englishDialog(world);
    await reachExpiry(world);
    const root = dialog.shadowRoot!;
    const button = (name: string) => [...root.querySelectorAll('button')].find((each) => each.textContent!.trim() === name)!;
    world.client.failNextAuthWith = networkError();
    button('Continue with email').click();
    await settle(world, SECOND);
    expect(root.querySelector('[role="alert"]')?.textContent, 'a network failure is shown').to.contain('could not be reached');
    let heard = heardWhileLive(root);
    page.setAttribute('lang', 'de');
    await observed(dialog);
    expect(root.querySelector('[part="error"]')!.textContent!.trim()).to.equal(german.dialog.errorNetwork);
    page.setAttribute('lang', 'en');
    await observed(dialog);
    expect(heard(), 'the error, only re-worded').to.deep.equal([]);

    popup.closed = false;
    button('Try again').click();
    await settle(world, SECOND);
    expect(root.querySelector('[role="status"]'), 'the progress is a live region when it appears').to.not.equal(null);
    heard = heardWhileLive(root);
    page.setAttribute('lang', 'de');
    await observed(dialog);
    expect(root.querySelector('[part="spinner"]')!.parentElement!.textContent!.trim()).to.equal(german.dialog.progressDescription);
    expect(heard(), 'the progress, only re-worded').to.deep.equal([]);
    await expect(dialog).to.be.accessible();
  });

  it('the warning\'s "could not extend" re-renders in the new language without being spoken again', async () => {
    const world = createWorld();
    const { page, dialog } = await englishDialog(world);
    await reachWarning(world);
    const root = dialog.shadowRoot!;
    world.server.online = false;
    [...root.querySelectorAll('button')].find((each) => each.textContent!.trim() === 'Stay signed in')!.click();
    await settle(world, SECOND);
    expect(root.querySelector('[part="error"]')?.getAttribute('role'), 'the failure is an alert when it appears').to.equal('alert');
    const heard = heardWhileLive(root);
    page.setAttribute('lang', 'de');
    await observed(dialog);
    expect(root.querySelector('[part="error"]')!.textContent!.trim()).to.equal(german.dialog.extendOffline);
    expect(heard().filter((text) => text === german.dialog.extendOffline), 'the failure, only re-worded').to.deep.equal([]);
  });

  describe('inside an app\'s shadow root', () => {
    it('follows a lang change on an element inside an app\'s shadow root', async () => {
      const world = createWorld();
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      render(
        html`<div lang="en"><para-session .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status></para-session-status></para-session></div>`,
        root,
      );
      await settle(world, SECOND);
      const status = root.querySelector<ParaSessionStatus>('para-session-status')!;
      const label = () => status.shadowRoot!.querySelector('[part="label"]')!.textContent;
      expect(label()).to.equal('Signed in');
      root.querySelector('div')!.setAttribute('lang', 'de');
      await renders();
      await status.updateComplete;
      const after = label();
      host.remove();
      expect(after).to.equal('Angemeldet');
    });
  });
});
