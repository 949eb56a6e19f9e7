import { TabWorld, type Tab } from '../../core/support/tab-world.js';
import { userActs } from '../../core/support/fake-environment.js';
import { CrossSessionWatch } from './cross-session.js';
import { ExpiryInvariants } from './invariants.js';
import { hostileMessages } from './hostile-tab.js';
import { between, deck, pick, seeded } from './random.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** A visible page looks at the clock at least this often (src/core/schedule.ts): a clock jump shows by then. */
const CLOCK_JUMP_SEEN_WITHIN = 15 * MINUTE;
const FAULTS = [
  'network', '429', '5xx', 'hang', 'keep-alive-false', 'revoke', 'clock-forward', 'clock-back', 'throttle', 'freeze',
  'kill-leader-mid-request', 'lost-messages', 'failing-logout', 'account-switch', 'hostile-tab',
] as const;
/** With several sessions, one also signs out while the other lives on. */
const MULTI_SESSION_FAULTS = [...FAULTS, 'logout'] as const;
export type Fault = (typeof MULTI_SESSION_FAULTS)[number];

/** The invariants of all sessions, added up. */
export interface InvariantTotals {
  falseExpiries: number;
  missedExpiries: number;
  expiriesSeen: number;
  violations: string[];
}

export interface SoakResult {
  seed: number;
  tabs: number;
  days: number;
  faults: Record<Fault, number>;
  faultCount: number;
  sessions: number;
  invariants: InvariantTotals;
  /** Each session's own invariants. */
  perSession: ExpiryInvariants[];
  /** One session's events that changed another's state, and how many events were watched. */
  crossSession: { violations: string[]; eventsWatched: number };
  leaks: ReturnType<TabWorld['leaks']>;
  exported: string[];
  world: TabWorld;
  /** Tabs that entered `signed-out` while the server session lived (a logout reported that did not happen). */
  signedOutLive: string[];
  /** `requireActive()` callers resumed after another account signed in. */
  resumedForOtherAccount: number;
  /** The most timers any tab fired in one simulated hour. */
  busiestTabHourTimers: number;
}

export interface SoakOptions {
  /** Para's session length in seconds (default 7200); 30 days is the longest Para allows. */
  sessionLength?: number;
  /** Sessions per page (default 1): each its own app, server, expiry, revocation, logout and account. */
  sessions?: number;
  /** Hears every fault and user step as it happens (server time first): for replaying a failing seed. */
  trace?: (line: string) => void;
  /** `false`: no Web Locks, as in an insecure context — the heartbeat lease elects the leader. */
  locks?: boolean;
}

/**
 * Random days in the life of `tabs` tabs, each hosting `sessions` sessions: a user who comes and goes,
 * re-authenticates after expiries, and every fault of the list at random moments, each aimed at one
 * session. Invariants are checked every simulated second while a server says expired, every 30 s otherwise.
 */
