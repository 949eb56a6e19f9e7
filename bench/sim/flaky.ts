// Row 3: false sign-outs when 20 % of requests fail, over a simulated week of a busy user in 3 tabs.
// A failure is an HTTP 503: the SDK's axios retries only network errors, so it reaches the caller.
import { seeded } from '../../test/reliability/support/random.js';
import { CONTENDERS, BenchWorld, type BenchTab, type Contender } from './world.js';
import { DAY, MINUTE, type Row } from './rows.js';

const FAILURE_RATE = 0.2;
const WEEK_MS = 7 * DAY;

async function week(contender: Contender): Promise<{ signOuts: number; falseSignOuts: number; failed: number; requests: number }> {
  const random = seeded(20);
  const world = new BenchWorld(contender, { sessionLength: 7200 });
  let failed = 0;
  // The server model takes one injected status per answer: a random 20 % of them are 503.
  world.server.failures = {
    shift: () => (random() < FAILURE_RATE ? ((failed += 1), 503) : undefined),
  } as unknown as number[];
  const tabs = await world.openTabs(3);
  let signOuts = 0;
  const falseEnds = () => tabs.reduce((sum, tab) => sum + tab.falseEnds, 0);
  const signInAgain = async (tab: BenchTab) => {
    if (tab.engine) {
      await tab.engine.beginReauth();
      world.signIn();
      void tab.engine.completeReauth();
      await world.advance(1_000);
    } else {
      world.signIn();
      await world.advance(1_000);
      for (const other of tabs) world.reconnect(other);
    }
  };
  for (let elapsed = 0; elapsed < WEEK_MS; elapsed += MINUTE) {
    world.userActs(tabs[0]);
    await world.advance(MINUTE);
    // A user signed out by mistake signs in again and carries on.
    const out = tabs.find((tab) => tab.endedAt !== null);
    if (out) {
      signOuts += 1;
      await signInAgain(out);
    }
  }
  world.closeAll();
  const { keepSessionAlive, isSessionActive } = world.server.counts;
  return { signOuts, falseSignOuts: falseEnds(), failed, requests: keepSessionAlive + isSessionActive };
}

export async function flakyRows(): Promise<Row[]> {
  const result = {} as Record<Contender, Awaited<ReturnType<typeof week>>>;
  for (const contender of CONTENDERS) result[contender] = await week(contender);
  return [
    {
      row: 3,
      group: 'Flaky network: 20 % of requests fail (503), 1 week, 3 tabs, busy user',
      label: 'sign-outs of a user who never left',
      unit: 'count',
      kit: result.kit.signOuts,
      baseline: result.baseline.signOuts,
      better: 'lower',
      note:
        `shown while the server still held the session: kit ${result.kit.falseSignOuts}, baseline ${result.baseline.falseSignOuts}; ` +
        `requests (failed): kit ${result.kit.requests} (${result.kit.failed}), baseline ${result.baseline.requests} (${result.baseline.failed})`,
    },
  ];
}
