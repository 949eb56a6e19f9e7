import { systemClock, type Clock } from '../clock.js';
import type { CoordinatorHooks, SharedSessionMessage, TabCoordinator } from '../coordinator.js';
import { browserEnvironment, isVisible, listen, type SessionEnvironment } from '../environment.js';
import { ActivityRelay } from './activity-relay.js';
import type { Election, ElectionContext } from './election.js';
import { AnnouncedExclusive, lockExclusive, type ExclusiveRunner, type LockExclusive } from './exclusive.js';
import { LeaseElection } from './lease-election.js';
import { LockElection, type LockManagerLike } from './lock-election.js';
import { openBroadcastTransport, openStorageTransport, type ChannelConstructor, type StorageLike, type Transport } from './transport.js';
import { decode, encode, type ElectionMessage } from './wire.js';

export const DEFAULT_CHANNEL_NAME = 'para-session-kit';
/** Longer than a client call may take (`requestTimeout` ≤ 120 s is checked by the engine's own timeout). */
const EXCLUSIVE_WAIT_MS = 30_000;

export interface TabCoordinatorOptions {
  /** Tabs coordinate with tabs using the same name; also prefixes the lock names. */
  channelName?: string;
  clock?: Clock;
  environment?: SessionEnvironment;
  /** `navigator.locks` by default; `null` acts as if Web Locks were missing. */
  locks?: LockManagerLike | null;
  /** The global `BroadcastChannel` by default; `null` acts as if it were missing. */
  BroadcastChannel?: ChannelConstructor | null;
  /** `localStorage` by default: the message path when `BroadcastChannel` is missing. `null`: none. */
  storage?: StorageLike | null;
  random?: () => number;
  /** Identifies this tab in messages; random by default. */
  tabId?: string;
  /** How long to wait for another tab's check or extension before running one anyway. */
  exclusiveWaitMs?: number;
  /** Told once when this page can reach no other tab (a sandboxed frame, storage blocked): it runs alone. */
  warn?: (message: string) => void;
}

export interface CrossTabCoordinator extends TabCoordinator {
  readonly crossTab: true;
  readonly tabId: string;
  /** What this browser offered at `start()`: how leaders are chosen and messages travel. */
  readonly mode: { election: 'web-locks' | 'lease' | 'solo'; transport: Transport['kind'] | 'none' } | null;
  readonly leading: boolean;
}

/**
 * A sandboxed frame without `allow-same-origin` has an origin of its own that no other tab shares: there is
 * nobody to coordinate with, and its locks and storage refuse every call. A `file:` page's origin reads
 * "null" too, yet its windows share locks, channels and storage (an app opened from disk, Electron).
 */
export function opaqueOrigin(scope: { origin?: unknown; location?: { protocol?: string } } = globalThis): boolean {
  return scope.origin === 'null' && scope.location?.protocol !== 'file:';
}

function defaultLocks(): LockManagerLike | null {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks && typeof locks.request === 'function' && !opaqueOrigin() ? locks : null;
}

function defaultChannel(): typeof BroadcastChannel | null {
  return opaqueOrigin() ? null : (globalThis.BroadcastChannel ?? null);
}

function defaultStorage(): StorageLike | null {
  if (opaqueOrigin()) return null;
  try {
    return (globalThis as { localStorage?: StorageLike }).localStorage ?? null;
  } catch {
    return null; // Access denied (sandboxed frame, disabled storage).
  }
}

/**
 * `BroadcastChannel`, else `storage` events; `null` where neither may be used. Firefox, a site's storage
 * blocked (its cookies, or a third-party frame's), throws SecurityError from `new BroadcastChannel()`.
 */
