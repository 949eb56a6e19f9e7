import type { ReadableAtom } from 'nanostores';
import { Timer, type Clock } from './clock.js';
import { isVisible, listen, type SessionEnvironment } from './environment.js';
import { leaderNewsAt, planNext, type Plan, type PlanInput } from './plan.js';
import { RetryPlan } from './retry.js';
import { isUsableStatus } from './state.js';
import type { SessionOptions, SessionState } from './types.js';
import { VISIBLE_LOOK_MS } from './wake.js';

/** A timer this late did not run when planned (throttling, sleep): ask the server before acting. */
const LATE_TIMER_MS = 5_000;
/** A follower acts only when the leader stayed silent this long past a confirm or truth check it owed. */
const FOLLOWER_CONFIRM_GRACE_MS = 1_000;
const FOLLOWER_TRUTH_SLACK_MS = 5_000;

/** What the schedule asks the engine to do when its time comes. */
export interface ScheduleActions {
  check(): Promise<unknown>;
  extend(): Promise<unknown>;
  enterWarning(): void;
  /**
   * Looks for sleep or a clock change (wall vs monotonic time): the schedule's timers are the only ones.
   * `lateBy`: how late the timer that fired was.
   */
  probeClock(lateBy?: number): void;
  /** News the leader owed (an extension, the warning) has not come: ask it to answer; lead if none does. */
  confirmLeader(): void;
}

export interface ScheduleSetup {
  state: ReadableAtom<SessionState>;
  options: () => SessionOptions;
  clock: Clock;
  environment: SessionEnvironment;
  random: () => number;
  /** Whether a leader can vanish unheard (a heartbeat lease, no Web Locks): a visible follower then asks it when news is late. */
  leaderMayVanish: () => boolean;
}

/**
 * When to do what, apart from what the state is. The leader runs the plan derived from the expiry
 * (extend, warn, confirm, truth check, retry); a follower only keeps a safety net for news the leader owes.
 * Its timers are also the page's look for sleep and clock changes: while visible, none is set further away
 * than `VISIBLE_LOOK_MS` (one set for earlier only looks, then plans again).
 */
export class SessionSchedule {
  readonly #timer: Timer;
  /** A follower's safety net: asks the server itself when the leader's news is overdue (lost message, frozen leader). */
  readonly #followerTimer: Timer;
  readonly retry: RetryPlan;
  #running = false;
  /** A warning UI has claimed the user's explicit choice: while `expiring`, activity alone no longer extends. */
  #warningHeld = false;
  #stopVisibility: (() => void) | null = null;
  /** The leader's latest moment of news this follower asked about, for the expiry it had then: each is asked once. */
  #askedLeader: { at: number; expiresAt: number | null } | null = null;

  readonly #setup: ScheduleSetup;
  readonly #actions: ScheduleActions;

  constructor(setup: ScheduleSetup, actions: ScheduleActions) {
    this.#setup = setup;
    this.#actions = actions;
    this.#timer = new Timer(setup.clock);
    this.#followerTimer = new Timer(setup.clock);
    this.retry = new RetryPlan(setup.random, () => {
      const now = setup.clock.now();
      const { expiresAt } = setup.state.get();
      return { now, left: expiresAt === null ? null : expiresAt - now };
    });
  }

