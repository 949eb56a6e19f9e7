import { expect } from '@open-wc/testing';
import { BenchWorld } from '../../bench/sim/world.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Issue 13: a visible leader, outside the warning window, wakes for the schedule's own timers only. */
const VISIBLE_LEADER_MAX_PER_HOUR = 6;

/**
 * ISSUE 13 TARGET, NOT MET: a visible page still looks at the clock once a minute (src/core/wake.ts), because
 * the soak (sleep with no page event: detected within ~3 min) and test/core/failures.test.ts (a clock set
 * forward: checked within a minute) need it; today 64 an hour. Kept out of `npm test` by its name: rename it
 * to `*.test.ts` once sleep is seen without that look.
 */
describe('reliability: timer wake-ups of a visible leader (issue 13 target)', () => {
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
