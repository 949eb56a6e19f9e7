import type { ChannelConstructor } from '../../../src/core/tabs/transport.js';
import type { LockManagerLike } from '../../../src/core/tabs/lock-election.js';
import { createParaSession, type ParaSessionEngine } from '../../../src/core/engine.js';
import { sessionChannelName } from '../../../src/core/session-channel.js';
import { createTabCoordinator, DEFAULT_CHANNEL_NAME, type CrossTabCoordinator } from '../../../src/core/tabs/tab-coordinator.js';
import type { KeepAlivePolicy } from '../../../src/core/types.js';
import { FakeChannelHub, FakeStorageHub } from './fake-channel.js';
import { FakeClock } from './fake-clock.js';
import { fakeEnvironment, type FakeEnvironment } from './fake-environment.js';
import { FakeLockHub } from './fake-locks.js';
import { FakeParaClient, FakeParaServer } from './fake-para.js';
import { readClientKey } from '../../../src/para/client-key.js';
import { TabClock } from './tab-clock.js';

/** One session's engine in a tab: its own client, coordinator and events fired. */
export interface TabSession {
  client: FakeParaClient;
  coordinator: CrossTabCoordinator;
  engine: ParaSessionEngine;
  fired: Record<string, number>;
}

export interface Tab {
  id: string;
  environment: FakeEnvironment;
  clock: TabClock;
  /** The first session's client, coordinator and engine (the only ones when the world has one session). */
  client: FakeParaClient;
  coordinator: CrossTabCoordinator;
  engine: ParaSessionEngine;
  /** Every session this tab hosts, in the world's order. */
  sessions: TabSession[];
  /** False once killed (crash) or closed (stop). */
  alive: boolean;
  killed: boolean;
  fired: Record<string, number>;
}

export interface TabWorldOptions {
  /** `refused`: `navigator.locks` is there, every request rejects with SecurityError (Chromium, the site's cookies blocked). */
  locks?: boolean | 'refused';
  /** `refused-channel`: `new BroadcastChannel()` throws SecurityError, `localStorage` still works. */
  transport?: 'broadcast-channel' | 'storage' | 'refused-channel' | 'none';
  /** Each tab's console notices (the coordinator's `warn`). */
  warnings?: string[];
  sessionLength?: number;
  keepAlive?: KeepAlivePolicy;
  truthCheckEvery?: number;
  signedIn?: boolean;
  random?: () => number;
  /**
   * Sessions per page (default 1): each has its own server, cookie jar and client for another app (API key
   * and environment), so its own channel and locks; all share the page, the clock, the channel and lock hubs.
   */
  sessions?: number;
}

/** Several tabs of one origin in one test page: one server and cookie jar per session, shared channels and locks. */
export class TabWorld {
  readonly clock = new FakeClock();
  /** The first session's server. */
  readonly server: FakeParaServer;
  readonly servers: FakeParaServer[];
  /** Each session's tab channel name. */
  readonly channelNames: string[];
  readonly channels: FakeChannelHub;
  readonly storage: FakeStorageHub;
  readonly locks = new FakeLockHub();
  readonly tabs: Tab[] = [];
  private readonly jars: Array<{ cookie?: string }>;
  private readonly random: () => number;

  constructor(readonly options: TabWorldOptions = {}) {
    this.random = options.random ?? (() => 0.5);
    const count = options.sessions ?? 1;
    this.servers = Array.from({ length: count }, () => new FakeParaServer(this.clock, (options.sessionLength ?? 7200) * 1000));
    this.server = this.servers[0];
    this.jars = this.servers.map(() => ({}));
    this.channels = new FakeChannelHub(this.clock, this.random);
    this.storage = new FakeStorageHub(this.clock);
    // One session keeps the kit's default channel; several are keyed as the engine keys them (environment, API key).
    this.channelNames = this.servers.map((_, i) => (count === 1 ? DEFAULT_CHANNEL_NAME : sessionChannelName(undefined, readClientKey(appContext(i)), () => {}, 'TabWorld')));
    if (options.signedIn !== false) for (const server of this.servers) server.signIn();
  }

  open({ visible = true }: { visible?: boolean } = {}): Tab {
    const id = `tab-${this.tabs.length + 1}`;
    const environment = fakeEnvironment();
    environment.document.visibilityState = visible ? 'visible' : 'hidden';
    const clock = new TabClock(this.clock);
    const sessions = this.servers.map((server, i) => this.openSession(id, i, server, environment, clock));
    const tab: Tab = { id, environment, clock, ...sessions[0], sessions, alive: true, killed: false };
    this.tabs.push(tab);
    for (const session of sessions) session.engine.start();
    return tab;
  }

