import { Timer, type Clock } from './clock.js';
import { isVisible, type SessionEnvironment } from './environment.js';
import { planNext, type Plan } from './plan.js';
import { isUsableStatus } from './state.js';
import type { SessionOptions, SessionState } from './types.js';

/** A timer this late did not run when planned (throttling, sleep): ask the server before acting. */
const LATE_TIMER_MS = 5_000;
/** A follower acts only when the leader stayed silent this long past a confirm or truth check it owed. */
const FOLLOWER_CONFIRM_GRACE_MS = 1_000;
const FOLLOWER_TRUTH_SLACK_MS = 5_000;

export type Retry = { action: 'extend' | 'check'; at: number; attempt: number };

/** What the schedule reads from the engine and asks it to do. */
export interface ScheduleHost {
  readonly running: boolean;
  readonly state: SessionState;
  readonly options: SessionOptions;
  readonly clock: Clock;
  readonly environment: SessionEnvironment;
  readonly retry: Retry | null;
  readonly warningHeld: boolean;
  check(): Promise<unknown>;
  extend(): Promise<unknown>;
  enterWarning(): void;
}

/**
 * When to do what, apart from what the state is. The leader runs the plan derived from the expiry
 * (extend, warn, confirm, truth check, retry); a follower only keeps a safety net for news the leader owes.
 */
export class SessionSchedule {
  private readonly timer: Timer;
  /** A follower's safety net: asks the server itself when the leader's news is overdue (lost message, frozen leader). */
  private readonly followerTimer: Timer;

  constructor(private readonly host: ScheduleHost) {
    this.timer = new Timer(host.clock);
    this.followerTimer = new Timer(host.clock);
  }

  /** Re-plans after any change; a timer already set for the same moment is kept. */
  update(): void {
    const { host } = this;
    if (!host.running) return;
    if (!host.state.leader) return this.planFollowerCheck();
    this.followerTimer.cancel();
    const plan = this.plan();
    if (!plan) {
      this.timer.cancel();
      return;
    }
    if (this.timer.isPlannedFor(plan.at)) return;
    this.timer.at(plan.at, (lateBy) => void this.run(lateBy));
  }

  cancel(): void {
    this.timer.cancel();
    this.followerTimer.cancel();
  }

  private plan(): Plan | null {
    const { state, options, clock, environment, retry, warningHeld } = this.host;
    return planNext({
      now: clock.now(),
      status: state.status,
      kind: state.kind,
      expiresAt: state.expiresAt,
      lastActivityAt: state.lastActivityAt,
      lastExtendedAt: state.lastExtendedAt,
      lastCheckedAt: state.lastCheckedAt,
      options,
      visible: isVisible(environment),
      retryAt: retry?.at ?? null,
      warningHeld,
    });
  }

  private duePlan(): Plan | null {
    const plan = this.plan();
    return plan && plan.at <= this.host.clock.now() ? plan : null;
  }

  private async run(lateBy: number): Promise<void> {
    const { host } = this;
    if (!host.running || !host.state.leader) return;
    let plan = this.duePlan();
    // A timer that fired late ran on a guess about the past: ask the server before acting on it.
    if (plan && lateBy > LATE_TIMER_MS && (plan.action === 'extend' || plan.action === 'warn')) {
      await host.check();
      plan = this.duePlan();
    }
    switch (plan?.action) {
      case 'warn':
        host.enterWarning();
        break;
      case 'extend':
        await host.extend();
        break;
      case 'retry':
        if (host.retry?.action === 'extend' && host.state.status !== 'offline') await host.extend();
        else await host.check();
        break;
      case 'confirm':
      case 'truth-check':
        await host.check();
        break;
    }
    this.update();
  }

  /** Followers run no plan, only this: check when the leader owed news and none came. */
  private planFollowerCheck(): void {
    const { state, options, clock, environment } = this.host;
    const { status, kind, expiresAt, lastCheckedAt } = state;
    if (kind !== 'user' || !isUsableStatus(status) || !isVisible(environment)) {
      this.followerTimer.cancel();
      return;
    }
    const since = lastCheckedAt ?? clock.now();
    let at = since + options.truthCheckEvery * 1000 + FOLLOWER_TRUTH_SLACK_MS;
    if (expiresAt !== null) at = Math.min(at, expiresAt + FOLLOWER_CONFIRM_GRACE_MS);
    if (this.followerTimer.isPlannedFor(at)) return;
    this.followerTimer.at(at, () => void this.host.check());
  }
}
