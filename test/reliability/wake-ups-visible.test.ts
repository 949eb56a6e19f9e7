import { expect } from '@open-wc/testing';
import { BenchWorld } from '../../bench/sim/world.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Issue 13: a visible leader, outside the warning window, wakes for the schedule's own timers only. */
const VISIBLE_LEADER_MAX_PER_HOUR = 6;

/**
 * A visible page sets no clock-probe timer of its own: the schedule's timers are its look for sleep and clock
 * changes (none set further than 15 minutes away while visible, src/core/wake.ts), so the truth checks every
 * 15 minutes and the extension are all it wakes for.
 */
describe('reliability: timer wake-ups of a visible leader', () => {
  it(`a visible leader with a busy user wakes at most ${VISIBLE_LEADER_MAX_PER_HOUR} times an hour, hour after hour`, async () => {
    const world = new BenchWorld('kit');
    const [leader] = await world.openTabs(2);
    await world.live(MINUTE, leader);
    expect(leader.engine!.state.leader).to.equal(true);
    const perHour: number[] = [];
    for (let hour = 0; hour < 4; hour += 1) {
      const before = leader.clock.wakeUps;
      await world.live(HOUR, leader);
      perHour.push(leader.clock.wakeUps - before);
    }
    world.closeAll();
    expect(Math.max(...perHour), `visible leader, wake-ups per hour: ${perHour.join(', ')}`).to.be.at.most(VISIBLE_LEADER_MAX_PER_HOUR);
    expect(Math.min(...perHour), 'the leader still runs its schedule').to.be.greaterThan(0);
  });

});
