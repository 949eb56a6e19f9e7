import type { ReadableAtom } from 'nanostores';
import type { CoordinatorHooks, SharedSessionMessage, TabCoordinator } from './coordinator.js';
import type { CorrectedClock } from './corrected-clock.js';
import { WAKE_DEDUPE_MS } from './transitions/page-event.js';
import type { SessionState } from './types.js';

/** How long a tab that found another tab checking waits for that answer before asking itself. */
const REMOTE_ANSWER_WAIT_MS = 1_000;
/** How far another tab's clock may run ahead of ours before we adopt its correction. */
const CLOCK_AHEAD_TOLERANCE_MS = 5_000;
/** The most another tab may move our clock forward (clocks set back add up; a year is a lying tab). */
export const MAX_REMOTE_CORRECTION_MS = 24 * 3600_000;
/** Incoming session messages: a burst of this many, then this many per second; the rest are dropped. */
const MESSAGE_BURST = 30;
const MESSAGES_PER_SECOND = 10;

/**
 * The engine's side of cross-tab sync: what this tab tells the others, what it hears (with the sender's
 * clock noted first), tasks no two tabs run at once, and waiting for another tab's answer.
 */
export class TabSync {
  #tokens = MESSAGE_BURST;
  /** The tab that last said it was asking the server: only its answer answers a check this tab waits on. */
  #checker: string | null = null;
  #refilledAt: number | null = null;

  readonly #coordinator: TabCoordinator;
  readonly #clock: CorrectedClock;
  readonly #state$: ReadableAtom<SessionState>;

  constructor(coordinator: TabCoordinator, clock: CorrectedClock, state$: ReadableAtom<SessionState>) {
    this.#coordinator = coordinator;
    this.#clock = clock;
    this.#state$ = state$;
  }

  /** Other tabs may hear this one: an SDK `paraLogout` may be another tab's re-auth. */
  get crossTab(): boolean {
    return this.#coordinator.crossTab === true;
  }

  /** A leader may vanish unheard (a heartbeat lease): followers ask it when its news is late. */
  get leaderMayVanish(): boolean {
    return this.#coordinator.leaderMayVanish === true;
  }

  /** The leader's news is late: ask it to answer; this tab leads if none does. */
  confirmLeader(): void {
    this.#coordinator.confirmLeader?.();
  }

  /** A wallet's session (it never expires) has nothing to lead: the lead goes to a tab with a user session. */
  standAside(aside: boolean): void {
    this.#coordinator.standAside?.(aside);
  }

  /** `onClockCorrected`: another tab's time moved this tab's clock forward by `ms`, after its message was heard. */
  start(hooks: CoordinatorHooks & { onClockCorrected(ms: number): void }): void {
    this.#coordinator.start({
      onLeadershipChange: (leader) => hooks.onLeadershipChange(leader),
      onPeerJoined: () => hooks.onPeerJoined?.(),
      onMessage: (message, from) => {
        if (!this.#admit()) return;
        const corrected = message.type === 'state' || message.type === 'clock' ? this.#noteRemoteTime(message.sentAt) : 0;
        if (message.type === 'checking') this.#checker = from ?? null;
        hooks.onMessage(message, from);
        if (corrected > 0) hooks.onClockCorrected(corrected);
      },
    });
  }

  stop(): void {
    this.#coordinator.stop();
  }

  publish(message: SharedSessionMessage): void {
    this.#coordinator.publish(message);
  }

  /** The session facts the other tabs adopt; never a cookie or an export. */
  publishState(): void {
    const { status, kind, expiresAt, lastCheckedAt, lastExtendedAt } = this.#state$.get();
    this.publish({ type: 'state', status, kind, expiresAt, lastCheckedAt, lastExtendedAt, sentAt: this.#clock.now() });
  }

  /** Tells the other tabs that this one is asking the server: they wait for its answer. */
  announceCheck(): void {
    if (this.crossTab) this.publish({ type: 'checking' });
  }

  /** The message came from the tab that said it was asking the server (see `announceCheck`). */
  isChecker(from: string | undefined): boolean {
    return from !== undefined && from === this.#checker;
  }

  /** Runs `task` unless another tab runs the same one; `undefined` then (its answer comes as a message). */
  exclusive<T>(name: string, task: () => Promise<T>, waitMs?: number): Promise<T | undefined> {
    return this.#coordinator.exclusive ? this.#coordinator.exclusive(name, task, waitMs) : task();
  }

  /** Waits briefly for another tab's answer: true when a check at or after `since` is known (`strict`: no dedupe window). */
  answeredSince(since: number, strict = false): Promise<boolean> {
    const from = strict ? since : since - WAKE_DEDUPE_MS;
    const answered = () => {
      const state = this.#state$.get();
      return (state.lastCheckedAt ?? -Infinity) >= from && state.status !== 'checking';
    };
    if (answered()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = this.#clock.setTimeout(() => finish(answered()), REMOTE_ANSWER_WAIT_MS);
      const unsubscribe = this.#state$.listen(() => answered() && finish(true));
      const finish = (result: boolean) => {
        this.#clock.clearTimeout(timer);
        unsubscribe();
        resolve(result);
      };
    });
  }

  /** A token bucket on monotonic time: a tab that floods the channel cannot make this one work for it. */
  #admit(): boolean {
    const now = this.#clock.monotonic();
    const elapsed = this.#refilledAt === null ? 0 : Math.max(0, now - this.#refilledAt);
    this.#refilledAt = now;
    this.#tokens = Math.min(MESSAGE_BURST, this.#tokens + (elapsed / 1000) * MESSAGES_PER_SECOND);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /**
   * Tabs of one machine share one wall clock, and messages arrive in milliseconds: a tab this far ahead saw
   * the clock set back and we did not (we opened after it), so we adopt its correction; a tab this far
   * behind missed it, so we tell it our time. Returns how far this tab's clock moved (0: not at all).
   */
  #noteRemoteTime(sentAt: number): number {
    const ahead = sentAt - this.#clock.now();
    if (ahead > CLOCK_AHEAD_TOLERANCE_MS && ahead <= MAX_REMOTE_CORRECTION_MS) {
      this.#clock.correctBy(ahead);
      return ahead;
    }
    if (ahead < -CLOCK_AHEAD_TOLERANCE_MS) this.publish({ type: 'clock', sentAt: this.#clock.now() });
    return 0;
  }
}