export async function runSoak(seed: number, tabs: number, days: number, options: SoakOptions = {}): Promise<SoakResult> {
  const random = seeded(seed);
  const truthCheckEvery = 900;
  const sessions = options.sessions ?? 1;
  const world = new TabWorld({ random, truthCheckEvery, keepAlive: 'activity', sessionLength: options.sessionLength, sessions, locks: options.locks });
  const indices = world.servers.map((_, i) => i);
  // One session draws nothing to choose it, so the one-session soak replays its seeds as before.
  const pickSession = () => (sessions === 1 ? 0 : pick(random, indices));
  const faultList: readonly Fault[] = sessions === 1 ? FAULTS : MULTI_SESSION_FAULTS;
  const signedOutLive: string[] = [];
  let resumedForOtherAccount = 0;
  const accounts = indices.map(() => 'user-a');
  let busiestTabHourTimers = 0;
  let hourStartedAt = world.clock.serverNow();
  let hourWakeUps = world.clock.wakeUps;
  world.channels.lossRate = 0.02;
  const perSession = indices.map((i) => new ExpiryInvariants(world, truthCheckEvery * SECOND, 20 * SECOND, i));
  const crossSession = new CrossSessionWatch(world);
  const frozen = new Set<string>();
  const faults = Object.fromEntries(faultList.map((fault) => [fault, 0])) as Record<Fault, number>;
  // Shuffled rounds rather than independent picks: every run of a few dozen faults injects each kind.
  const nextFault = deck(random, faultList);
  const exported: string[] = [];
  const restore: Array<{ at: number; undo: () => void }> = [];
  const watchTabs = () => perSession.forEach((invariants) => invariants.watchTabs());
  /** A fault of the tab or the machine (clock, freeze, kill) hides the truth from every session. */
  const noteTabFault = (until: number) => perSession.forEach((invariants) => invariants.noteFault(until));
  for (let i = 0; i < tabs; i += 1) world.open({ visible: i === 0 });
  watchTabs();

  const visibleTab = (): Tab | undefined => world.alive.find((tab) => tab.environment.document.visibilityState === 'visible');
  const engineOf = (tab: Tab, session: number) => tab.sessions[session].engine;
  const advance = async (ms: number) => {
    for (let left = ms; left > 0; ) {
      const chunk = Math.min(left, world.servers.every((server) => server.isActive()) ? 30 * SECOND : SECOND);
      await world.advance(chunk);
      left -= chunk;
      const now = world.clock.serverNow();
      for (const item of restore.filter((r) => r.at <= now)) {
        restore.splice(restore.indexOf(item), 1);
        item.undo();
      }
      for (const invariants of perSession) invariants.check(frozen);
      watchSignOuts();
      if (now - hourStartedAt >= HOUR) {
        busiestTabHourTimers = Math.max(busiestTabHourTimers, (world.clock.wakeUps - hourWakeUps) / Math.max(1, world.alive.length));
        hourStartedAt = now;
        hourWakeUps = world.clock.wakeUps;
      }
    }
  };
  /** The user waits for a call, time passing meanwhile: it may wait for another tab's, or hang until its timeout. */
  const whileTimePasses = async <T>(call: Promise<T>): Promise<T> => {
    let settled = false;
    const result = call.finally(() => (settled = true));
    for (let waited = 0; !settled && waited < 5 * MINUTE; waited += SECOND) await world.advance(SECOND);
    return result;
  };
  /** One session's event, with every other session's state compared around it (none when there is one session). */
  const aroundEvent = (session: number, what: string, event: () => Promise<void>) =>
    sessions === 1 ? event() : crossSession.around(session, what, event, () => advance(2 * SECOND));
  const signOutWatched = new Set<string>();
  /** The account each tab last saw with a usable session, per session (key: session index and tab id). */
  const accountSeen = new Map<string, string | undefined>();
  /** A tab that enters `signed-out` while its server session lives was told a logout happened that did not. */
  const watchSignOuts = () => {
    for (const tab of world.tabs) {
      if (signOutWatched.has(tab.id)) continue;
      signOutWatched.add(tab.id);
      for (const session of indices) {
        const server = world.servers[session];
        const { client } = tab.sessions[session];
        // Until it sees a session, a tab's work belongs to the account its SDK held when it opened.
        accountSeen.set(`${session} ${tab.id}`, client.userId);
        engineOf(tab, session).on('change', ({ state, previous }) => {
          if (state.status === 'active' || state.status === 'expiring') accountSeen.set(`${session} ${tab.id}`, client.userId);
          if (state.status !== 'signed-out' || previous.status === 'signed-out' || !server.isActive()) return;
          const label = sessions === 1 ? tab.id : `session ${session + 1} in ${tab.id}`;
          signedOutLive.push(`${label} at ${new Date(world.clock.serverNow()).toISOString()} (online ${server.online})`);
        });
      }
    }
  };
  watchSignOuts();
  const until = (ms: number) => world.clock.serverNow() + ms;
  // A hang or an error answer hides the truth from when a request meets it, which may be long after injection.
  world.servers.forEach((server, i) => (server.onFaultMet = () => perSession[i].noteFault(until(MINUTE))));

  /**
   * A sleep and a clock set back (either order) before any look saw the first read, to every tab, as one smaller
   * change: nothing in a page can tell them apart (README, "Sleep and clock changes"), so the soak does not ask it
   * to. A visible tab looks at least every CLOCK_JUMP_SEEN_WITHIN; jumps the same way add up and are fine.
   */
  let lastJump = { at: -Infinity, direction: 'forward' as 'forward' | 'back' };
  const jumpedRecently = (direction: 'forward' | 'back'): boolean => {
    const merged = lastJump.direction !== direction && world.clock.serverNow() - lastJump.at < CLOCK_JUMP_SEEN_WITHIN;
    if (merged) faults[direction === 'back' ? 'clock-back' : 'clock-forward'] -= 1;
    return merged;
  };
  const trace = (line: string) => options.trace?.(`${new Date(world.clock.serverNow()).toISOString()} ${line}`);
  const inject = async (fault: Fault, session: number) => {
    faults[fault] += 1;
    trace(`fault ${fault}${sessions === 1 ? '' : ` (session ${session + 1})`}`);
    const server = world.servers[session];
    const invariants = perSession[session];
    const end = until(between(random, 10, 600) * SECOND);
    switch (fault) {
      case 'network':
        server.online = false;
        invariants.noteFault(end);
        restore.push({ at: end, undo: () => (server.online = true) });
        break;
      case '429':
      case '5xx':
        server.failures.push(...Array.from({ length: between(random, 1, 3) }, () => (fault === '429' ? 429 : 503)));
        invariants.noteFault(until(5 * MINUTE));
        break;
      case 'hang':
        server.hangNext += 1;
        invariants.noteFault(until(5 * MINUTE));
        break;
      case 'keep-alive-false':
        // The next answer fails while the session is active: keepSessionAlive reports false.
        server.failures.push(500);
        invariants.noteFault(until(5 * MINUTE));
        break;
      case 'revoke':
        await aroundEvent(session, 'revocation', async () => {
          server.revoke();
          invariants.noteRevoked();
        });
        break;
      case 'clock-forward':
        // Forward jumps come from sleep (the wall clock stays right); a clock set wrong forward is not modelled.
        if (jumpedRecently('forward')) break;
        world.clock.sleep(between(random, 1, 30) * MINUTE);
        lastJump = { at: world.clock.serverNow(), direction: 'forward' };
        noteTabFault(until(CLOCK_JUMP_SEEN_WITHIN));
        break;
      case 'clock-back':
        if (jumpedRecently('back')) break;
        world.clock.jumpWall(-between(random, 1, 30) * MINUTE);
        lastJump = { at: world.clock.serverNow(), direction: 'back' };
        noteTabFault(until(CLOCK_JUMP_SEEN_WITHIN));
        break;
      case 'throttle': {
        // Browsers throttle background tabs only (timers aligned to a minute after a while hidden).
        const hidden = world.alive.filter((t) => t.environment.document.visibilityState === 'hidden');
        if (hidden.length === 0) break;
        const tab = pick(random, hidden);
        tab.clock.throttle(MINUTE);
        restore.push({ at: end, undo: () => tab.clock.throttle(0) });
        break;
      }
      case 'freeze': {
        const tab = pick(random, world.alive);
        if (frozen.has(tab.id)) break;
        world.freeze(tab);
        frozen.add(tab.id);
        noteTabFault(end);
        restore.push({ at: end, undo: () => (world.resume(tab), frozen.delete(tab.id)) });
        break;
      }
      case 'kill-leader-mid-request': {
        const [leader] = world.leaders(session).filter((tab) => !frozen.has(tab.id));
        if (!leader) break;
        server.latencyMs = 3 * SECOND;
        void engineOf(leader, session).check();
        await world.advance(SECOND);
        world.kill(leader);
        server.latencyMs = 20;
        world.open({ visible: leader.environment.document.visibilityState === 'visible' });
        watchTabs();
        watchSignOuts();
        noteTabFault(until(MINUTE));
        break;
      }
      case 'lost-messages':
        world.channels.dropNext += between(random, 1, 5);
        noteTabFault(until(MINUTE));
        break;
      case 'failing-logout':
      case 'logout': {
        // "Sign out" pressed: with the network down nothing may show signed-out until it went through.
        const tab = visibleTab();
        if (!tab || !['active', 'expiring'].includes(engineOf(tab, session).state.status)) break;
        const failing = fault === 'failing-logout';
        await aroundEvent(session, fault, async () => {
          if (failing) {
            server.online = false;
            invariants.noteFault(end);
            restore.push({ at: end, undo: () => (server.online = true) });
          }
          await whileTimePasses(engineOf(tab, session).logout().catch(() => undefined));
        });
        break;
      }
      case 'account-switch':
        // The next sign-in after an expiry is another account.
        accounts[session] = accounts[session] === 'user-a' ? 'user-b' : 'user-a';
        break;
      case 'hostile-tab':
        for (const junk of hostileMessages(world.clock.now())) world.channels.inject(world.channelNames[session], junk);
        break;
    }
  };

  /** Work waits for session `session`; the user signs in again from the tab in front of them, maybe as someone else. */
  const reauthenticate = async (expiredTab: Tab, session: number) => {
    const { client, engine } = expiredTab.sessions[session];
    // The work belongs to the account this tab last saw signed in (another tab may be half-way through a sign-in).
    const waitingFor = accountSeen.get(`${session} ${expiredTab.id}`);
    void engine.requireActive().then(
      () => {
        if (client.userId === waitingFor) return;
        resumedForOtherAccount += 1;
        trace(`${expiredTab.id}: work that waited for ${waitingFor} resumed for ${client.userId}`);
      },
      () => undefined,
    );
    trace(`${expiredTab.id} re-auth${sessions === 1 ? '' : ` of session ${session + 1}`} as ${accounts[session]}`);
    const switched = accounts[session] !== waitingFor;
    await aroundEvent(session, switched ? 'account switch' : 're-authentication', async () => {
      // Offline, the pre-sign-in logout cannot go through and the sign-in does not start: the user tries again later.
      if (!(await whileTimePasses(engine.beginReauth().then(() => true, () => false)))) return trace(`${expiredTab.id}: sign-in could not start (offline)`);
      for (const t of world.tabs) t.sessions[session].client.userId = accounts[session];
      world.servers[session].signIn();
      void engine.completeReauth();
    });
  };

  const end = world.clock.serverNow() + days * 24 * HOUR;
  while (world.clock.serverNow() < end) {
    const roll = random();
    const tab = visibleTab();
    if (roll < 0.45 && tab) {
      userActs(tab.environment);
    } else if (roll < 0.6) {
      const fault = nextFault();
      await inject(fault, pickSession());
    } else if (roll < 0.7) {
      // The user switches tabs: one becomes visible, the one before is hidden.
      const next = pick(random, world.alive);
      for (const other of world.alive) if (other !== next && other.environment.document.visibilityState === 'visible') world.setVisible(other, false);
      next.clock.throttle(0);
      world.setVisible(next, true);
      trace(`${next.id} shown`);
    } else if (roll < 0.75 && tab) {
      // A revocation the tab has not learnt of yet makes the SDK refuse to export: that is the SDK's answer, not a fault.
      const engine = engineOf(tab, pickSession());
      const session = engine.state.status === 'active' ? await engine.exportSession({ excludeSigners: false }).catch(() => null) : null;
      if (session) exported.push(session);
    }
    for (const session of indices) {
      const expiredTab = world.alive.find((t) => engineOf(t, session).state.status === 'expired' && !frozen.has(t.id));
      if (expiredTab && random() < 0.5) await reauthenticate(expiredTab, session);
      const server = world.servers[session];
      const signedOut = world.alive.filter((t) => !frozen.has(t.id)).every((t) => engineOf(t, session).state.status === 'signed-out');
      if (signedOut && world.alive.length > 0 && server.online && random() < 0.5) {
        // After a sign-out the user signs in again (the SDK announces it in the tab in front); if that tab's
        // first check failed, the page still shows signed-out and the user signs in once more.
        if (!server.isActive()) server.signIn();
        const front = visibleTab() ?? world.alive[0];
        if (front && !frozen.has(front.id)) front.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
        trace(`sign-in again from ${front?.id}`);
      }
    }
    await advance(between(random, 5, 40 * 60) * SECOND);
  }
  for (const item of restore.splice(0)) item.undo();
  for (const tab of world.alive) if (frozen.has(tab.id)) world.resume(tab);
  world.closeAll();
  await world.advance(5 * MINUTE);
  const faultCount = Object.values(faults).reduce((sum, n) => sum + n, 0);
  const invariants: InvariantTotals = {
    falseExpiries: perSession.reduce((sum, i) => sum + i.falseExpiries, 0),
    missedExpiries: perSession.reduce((sum, i) => sum + i.missedExpiries, 0),
    expiriesSeen: perSession.reduce((sum, i) => sum + i.expiriesSeen, 0),
    violations: [...crossSession.violations, ...perSession.flatMap((i) => i.violations)],
  };
  return {
    seed, tabs, days, sessions, faults, faultCount, invariants, perSession, leaks: world.leaks(), exported, world, signedOutLive, resumedForOtherAccount, busiestTabHourTimers,
    crossSession: { violations: crossSession.violations, eventsWatched: crossSession.eventsWatched },
  };
}
