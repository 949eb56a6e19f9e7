/**
 * Tabs of one origin on one simulated Para server, running either the kit or the baseline loop: the same
 * server model, the same SDK model (per-tab cookie, synced through storage), the same user.
 * Built on the engine tests' fakes (test/core/support).
 */
import type { ParaSessionEngine, SessionStatus } from '../../src/core/index.js';
import type { FakeChannelHub, FakeStorageHub } from '../../test/core/support/fake-channel.js';
import type { FakeClock } from '../../test/core/support/fake-clock.js';
import { fakeEnvironment, userActs, type FakeEnvironment } from '../../test/core/support/fake-environment.js';
import type { FakeLockHub } from '../../test/core/support/fake-locks.js';
import { FakeParaClient, FakeParaServer } from '../../test/core/support/fake-para.js';
import { TabClock } from '../../test/core/support/tab-clock.js';
import { TabWorld } from '../../test/core/support/tab-world.js';
import { ParaProviderLoop } from '../baseline.js';
import { startKitEngine } from '../kit.js';
import { COOKIE_KEY, syncedCookieJar } from './cookie-sync.js';
import { countingClock, type CountingClock } from './counting-clock.js';

export type Contender = 'kit' | 'baseline';
export const CONTENDERS: readonly Contender[] = ['kit', 'baseline'];

/** Kit statuses that tell the user the session is over. */
const ENDED: readonly SessionStatus[] = ['expired', 'signed-out', 'reauthenticating'];

const TAB_OPEN_GAP_MS = 7_000;

/** The SDK model, plus a server that no longer extends (a session at the end of its life). */
class BenchClient extends FakeParaClient {
  constructor(
    server: FakeParaServer,
    window: EventTarget,
    jar: { cookie?: string },
    private readonly refusesExtension: () => boolean,
  ) {
    super(server, window, jar);
  }

  override keepSessionAlive(): Promise<boolean> {
    if (!this.refusesExtension()) return super.keepSessionAlive();
    this.server.counts.keepSessionAlive += 1;
    return new Promise((resolve) => this.server.clock.deliverAfter(() => resolve(false), this.server.latencyMs));
  }
}

export interface BenchTab {
  id: string;
  environment: FakeEnvironment;
  /** Throttle, freeze: the tab's own timers. */
  tabClock: TabClock;
  /** What the contender runs on; counts its timer wake-ups. */
  clock: CountingClock;
  client: BenchClient;
  engine: ParaSessionEngine | null;
  loop: ParaProviderLoop | null;
  /** Server time at which this tab's UI last started showing the session as over; null while it shows it usable. */
  endedAt: number | null;
  /** Times the UI showed the session over while the server still held it. */
  falseEnds: number;
}

export interface WorldOptions {
  sessionLength?: number;
  keepAlive?: 'activity' | 'always' | 'off';
  random?: () => number;
  /** `false`: the tabs have no Web Locks, as in an insecure context (the kit elects by heartbeat lease). */
  locks?: boolean;
}

export class BenchWorld {
  /** The engine tests' world lends the shared parts: clock, server, channels, storage, locks. Its own tabs are not used. */
  private readonly shared: TabWorld;
  readonly tabs: BenchTab[] = [];
  /** The server stops extending: the session ends at its cookie's time. */
  refusesExtension = false;
  private readonly random: () => number;
  private readonly signInStorage;

  constructor(
    readonly contender: Contender,
    readonly options: WorldOptions = {},
  ) {
    this.random = options.random ?? (() => 0.5);
    this.shared = new TabWorld({ sessionLength: options.sessionLength ?? 7200, random: this.random, signedIn: false });
    this.signInStorage = this.storage.storageFor('sign-in', new EventTarget());
    this.signIn();
  }

