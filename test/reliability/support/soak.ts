import { TabWorld, type Tab } from '../../core/support/tab-world.js';
import { userActs } from '../../core/support/fake-environment.js';
import { ExpiryInvariants } from './invariants.js';
import { between, pick, seeded } from './random.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Sleep or a clock change with no page event shows at the page's next look: within 15 min (src/core/wake.ts). */
const CLOCK_JUMP_SEEN_WITHIN = 15 * MINUTE;
const FAULTS = [
  'network', '429', '5xx', 'hang', 'keep-alive-false', 'revoke', 'clock-forward', 'clock-back', 'throttle', 'freeze',
  'kill-leader-mid-request', 'lost-messages', 'failing-logout', 'account-switch', 'hostile-tab',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface SoakResult {
  seed: number;
  tabs: number;
  days: number;
  faults: Record<Fault, number>;
  faultCount: number;
  invariants: ExpiryInvariants;
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
  /** Hears every fault and user step as it happens (server time first): for replaying a failing seed. */
  trace?: (line: string) => void;
}

/** What a hostile (or badly broken) tab on the channel sends: junk, far-future times, contradictions. */
function hostileMessages(now: number): unknown[] {
  const envelope = (message: unknown) => ({ app: 'para-session-kit', v: 1, from: 'hostile', channel: 'session', message });
  const year = 365 * 24 * HOUR;
  return [
    null,
    'signed-out',
    envelope({ type: 'state', status: 'expired', kind: 'user', expiresAt: 'soon' }),
    envelope({ type: 'activity', at: now + 10 * year }),
    envelope({ type: 'clock', sentAt: now + year }),
    envelope({ type: 'state', status: 'active', kind: 'user', expiresAt: now + year, lastCheckedAt: now, lastExtendedAt: now, sentAt: now }),
    envelope({ type: 'state', status: 'expired', kind: 'user', expiresAt: null, lastCheckedAt: now, lastExtendedAt: null, sentAt: now }),
    envelope({ type: 'signed-out' }),
    envelope({ type: 'reauth-complete' }),
  ];
}

/**
 * Random days in the life of `tabs` tabs: a user who comes and goes, re-authenticates after expiries, and
 * every fault of the list at random moments. Invariants are checked every simulated second while the
 * server says expired, every 30 s otherwise.
 */
export async function runSoak(seed: number, tabs: number, days: number, options: SoakOptions = {}): Promise<SoakResult> {
  const random = seeded(seed);
  const truthCheckEvery = 900;
  const world = new TabWorld({ random, truthCheckEvery, keepAlive: 'activity', sessionLength: options.sessionLength });
  const signedOutLive: string[] = [];
  let resumedForOtherAccount = 0;
  let account = 'user-a';
  let busiestTabHourTimers = 0;
  let hourStartedAt = world.clock.serverNow();
  let hourWakeUps = world.clock.wakeUps;
  world.channels.lossRate = 0.02;
  const invariants = new ExpiryInvariants(world, truthCheckEvery * SECOND);
  const frozen = new Set<string>();
  const faults = Object.fromEntries(FAULTS.map((fault) => [fault, 0])) as Record<Fault, number>;
  const exported: string[] = [];
  const restore: Array<{ at: number; undo: () => void }> = [];
  for (let i = 0; i < tabs; i += 1) world.open({ visible: i === 0 });
  invariants.watchTabs();

  const visibleTab = (): Tab | undefined => world.alive.find((tab) => tab.environment.document.visibilityState === 'visible');
  const advance = async (ms: number) => {
    for (let left = ms; left > 0; ) {
      const chunk = Math.min(left, world.server.isActive() ? 30 * SECOND : SECOND);
      await world.advance(chunk);
      left -= chunk;
      const now = world.clock.serverNow();
      for (const item of restore.filter((r) => r.at <= now)) {
        restore.splice(restore.indexOf(item), 1);
        item.undo();
      }
      invariants.check(frozen);
      watchSignOuts();
      if (now - hourStartedAt >= HOUR) {
        busiestTabHourTimers = Math.max(busiestTabHourTimers, (world.clock.wakeUps - hourWakeUps) / Math.max(1, world.alive.length));
        hourStartedAt = now;
        hourWakeUps = world.clock.wakeUps;
      }
    }
  };
  const signOutWatched = new Set<string>();
  /** The account each tab last saw with a usable session. */
  const accountSeen = new Map<string, string | undefined>();
  /** A tab that enters `signed-out` while the server session lives was told a logout happened that did not. */
  const watchSignOuts = () => {
    for (const tab of world.tabs) {
      if (signOutWatched.has(tab.id)) continue;
      signOutWatched.add(tab.id);
      // Until it sees a session, a tab's work belongs to the account its SDK held when it opened.
      accountSeen.set(tab.id, tab.client.userId);
      tab.engine.on('change', ({ state, previous }) => {
        if (state.status === 'active' || state.status === 'expiring') accountSeen.set(tab.id, tab.client.userId);
        if (state.status !== 'signed-out' || previous.status === 'signed-out' || !world.server.isActive()) return;
        signedOutLive.push(`${tab.id} at ${new Date(world.clock.serverNow()).toISOString()} (online ${world.server.online})`);
      });
    }
  };
  watchSignOuts();
  const until = (ms: number) => world.clock.serverNow() + ms;
  // A hang or an error answer hides the truth from when a request meets it, which may be long after injection.
  world.server.onFaultMet = () => invariants.noteFault(until(MINUTE));

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
  const inject = async (fault: Fault) => {
    faults[fault] += 1;
    trace(`fault ${fault}`);
    const { server } = world;
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
        server.revoke();
        invariants.noteRevoked();
        break;
      case 'clock-forward':
        // Forward jumps come from sleep (the wall clock stays right); a clock set wrong forward is not modelled.
        if (jumpedRecently('forward')) break;
        world.clock.sleep(between(random, 1, 30) * MINUTE);
        lastJump = { at: world.clock.serverNow(), direction: 'forward' };
        invariants.noteFault(until(CLOCK_JUMP_SEEN_WITHIN));
        break;
      case 'clock-back':
        if (jumpedRecently('back')) break;
        world.clock.jumpWall(-between(random, 1, 30) * MINUTE);
        lastJump = { at: world.clock.serverNow(), direction: 'back' };
        invariants.noteFault(until(CLOCK_JUMP_SEEN_WITHIN));
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
        invariants.noteFault(end);
        restore.push({ at: end, undo: () => (world.resume(tab), frozen.delete(tab.id)) });
        break;
      }
      case 'kill-leader-mid-request': {
        const [leader] = world.leaders().filter((tab) => !frozen.has(tab.id));
        if (!leader) break;
        server.latencyMs = 3 * SECOND;
        void leader.engine.check();
        await world.advance(SECOND);
        world.kill(leader);
        server.latencyMs = 20;
        world.open({ visible: leader.environment.document.visibilityState === 'visible' });
        invariants.watchTabs();
        watchSignOuts();
        invariants.noteFault(until(MINUTE));
        break;
      }
      case 'lost-messages':
        world.channels.dropNext += between(random, 1, 5);
        invariants.noteFault(until(MINUTE));
        break;
      case 'failing-logout': {
        // The user presses "Sign out" with the network down: nothing may show signed-out until it went through.
        const tab = visibleTab();
        if (!tab || !['active', 'expiring'].includes(tab.engine.state.status)) break;
        server.online = false;
        invariants.noteFault(end);
        await tab.engine.logout().catch(() => undefined);
        restore.push({ at: end, undo: () => (server.online = true) });
        break;
      }
      case 'account-switch':
        // The next sign-in after an expiry is another account.
        account = account === 'user-a' ? 'user-b' : 'user-a';
        break;
      case 'hostile-tab':
        for (const junk of hostileMessages(world.clock.now())) world.channels.inject('para-session-kit', junk);
        break;
    }
  };

  const end = world.clock.serverNow() + days * 24 * HOUR;
  while (world.clock.serverNow() < end) {
    const roll = random();
    const tab = visibleTab();
    if (roll < 0.45 && tab) {
      userActs(tab.environment);
    } else if (roll < 0.6) {
      await inject(pick(random, FAULTS));
    } else if (roll < 0.7) {
      // The user switches tabs: one becomes visible, the one before is hidden.
      const next = pick(random, world.alive);
      for (const other of world.alive) if (other !== next && other.environment.document.visibilityState === 'visible') world.setVisible(other, false);
      next.clock.throttle(0);
      world.setVisible(next, true);
      trace(`${next.id} shown`);
    } else if (roll < 0.75 && tab && tab.engine.state.status === 'active') {
      // A revocation the tab has not learnt of yet makes the SDK refuse to export: that is the SDK's answer, not a fault.
      const session = await tab.engine.exportSession({ excludeSigners: false }).catch(() => null);
      if (session) exported.push(session);
    }
    const expiredTab = world.alive.find((t) => t.engine.state.status === 'expired' && !frozen.has(t.id));
    if (expiredTab && random() < 0.5) {
      // Work waits for the session; the user signs in again from the tab in front of them, maybe as someone else.
      // The work belongs to the account this tab last saw signed in (another tab may be half-way through a sign-in).
      const waitingFor = accountSeen.get(expiredTab.id);
      void expiredTab.engine.requireActive().then(
        () => {
          if (expiredTab.client.userId === waitingFor) return;
          resumedForOtherAccount += 1;
          trace(`${expiredTab.id}: work that waited for ${waitingFor} resumed for ${expiredTab.client.userId}`);
        },
        () => undefined,
      );
      trace(`${expiredTab.id} re-auth as ${account}`);
      await expiredTab.engine.beginReauth();
      for (const t of world.tabs) t.client.userId = account;
      world.server.signIn();
      void expiredTab.engine.completeReauth();
    }
    const signedOut = world.alive.filter((t) => !frozen.has(t.id)).every((t) => t.engine.state.status === 'signed-out');
    if (signedOut && world.alive.length > 0 && world.server.online && random() < 0.5) {
      // After a sign-out the user signs in again (the SDK announces it in the tab in front); if that tab's
      // first check failed, the page still shows signed-out and the user signs in once more.
      if (!world.server.isActive()) world.server.signIn();
      const front = visibleTab() ?? world.alive[0];
      if (front && !frozen.has(front.id)) front.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
      trace(`sign-in again from ${front?.id}`);
    }
    await advance(between(random, 5, 40 * 60) * SECOND);
  }
  for (const item of restore.splice(0)) item.undo();
  for (const tab of world.alive) if (frozen.has(tab.id)) world.resume(tab);
  world.closeAll();
  await world.advance(5 * MINUTE);
  const faultCount = Object.values(faults).reduce((sum, n) => sum + n, 0);
  return { seed, tabs, days, faults, faultCount, invariants, leaks: world.leaks(), exported, world, signedOutLive, resumedForOtherAccount, busiestTabHourTimers };
}
