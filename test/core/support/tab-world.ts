import { createParaSession, type ParaSessionEngine } from '../../../src/core/engine.js';
import { createTabCoordinator, type CrossTabCoordinator } from '../../../src/core/tabs/tab-coordinator.js';
import type { KeepAlivePolicy } from '../../../src/core/types.js';
import { FakeChannelHub, FakeStorageHub } from './fake-channel.js';
import { FakeClock } from './fake-clock.js';
import { fakeEnvironment, type FakeEnvironment } from './fake-environment.js';
import { FakeLockHub } from './fake-locks.js';
import { FakeParaClient, FakeParaServer } from './fake-para.js';
import { TabClock } from './tab-clock.js';

export interface Tab {
  id: string;
  environment: FakeEnvironment;
  clock: TabClock;
  client: FakeParaClient;
  coordinator: CrossTabCoordinator;
  engine: ParaSessionEngine;
  /** False once killed (crash) or closed (stop). */
  alive: boolean;
  killed: boolean;
  fired: Record<string, number>;
}

export interface TabWorldOptions {
  locks?: boolean;
  transport?: 'broadcast-channel' | 'storage' | 'none';
  sessionLength?: number;
  keepAlive?: KeepAlivePolicy;
  truthCheckEvery?: number;
  signedIn?: boolean;
  random?: () => number;
}

/** Several tabs of one origin in one test page: one server, one cookie jar, shared channels and locks. */
export class TabWorld {
  readonly clock = new FakeClock();
  readonly server: FakeParaServer;
  readonly channels: FakeChannelHub;
  readonly storage: FakeStorageHub;
  readonly locks = new FakeLockHub();
  readonly tabs: Tab[] = [];
  private readonly jar: { cookie?: string } = {};
  private readonly random: () => number;

  constructor(readonly options: TabWorldOptions = {}) {
    this.random = options.random ?? (() => 0.5);
    this.server = new FakeParaServer(this.clock, (options.sessionLength ?? 7200) * 1000);
    this.channels = new FakeChannelHub(this.clock, this.random);
    this.storage = new FakeStorageHub(this.clock);
    if (options.signedIn !== false) this.server.signIn();
  }

  open({ visible = true }: { visible?: boolean } = {}): Tab {
    const id = `tab-${this.tabs.length + 1}`;
    const environment = fakeEnvironment();
    environment.document.visibilityState = visible ? 'visible' : 'hidden';
    const clock = new TabClock(this.clock);
    const client = new FakeParaClient(this.server, environment.window, this.jar);
    const transport = this.options.transport ?? 'broadcast-channel';
    const coordinator = createTabCoordinator({
      tabId: id,
      clock,
      environment,
      random: this.random,
      locks: this.options.locks === false ? null : this.locks.manager(id),
      BroadcastChannel: transport === 'broadcast-channel' ? this.channels.constructorFor(id) : null,
      storage: transport === 'storage' ? this.storage.storageFor(id, environment.window) : null,
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
    for (const type of ['extended', 'expired', 'signed-out', 'reauth-request', 'reauth-complete'] as const) {
      engine.on(type, () => (fired[type] = (fired[type] ?? 0) + 1));
    }
    const tab: Tab = { id, environment, clock, client, coordinator, engine, alive: true, killed: false, fired };
    this.tabs.push(tab);
    engine.start();
    return tab;
  }

  get alive(): Tab[] {
    return this.tabs.filter((tab) => tab.alive);
  }

  leaders(): Tab[] {
    return this.alive.filter((tab) => tab.engine.state.leader);
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
    tab.engine.stop();
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
    return this.server.requests;
  }
}
