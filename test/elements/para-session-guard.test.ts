import { expect, html } from '@open-wc/testing';
import type { ParaSessionGuard } from '../../src/elements/para-session-guard/para-session-guard.js';
import { createWorld, reachExpiry, SECOND, sessionFixture, settle } from './support/session-fixture.js';
import { fixture } from '@open-wc/testing';

const visibleSlot = (guard: ParaSessionGuard) => guard.shadowRoot!.querySelector('slot')!.name || 'default';

describe('<para-session-guard>', () => {
  const render = (world: ReturnType<typeof createWorld>) =>
    fixture(html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
      <para-session-guard>
        <p>Wallet balance</p>
        <p slot="fallback">Please sign in</p>
        <p slot="pending">Checking…</p>
      </para-session-guard>
    </para-session>`);

  it('shows pending while checking, the content while usable, the fallback once expired', async () => {
    const world = createWorld();
    const provider = await render(world);
    const guard = provider.querySelector('para-session-guard')!;
    expect(visibleSlot(guard)).to.equal('pending');
    await settle(world, SECOND);
    expect(visibleSlot(guard)).to.equal('default');
    await expect(guard).to.be.accessible();
    await reachExpiry(world);
    expect(visibleSlot(guard)).to.equal('fallback');
    await expect(guard).to.be.accessible();
  });

  it('keeps the content while offline with a known session', async () => {
    const world = createWorld();
    const provider = await sessionFixture(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}><para-session-guard><p>App</p></para-session-guard></para-session>`,
      world,
    );
    const guard = provider.querySelector('para-session-guard')!;
    world.server.online = false;
    world.environment.window.dispatchEvent(new Event('online'));
    await settle(world, 21 * SECOND);
    expect((provider as HTMLElement & { state: { status: string } }).state.status).to.equal('offline');
    expect(visibleSlot(guard)).to.equal('default');
  });

  it('shows the fallback with no provider', async () => {
    const guard = await fixture<ParaSessionGuard>(html`<para-session-guard><p>App</p><p slot="fallback">No</p></para-session-guard>`);
    expect(visibleSlot(guard)).to.equal('fallback');
  });
});

describe('<para-session-guard> moved', () => {
  it('moved out of its provider, it stops following that session and hides the content', async () => {
    const world = createWorld();
    const provider = await sessionFixture(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}
        ><para-session-guard><p>Wallet balance</p><p slot="fallback">Please sign in</p></para-session-guard></para-session
      >`,
      world,
    );
    const guard = provider.querySelector('para-session-guard')!;
    expect(visibleSlot(guard)).to.equal('default');
    const outside = document.createElement('div');
    document.body.append(outside);
    outside.append(guard);
    await settle(world, SECOND);
    expect(visibleSlot(guard), 'no provider above it any more').to.equal('fallback');
    // Back inside, it follows the session again.
    provider.append(guard);
    await settle(world, SECOND);
    expect(visibleSlot(guard)).to.equal('default');
    outside.remove();
  });
});

describe('<para-session-guard> and the page around it', () => {
  it('puts the page back where the user had scrolled once the content returns after an expiry and a sign-in again', async () => {
    const world = createWorld();
    const provider = await sessionFixture(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}
        ><para-session-guard><div style="height: 5000px">A long wallet history</div><p slot="fallback">Please sign in</p></para-session-guard></para-session
      >`,
      world,
    );
    const guard = provider.querySelector('para-session-guard')!;
    window.scrollTo(0, 1500);
    expect(window.scrollY).to.equal(1500);
    await reachExpiry(world);
    expect(visibleSlot(guard)).to.equal('fallback');
    expect(window.scrollY, 'the page shrank to the fallback').to.equal(0);
    // Signed in again (the dialog's flow, or the app's own): the server says active.
    world.server.signIn();
    const checking = (provider as HTMLElement & { check(): Promise<unknown> }).check();
    await settle(world, SECOND);
    await checking;
    expect(visibleSlot(guard)).to.equal('default');
    expect(window.scrollY).to.equal(1500);
    window.scrollTo(0, 0);
  });

  it("puts back an app's own scroll container and a scrolled list inside the content, not only the page", async () => {
    const world = createWorld();
    const provider = await sessionFixture(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}
        ><div id="main" style="height: 300px; overflow: auto"
          ><para-session-guard
            ><div style="height: 3000px">A long wallet history<div id="list" style="height: 200px; overflow: auto"><div style="height: 2000px">items</div></div></div
            ><p slot="fallback">Please sign in</p></para-session-guard
          ></div
        ></para-session
      >`,
      world,
    );
    const main = provider.querySelector<HTMLElement>('#main')!;
    const list = provider.querySelector<HTMLElement>('#list')!;
    main.scrollTop = 1200;
    list.scrollTop = 700;
    expect([main.scrollTop, list.scrollTop]).to.deep.equal([1200, 700]);
    await reachExpiry(world);
    expect(main.scrollTop, 'the container shrank to the fallback').to.equal(0);
    world.server.signIn();
    const checking = (provider as HTMLElement & { check(): Promise<unknown> }).check();
    await settle(world, SECOND);
    await checking;
    expect([main.scrollTop, list.scrollTop], '[container, list] scrolled back').to.deep.equal([1200, 700]);
  });
});