function openTransport(
  Channel: ChannelConstructor | null,
  storage: StorageLike | null,
  environment: SessionEnvironment,
  name: string,
  receive: (data: unknown) => void,
): Transport | null {
  if (Channel) {
    try {
      return openBroadcastTransport(Channel, name, receive);
    } catch {
      // Refused: storage events may still carry messages.
    }
  }
  if (!storage || !environment.window) return null;
  try {
    return openStorageTransport(storage, environment.window, name, receive);
  } catch {
    return null;
  }
}

/** What this page was told: once per page, not once per engine (a provider mounted again, a new client). */
const toldAlone = new Set<string>();

/** `refused`: the page has a channel or storage but may not use them; else its origin is its own (sandboxed). */
function aloneNotice(refused: boolean): string {
  const why = refused
    ? 'this page may not use BroadcastChannel or localStorage (storage is blocked for this site or frame)'
    : 'this frame has an origin of its own (sandboxed without allow-same-origin)';
  return `${why}, so it cannot hear other tabs: it keeps the session alive on its own, and a sign-out in another tab reaches it at its next check.`;
}

/**
 * Coordinates the tabs of one origin: one leader (Web Locks; a heartbeat lease without them), shared
 * session facts over `BroadcastChannel` (`storage` events without it), and tasks no two tabs run at once.
 * Creating it does nothing; `start()` opens, `stop()` closes every lock, channel, listener and timer.
 */
