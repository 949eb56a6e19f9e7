import { expect } from '@open-wc/testing';
import { BenchWorld } from '../../bench/sim/world.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The bench's baseline must behave as reference/para-sdk-2.x.md says ParaProvider's loop does, or its figures mean nothing. */
describe('bench baseline: ParaProvider’s keep-alive loop', () => {
  it('wakes every 60 s and extends only with under 5 minutes left, whether or not the user is there', async () => {
    const world = new BenchWorld('baseline', { sessionLength: 7200 });
    const [tab] = await world.openTabs(1);
    await world.advance(2 * HOUR - 6 * MINUTE);
    expect(world.server.counts.keepSessionAlive, 'nothing before the last 5 minutes').to.equal(0);
    expect(tab.clock.wakeUps).to.equal(114);
    await world.advance(2 * MINUTE);
    expect(world.server.counts.keepSessionAlive, 'one extension, nobody active').to.equal(1);
    expect(world.server.isActive()).to.equal(true);
    await world.advance(6 * HOUR);
    expect(world.server.isActive(), 'the session never ends while the tab is open').to.equal(true);
    expect(world.server.counts.isSessionActive, 'the loop reads the cookie, it asks nothing').to.equal(0);
    world.closeAll();
  });

  it('ignores a failed extension and signs out once the cookie’s Expires has passed', async () => {
    const world = new BenchWorld('baseline', { sessionLength: 7200 });
    const [tab] = await world.openTabs(1);
    world.refusesExtension = true;
    const expiresAt = world.server.expiresAt!;
    await world.advance(2 * HOUR - 30 * SECOND);
    // Ticks at 4, 3, 2 and 1 minute left (at exactly 5 minutes left is not "under 5 minutes").
    expect(world.server.counts.keepSessionAlive, 'it tried on every tick under 5 minutes').to.equal(4);
    expect(tab.loop!.status).to.equal('active');
    await world.advance(2 * MINUTE);
    expect(tab.loop!.status).to.equal('signed-out');
    expect(tab.endedAt! - expiresAt).to.be.within(0, 60 * SECOND);
    expect(world.server.counts.logout).to.equal(1);
    world.closeAll();
  });

  it('with the SDK’s cookie sync, 3 tabs send about one extension per cycle (reference: 2 over ~2 cycles)', async () => {
    const world = new BenchWorld('baseline', { sessionLength: 7200 });
    const tabs = await world.openTabs(3);
    await world.advance(2 * (2 * HOUR - 5 * MINUTE) + 2 * MINUTE);
    expect(world.server.counts.keepSessionAlive).to.equal(2);
    expect(tabs.map((tab) => tab.clock.wakeUps / 60)).to.satisfy((hours: number[]) => hours.every((h) => h > 3.8));
    world.closeAll();
  });
});
