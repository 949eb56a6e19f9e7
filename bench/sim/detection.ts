// Row 2: how long after the server ends a session the UI says so. Expiry: the server stops extending and
// the session ends at its cookie's time; revocation: the server drops it at a random moment. In a visible
// tab with a busy user, and in a hidden tab the user comes back to a few minutes later (timed from then).
import { CONTENDERS, BenchWorld, type Contender } from './world.js';
import { median, MINUTE, round, SECOND, type Row } from './rows.js';
import { seeded } from '../../test/reliability/support/random.js';

const TRIALS = 40;
type Event = 'expiry' | 'revocation';
type Placement = 'visible' | 'hidden';

/** One trial: ms from the end (or, hidden, from the tab being shown) to the UI showing it; null if never within 6 h. */
async function trial(contender: Contender, event: Event, placement: Placement, random: () => number): Promise<number | null> {
  const world = new BenchWorld(contender, { sessionLength: 7200 });
  // A random phase between the baseline's 60 s ticks and the session's clock.
  await world.advance(Math.floor(random() * MINUTE));
  const [tab] = await world.openTabs(1, { firstVisible: placement === 'visible' });
  const user = placement === 'visible' ? tab : null;
  let endedAt: number;
  if (event === 'expiry') {
    world.refusesExtension = true;
    await world.live(Math.floor(random() * 30 * MINUTE), user);
    endedAt = world.server.expiresAt!;
    await world.live(Math.max(0, endedAt - world.clock.serverNow()), user, () => true);
  } else {
    await world.live(5 * MINUTE + Math.floor(random() * (placement === 'visible' ? 4 * 60 : 90) * MINUTE), user);
    world.server.revoke();
    endedAt = world.clock.serverNow();
  }
  let from = endedAt;
  if (placement === 'hidden') {
    await world.advance(Math.floor(random() * 2 * MINUTE));
    from = world.clock.serverNow();
    world.setVisible(tab, true);
  }
  // The moment is recorded by the tab's listener; the step only decides how often we look.
  for (let waited = 0; waited < 6 * 60 * MINUTE && tab.endedAt === null; waited += MINUTE) {
    world.userActs(tab);
    await world.advance(MINUTE);
  }
  world.closeAll();
  return tab.endedAt === null ? null : Math.max(0, tab.endedAt - from);
}

export async function detectionRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const event of ['expiry', 'revocation'] as const) {
    for (const placement of ['visible', 'hidden'] as const) {
      const stats = {} as Record<Contender, { median: number; max: number; missed: number }>;
      for (const contender of CONTENDERS) {
        // The same seed for both: the same trials, moment for moment.
        const random = seeded(event.length * 31 + placement.length);
        const times: number[] = [];
        let missed = 0;
        for (let i = 0; i < TRIALS; i += 1) {
          const ms = await trial(contender, event, placement, random);
          if (ms === null) missed += 1;
          else times.push(ms);
        }
        stats[contender] = { median: round(median(times) / SECOND, 2), max: round(Math.max(...times) / SECOND, 2), missed };
      }
      const where = placement === 'visible' ? 'visible tab' : 'hidden tab, from being shown';
      for (const stat of ['median', 'max'] as const) {
        const missed = stats.kit.missed + stats.baseline.missed;
        rows.push({
          row: 2,
          group: `Detection: server-side ${event} → UI (${TRIALS} trials)`,
          label: `${stat}, ${where}`,
          unit: 's',
          kit: stats.kit[stat],
          baseline: stats.baseline[stat],
          better: 'lower',
          note: missed ? `not shown within 6 h: kit ${stats.kit.missed}, baseline ${stats.baseline.missed}` : undefined,
        });
      }
    }
  }
  return rows;
}
