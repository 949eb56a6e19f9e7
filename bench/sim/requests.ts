// Row 1: requests per 8-hour day of 2-hour sessions, keep-alive and checks apart.
import { CONTENDERS, BenchWorld, type Contender } from './world.js';
import { HOUR, type Row } from './rows.js';

const DAY_MS = 8 * HOUR;

interface DayResult {
  keepAlive: number;
  checks: number;
  aliveAtEnd: boolean;
}

async function day(contender: Contender, tabs: number, user: 'busy' | 'leaves'): Promise<DayResult> {
  const world = new BenchWorld(contender, { sessionLength: 7200 });
  const start = world.clock.serverNow();
  const opened = await world.openTabs(tabs);
  // The user works in the first tab, the others sit in the background; one user leaves after an hour.
  await world.live(DAY_MS - (world.clock.serverNow() - start), opened[0], () => user === 'busy' || world.clock.serverNow() - start < HOUR);
  const aliveAtEnd = world.server.isActive();
  world.closeAll();
  const { keepSessionAlive, isSessionActive } = world.server.counts;
  return { keepAlive: keepSessionAlive, checks: isSessionActive, aliveAtEnd };
}

export async function requestRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const user of ['busy', 'leaves'] as const) {
    for (const tabs of [1, 3, 10]) {
      const result = {} as Record<Contender, DayResult>;
      for (const contender of CONTENDERS) result[contender] = await day(contender, tabs, user);
      const who = user === 'busy' ? 'busy user' : 'user leaves after 1 h';
      const alive = (r: DayResult) => (r.aliveAtEnd ? 'alive' : 'ended');
      for (const kind of ['keepAlive', 'checks'] as const) {
        rows.push({
          row: 1,
          group: 'Requests per 8 h day (2 h sessions)',
          label: `${kind === 'keepAlive' ? 'keep-alive' : 'checks'}, ${tabs} tab${tabs > 1 ? 's' : ''}, ${who}`,
          unit: 'requests',
          kit: result.kit[kind],
          baseline: result.baseline[kind],
          better: 'lower',
          note: kind === 'keepAlive' && user === 'leaves' ? `session at 8 h: kit ${alive(result.kit)}, baseline ${alive(result.baseline)}` : undefined,
        });
      }
    }
  }
  return rows;
}
