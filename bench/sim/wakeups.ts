// Row 4: timer wake-ups per tab-hour, outside the warning window (a busy user is never warned).
import { CONTENDERS, BenchWorld, type BenchTab, type Contender } from './world.js';
import { HOUR, round, type Row } from './rows.js';

const SPAN_MS = 8 * HOUR;

/** Wake-ups per hour of `tab` over `ms` of the world's life from now. */
async function perHour(world: BenchWorld, tabs: BenchTab[], ms: number, actingIn: BenchTab | null): Promise<number[]> {
  const before = tabs.map((tab) => tab.clock.wakeUps);
  await world.live(ms, actingIn);
  world.closeAll();
  return tabs.map((tab, i) => round((tab.clock.wakeUps - before[i]) / (ms / HOUR)));
}

type Scenario = { label: string; measure: (contender: Contender) => Promise<number> };

const scenarios: Scenario[] = [
  {
    label: 'visible leader (2 h session, busy user)',
    measure: async (contender) => {
      const world = new BenchWorld(contender);
      const [leader] = await world.openTabs(2);
      return (await perHour(world, [leader], SPAN_MS, leader))[0];
    },
  },
  {
    label: 'hidden follower (another tab leads)',
    measure: async (contender) => {
      const world = new BenchWorld(contender);
      const [leader, follower] = await world.openTabs(2);
      return (await perHour(world, [follower], SPAN_MS, leader))[0];
    },
  },
  {
    label: 'hidden leader (the user works in a later tab)',
    measure: async (contender) => {
      const world = new BenchWorld(contender);
      const hidden = world.open({ visible: false });
      await world.advance(7_000);
      const visible = world.open({ visible: true });
      return (await perHour(world, [hidden], SPAN_MS, visible))[0];
    },
  },
  {
    label: 'visible leader, no Web Locks, alone (insecure context: heartbeat lease)',
    measure: async (contender) => {
      const world = new BenchWorld(contender, { locks: false });
      const [leader] = await world.openTabs(1);
      return (await perHour(world, [leader], SPAN_MS, leader))[0];
    },
  },
  {
    label: 'visible leader, no Web Locks, another tab hidden (heartbeat lease)',
    measure: async (contender) => {
      const world = new BenchWorld(contender, { locks: false });
      const [leader] = await world.openTabs(2);
      return (await perHour(world, [leader], SPAN_MS, leader))[0];
    },
  },
  {
    label: 'visible leader, no Web Locks, another tab visible too (two windows; heartbeat lease)',
    measure: async (contender) => {
      const world = new BenchWorld(contender, { locks: false });
      const [first] = await world.openTabs(1);
      const second = world.open({ visible: true });
      await world.advance(3_000);
      // Which of two visible tabs leads depends on their random ids; the baseline has no leader: take the first.
      const leader = [first, second].find((tab) => tab.engine?.state.leader) ?? first;
      return (await perHour(world, [leader], SPAN_MS, leader))[0];
    },
  },
  {
    label: 'visible follower, no Web Locks, the user works in it (two windows; heartbeat lease)',
    measure: async (contender) => {
      const world = new BenchWorld(contender, { locks: false });
      const [first] = await world.openTabs(1);
      const second = world.open({ visible: true });
      await world.advance(3_000);
      // The tab that does not lead (either may, by their random ids); the baseline has no leader: take the second.
      const follower = [first, second].find((tab) => tab.engine && !tab.engine.state.leader) ?? second;
      return (await perHour(world, [follower], SPAN_MS, follower))[0];
    },
  },
  {
    label: 'hidden follower, no Web Locks (insecure context: heartbeat lease)',
    measure: async (contender) => {
      const world = new BenchWorld(contender, { locks: false });
      const [leader, follower] = await world.openTabs(2);
      return (await perHour(world, [follower], SPAN_MS, leader))[0];
    },
  },
  {
    label: 'idle session (visible, user away; first hour)',
    measure: async (contender) => {
      const world = new BenchWorld(contender);
      const [tab] = await world.openTabs(1);
      return (await perHour(world, [tab], HOUR, null))[0];
    },
  },
  {
    label: 'visible leader, 30-day session, busy user',
    measure: async (contender) => {
      const world = new BenchWorld(contender, { sessionLength: 30 * 24 * 3600 });
      const [tab] = await world.openTabs(1);
      return (await perHour(world, [tab], SPAN_MS, tab))[0];
    },
  },
];

export async function wakeUpRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const scenario of scenarios) {
    const figures = {} as Record<Contender, number>;
    for (const contender of CONTENDERS) figures[contender] = await scenario.measure(contender);
    rows.push({
      row: 4,
      group: 'Timer wake-ups per tab-hour',
      label: scenario.label,
      unit: 'per hour',
      kit: figures.kit,
      baseline: figures.baseline,
      better: 'lower',
    });
  }
  return rows;
}