  get #state(): SessionState {
    return this.#setup.state.get();
  }

  start(): void {
    this.#running = true;
    // What is planned, and how far a timer may be set, depend on whether the page is visible.
    this.#stopVisibility = listen(this.#setup.environment.document, ['visibilitychange'], () => this.update());
  }

  holdWarning(held: boolean): void {
    this.#warningHeld = held;
    this.update();
  }

  /** Re-plans after any change; a timer already set for the same moment is kept. */
  update(): void {
    if (!this.#running) return;
    // Before planning: a clock set back, unseen, would make the plan (and the timer set from it) late.
    this.#actions.probeClock();
    if (!this.#running) return;
    if (!this.#state.leader) return this.#planFollowerCheck();
    this.#followerTimer.cancel();
    this.#askedLeader = null;
    const at = this.#lookBy(this.#plan()?.at ?? null);
    if (at === null) return this.#timer.cancel();
    if (this.#timer.isPlannedFor(at)) return;
    // A timer that fires before the plan is due only looks at the clock (run() finds nothing due) and plans again.
    this.#timer.at(at, (lateBy) => void this.#run(lateBy));
  }

  stop(): void {
    this.#running = false;
    this.#stopVisibility?.();
    this.#stopVisibility = null;
    this.#timer.cancel();
    this.#followerTimer.cancel();
    this.#askedLeader = null;
  }

  /**
   * When a timer for `at` (`null`: nothing planned) must fire: a visible page looks at the clock at least every
   * `VISIBLE_LOOK_MS`, whatever the session's state (a sleep and a later clock change must not be seen as one).
   */
  #lookBy(at: number | null): number | null {
    const { clock, environment } = this.#setup;
    if (!isVisible(environment)) return at;
    return Math.min(at ?? Infinity, clock.now() + VISIBLE_LOOK_MS);
  }

  #plan(): Plan | null {
    return planNext(this.#planInput());
  }

  #planInput(): PlanInput {
    const state = this.#state;
    const { clock, environment } = this.#setup;
    return {
      now: clock.now(),
      status: state.status,
      kind: state.kind,
      expiresAt: state.expiresAt,
      lastActivityAt: state.lastActivityAt,
      lastExtendedAt: state.lastExtendedAt,
      lastCheckedAt: state.lastCheckedAt,
      options: this.#setup.options(),
      visible: isVisible(environment),
      retryAt: this.retry.current?.at ?? null,
      warningHeld: this.#warningHeld,
    };
  }

  #duePlan(): Plan | null {
    const plan = this.#plan();
    return plan && plan.at <= this.#setup.clock.now() ? plan : null;
  }

  async #run(lateBy: number): Promise<void> {
    const actions = this.#actions;
    if (!this.#running) return;
    // A timer is the moment sleep or a clock change shows: wall time moved unlike the monotonic time it fired by.
    actions.probeClock(lateBy);
    if (!this.#running || !this.#state.leader) return;
    let plan = this.#duePlan();
    // A timer that fired late ran on a guess about the past: ask the server before acting on it.
    if (plan && lateBy > LATE_TIMER_MS && (plan.action === 'extend' || plan.action === 'warn')) {
      await actions.check();
      plan = this.#duePlan();
    }
    switch (plan?.action) {
      case 'warn':
        actions.enterWarning();
        break;
      case 'extend':
        await actions.extend();
        break;
      case 'retry':
        if (this.retry.current?.action === 'extend' && this.#state.status !== 'offline') await actions.extend();
        else await actions.check();
        break;
      case 'confirm':
      case 'truth-check':
        await actions.check();
        break;
    }
    this.update();
  }

  /**
   * Followers run no plan, only this: check when the leader owed news and none came (and look while visible).
   * Where a leader can vanish unheard, a follower also asks it at each moment it owed news: an extension, and
   * while visible the warning.
   */
  #planFollowerCheck(): void {
    const due = this.#followerCheckDue();
    const news = this.#leaderNewsDue();
    const at = this.#lookBy(news && (due === null || news.askAt < due) ? news.askAt : due);
    if (at === null) return this.#followerTimer.cancel();
    if (this.#followerTimer.isPlannedFor(at)) return;
    this.#followerTimer.at(at, (lateBy) => {
      this.#actions.probeClock(lateBy);
      if (!this.#running) return;
      const now = this.#setup.clock.now();
      if (due !== null && now >= due) return void this.#actions.check();
      if (news && now >= news.askAt && this.#leaderNewsDue()?.at === news.at) {
        this.#askedLeader = { at: news.at, expiresAt: this.#state.expiresAt };
        this.#actions.confirmLeader();
      }
      this.update();
    });
  }

  /** The leader's next news (see `leaderNewsAt`) not yet asked about, and when to ask: a grace after it. */
  #leaderNewsDue(): { at: number; askAt: number } | null {
    if (!this.#setup.leaderMayVanish()) return null;
    const input = this.#planInput();
    const asked = this.#askedLeader && this.#askedLeader.expiresAt === input.expiresAt ? this.#askedLeader.at : -Infinity;
    const at = leaderNewsAt(input, asked);
    return at === null ? null : { at, askAt: at + FOLLOWER_CONFIRM_GRACE_MS };
  }

  /** When a visible follower asks the server itself: the leader's truth check or expiry news is overdue. */
  #followerCheckDue(): number | null {
    const { clock, environment } = this.#setup;
    const { status, kind, expiresAt, lastCheckedAt } = this.#state;
    if (kind !== 'user' || !isVisible(environment)) return null;
    // Its own check failed (a timeout, say) while the leader has no news to send: it retries, backing off.
    if (status === 'offline' && this.retry.current) return this.retry.current.at;
    if (!isUsableStatus(status)) return null;
    const since = lastCheckedAt ?? clock.now();
    const at = since + this.#setup.options().truthCheckEvery * 1000 + FOLLOWER_TRUTH_SLACK_MS;
    return expiresAt === null ? at : Math.min(at, expiresAt + FOLLOWER_CONFIRM_GRACE_MS);
  }
}
