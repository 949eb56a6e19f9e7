import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaSessionStatus } from '../../src/elements/para-session-status/para-session-status.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { secondsLeft } from '../../src/core/state.js';
import { formatCountdown, formatDuration } from '../../src/elements/shared/format-time.js';
// The layout test below turns the page Arabic: right to left needs texts in a right-to-left language.
import '../../src/locales/ar.js';
import { createWorld, reachExpiry, reachWarning, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';

async function statusIn(world: SessionWorld, format: 'short' | 'long' = 'short') {
  const provider = await sessionFixture(
    html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
      <para-session-status format=${format}></para-session-status>
    </para-session>`,
    world,
  );
  return provider.querySelector('para-session-status')!;
}

const part = (el: ParaSessionStatus, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`)?.textContent?.trim() ?? null;

describe('<para-session-status>', () => {
  afterEach(() => sinon.restore());

  describe('time left', () => {
    it('reads minutes, rounded up, with zero minor units left out', () => {
      const cases: Array<[number, string, string]> = [
        [0, '0 min', '0 minutes'],
        [59, '1 min', '1 minute'],
        [60, '1 min', '1 minute'],
        [119, '2 min', '2 minutes'],
        [120, '2 min', '2 minutes'],
        [3599, '1 hr', '1 hour'],
        [3600, '1 hr', '1 hour'],
        [6120, '1 hr, 42 min', '1 hour, 42 minutes'],
        [86400, '1 day', '1 day'],
        [90000, '1 day, 1 hr', '1 day, 1 hour'],
        // A day or more reads in days and hours (rounded up), never down to the minute: a 30-day session does not
        // read "29 days, 23 hr, 55 min" and change every minute for a month.
        [90060, '1 day, 2 hr', '1 day, 2 hours'],
        [2_591_700, '30 days', '30 days'],
        [2_588_400, '29 days, 23 hr', '29 days, 23 hours'],
      ];
      for (const [seconds, short, long] of cases) {
        expect(formatDuration(seconds, 'short'), `${seconds} s short`).to.equal(short);
        expect(formatDuration(seconds, 'long'), `${seconds} s long`).to.equal(long);
      }
    });

    it('counts down with seconds inside the warning window', () => {
      const cases: Array<[number, string]> = [[0, '0:00'], [9, '0:09'], [59, '0:59'], [60, '1:00'], [112, '1:52'], [119, '1:59'], [120, '2:00'], [3599, '59:59'], [3600, '1:00:00']];
      for (const [seconds, text] of cases) expect(formatCountdown(seconds), `${seconds} s`).to.equal(text);
    });

    it('shows the time left in the chosen format', async () => {
      const world = createWorld();
      const el = await statusIn(world, 'long');
      expect(part(el, 'label')).to.equal('Signed in');
      expect(part(el, 'time')).to.equal('2 hours left');
      el.format = 'short';
      await el.updateComplete;
      expect(part(el, 'time')).to.equal('2 hr left');
    });
  });

  describe('ticking', () => {
    it('ticks every second in the warning window, every minute otherwise, never while hidden', async () => {
      const world = createWorld();
      const el = await statusIn(world);
      const before = part(el, 'time');
      await settle(world, 30 * SECOND);
      expect(part(el, 'time'), 'no per-second ticks outside the window').to.equal(before);
      await settle(world, 60 * SECOND);
      expect(part(el, 'time')).to.equal('1 hr, 59 min left');

      await reachWarning(world);
      expect(part(el, 'label')).to.equal('Session ending soon');
      expect(part(el, 'time')).to.equal('1:50 left');
      await settle(world, SECOND);
      expect(part(el, 'time')).to.equal('1:49 left');

      const countdown = (el as unknown as { countdown: { pending: boolean } }).countdown;
      expect(countdown.pending, 'a tick is scheduled while visible').to.equal(true);
      world.environment.document.setVisible(false);
      await settle(world, 5 * SECOND);
      expect(countdown.pending, 'no tick is scheduled while hidden').to.equal(false);
      world.environment.document.setVisible(true);
      await settle(world);
      const provider = el.closest('para-session')!;
      const shown = () => `${formatCountdown(secondsLeft(provider.state, world.clock.now())!)} left`;
      expect(part(el, 'time'), 'catches up at once when visible').to.equal(shown());
      expect(countdown.pending).to.equal(true);
      const beforeTick = part(el, 'time');
      await settle(world, SECOND);
      expect(part(el, 'time')).to.equal(shown());
      expect(part(el, 'time')).not.to.equal(beforeTick);
    });
  });

  describe('accessibility', () => {
    it('passes axe in every status and announces status changes politely, not ticks', async () => {
      const world = createWorld();
      const el = await statusIn(world);
      const live = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(live.getAttribute('part')).to.equal('announcement');
      expect(el.shadowRoot!.querySelector('[part="time"]')!.closest('[role="status"]')).to.equal(null);
      await expect(el).to.be.accessible();
      await reachWarning(world);
      expect(live.textContent).to.equal('Session ending soon');
      await expect(el).to.be.accessible();
      await reachExpiry(world);
      expect(part(el, 'label')).to.equal('Session ended');
      expect(live.textContent).to.equal('Session ended');
      await expect(el).to.be.accessible();
      world.server.online = false;
      world.server.signIn();
      world.client.approve();
      world.server.online = false;
      await settle(world, SECOND);
      await expect(el).to.be.accessible();
    });

    describe('many statuses under one session', () => {
      async function statuses(world: SessionWorld, count: number, hiddenFirst = false) {
        const provider = await sessionFixture(
          html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
            ${Array.from({ length: count }, (_, i) => html`<para-session-status ?hidden=${hiddenFirst && i === 0}></para-session-status>`)}
          </para-session>`,
          world,
        );
        return [...provider.querySelectorAll('para-session-status')];
      }
      const spoken = (els: ParaSessionStatus[]) => els.map((el) => el.shadowRoot!.querySelector('[role="status"]')!.textContent);

      it('announces a change once, however many statuses show it', async () => {
        const world = createWorld();
        const els = await statuses(world, 3);
        await reachWarning(world);
        expect(els.map((el) => part(el, 'label'))).to.deep.equal(Array(3).fill('Session ending soon'));
        expect(spoken(els)).to.deep.equal(['Session ending soon', '', '']);
        for (const el of els) await expect(el).to.be.accessible();
      });

      it('lets a rendered status speak, not one the page hides', async () => {
        const world = createWorld();
        const els = await statuses(world, 2, true);
        await reachWarning(world);
        expect(spoken(els)).to.deep.equal(['', 'Session ending soon']);
      });

      it('passes the voice on when the speaking status leaves', async () => {
        const world = createWorld();
        const els = await statuses(world, 2);
        await reachWarning(world);
        els[0]!.remove();
        await reachExpiry(world);
        expect(spoken([els[1]!])).to.deep.equal(['Session ended']);
      });
    });

    it('reads as words with spaces between them, and hides the spoken countdown from sight', async () => {
      const world = createWorld();
      const el = await statusIn(world);
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
      // innerText follows the layout, as a screen reader's text does: inline parts with no space between read as one word.
      expect(base.innerText.replace(/\s+/g, ' ').trim()).to.equal('Signed in 2 hr left');
      await reachWarning(world);
      const spokenTime = el.shadowRoot!.querySelector<HTMLElement>('[part="time"] + .visually-hidden')!;
      expect(spokenTime.textContent).to.match(/left$/);
      const box = spokenTime.getBoundingClientRect();
      expect([getComputedStyle(spokenTime).position, box.width <= 1, box.height <= 1]).to.deep.equal(['absolute', true, true]);
    });

    it('shows the indicator centred on the label, before it in the reading direction', async () => {
      const world = createWorld();
      const el = await statusIn(world);
      const middle = (name: string) => {
        const box = el.shadowRoot!.querySelector(`[part="${name}"]`)!.getBoundingClientRect();
        return { y: box.top + box.height / 2, left: box.left, right: box.right };
      };
      const [indicator, label] = [middle('indicator'), middle('label')];
      expect(Math.abs(indicator.y - label.y), 'vertical offset, px').to.be.at.most(2);
      expect(indicator.right).to.be.at.most(label.left);
      document.documentElement.lang = 'ar';
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      try {
        const [rtlIndicator, rtlLabel] = [middle('indicator'), middle('label')];
        expect(rtlIndicator.left, 'right to left: the indicator is on the right').to.be.at.least(rtlLabel.right);
      } finally {
        document.documentElement.lang = 'en';
      }
    });

    describe('layout with many statuses', () => {
      // What keeps one state change cheap with hundreds of statuses on a page (`npm run bench`, row 6): the status
      // joins the page's line layout, and a live region waiting for news is no positioned box.
      it('is inline, so its words join the line it sits in', async () => {
        const world = createWorld();
        const el = await statusIn(world);
        expect(getComputedStyle(el).display).to.equal('inline');
        expect(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).display).to.equal('inline');
      });

      it('keeps the indicator on the line of the label, and wraps the time, however narrow the line', async () => {
        const world = createWorld();
        const el = await statusIn(world);
        const provider = el.parentElement!;
        provider.style.cssText = 'display: block; width: 3em; font: 16px sans-serif';
        provider.insertBefore(document.createTextNode('x '), el);
        const indicator = el.shadowRoot!.querySelector('[part="indicator"]')!.getBoundingClientRect();
        const firstLine = el.shadowRoot!.querySelector('[part="label"]')!.getClientRects()[0]!;
        expect(el.shadowRoot!.querySelector('[part="time"]')!.getClientRects().length, 'the time wraps').to.be.greaterThan(1);
        const middle = indicator.top + indicator.height / 2;
        expect(middle, 'indicator beside the first line of the label').to.be.within(firstLine.top, firstLine.bottom);
      });

      it('changes only texts and a class on a state change, keeping every node, and an empty time is neither shown nor read', async () => {
        const world = createWorld();
        const el = await statusIn(world);
        const nodes = () => [...el.shadowRoot!.querySelectorAll('*')];
        // Every node but Lit's markers: elements and the texts, whose data is what changes.
        const all = () => {
          const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
          const found: Node[] = [];
          while (walker.nextNode()) found.push(walker.currentNode);
          return found;
        };
        const before = nodes();
        const allBefore = all();
        expect(before.map((node) => node.getAttribute('part') ?? node.className)).to.deep.equal(['base', 'indicator', 'label', 'time', 'visually-hidden spoken', 'announcement']);
        await reachWarning(world);
        await reachExpiry(world);
        expect(part(el, 'label')).to.equal('Session ended');
        const after = nodes();
        expect(after.length, 'no node added or removed').to.equal(before.length);
        after.forEach((node, i) => expect(node, `node ${i} is the one rendered first`).to.equal(before[i]));
        const allAfter = all();
        expect(allAfter.length, 'no text node added or removed, even where a text became empty').to.equal(allBefore.length);
        allAfter.forEach((node, i) => expect(node, `node ${i} (${node.nodeName}) is the one rendered first`).to.equal(allBefore[i]));
        const time = el.shadowRoot!.querySelector<HTMLElement>('[part="time"]')!;
        const spoken = el.shadowRoot!.querySelector<HTMLElement>('.spoken')!;
        expect([time.textContent, spoken.textContent]).to.deep.equal(['', '']);
        expect([getComputedStyle(time).display, getComputedStyle(spoken).display]).to.deep.equal(['none', 'none']);
        const shown = [...el.shadowRoot!.querySelector('[part="base"]')!.childNodes].filter((node) => node.nodeType !== Node.COMMENT_NODE && node !== el.shadowRoot!.querySelector('[role="status"]'));
        expect(shown.map((node) => node.textContent).join(''), 'no space left where the time was').to.equal('Session ended');
        await expect(el).to.be.accessible();
      });

      it('lays out an empty live region as nothing, and one with news as visually hidden', async () => {
        const world = createWorld();
        const el = await statusIn(world);
        const live = el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
        expect(getComputedStyle(live).position).to.equal('static');
        expect(live.getBoundingClientRect().width).to.equal(0);
        await reachWarning(world);
        expect(live.textContent).to.equal('Session ending soon');
        const box = live.getBoundingClientRect();
        expect([getComputedStyle(live).position, box.width <= 1, box.height <= 1]).to.deep.equal(['absolute', true, true]);
        await expect(el).to.be.accessible();
      });
    });

    it('shows offline with the last known time left', async () => {
      const world = createWorld();
      const el = await statusIn(world);
      world.server.online = false;
      world.environment.window.dispatchEvent(new Event('online'));
      await settle(world, 21 * SECOND);
      expect(part(el, 'label')).to.equal('Offline');
      expect(part(el, 'time')).to.match(/^2 hr left|1 hr, 59 min left$/);
      await expect(el).to.be.accessible();
    });
  });

  describe('without a provider', () => {
    it('says "No session" and warns once', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await fixture<ParaSessionStatus>(html`<para-session-status></para-session-status>`);
      await fixture(html`<para-session-status></para-session-status>`);
      await Promise.resolve();
      expect(part(el, 'label')).to.equal('No session');
      const mine = warn.getCalls().filter((call) => String(call.args[0]).startsWith('<para-session-status>'));
      expect(mine.length).to.be.at.most(1);
      await expect(el).to.be.accessible();
    });

    it('works inside a shadow root under a provider', async () => {
      const world = createWorld();
      const provider = await sessionFixture(html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}><div></div></para-session>`, world);
      const host = provider.querySelector('div')!;
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<para-session-status></para-session-status>';
      const el = root.querySelector('para-session-status')!;
      await el.updateComplete;
      expect(part(el, 'label')).to.equal('Signed in');
    });
  });

  describe('properties', () => {
    it('replaces any text through strings', async () => {
      const world = createWorld();
      const el = await statusIn(world);
      el.strings = { status: { active: 'Angemeldet' }, timeLeft: 'noch {time}' };
      await el.updateComplete;
      expect(part(el, 'label')).to.equal('Angemeldet');
      expect(part(el, 'time')).to.equal('noch 2 hr');
    });
  });
});

describe('<para-session-status> mounted later', () => {
  it('a status mounted after the sign-out says "Signed out" like the one that was there before', async () => {
    const world = createWorld();
    const provider = await sessionFixture<ParaSession>(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}><para-session-status id="first"></para-session-status></para-session>`,
      world,
    );
    await provider.logout();
    await settle(world, SECOND);
    expect(provider.state.status).to.equal('signed-out');
    const label = (el: Element) => el.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim();
    const first = provider.querySelector('#first')!;
    expect(label(first)).to.equal('Signed out');
    // A route change in an app mounts another header with its own status.
    const later = document.createElement('para-session-status');
    provider.append(later);
    await settle(world);
    expect(label(later), 'both statuses of one session agree').to.equal('Signed out');
  });

  it('a visitor who never signed in still reads "Not signed in", however late the status is mounted', async () => {
    const world = createWorld({ signedIn: false });
    world.client.userId = undefined;
    world.client.email = undefined;
    const provider = await sessionFixture<ParaSession>(html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}></para-session>`, world);
    expect(provider.state.status).to.equal('signed-out');
    const later = document.createElement('para-session-status');
    provider.append(later);
    await settle(world);
    expect(later.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim()).to.equal('Not signed in');
  });

  it('a status moved (a teleport or portal) from a signed-in provider into one nobody signed in to reads as a fresh one there', async () => {
    const signedIn = createWorld();
    const stranger = createWorld({ signedIn: false });
    stranger.client.userId = undefined;
    stranger.client.email = undefined;
    const root = fixtureSync<HTMLDivElement>(html`<div lang="en">
      <para-session id="a" .client=${signedIn.client} .engineOptions=${signedIn.engineOptions}><para-session-status id="moved"></para-session-status></para-session>
      <para-session id="b" .client=${stranger.client} .engineOptions=${stranger.engineOptions}><para-session-status id="fresh"></para-session-status></para-session>
    </div>`);
    await Promise.all([signedIn, stranger].map((world) => world.clock.advance(SECOND)));
    await settle(signedIn);
    const label = (id: string) => root.querySelector(`#${id}`)!.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim();
    expect([label('moved'), label('fresh')]).to.deep.equal(['Signed in', 'Not signed in']);
    root.querySelector('#b')!.append(root.querySelector('#moved')!);
    await settle(stranger, SECOND);
    expect(label('moved'), 'what the fresh status there says').to.equal('Not signed in');
    const announcement = root.querySelector('#moved')!.shadowRoot!.querySelector('[part="announcement"]')!.textContent!.trim();
    expect(announcement, 'a move is no news to announce').to.equal('');
  });
});

