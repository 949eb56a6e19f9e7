import type { ReadableAtom } from 'nanostores';
import { Timer, type Clock } from './clock.js';
import { isVisible, type SessionEnvironment } from './environment.js';
import { planNext, type Plan } from './plan.js';
import { RetryPlan } from './retry.js';
import { isUsableStatus } from './state.js';
import type { SessionOptions, SessionState } from './types.js';

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
  /** Looks for sleep or a clock change (wall vs monotonic time): the schedule's timers are the only ones. */
  probeClock(): void;
}

export interface ScheduleSetup {
  state: ReadableAtom<SessionState>;
  options: () => SessionOptions;
  clock: Clock;
  environment: SessionEnvironment;
  random: () => number;
}

/**
 * When to do what, apart from what the state is. The leader runs the plan derived from the expiry
 * (extend, warn, confirm, truth check, retry); a follower only keeps a safety net for news the leader owes.
 */
export class SessionSchedule {
  private readonly timer: Timer;
  /** A follower's safety net: asks the server itself when the leader's news is overdue (lost message, frozen leader). */
  private readonly followerTimer: Timer;
  readonly retry: RetryPlan;
  private running = false;
  /** A warning UI has claimed the user's explicit choice: while `expiring`, activity alone no longer extends. */
  private warningHeld = false;

  constructor(
    private readonly setup: ScheduleSetup,
    private readonly actions: ScheduleActions,
  ) {
    this.timer = new Timer(setup.clock);
    this.followerTimer = new Timer(setup.clock);
    this.retry = new RetryPlan(setup.random, () => {
      const now = setup.clock.now();
      const { expiresAt } = setup.state.get();
      return { now, left: expiresAt === null ? null : expiresAt - now };
    });
  }

  private get state(): SessionState {
    return this.setup.state.get();
  }

  start(): void {
    this.running = true;
  }

  holdWarning(held: boolean): void {
    this.warningHeld = held;
    this.update();
  }

  /** Re-plans after any change; a timer already set for the same moment is kept. */
  update(): void {
    if (!this.running) return;
    // Before planning: a clock set back, unseen, would make the plan (and the timer set from it) late.
    this.actions.probeClock();
    if (!this.running) return;
    if (!this.state.leader) return this.planFollowerCheck();
    this.followerTimer.cancel();
    const plan = this.plan();
    if (!plan) {
      this.timer.cancel();
      return;
    }
    if (this.timer.isPlannedFor(plan.at)) return;
    this.timer.at(plan.at, (lateBy) => void this.run(lateBy));
  }

  stop(): void {
    this.running = false;
    this.timer.cancel();
    this.followerTimer.cancel();
  }

  private plan(): Plan | null {
    const { state } = this;
    const { clock, environment } = this.setup;
    return planNext({
      now: clock.now(),
      status: state.status,
      kind: state.kind,
      expiresAt: state.expiresAt,
      lastActivityAt: state.lastActivityAt,
      lastExtendedAt: state.lastExtendedAt,
      lastCheckedAt: state.lastCheckedAt,
      options: this.setup.options(),
      visible: isVisible(environment),
      retryAt: this.retry.current?.at ?? null,
      warningHeld: this.warningHeld,
    });
  }

  private duePlan(): Plan | null {
    const plan = this.plan();
    return plan && plan.at <= this.setup.clock.now() ? plan : null;
  }

  private async run(lateBy: number): Promise<void> {
    const { actions } = this;
    if (!this.running) return;
    // A timer is the moment sleep or a clock change shows: wall time moved unlike the monotonic time it fired by.
    actions.probeClock();
    if (!this.running || !this.state.leader) return;
    let plan = this.duePlan();
    // A timer that fired late ran on a guess about the past: ask the server before acting on it.
    if (plan && lateBy > LATE_TIMER_MS && (plan.action === 'extend' || plan.action === 'warn')) {
      await actions.check();
      plan = this.duePlan();
    }
    switch (plan?.action) {
      case 'warn':
        actions.enterWarning();
        break;
      case 'extend':
        await actions.extend();
        break;
      case 'retry':
        if (this.retry.current?.action === 'extend' && this.state.status !== 'offline') await actions.extend();
        else await actions.check();
        break;
      case 'confirm':
      case 'truth-check':
        await actions.check();
        break;
    }
    this.update();
  }

  /** Followers run no plan, only this: check when the leader owed news and none came. */
  private planFollowerCheck(): void {
    const { clock, environment } = this.setup;
    const { status, kind, expiresAt, lastCheckedAt } = this.state;
    // Its own check failed (a timeout, say) while the leader has no news to send: it retries, backing off.
    const retryAt = status === 'offline' ? this.retry.current?.at : undefined;
    if (kind === 'user' && retryAt !== undefined && isVisible(environment)) {
      if (!this.followerTimer.isPlannedFor(retryAt)) this.followerTimer.at(retryAt, () => void this.actions.check());
      return;
    }
    if (kind !== 'user' || !isUsableStatus(status) || !isVisible(environment)) {
      this.followerTimer.cancel();
      return;
    }
    const since = lastCheckedAt ?? clock.now();
    let at = since + this.setup.options().truthCheckEvery * 1000 + FOLLOWER_TRUTH_SLACK_MS;
    if (expiresAt !== null) at = Math.min(at, expiresAt + FOLLOWER_CONFIRM_GRACE_MS);
    if (this.followerTimer.isPlannedFor(at)) return;
    this.followerTimer.at(at, () => {
      this.actions.probeClock();
      void this.actions.check();
    });
  }
}
