import type { Clock } from '../clock.js';
import type { LockManagerLike } from './lock-election.js';

export type ExclusiveRunner = <T>(name: string, task: () => Promise<T>) => Promise<T | undefined>;

/**
 * With Web Locks: run `task` holding the lock `name`; when another tab holds it, wait until it is done
 * and return `undefined` (its state message carries the answer). A holder stuck longer than `waitMs` (a
 * frozen tab) is not waited for: the task then runs anyway.
 */
export function lockExclusive(locks: LockManagerLike, prefix: string, clock: Clock, waitMs: number): ExclusiveRunner {
  return async <T>(name: string, task: () => Promise<T>): Promise<T | undefined> => {
    const lockName = `${prefix}:${name}`;
    let started = false;
    let ran: { value: T } | null;
    try {
      ran = await locks.request(lockName, { ifAvailable: true }, async (lock) => {
        started = lock !== null;
        return lock ? { value: await task() } : null;
      });
    } catch (error) {
      // The task's own failure is the caller's; a refused request (no locks here) runs the task without one.
      if (started) throw error;
      return task();
    }
    if (ran) return ran.value;
    const controller = new AbortController();
    const timer = clock.setTimeout(() => controller.abort(), waitMs);
    try {
      await locks.request(lockName, { signal: controller.signal }, () => undefined);
      return undefined;
    } catch {
      return task();
    } finally {
      clock.clearTimeout(timer);
    }
  };
}

/**
 * Without Web Locks: a tab announces what it runs; another tab that wants the same task while it is
 * announced waits for `done` (or the deadline) and returns `undefined`. Two tabs that announce at the same
 * moment may both run — the fallback narrows the window, the leader-only schedule does the rest.
 */
export class AnnouncedExclusive {
  readonly #busyElsewhere = new Map<string, { until: number; waiters: Array<() => void> }>();

  constructor(
    private readonly clock: Clock,
    private readonly announce: (message: { type: 'busy'; name: string; until: number } | { type: 'done'; name: string }) => void,
    private readonly waitMs: number,
  ) {}

  readonly run: ExclusiveRunner = async <T>(name: string, task: () => Promise<T>): Promise<T | undefined> => {
    const busy = this.#busyElsewhere.get(name);
    if (busy && busy.until > this.clock.now()) {
      await new Promise<void>((resolve) => {
        const timer = this.clock.setTimeout(resolve, busy.until - this.clock.now());
        busy.waiters.push(() => {
          this.clock.clearTimeout(timer);
          resolve();
        });
      });
      return undefined;
    }
    this.announce({ type: 'busy', name, until: this.clock.now() + this.waitMs });
    try {
      return await task();
    } finally {
      this.announce({ type: 'done', name });
    }
  };

  /** Another tab runs `name` until `until`, no longer than an honest tab may say (a future `until` cannot wedge ours). */
  onBusy(name: string, until: number): void {
    until = Math.min(until, this.clock.now() + this.waitMs);
    const entry = this.#busyElsewhere.get(name);
    if (entry) entry.until = until;
    else this.#busyElsewhere.set(name, { until, waiters: [] });
  }

  onDone(name: string): void {
    const entry = this.#busyElsewhere.get(name);
    this.#busyElsewhere.delete(name);
    for (const wake of entry?.waiters ?? []) wake();
  }

  /** Releases every waiter: the coordinator is stopping. */
  clear(): void {
    for (const name of [...this.#busyElsewhere.keys()]) this.onDone(name);
  }
}