export function createTabCoordinator(options: TabCoordinatorOptions = {}): CrossTabCoordinator {
  const channelName = options.channelName ?? DEFAULT_CHANNEL_NAME;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const tabId = options.tabId ?? `${random().toString(36).slice(2, 10)}${random().toString(36).slice(2, 10)}`;
  const waitMs = options.exclusiveWaitMs ?? EXCLUSIVE_WAIT_MS;

  let hooks: CoordinatorHooks | null = null;
  let transport: Transport | null = null;
  let election: Election | null = null;
  let runner: ExclusiveRunner | null = null;
  let announced: AnnouncedExclusive | null = null;
  let lockRunner: LockExclusive | null = null;
  let relay: ActivityRelay | null = null;
  let cleanups: Array<() => void> = [];
  let mode: CrossTabCoordinator['mode'] = null;
  let soloLeading = false;
  /** Stopped by `pagehide` or `freeze`: `pageshow` or `resume` starts the election again. */
  let parked = false;
  /** Out of the election while this tab's session is a wallet's (see `standAside`). */
  let aside = false;

  /** Lets go of the lead, and says so if it had it. */
  const leaveElection = () => {
    const led = election?.leading === true;
    election?.stop();
    if (led) hooks?.onLeadershipChange(false);
  };

  /**
   * Closed, in the back-forward cache or frozen (Page Lifecycle): a page stops no engine, keeps its locks and runs
   * nothing. It lets go of the lead as `stop()` does (the next tab in line leads at once, a lease's followers need
   * not wait it out) and says which task locks it keeps, so no tab waits for them. Back, it starts as a new tab does.
   */
  const park = () => {
    for (const name of lockRunner?.held() ?? []) post('election', { type: 'frozen', name });
    if (!election || parked) return;
    parked = true;
    if (!aside) leaveElection();
  };
  const unpark = () => {
    if (!parked) return;
    parked = false;
    if (!aside) election?.start();
  };

  const post = (channel: 'session' | 'election', message: SharedSessionMessage | ElectionMessage) =>
    transport?.post(encode(tabId, { channel, message } as Parameters<typeof encode>[1]));

  const receive = (data: unknown) => {
    const decoded = decode(data);
    if (!decoded || decoded.from === tabId || !hooks) return;
    if (decoded.channel === 'session') return hooks.onMessage(decoded.message, decoded.from);
    const { message } = decoded;
    if (message.type === 'busy') announced?.onBusy(message.name, message.until);
    else if (message.type === 'done') announced?.onDone(message.name);
    else if (message.type === 'frozen') lockRunner?.heldByFrozenTab(message.name);
    else {
      if (message.type === 'hello') hooks.onPeerJoined?.();
      election?.onMessage(decoded.from, message);
    }
  };

  return {
    crossTab: true,
    tabId,
    get mode() {
      return mode;
    },
    get leading() {
      return election ? election.leading : soloLeading;
    },
    get leaderMayVanish() {
      return election?.confirmLeader !== undefined;
    },
    confirmLeader() {
      election?.confirmLeader?.();
    },

    standAside(value) {
      if (value === aside) return;
      aside = value;
      if (!election || parked) return;
      if (aside) leaveElection();
      else election.start();
    },

    start(startHooks) {
      if (hooks) return;
      hooks = startHooks;
      const environment = options.environment ?? browserEnvironment();
      const locks = options.locks !== undefined ? options.locks : defaultLocks();
      const Channel = options.BroadcastChannel !== undefined ? options.BroadcastChannel : defaultChannel();
      const storage = options.storage !== undefined ? options.storage : defaultStorage();
      transport = openTransport(Channel, storage, environment, channelName, receive);

      const context: ElectionContext = {
        isVisible: () => isVisible(environment),
        post: (message) => post('election', message),
        onLeadershipChange: (leading) => hooks?.onLeadershipChange(leading),
      };
      const announce = () => {
        announced = new AnnouncedExclusive(clock, (message) => post('election', message), waitMs);
        runner = announced.run;
      };
      // Locks refused where the channel works (Chromium, the site's cookies blocked): the lease elects over the
      // channel and tasks are announced on it, as in an insecure context. Leading alone, every tab would lead.
      const locksRefused = () => {
        if (!hooks || !transport || !(election instanceof LockElection)) return;
        election.stop();
        lockRunner?.release();
        lockRunner = null;
        announce();
        election = new LeaseElection(tabId, clock, random, context);
        mode = { election: 'lease', transport: transport.kind };
        if (!aside && !parked) election.start();
      };
      if (transport) {
        election = locks ? new LockElection(locks, `${channelName}:leader`, context, clock, locksRefused) : new LeaseElection(tabId, clock, random, context);
        relay = new ActivityRelay(clock, (at) => post('session', { type: 'activity', at }));
        cleanups.push(listen(environment.document, ['visibilitychange'], () => election?.setVisible(isVisible(environment))));
        cleanups.push(listen(environment.window, ['pagehide'], park));
        cleanups.push(listen(environment.document, ['freeze'], park));
        cleanups.push(listen(environment.window, ['pageshow'], unpark));
        cleanups.push(listen(environment.document, ['resume'], unpark));
      }
      if (locks) {
        lockRunner = lockExclusive(locks, channelName, clock, waitMs);
        runner = lockRunner.run;
      } else if (transport) {
        announce();
      }
      mode = { election: !transport ? 'solo' : locks ? 'web-locks' : 'lease', transport: transport?.kind ?? 'none' };
      if (election) {
        if (!aside) election.start();
      } else {
        // Nobody to talk to: this tab runs its own schedule, as a lone tab does.
        const notice = aloneNotice(Channel !== null || storage !== null);
        if (options.warn && !toldAlone.has(notice)) {
          toldAlone.add(notice);
          options.warn(notice);
        }
        soloLeading = true;
        hooks.onLeadershipChange(true);
      }
    },

    stop() {
      if (!hooks) return;
      hooks = null;
      election?.stop();
      relay?.stop();
      announced?.clear();
      lockRunner?.release();
      for (const cleanup of cleanups.splice(0)) cleanup();
      transport?.close();
      cleanups = [];
      transport = election = runner = announced = relay = lockRunner = null;
      soloLeading = parked = false;
    },

    publish(message) {
      if (!hooks) return;
      if (message.type === 'activity') relay?.note(message.at);
      else post('session', message);
    },

    exclusive<T>(name: string, task: () => Promise<T>, wait?: number): Promise<T | undefined> {
      return runner ? runner(name, task, wait) : task();
    },
  };
}
