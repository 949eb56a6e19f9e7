import type { ChannelConstructor, ChannelPort, StorageLike } from '../../../src/core/tabs/transport.js';
import type { FakeClock } from './fake-clock.js';

type Listener = (event: MessageEvent) => void;

class FakePort implements ChannelPort {
  closed = false;
  readonly listeners = new Set<Listener>();
  constructor(readonly hub: FakeChannelHub, readonly owner: string, readonly name: string) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new DOMException('BroadcastChannel is closed', 'InvalidStateError');
    this.hub.send(this, message);
  }

  close(): void {
    this.closed = true;
    this.hub.ports.delete(this);
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners.delete(listener);
  }
}

/**
 * BroadcastChannel for several tabs in one page: messages are structured-cloned and delivered after
 * `latencyMs`, in order; `lossRate`/`dropNext` lose them; a frozen tab gets its messages on resume.
 */
export class FakeChannelHub {
  readonly ports = new Set<FakePort>();
  /** Every message any tab posted, serialised: what the secrets check reads. */
  readonly log: string[] = [];
  lossRate = 0;
  dropNext = 0;
  latencyMs = 1;
  delivered = 0;
  lost = 0;
  private readonly frozen = new Map<string, Array<() => void>>();

  constructor(
    private readonly clock: FakeClock,
    private readonly random: () => number = Math.random,
  ) {}

  constructorFor(owner: string): ChannelConstructor {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const hub = this;
    return class extends FakePort {
      constructor(name: string) {
        super(hub, owner, name);
        hub.ports.add(this);
      }
    };
  }

  send(from: FakePort, message: unknown): void {
    this.log.push(JSON.stringify(message));
    for (const port of this.ports) {
      if (port === from || port.name !== from.name) continue;
      if (this.dropNext > 0 || (this.lossRate > 0 && this.random() < this.lossRate)) {
        this.dropNext = Math.max(0, this.dropNext - 1);
        this.lost += 1;
        continue;
      }
      const data = structuredClone(message);
      this.clock.deliverAfter(() => this.deliver(port, data), this.latencyMs);
    }
  }

  /** Raw data from outside the kit (another app, another version, garbage) on channel `name`. */
  inject(name: string, data: unknown): void {
    for (const port of this.ports) if (port.name === name) this.clock.deliverAfter(() => this.deliver(port, data), this.latencyMs);
  }

  private deliver(port: FakePort, data: unknown): void {
    if (port.closed) return;
    const queue = this.frozen.get(port.owner);
    if (queue) return void queue.push(() => this.deliver(port, data));
    this.delivered += 1;
    for (const listener of [...port.listeners]) listener(new MessageEvent('message', { data }));
  }

  freeze(owner: string): void {
    if (!this.frozen.has(owner)) this.frozen.set(owner, []);
  }

  resume(owner: string): void {
    const queue = this.frozen.get(owner) ?? [];
    this.frozen.delete(owner);
    for (const deliver of queue) deliver();
  }

  /** The tab is gone: its channels close with it. */
  kill(owner: string): void {
    for (const port of [...this.ports]) if (port.owner === owner) port.close();
    this.frozen.delete(owner);
  }

  openCount(owner?: string): number {
    return [...this.ports].filter((port) => owner === undefined || port.owner === owner).length;
  }

  listenerCount(owner?: string): number {
    return [...this.ports].filter((port) => owner === undefined || port.owner === owner).reduce((sum, port) => sum + port.listeners.size, 0);
  }
}

/** `localStorage` shared by tabs: a write fires `storage` on every other tab's window, as browsers do. */
export class FakeStorageHub {
  readonly items = new Map<string, string>();
  /** Every value ever written: what the secrets check reads. */
  readonly written: string[] = [];
  private readonly windows = new Map<string, EventTarget>();

  constructor(private readonly clock: FakeClock) {}

  storageFor(owner: string, window: EventTarget): StorageLike {
    this.windows.set(owner, window);
    return {
      setItem: (key, value) => {
        this.items.set(key, value);
        this.written.push(value);
        for (const [other, target] of this.windows) {
          if (other === owner) continue;
          this.clock.deliverAfter(() => target.dispatchEvent(new StorageEvent('storage', { key, newValue: value })), 1);
        }
      },
      removeItem: (key) => {
        this.items.delete(key);
      },
    };
  }

  kill(owner: string): void {
    this.windows.delete(owner);
  }
}
