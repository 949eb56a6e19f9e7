import type { Clock } from '../clock.js';
import { OPTION_TABLE } from '../options.js';
import type { LockManagerLike } from './lock-election.js';

export type ExclusiveRunner = <T>(name: string, task: () => Promise<T>, waitMs?: number) => Promise<T | undefined>;

/** Tasks run one tab at a time under Web Locks; `release()`, once the coordinator stops, lets go of every lock. */
export interface LockExclusive {
  run: ExclusiveRunner;
  release(): void;
  /** The tasks this tab holds a lock for now. */
  held(): string[];
  /** Another tab holds the lock of `name` and is frozen (or in the back-forward cache): nobody waits for it. */
  heldByFrozenTab(name: string): void;
}

/**
 * With Web Locks: run `task` holding the lock `name`; when another tab holds it, wait until it is done
 * and return `undefined` (its state message carries the answer). A holder stuck longer than `waitMs` (a
 * frozen tab) is not waited for: the task then runs anyway. Once released, a task still running keeps its
 * caller's promise but no longer the lock: a stopped engine publishes no answer, so the next session on the
 * page (a framework re-creating the element) must not wait for one.
 */
/**
 * Locks let go of by a stopped engine on this page while its task still ran: whoever waited on one gets no
 * answer from it, so it runs its own task rather than wait for news.
 */
const abandonedHere = new Set<string>();

/** Past a call's own deadline (`requestTimeout`), before the next tab stops waiting for it. */
export const LOCK_WAIT_MARGIN_MS = 5_000;
/** The longest an honest tab waits for another's task: a logout's, the longest `requestTimeout` and the margin. */
const LONGEST_WAIT_MS = OPTION_TABLE.requestTimeout.max * 1000 + LOCK_WAIT_MARGIN_MS;

export function lockExclusive(locks: LockManagerLike, prefix: string, clock: Clock, waitMs: number): LockExclusive {
  const holding = new Set<string>();
  /** Locks a frozen tab holds: it will not finish, so a task runs without waiting until the lock is free again. */
  const frozenElsewhere = new Set<string>();
  const waiting = new Map<string, Set<AbortController>>();
  let releaseAll: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (releaseAll = resolve));
  let stopped = false;
  const run = async <T>(name: string, task: () => Promise<T>, wait = waitMs): Promise<T | undefined> => {
    const lockName = `${prefix}:${name}`;
    const held: { work?: Promise<T> } = {};
    try {
      await locks.request(lockName, { ifAvailable: true }, async (lock) => {
        if (!lock) return;
        // Granted after the coordinator stopped: a stopped engine asks nothing, so whoever waited must ask.
        if (stopped) return void abandonedHere.add(lockName);
        abandonedHere.delete(lockName);
        frozenElsewhere.delete(lockName);
        holding.add(lockName);
        held.work = task();
        // The lock is held until the task ends or the coordinator stops, whichever comes first.
        await Promise.race([held.work.catch(() => undefined), released]);
        holding.delete(lockName);
      });
    } catch {
      // Refused (no locks in this context): run the task without one, unless it already runs.
      return held.work ?? task();
    }
    if (held.work) return held.work;
    if (stopped) return undefined;
    if (frozenElsewhere.has(lockName)) return task();
    const controller = new AbortController();
    const timer = clock.setTimeout(() => controller.abort(), wait);
    const waiters = waiting.get(lockName) ?? new Set();
    waiting.set(lockName, waiters.add(controller));
    try {
      await locks.request(lockName, { signal: controller.signal }, () => undefined);
      return abandonedHere.delete(lockName) ? task() : undefined;
    } catch {
      return task();
    } finally {
      clock.clearTimeout(timer);
      waiters.delete(controller);
    }
  };
  return {
    run,
    held: () => [...holding].map((lockName) => lockName.slice(prefix.length + 1)),
    heldByFrozenTab(name) {
      const lockName = `${prefix}:${name}`;
      frozenElsewhere.add(lockName);
      // Stops waiting: the task runs (`catch` above), as for a holder stuck past the wait.
      for (const controller of waiting.get(lockName) ?? []) controller.abort();
    },
    release() {
      stopped = true;
      for (const name of holding) abandonedHere.add(name);
      holding.clear();
      releaseAll();
    },
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

  readonly run: ExclusiveRunner = async <T>(name: string, task: () => Promise<T>, waitMs = this.waitMs): Promise<T | undefined> => {
    const busy = this.#busyElsewhere.get(name);
    if (busy && busy.until > this.clock.now()) {
      await new Promise<void>((resolve) => {
        const timer = this.clock.setTimeout(() => {
          // Waited as long as this task waits: the announcement is over for whoever asks next, too.
          if (this.#busyElsewhere.get(name) === busy) this.#busyElsewhere.delete(name);
          resolve();
        }, Math.min(busy.until - this.clock.now(), waitMs));
        busy.waiters.push(() => {
          this.clock.clearTimeout(timer);
          resolve();
        });
      });
      return undefined;
    }
    this.announce({ type: 'busy', name, until: this.clock.now() + waitMs });
    try {
      return await task();
    } finally {
      this.announce({ type: 'done', name });
    }
  };

  /** Another tab runs `name` until `until`, no longer than an honest tab may say (a future `until` cannot wedge ours). */
  onBusy(name: string, until: number): void {
    until = Math.min(until, this.clock.now() + Math.max(this.waitMs, LONGEST_WAIT_MS));
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
