import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import sinon from 'sinon';
import { $paraSession } from '../../src/core/registry.js';
import type { ParaSessionStatus } from '../../src/elements/para-session-status/para-session-status.js';
import { ParaSession } from '../../src/elements/para-session/para-session.js';
import { ParaReauthRequestEvent, type ParaReauthCompleteEvent } from '../../src/elements/events.js';
import { createWorld, HOUR, MINUTE, reachExpiry, SECOND, sessionFixture, settle, type SessionWorld } from './support/session-fixture.js';

const provider = (world: SessionWorld) =>
  sessionFixture<ParaSession>(html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}><p>App</p></para-session>`, world);

describe('<para-session>', () => {
  afterEach(() => sinon.restore());

  describe('accessibility', () => {
    it('adds nothing to the page but its children and passes axe', async () => {
      const world = createWorld();
      const el = await provider(world);
      expect(getComputedStyle(el).display).to.equal('contents');
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('reflects attributes into properties with explicit kebab-case names', async () => {
      const el = await fixture<ParaSession>(
        html`<para-session session-length="3600" keep-alive="always" refresh-before="120" warn-before="60" disable-auto-keep-alive></para-session>`,
      );
      expect(el.sessionLength).to.equal(3600);
      expect(el.keepAlive).to.equal('always');
      expect(el.refreshBefore).to.equal(120);
      expect(el.warnBefore).to.equal(60);
      expect(el.disableAutoKeepAlive).to.equal(true);
      el.warnBefore = 90;
      await el.updateComplete;
      expect(el.getAttribute('warn-before')).to.equal('90');
    });

    it('a client written as an attribute (React 19 before the tag is defined writes "[object Object]") is named in a warning, not left silently idle', async () => {
      const warn = sinon.stub(console, 'warn');
      const tag = 'attr-client-para-session';
      const el = document.createElement(tag) as ParaSession;
      el.setAttribute('client', '[object Object]');
      document.body.append(el);
      customElements.define(tag, class extends ParaSession {});
      await el.updateComplete;
      const messages = warn.getCalls().map((call) => String(call.args[0])).filter((message) => message.includes('client is set as an attribute'));
      el.remove();
      expect(messages).to.have.length(1);
      expect(messages[0]).to.include('.client property');
    });

    it('warns naming the element, attribute, bad value and fallback, and uses the fallback', async () => {
      const world = createWorld();
      const warn = sinon.stub(console, 'warn');
      const el = await sessionFixture<ParaSession>(
        html`<para-session session-length="two hours" warn-before="5" .client=${world.client} .engineOptions=${world.engineOptions}></para-session>`,
        world,
      );
      const messages = warn.getCalls().map((call) => String(call.args[0]));
      expect(messages).to.include('<para-session>: session-length="two hours" is not a number of seconds; using 7200.');
      expect(messages).to.include('<para-session>: warn-before=5 is under 20 s (WCAG 2.2.1); using 20.');
      // The property holds its type: the bad text stays in the attribute only, the default applies.
      expect(el.sessionLength).to.equal(undefined);
      expect(el.getAttribute('session-length')).to.equal('two hours');
      expect(el.state.status).to.equal('active');
    });

    it('keeps the last good keep-alive policy type when the attribute names an unknown one', async () => {
      const world = createWorld();
      const warn = sinon.stub(console, 'warn');
      const el = await sessionFixture<ParaSession>(
        html`<para-session keep-alive="sometimes" .client=${world.client} .engineOptions=${world.engineOptions}></para-session>`,
        world,
      );
      const messages = warn.getCalls().map((call) => String(call.args[0]));
      expect(messages).to.deep.equal(['<para-session>: keep-alive="sometimes" is not one of activity, always, off; using "activity".']);
      expect(el.keepAlive).to.equal(undefined);
      el.setAttribute('keep-alive', 'always');
      await el.updateComplete;
      expect(el.keepAlive).to.equal('always');
    });

    it('disable-auto-keep-alive="false" (how Svelte and Vue write false) leaves the keep-alive on; present or "true" turns it off', async () => {
      const world = createWorld();
      const el = await sessionFixture<ParaSession>(
        html`<para-session disable-auto-keep-alive="false" .client=${world.client} .engineOptions=${world.engineOptions}></para-session>`,
        world,
      );
      const seen = [el.disableAutoKeepAlive];
      for (const value of ['', 'true', 'FALSE']) {
        el.setAttribute('disable-auto-keep-alive', value);
        await el.updateComplete;
        seen.push(el.disableAutoKeepAlive);
      }
      el.removeAttribute('disable-auto-keep-alive');
      await el.updateComplete;
      seen.push(el.disableAutoKeepAlive);
      expect(seen).to.deep.equal([false, true, true, false, false]);
      el.disableAutoKeepAlive = true;
      await el.updateComplete;
      expect(el.getAttribute('disable-auto-keep-alive')).to.equal('');
    });

    it('reschedules when an attribute changes at run time', async () => {
      const world = createWorld();
      const el = await provider(world);
      await settle(world, world.server.expiresAt! - world.clock.now() - 500 * SECOND);
      expect(el.state.status).to.equal('active');
      el.setAttribute('warn-before', '600');
      await settle(world, SECOND);
      expect(el.state.status).to.equal('expiring');
    });

    it('stops the old engine and starts a new one when the client is swapped', async () => {
      const world = createWorld();
      const el = await provider(world);
      const other = createWorld();
      other.server.revoke();
      other.client.userId = undefined;
      const oldRequests = world.server.requests;
      el.engineOptions = other.engineOptions;
      el.client = other.client;
      await world.clock.advance(10 * MINUTE);
      await settle(other, SECOND);
      expect(other.client.server.requests).to.be.greaterThan(0);
      expect(world.server.requests).to.equal(oldRequests);
      expect(el.state.status).to.equal('signed-out');
    });

    it('a new engineOptions object with the same values (a framework re-rendering) keeps the engine; a changed value restarts it', async () => {
      const world = createWorld();
      const el = await provider(world);
      const checks = () => world.server.counts.isSessionActive;
      const before = checks();
      el.engineOptions = { ...world.engineOptions };
      await settle(world, SECOND);
      el.engineOptions = { ...world.engineOptions, allowedOrigins: ['https://api.example.com'] };
      await settle(world, SECOND);
      const afterChange = checks();
      el.engineOptions = { ...world.engineOptions, allowedOrigins: ['https://api.example.com'] };
      await settle(world, SECOND);
      expect([afterChange - before, checks() - afterChange], 'checks: after a changed value, after an equal object').to.deep.equal([1, 0]);
      expect(el.state.status).to.equal('active');
    });

    it('keeps a client set before the element was defined (late upgrade)', async () => {
      const world = createWorld();
      const tag = 'late-para-session';
      const el = document.createElement(tag) as ParaSession;
      el.client = world.client;
      el.engineOptions = world.engineOptions;
      document.body.append(el);
      customElements.define(tag, class extends ParaSession {});
      await settle(world, SECOND);
      expect(el.state.status).to.equal('active');
      el.remove();
    });

    it('forwards the engine methods and getters', async () => {
      const world = createWorld();
      const el = await provider(world);
      expect(el.$state.get()).to.equal(el.state);
      const extended = el.extend();
      await settle(world, SECOND);
      expect(await extended).to.equal(true);
      await el.requireActive();
      expect(JSON.parse(atob(await el.exportSession())).wallets).to.deep.equal({});
      await el.logout();
      expect(el.state.status).to.equal('signed-out');
    });

    it('mirrors the first connected provider in $paraSession and goes idle when it leaves', async () => {
      const world = createWorld();
      const el = await provider(world);
      expect($paraSession.get().status).to.equal('active');
      el.remove();
      // Not at once: an element put back in the same task (a move) keeps its session.
      await Promise.resolve();
      expect($paraSession.get().status).to.equal('idle');
    });
  });

  describe('events', () => {
    it('dispatches para-session-change that bubbles out of a shadow root', async () => {
      const world = createWorld();
      // fixtureSync: a plain element's fixture() waits for an animation frame, which a background test page never gets.
      const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const el = document.createElement('para-session');
      el.engineOptions = world.engineOptions;
      el.client = world.client;
      const seen: string[] = [];
      document.addEventListener('para-session-change', (event) => seen.push(event.detail.state.status), { once: false });
      root.append(el);
      await settle(world, SECOND);
      expect(seen).to.include('active');
      el.remove();
    });

    it('dispatches warning, expired and a cancelable para-reauth-request', async () => {
      const world = createWorld();
      const el = await provider(world);
      const events: string[] = [];
      for (const type of ['para-session-warning', 'para-session-expired', 'para-reauth-request'] as const) {
        el.addEventListener(type, (event) => events.push(`${event.type}:${event.cancelable}:${event.composed}`));
      }
      await reachExpiry(world);
      expect(events).to.deep.equal([
        'para-session-warning:false:true',
        'para-session-expired:false:true',
        'para-reauth-request:true:true',
      ]);
    });

    it('reports a sign-in as another account in para-reauth-complete', async () => {
      const world = createWorld();
      const el = await provider(world);
      el.addEventListener('para-reauth-request', (event: ParaReauthRequestEvent) => event.preventDefault());
      const completed = new Promise<ParaReauthCompleteEvent>((resolve) => el.addEventListener('para-reauth-complete', resolve, { once: true }));
      await reachExpiry(world);
      world.client.approve({ userId: 'user-b', email: 'b@b.co' });
      window.dispatchEvent(new CustomEvent('paraLogin'));
      world.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
      await settle(world, SECOND);
      const { detail } = await completed;
      expect(detail.switchedAccount).to.equal(true);
      expect(detail.previous).to.deep.equal({ userId: 'user-a', email: 'a@b.co' });
      expect(detail.identity).to.deep.equal({ userId: 'user-b', email: 'b@b.co' });
    });
  });

  describe('lifecycle', () => {
    it('leaves no timers or listeners after disconnect, and resumes on reconnect', async () => {
      const world = createWorld();
      const el = await sessionFixture<ParaSession>(
        html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
          <para-session-status></para-session-status><para-reauth-dialog></para-reauth-dialog>
        </para-session>`,
        world,
      );
      const parent = el.parentElement!;
      el.remove();
      await settle(world);
      expect(world.clock.pendingTimers).to.equal(0);
      expect(world.environment.window.listeners).to.equal(0);
      expect(world.environment.document.listeners).to.equal(0);
      world.server.revoke();
      world.server.signIn();
      parent.append(el);
      await settle(world, SECOND);
      expect(el.state.status).to.equal('active');
      expect(world.clock.pendingTimers).to.be.greaterThan(0);
    });
  });

  describe('nesting', () => {
    it('binds each consumer to its nearest provider, nested or sibling', async () => {
      const outer = createWorld();
      const inner = createWorld({ signedIn: false });
      inner.client.userId = undefined;
      const sibling = createWorld();
      sibling.server.expiresAt = sibling.clock.serverNow() + HOUR;
      const root = fixtureSync<HTMLDivElement>(html`<div>
        <para-session id="outer" .client=${outer.client} .engineOptions=${outer.engineOptions}>
          <para-session-status id="s-outer"></para-session-status>
          <para-session id="inner" .client=${inner.client} .engineOptions=${inner.engineOptions}>
            <para-session-status id="s-inner"></para-session-status>
          </para-session>
        </para-session>
        <para-session .client=${sibling.client} .engineOptions=${sibling.engineOptions}>
          <para-session-status id="s-sibling"></para-session-status>
        </para-session>
      </div>`);
      await Promise.all([outer, inner, sibling].map((world) => world.clock.advance(SECOND)));
      await settle(outer);
      const label = (id: string) => root.querySelector<ParaSessionStatus>(`#${id}`)!.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
      expect(label('s-outer')).to.equal('Signed in 2 hr left');
      expect(label('s-inner'), 'never signed in: neutral, not "Signed out"').to.equal('Not signed in');
      expect(label('s-sibling')).to.equal('Signed in 1 hr left');
    });
  });
});
