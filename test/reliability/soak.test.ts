import { expect } from '@open-wc/testing';
import { report } from '../core/support/harness.js';
import { runSoak, type SoakOptions, type SoakResult } from './support/soak.js';

/**
 * `npm test` replays fixed seeds, so a red run always means a change broke something and the seed it printed
 * replays it. New seeds are explored on demand (see test/reliability/README.md):
 *   SOAK_SEED=123 npx web-test-runner test/reliability/soak.test.ts     one run, replayed
 *   SOAK_EXPLORE=200 BROWSERS=chromium npx web-test-runner test/reliability/soak.test.ts     200 random runs more
 */
const { seed: SOAK_SEED = null, explore: SOAK_EXPLORE = 0 } =
  (globalThis as { soakConfig?: { seed?: number | null; explore?: number } }).soakConfig ?? {};

const THIRTY_DAYS = 30 * 24 * 3600;

/** The runs `npm test` makes with every fault, one per session length. */
const SAMPLE_SEED = 1318771463;
const SAMPLE_SEED_30_DAYS = 26300125;
const SAMPLE_SEED_TWO_SESSIONS = 965077358;

/** Seeds that once found a bug (whole-second cookies, sleep, clock set back, a lost first answer, a late message, a forged answer to a check in flight, an unconfirmable sign-out, a tab that forgot whose session it was, a new tab left checking when two turns went to tabs with no news for it, a re-auth whose confirming answer was dropped). */
const REGRESSION_SEEDS = [1914980148, 1224793158, 156342643, 74437221, 2108996176, 1736842883, 665378847, 741720942, 188836534, 1603691817, 684983869, 1025727663, 1337610335, 1841540618, 855092424];
/** The same, found with a 30-day session (a tab back from signed-out on another tab's news forgot whose session it was; the tab model wrapped a throttled 24.8-day timer that browsers do not). */
const REGRESSION_SEEDS_30_DAYS = [2105191724, 891066813];
/**
 * Two sessions per page (two apps on one origin): an SDK logout of one signed the other out in every tab, a forged
 * `expired` answered the checks in flight at start, waiting work resumed for another account, a sign-out the
 * server could not confirm, a missed expiry, a truth check left out before an extension, a clock set back that no look
 * had seen when the other app's sign-in made this one check, a tab opened after the clock was set back that led the
 * others with an expiry bounded on its wrong clock.
 */
const REGRESSION_SEEDS_TWO_SESSIONS: Array<[seed: number, sessionLength?: number]> = [
  [760256861, THIRTY_DAYS], [118430011], [759789640], [760209347], [118342902], [760082643], [118295388], [118390416], [119008098], [2143192530], [1010374737], [1095350193],
];

/** A tab's timers in its busiest simulated hour stay under this, for every session length. */
const TIMERS_PER_TAB_HOUR = 400;

const isChromium = /Chrome\//.test(navigator.userAgent);

const replay = (seed: number) => `replay with SOAK_SEED=${seed} npx web-test-runner test/reliability/soak.test.ts`;

/** Every promise the soak checks, broken ones first: empty when the run kept them all. */
function broken(result: SoakResult): string[] {
  const { invariants, leaks } = result;
  const failures = [...invariants.violations.slice(0, 3)];
  if (Object.values(leaks).some((n) => n > 0)) failures.push(`leaks ${JSON.stringify(leaks)}`);
  if (result.signedOutLive.length > 0) failures.push(`signed-out with a live server session: ${result.signedOutLive.slice(0, 3).join(', ')}`);
  if (result.resumedForOtherAccount > 0) failures.push(`waiting work resumed for another account ×${result.resumedForOtherAccount}`);
  if (result.busiestTabHourTimers >= TIMERS_PER_TAB_HOUR) failures.push(`${result.busiestTabHourTimers} timers in a tab's busiest hour`);
  return failures;
}