  private openSession(id: string, index: number, server: FakeParaServer, environment: FakeEnvironment, clock: TabClock): TabSession {
    const client = new FakeParaClient(server, environment.window, this.jars[index]);
    if (this.servers.length > 1) Object.assign(client, appContext(index));
    const transport = this.options.transport ?? 'broadcast-channel';
    const coordinator = createTabCoordinator({
      channelName: this.channelNames[index],
      tabId: id,
      clock,
      environment,
      random: this.random,
      locks: this.options.locks === false ? null : this.options.locks === 'refused' ? refusedLocks() : this.locks.manager(id),
      BroadcastChannel: transport === 'broadcast-channel' ? this.channels.constructorFor(id) : transport === 'refused-channel' ? RefusedChannel : null,
      storage: transport === 'storage' || transport === 'refused-channel' ? this.storage.storageFor(id, environment.window) : null,
      warn: (message) => this.options.warnings?.push(message),
    });
    const engine = createParaSession(client, {
      clock,
      environment,
      coordinator,
      random: this.random,
      warn: () => {},
      sessionLength: this.options.sessionLength,
      keepAlive: this.options.keepAlive,
      truthCheckEvery: this.options.truthCheckEvery,
    });
    const fired: Record<string, number> = {};
    for (const type of ['extended', 'expired', 'signed-out', 'reauth-request', 'reauth-complete', 'reauth-cancel'] as const) {
      engine.on(type, () => (fired[type] = (fired[type] ?? 0) + 1));
    }
    return { client, coordinator, engine, fired };
  }

  get alive(): Tab[] {
    return this.tabs.filter((tab) => tab.alive);
  }

  /** Tabs leading session `session` (the first by default). */
  leaders(session = 0): Tab[] {
    return this.alive.filter((tab) => tab.sessions[session].engine.state.leader);
  }

  /** From now on, the ids of `tabs` in the order they first take the lead (a live list). */
  watchLeads(tabs: Tab[]): string[] {
    const led: string[] = [];
    for (const tab of tabs) tab.engine.$state.listen((state) => void (state.leader && !led.includes(tab.id) && led.push(tab.id)));
    return led;
  }

  /** The tab crashes or its process is killed: no cleanup runs; the browser reclaims locks and channels. */
  kill(tab: Tab): void {
    tab.alive = false;
    tab.killed = true;
    tab.clock.kill();
    this.channels.kill(tab.id);
    this.locks.kill(tab.id);
    this.storage.kill(tab.id);
  }

  /** The tab is closed normally: the engine stops. */
  close(tab: Tab): void {
    tab.alive = false;
    for (const session of tab.sessions) session.engine.stop();
  }

  freeze(tab: Tab): void {
    tab.clock.freeze();
    this.channels.freeze(tab.id);
  }

  resume(tab: Tab): void {
    tab.clock.resume();
    this.channels.resume(tab.id);
  }

  setVisible(tab: Tab, visible: boolean): void {
    tab.environment.document.setVisible(visible);
  }

  advance(ms: number): Promise<void> {
    return this.clock.advance(ms);
  }

  closeAll(): void {
    for (const tab of this.alive) this.close(tab);
  }

  /** What a stopped world must hold: nothing. Killed tabs count too: the browser reclaimed their locks and channels. */
  leaks(): { timers: number; listeners: number; locks: number; channels: number } {
    const stopped = this.tabs.filter((tab) => !tab.killed);
    return {
      timers: this.clock.pendingTimers,
      listeners:
        stopped.reduce((sum, tab) => sum + tab.environment.window.listeners + tab.environment.document.listeners, 0) +
        this.channels.listenerCount(),
      locks: this.locks.heldCount + this.locks.queuedCount,
      channels: this.channels.openCount(),
    };
  }

  requests(): number {
    return this.servers.reduce((sum, server) => sum + server.requests, 0);
  }
}

/** What `ParaWeb` keeps of session `index`'s app: its own API key and environment. */
function appContext(index: number): { ctx: { apiKey: string; env: string } } {
  return { ctx: { apiKey: `soak-app-${index + 1}`, env: index % 2 === 0 ? 'BETA' : 'PROD' } };
}

/** A context that may not hold locks: each request rejects at once, as the browser's does. */
export function refusedLocks(): LockManagerLike & { calls: number } {
  const locks = {
    calls: 0,
    request(): Promise<never> {
      locks.calls += 1;
      return Promise.reject(new DOMException('The request is not allowed.', 'SecurityError'));
    },
  };
  return locks;
}

/** `new BroadcastChannel()` where the page may not use storage (Firefox): SecurityError. */
export const RefusedChannel = class {
  constructor() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
} as unknown as ChannelConstructor;
