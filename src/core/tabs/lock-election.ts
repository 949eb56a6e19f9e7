import type { Clock, TimerHandle } from '../clock.js';
import type { Election, ElectionContext } from './election.js';
import type { ElectionMessage } from './wire.js';

export interface LockRequestOptions {
  ifAvailable?: boolean;
  steal?: boolean;
  signal?: AbortSignal;
}

/** The part of `navigator.locks` the coordinator uses; tests pass a fake shared by several tabs. */
export interface LockManagerLike {
  request<T>(name: string, options: LockRequestOptions, callback: (lock: unknown) => Promise<T> | T): Promise<T>;
}

/**
 * How long a leader stays hidden before it says so. A tab being closed is hidden first, and then the browser
 * hands its lock to the next tab in line; saying "hidden" at once had every visible tab steal the lead in
 * turn, each new leader checking with the server. A closed tab never gets to say it.
 */
export const HIDDEN_LEADER_NOTICE_MS = 1_000;

/**
 * Leadership is holding one Web Lock. The browser grants it to the next queued tab the moment the
 * holder releases it, closes or crashes, so failover needs no heartbeat. A visible tab steals it from a
 * leader hidden for a second (`steal: true`), which keeps the schedule where timers are not throttled.
 */
export class LockElection implements Election {
  leading = false;
  #stopped = true;
  /** Bumped for every request: a settled request that is no longer current is ignored. */
  #attempt = 0;
  #queued: AbortController | null = null;
  #release: (() => void) | null = null;
  #leaderVisible: boolean | null = null;
  #hiddenNotice: TimerHandle | null = null;

  readonly #locks: LockManagerLike;
  readonly #lockName: string;
  readonly #context: ElectionContext;
  readonly #clock: Clock;
  readonly #onRefused: () => void;

  /** `onRefused`: this context may not hold locks; the election ends and the coordinator chooses another way. */
  constructor(locks: LockManagerLike, lockName: string, context: ElectionContext, clock: Clock, onRefused: () => void) {
    this.#locks = locks;
    this.#lockName = lockName;
    this.#context = context;
    this.#clock = clock;
    this.#onRefused = onRefused;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#request(false);
    this.#context.post({ type: 'hello' });
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#cancelHiddenNotice();
    // Tabs running the lease beside it (their locks refused) hear that the lead is free; a tab queued for the
    // lock is granted it and says so.
    if (this.leading) this.#context.post({ type: 'resign' });
    this.#attempt += 1;
    this.#queued?.abort();
    this.#queued = null;
    this.#release?.();
    this.#release = null;
    this.leading = false;
  }

  setVisible(visible: boolean): void {
    if (this.#stopped) return;
    if (!this.leading) {
      if (visible && this.#leaderVisible === false) this.#steal();
      return;
    }
    this.#cancelHiddenNotice();
    if (visible) {
      this.#context.post({ type: 'leader', visible: true, lock: true });
      return;
    }
    this.#hiddenNotice = this.#clock.setTimeout(() => {
      this.#hiddenNotice = null;
      if (this.leading && !this.#stopped && !this.#context.isVisible()) this.#context.post({ type: 'leader', visible: false, lock: true });
    }, HIDDEN_LEADER_NOTICE_MS);
  }

  #cancelHiddenNotice(): void {
    if (this.#hiddenNotice !== null) this.#clock.clearTimeout(this.#hiddenNotice);
    this.#hiddenNotice = null;
  }

  onMessage(_from: string, message: ElectionMessage): void {
    if (this.#stopped) return;
    // A tab whose locks were refused runs the lease beside this one (its site's storage blocked after this tab
    // opened): it asks its leader, and an answer keeps it from leading too. It needs no beat, only answers.
    // A lease leader (one that beats and holds no lock) is answered too, so it steps down: it led before this
    // tab came, or claimed the lead when this tab's predecessor resigned.
    const leases = message.type === 'leader' && message.beat !== undefined && message.lock !== true;
    const asked = leases || (message.type === 'follower' && (message.visible || message.asks === true));
    if ((message.type === 'hello' || asked) && this.leading) this.#context.post({ type: 'leader', visible: this.#context.isVisible(), lock: true, ...(asked ? { beat: 'slow', quiet: true } : {}) });
    // Only a lock holder's visibility matters here: stealing from a lease leader would steal from this tab's own.
    if (message.type === 'leader' && !leases) {
      this.#leaderVisible = message.visible;
      if (!message.visible && !this.leading && this.#context.isVisible()) this.#steal();
    }
  }

  #steal(): void {
    this.#queued?.abort();
    this.#leaderVisible = true;
    this.#request(true);
  }

  #request(steal: boolean): void {
    const attempt = (this.#attempt += 1);
    const controller = steal ? null : new AbortController();
    this.#queued = controller;
    // `signal` cannot be combined with `steal`; a steal is granted at once anyway.
    const options: LockRequestOptions = controller ? { signal: controller.signal } : { steal: true };
    this.#locks
      .request(this.#lockName, options, () => {
        if (attempt !== this.#attempt || this.#stopped) return undefined;
        this.#queued = null;
        return new Promise<void>((resolve) => {
          this.#release = resolve;
          this.#setLeading(true);
          this.#context.post({ type: 'leader', visible: this.#context.isVisible(), lock: true });
        });
      })
      .then(
        () => false,
        // Refused, not aborted nor stolen: this context may not hold locks (a sandboxed frame's SecurityError).
        (error: unknown) => !controller?.signal.aborted && (error as { name?: unknown } | null)?.name !== 'AbortError',
      )
      .then((refused) => {
        if (attempt !== this.#attempt || this.#stopped) return;
        if (refused) {
          // Asking again would be refused again at once, a loop that freezes the page.
          this.#queued = null;
          this.#onRefused();
          return;
        }
        // The lock ended (stolen by a visible tab) or the request was aborted: queue again unless replaced.
        this.#release?.();
        this.#release = null;
        this.#setLeading(false);
        this.#request(false);
      });
  }

  #setLeading(leading: boolean): void {
    if (this.leading === leading) return;
    if (!leading) this.#cancelHiddenNotice();
    this.leading = leading;
    this.#context.onLeadershipChange(leading);
  }
}
