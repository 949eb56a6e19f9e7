import { expect } from '@open-wc/testing';
import { AnnouncedExclusive } from '../../../src/core/tabs/exclusive.js';
import { FakeClock } from '../support/fake-clock.js';
import { TabWorld } from '../support/tab-world.js';

const DAY = 24 * 3600_000;

describe('announced exclusive (no Web Locks)', () => {
  it('a busy announcement far in the future holds a task back no longer than the wait', async () => {
    const clock = new FakeClock();
    const exclusive = new AnnouncedExclusive(clock, () => undefined, 5_000);
    // A buggy or hostile tab says it is busy for ten days and never says done.
    exclusive.onBusy('check', clock.now() + 10 * DAY);
    let settled = false;
    const waiting = exclusive.run('check', async () => 'ran').then((result) => ((settled = true), result));
    await clock.advance(6_000);
    expect(settled, 'released within the wait').to.equal(true);
    expect(await waiting).to.equal(undefined);
    // The next turn runs the task: the announcement is over.
    const next = exclusive.run('check', async () => 'ran');
    await clock.advance(100);
    expect(await next).to.equal('ran');
  });

  it('an honest busy tab still holds a task back until it is done', async () => {
    const clock = new FakeClock();
    const exclusive = new AnnouncedExclusive(clock, () => undefined, 5_000);
    exclusive.onBusy('check', clock.now() + 5_000);
    let settled = false;
    const waiting = exclusive.run('check', async () => 'ran').then(() => (settled = true));
    await clock.advance(1_000);
    expect(settled).to.equal(false);
    exclusive.onDone('check');
    await clock.advance(10);
    await waiting;
    expect(settled).to.equal(true);
  });
});

describe('Web Locks exclusive: an engine stopped while it holds a lock', () => {
  it('a session re-created on the page (v-if off and on) during the first check asks at once, not after the old one', async () => {
    const world = new TabWorld();
    world.server.latencyMs = 2_000;
    const first = world.open();
    await world.advance(100);
    // The first check holds the "check" lock, waiting on the server; the framework removes the element.
    first.engine.stop();
    const second = world.open();
    let activeAfter: number | null = null;
    const start = world.clock.now();
    second.engine.$state.listen((state) => {
      if (state.status === 'active' && activeAfter === null) activeAfter = world.clock.now() - start;
    });
    await world.advance(6_000);
    expect(activeAfter, 'ms until the new session is active (one answer takes 2,000)').to.be.within(1_900, 2_300);
    world.closeAll();
  });
});
