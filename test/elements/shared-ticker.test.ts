import { expect, html } from '@open-wc/testing';
import { repeat } from 'lit/directives/repeat.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { createWorld, reachWarning, SECOND, sessionFixture, settle } from './support/session-fixture.js';

const COUNT = 50;

describe('countdowns share one ticker', function () {
  // Fifty elements through a warning window: seconds on a quiet machine, more on a loaded one.
  this.timeout(30_000);
  it(`${COUNT} <para-session-status> of one session set one timer between them, tick together and leave none`, async () => {
    const world = createWorld();
    const statuses = Array.from({ length: COUNT }, (_, i) => i);
    const alone = await sessionFixture<ParaSession>(html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}></para-session>`, world);
    await settle(world);
    const engineTimers = world.clock.pendingTimers;
    alone.remove();
    await settle(world);

    const provider = await sessionFixture<ParaSession>(
      html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
        ${repeat(statuses, (i) => i, () => html`<para-session-status></para-session-status>`)}
      </para-session>`,
      world,
    );
    await settle(world);
    expect(world.clock.pendingTimers - engineTimers, 'one countdown timer for all of them').to.be.at.most(1);

    await reachWarning(world);
    const times = () => [...provider.querySelectorAll('para-session-status')].map((el) => el.shadowRoot!.querySelector('[part="time"]')!.textContent);
    const before = times()[0];
    await settle(world, SECOND);
    expect(new Set(times()).size, 'every status shows the same second').to.equal(1);
    expect(times()[0]).not.to.equal(before);
    expect(world.clock.pendingTimers - engineTimers).to.be.at.most(1);

    provider.remove();
    await settle(world);
    expect(world.clock.pendingTimers, 'nothing left once they are gone').to.equal(0);
  });
});
