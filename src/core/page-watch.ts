import type { ParaSessionPort } from '../para/adapter.js';
import { watchActivity } from './activity.js';
import { Timer } from './clock.js';
import type { CorrectedClock } from './corrected-clock.js';
import type { SessionEnvironment } from './environment.js';
import { activity, logoutGraceEnded, paraLogout, signatureExtends, signed, wake } from './transitions/page-event.js';
import type { SessionView, Step } from './transitions/step.js';
import type { ExpiryTracker } from './expiry.js';
import { watchWake, type WakeWatch } from './wake.js';

/** Another tab's `paraLogout` may be its re-auth's logout, whose `reauth-started` is still on its way. */
const PARA_LOGOUT_GRACE_MS = 500;

export interface PageWatchContext {
  para: ParaSessionPort;
  environment: SessionEnvironment;
  clock: CorrectedClock;
  expiry: ExpiryTracker;
  crossTab(): boolean;
  /** Another session runs on this page: a window signing event may be its, not ours. */
  sharesPage(): boolean;
  view(): SessionView;
  apply(step: Step): void;
  check(): void;
}

/** What happens in the page — SDK events, user activity, waking up — turned into page-event transitions. */
export class PageWatch {
  readonly #logoutGrace: Timer;
  #cleanups: Array<() => void> = [];
  #wakeWatch: WakeWatch | null = null;

  readonly #context: PageWatchContext;

  constructor(context: PageWatchContext) {
    this.#context = context;
    this.#logoutGrace = new Timer(context.clock);
  }

  start(): void {
    const { para, environment, clock } = this.#context;
    if (environment.window) {
      this.#cleanups.push(
        para.listen(environment.window, {
          onLogin: () => this.#context.check(),
          onLogout: () => this.#onParaLogout(),
          onSigned: () => this.#onSigned(),
        }),
      );
    }
    this.#cleanups.push(watchActivity(environment, clock, (at) => this.noteActivity(at)));
    this.#wakeWatch = watchWake(environment, clock, (reason, drift = 0) => {
      // A clock set back would make every timer late against the server's clock: undo it. A forward jump is
      // sleep or a clock fix, which look alike; keeping the correction then only makes timers early, which is safe.
      if (drift < 0) clock.correctBy(-drift);
      else if (drift > 0) this.#context.expiry.wallJumped(drift);
      this.#context.apply(wake(this.#context.view(), reason));
    });
  }

  /** Looks for a clock jump now (the schedule calls it before it plans and, with how late, when its timer fires). */
  probeClock(lateBy?: number): void {
    this.#wakeWatch?.probe(lateBy);
  }

  stop(): void {
    this.cancelLogoutGrace();
    this.#wakeWatch?.stop();
    this.#wakeWatch = null;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  /**
   * Another tab's time moved the clock `ms` forward: this tab opened after it was set back, so what it worked
   * out from the clock so far is `ms` early. Ask the server again.
   */
  clockCorrected(ms: number): void {
    this.#context.expiry.clockCorrected(ms);
    this.#context.apply(wake(this.#context.view(), 'clock-jump'));
  }

  noteActivity(at: number): void {
    this.#context.apply(activity(this.#context.view(), at, true));
  }

  cancelLogoutGrace(): void {
    this.#logoutGrace.cancel();
  }

  #onSigned(): void {
    const view = this.#context.view();
    // With two apps on the page, whose signature it was cannot be told: believing it could let the other app's
    // session lapse. Keep-alive then runs as planned.
    if (signatureExtends(view) && !this.#context.sharesPage()) this.#context.apply(signed(view, this.#context.expiry.signed(view.now)));
  }

  #onParaLogout(): void {
    const context = this.#context;
    const decision = paraLogout(context.view(), context.crossTab(), this.#logoutGrace.pending);
    if (decision !== 'wait') return context.apply(decision);
    this.#logoutGrace.at(context.clock.now() + PARA_LOGOUT_GRACE_MS, () => context.apply(logoutGraceEnded(context.view())));
  }
}