/** What every one-session soak reports: its seed, the faults, the promises kept and what it left behind. */
function figures(seed: number, result: SoakResult) {
  const { invariants } = result;
  return {
    seed,
    faultsInjected: result.faultCount,
    expiriesSeen: invariants.expiriesSeen,
    falseExpiries: invariants.falseExpiries,
    missedExpiries: invariants.missedExpiries,
    signedOutWithLiveSession: result.signedOutLive.length,
    resumedForOtherAccount: result.resumedForOtherAccount,
    busiestTabHourTimers: result.busiestTabHourTimers,
    leaks: result.leaks,
  };
}

async function soak(seed: number, options: SoakOptions = {}, days = 7): Promise<SoakResult> {
  try {
    return await runSoak(seed, 5, days, options);
  } catch (error) {
    throw new Error(`soak seed ${seed} threw: ${String(error)} — ${replay(seed)}`);
  }
}

describe('reliability: seeded random soak', function () {
  this.timeout(120_000);

  it('replays the seeds that once found bugs: every promise kept', async function () {
    // A seed makes the same run in every engine (the three sample runs below report the same figures in each), and
    // Firefox and WebKit take 5–10× as long per run: the list replays once, in Chromium; the others run the samples.
    if (!isChromium) {
      console.log(`[soak] regression seeds replay in Chromium (a seed makes the same run in every engine); this engine runs the sample soaks`);
      this.skip();
    }
    for (const seed of REGRESSION_SEEDS) {
      const result = await soak(seed);
      expect(broken(result).join('; '), `soak seed ${seed} — ${replay(seed)}`).to.equal('');
    }
    for (const seed of REGRESSION_SEEDS_30_DAYS) {
      const result = await soak(seed, { sessionLength: THIRTY_DAYS });
      expect(broken(result).join('; '), `30-day soak seed ${seed} — ${replay(seed)}`).to.equal('');
    }
    for (const [seed, sessionLength] of REGRESSION_SEEDS_TWO_SESSIONS) {
      const result = await soak(seed, { sessions: 2, sessionLength });
      expect(broken(result).join('; '), `2-session soak seed ${seed} — ${replay(seed)}`).to.equal('');
    }
  });

  it('runs 7 simulated days × 5 tabs with every fault: no false or missed expiry, no leak, no secret leaves', async () => {
    const seed = SOAK_SEED ?? SAMPLE_SEED;
    const started = performance.now();
    const captured: string[] = [];
    const original = { log: console.log, warn: console.warn, error: console.error };
    for (const method of ['log', 'warn', 'error'] as const) {
      console[method] = (...args: unknown[]) => {
        captured.push(args.map(String).join(' '));
        original[method](...args);
      };
    }
    let result: SoakResult;
    try {
      result = await soak(seed);
    } finally {
      Object.assign(console, original);
    }
    const { invariants, exported, world } = result;
    const failure = `soak seed ${seed} — ${replay(seed)}`;
    report('soak', {
      ...figures(seed, result),
      tabs: result.tabs,
      simulatedDays: result.days,
      byFault: result.faults,
      messagesLost: world.channels.lost,
      wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    });
    expect(broken(result).join('; '), failure).to.equal('');
    expect(invariants.expiriesSeen, 'the soak must actually see sessions end').to.be.greaterThan(0);
    expect(result.faultCount).to.be.greaterThan(50);
    for (const fault of Object.keys(result.faults) as Array<keyof typeof result.faults>) {
      if (fault !== 'throttle' && fault !== 'lost-messages') expect(result.faults[fault], `the sample run injects ${fault}`).to.be.greaterThan(0);
    }
    // Secrets stay put: no exported session in any channel message, storage, state, the console or the DOM.
    expect(exported.length, 'the soak must export sessions to check this').to.be.greaterThan(0);
    const places = [...world.channels.log, ...world.storage.written, ...world.tabs.map((tab) => JSON.stringify(tab.engine.state)), ...captured, document.documentElement.outerHTML];
    for (const secret of new Set(exported)) {
      expect(places.some((text) => text.includes(secret)), `${failure}: exported session leaked`).to.equal(false);
    }
  });

  it('runs 7 simulated days × 5 tabs of a 30-day session with the same faults: no false or missed expiry, no leak, timers bounded', async () => {
    const seed = SOAK_SEED ?? SAMPLE_SEED_30_DAYS;
    const result = await soak(seed, { sessionLength: THIRTY_DAYS });
    report('soak, 30-day session', figures(seed, result));
    expect(broken(result).join('; '), `30-day soak seed ${seed} — ${replay(seed)}`).to.equal('');
  });

  it('runs 7 simulated days × 5 tabs × 2 sessions per page with faults aimed at either: each keeps its own promises, neither moves the other', async () => {
    const seed = SOAK_SEED ?? SAMPLE_SEED_TWO_SESSIONS;
    const result = await soak(seed, { sessions: 2 });
    const { perSession, crossSession, leaks } = result;
    report('soak, 2 sessions per page', {
      seed,
      faultsInjected: result.faultCount,
      byFault: result.faults,
      expiriesSeen: perSession.map((i) => i.expiriesSeen),
      falseExpiries: perSession.map((i) => i.falseExpiries),
      missedExpiries: perSession.map((i) => i.missedExpiries),
      crossSessionEventsWatched: crossSession.eventsWatched,
      crossSessionChanges: crossSession.violations.length,
      signedOutWithLiveSession: result.signedOutLive.length,
      resumedForOtherAccount: result.resumedForOtherAccount,
      busiestTabHourTimers: result.busiestTabHourTimers,
      leaks,
    });
    expect(broken(result).join('; '), `2-session soak seed ${seed} — ${replay(seed)}`).to.equal('');
    for (const session of perSession) expect(session.expiriesSeen, 'each session must actually end sometimes').to.be.greaterThan(0);
    expect(crossSession.eventsWatched, 'the soak must watch events of one session against the other').to.be.greaterThan(10);
  });

  it('runs 7 simulated days × 5 tabs without Web Locks (lease election) with the same faults: no false or missed expiry, no leak', async () => {
    // Tabs of this version send no heartbeat (each asks its leader when news is late), so a week is as quick as
    // with Web Locks; with the 2 s heartbeat it took 44 s in Chromium and over 100 s in Firefox.
    const seed = SOAK_SEED ?? SAMPLE_SEED;
    const started = performance.now();
    const result = await soak(seed, { locks: false });
    report('soak, no Web Locks', {
      ...figures(seed, result),
      mode: result.world.tabs[0]?.coordinator.mode,
      wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    });
    expect(result.world.tabs[0]?.coordinator.mode?.election).to.equal('lease');
    expect(broken(result).join('; '), `no-Web-Locks soak seed ${seed} — ${replay(seed)}`).to.equal('');
    expect(result.invariants.expiriesSeen, 'the soak must actually see sessions end').to.be.greaterThan(0);
  });

  if (SOAK_EXPLORE > 0) {
    it(`explores ${SOAK_EXPLORE} random seeds (SOAK_EXPLORE): 2-hour, 2 sessions per page and 30-day sessions in turn`, async function () {
      this.timeout(SOAK_EXPLORE * 5_000 + 60_000);
      const failed: string[] = [];
      for (let run = 0; run < SOAK_EXPLORE; run += 1) {
        const seed = Math.floor(Math.random() * 2 ** 31);
        const kind = (['', ' (2 sessions)', ' (30-day session)'] as const)[run % 3];
        const options: SoakOptions = run % 3 === 1 ? { sessions: 2 } : run % 3 === 2 ? { sessionLength: THIRTY_DAYS } : {};
        const problems = broken(await soak(seed, options));
        if (problems.length > 0) failed.push(`${seed}${kind}: ${problems.join('; ')}`);
      }
      report('soak exploration', { runs: SOAK_EXPLORE, failed: failed.length });
      expect(failed.join('\n'), `${failed.length} of ${SOAK_EXPLORE} random seeds broke a promise; replay one with SOAK_SEED`).to.equal('');
    });
  }
});
