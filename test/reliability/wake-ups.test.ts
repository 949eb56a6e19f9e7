import { expect } from '@open-wc/testing';
import { BenchWorld } from '../../bench/sim/world.js';
import { createHarness, SECOND } from '../core/support/harness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Timer wake-ups, measured on the bench's world (bench/sim/world.ts), where each tab counts its own timer
 * callbacks. A hidden tab sets no heartbeat: sleep and clock changes show in the schedule's timers and in page
 * events (visibilitychange first of all). The visible leader is in wake-ups-visible.test.ts.
 */
describe('reliability: timer wake-ups', () => {
  it('a hidden follower tab runs no timer over a simulated hour while another tab leads', async () => {
    const world = new BenchWorld('kit');
    const [leader, follower] = await world.openTabs(2);
    await world.live(MINUTE, leader);
    expect(leader.engine!.state.leader, 'the visible tab leads').to.equal(true);
    expect(follower.engine!.state.leader, 'the hidden tab follows').to.equal(false);
    expect(follower.environment.document.visibilityState).to.equal('hidden');
    const before = follower.clock.wakeUps;
    await world.live(HOUR, leader);
    const wakeUps = follower.clock.wakeUps - before;
    world.closeAll();
    expect(wakeUps, `hidden follower: ${wakeUps} timer wake-ups in a simulated hour`).to.equal(0);
  });

  it('without Web Locks (heartbeat lease), a hidden follower still runs no timer over a simulated hour while another tab leads', async () => {
    const world = new BenchWorld('kit', { locks: false });
    const [leader, follower] = await world.openTabs(2);
    await world.live(MINUTE, leader);
    expect(leader.engine!.state.leader, 'the visible tab leads').to.equal(true);
    expect(follower.engine!.state.leader, 'the hidden tab follows').to.equal(false);
    const before = follower.clock.wakeUps;
    await world.live(HOUR, leader);
    const wakeUps = follower.clock.wakeUps - before;
    expect(follower.engine!.state.leader, 'still a follower').to.equal(false);
    world.closeAll();
    expect(wakeUps, `hidden follower without Web Locks: ${wakeUps} timer wake-ups in a simulated hour`).to.equal(0);
  });

  it('a hidden tab resumed from being frozen (Page Lifecycle `resume`) asks the server at once, with no timer of its own', async () => {
    const h = createHarness();
    h.environment.document.setVisible(false);
    await h.start();
    await h.clock.advance(MINUTE);
    const before = h.server.requests;
    h.environment.document.dispatchEvent(new Event('resume'));
    await h.clock.advance(SECOND);
    expect(h.server.requests - before, 'requests after resume').to.equal(1);
    h.engine.stop();
  });

  it('counts a tab’s timers: the baseline loop wakes a hidden tab 60 times an hour', async () => {
    const world = new BenchWorld('baseline');
    const [leader, follower] = await world.openTabs(2);
    const before = follower.clock.wakeUps;
    await world.live(HOUR, leader);
    world.closeAll();
    expect(follower.clock.wakeUps - before).to.equal(60);
  });
});