  get clock(): FakeClock {
    return this.shared.clock;
  }
  get server(): FakeParaServer {
    return this.shared.server;
  }
  get channels(): FakeChannelHub {
    return this.shared.channels;
  }
  get storage(): FakeStorageHub {
    return this.shared.storage;
  }
  get locks(): FakeLockHub {
    return this.shared.locks;
  }

  /** The user signs in: the server starts a session and the SDK stores its cookie, as a sign-in's answer does. */
  signIn(): void {
    this.refusesExtension = false;
    this.server.signIn();
    const expires = new Date(this.server.expiresAt!).toUTCString();
    this.signInStorage.setItem(COOKIE_KEY, `capsule.sid=s%3Aabc; Path=/; Expires=${expires}; HttpOnly`);
    for (const tab of this.tabs) tab.endedAt = null;
  }

  open({ visible = true }: { visible?: boolean } = {}): BenchTab {
    const id = `tab-${this.tabs.length + 1}`;
    const environment = fakeEnvironment();
    environment.document.visibilityState = visible ? 'visible' : 'hidden';
    const tabClock = new TabClock(this.clock);
    const clock = countingClock(tabClock);
    const storageEvents = new EventTarget();
    const jar = syncedCookieJar(this.storage.storageFor(id, storageEvents), storageEvents, this.storage.items.get(COOKIE_KEY));
    const client = new BenchClient(this.server, environment.window, jar, () => this.refusesExtension);
    const tab: BenchTab = { id, environment, tabClock, clock, client, engine: null, loop: null, endedAt: null, falseEnds: 0 };
    const noteUi = (ended: boolean) => {
      if (!ended) return void (tab.endedAt = null);
      if (tab.endedAt !== null) return;
      tab.endedAt = this.clock.serverNow();
      if (this.server.isActive()) tab.falseEnds += 1;
    };
    if (this.contender === 'kit') {
      const { sessionLength, keepAlive = 'activity' } = this.options;
      tab.engine = startKitEngine({
        client,
        clock,
        environment,
        random: this.random,
        locks: this.options.locks === false ? undefined : this.locks.manager(id),
        BroadcastChannel: this.channels.constructorFor(id),
        options: { sessionLength, keepAlive },
      });
      tab.engine.$state.listen((state) => noteUi(ENDED.includes(state.status)));
    } else {
      tab.loop = new ParaProviderLoop(client, clock, (status) => noteUi(status === 'signed-out'));
      tab.loop.start();
    }
    this.tabs.push(tab);
    return tab;
  }

  /** Opens `count` tabs a few seconds apart, as a user does (the first visible): their 60 s loops are out of phase. */
  async openTabs(count: number, { firstVisible = true } = {}): Promise<BenchTab[]> {
    const opened: BenchTab[] = [];
    for (let i = 0; i < count; i += 1) {
      if (i > 0) await this.advance(TAB_OPEN_GAP_MS);
      opened.push(this.open({ visible: i === 0 && firstVisible }));
    }
    return opened;
  }

  /** After a sign-in: the baseline's provider is connected again and restarts its loop. */
  reconnect(tab: BenchTab): void {
    tab.loop?.stop();
    tab.loop?.start();
  }

  setVisible(tab: BenchTab, visible: boolean): void {
    tab.environment.document.setVisible(visible);
  }

  userActs(tab: BenchTab): void {
    userActs(tab.environment);
  }

  advance(ms: number): Promise<void> {
    return this.clock.advance(ms);
  }

  /** Advances `ms` in steps of `stepMs`, the user acting in `tab` before each step while `acting()` says so. */
  async live(ms: number, tab: BenchTab | null, acting: () => boolean = () => true, stepMs = 60_000): Promise<void> {
    for (let left = ms; left > 0; left -= stepMs) {
      if (tab && acting()) this.userActs(tab);
      await this.advance(Math.min(stepMs, left));
    }
  }

  closeAll(): void {
    for (const tab of this.tabs) {
      tab.engine?.stop();
      tab.loop?.stop();
    }
  }
}
