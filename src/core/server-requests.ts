import type { ReadableAtom } from 'nanostores';
import type { CallOutcome, ParaSessionPort } from '../para/adapter.js';
import type { Clock } from './clock.js';
import type { ExpiryTracker } from './expiry.js';
import type { RetryPlan } from './retry.js';
import { SingleFlight } from './single-flight.js';
import { isUsableStatus } from './state.js';
import type { TabSync } from './tab-sync.js';
import { paraLogoutConfirmed } from './transitions/page-event.js';
import { remoteSignOutConfirmed } from './transitions/remote-message.js';
import { becameUserSession, becameWalletSession } from './transitions/lifecycle.js';
import { checkAnswered, extended, type CheckAnswer } from './transitions/server-answer.js';
import type { SessionView, Step } from './transitions/step.js';
import type { SessionState } from './types.js';

export interface RequestContext {
  para: ParaSessionPort;
  tabs: TabSync;
  expiry: ExpiryTracker;
  retry: RetryPlan;
  clock: Clock;
  state: ReadableAtom<SessionState>;
  running(): boolean;
  view(): SessionView;
  apply(step: Step): void;
}

/**
 * Asking the server: single-flight within the tab, exclusive across tabs, every answer turned into a
 * transition. Answers to requests made before `stop()` or a sign-out are dropped.
 */
/** Where news of a sign-out came from (see `confirmSignOut`). */
type SignOutNews = 'remote' | 'para-logout';

export class ServerRequests {
  readonly #checkFlight = new SingleFlight<SessionState>();
  readonly #extendFlight = new SingleFlight<boolean>();
  readonly #signOutFlight = new SingleFlight<void>();
  /** Bumped by stop() and invalidate(): answers to requests made before are dropped. */
  #generation = 0;

  readonly #context: RequestContext;

  constructor(context: RequestContext) {
    this.#context = context;
  }

  get checking(): boolean {
    return this.#checkFlight.busy;
  }

  /**
   * When the check in flight began, `null` when none or while this tab asks the server itself: then only its
   * own answer decides (a message claiming to answer it may be forged). While it waits for another tab's
   * answer, an answer from then on answers it.
   */
  get checkingSince(): number | null {
    return this.#checkFlight.busy && this.#asking === 0 ? this.#since : null;
  }

  #since = 0;
  /** How many of this tab's own `isSessionActive()` calls are in flight (a dropped one may still be). */
  #asking = 0;
  /** Sign-out news the server has not answered since: the next "inactive" is that sign-out. */
  #signOutNews: SignOutNews | null = null;

  /** A request in flight when the engine stops must not answer (nor be joined by) one made after a restart. */
  stop(): void {
    this.invalidate();
  }

  /**
   * The user signed out (or the engine stopped): an answer the server gave before is about a session that
   * is gone. Those answers are dropped, and a request made from now on does not join one of theirs.
   */
  invalidate(): void {
    this.#generation += 1;
    this.#signOutNews = null;
    this.#checkFlight.reset();
    this.#extendFlight.reset();
    this.#signOutFlight.reset();
  }

  get #state(): SessionState {
    return this.#context.state.get();
  }

  /**
   * Asks the server whether the session is active. Concurrent calls share one request. `confirm`: another
   * tab's news is being confirmed, so only an answer given after this call began will do.
   */
  check(confirm = false): Promise<SessionState> {
    const { para, tabs, clock } = this.#context;
    if (!this.#context.running() || this.#followKind()) return Promise.resolve(this.#state);
    return this.#checkFlight.run(async () => {
      const generation = this.#generation;
      const startedAt = clock.now();
      this.#since = startedAt;
      const ask = async () => {
        this.#asking += 1;
        tabs.announceCheck();
        const outcome = await para.isSessionActive().finally(() => (this.#asking -= 1));
        // Applied while still exclusive, so the answer is on its way to other tabs before they stop waiting.
        if (generation === this.#generation) this.#applyAnswer(this.#readAnswer(outcome));
        return outcome;
      };
      const outcome = await tabs.exclusive('check', ask);
      // Another tab asked at the same moment; its answer comes as a state message. If it was lost, ask.
      // Tabs that missed it take turns: the first asks, the rest adopt its answer while they wait (one shared check).
      if (outcome === undefined && generation === this.#generation && !(await tabs.answeredSince(startedAt, confirm))) {
        const second = await tabs.exclusive('check', ask);
        // A tab that never had an answer, and whose turn went to others again, asks itself: their news may be lost,
        // or no news to them (already expired), and a tab left `checking` has nothing else that would ask.
        if (second === undefined && generation === this.#generation && this.#state.status === 'checking') await ask();
      }
      return this.#state;
    });
  }

  /**
   * Extends the session now. `false` means it did not: then the server is asked for the truth and,
   * while the session is still active, the extension is retried before expiry.
   */
  extend(): Promise<boolean> {
    const { para, tabs, expiry, clock } = this.#context;
    if (this.#followKind()) return Promise.resolve(true);
    const { status } = this.#state;
    if (!this.#context.running() || !(isUsableStatus(status) || status === 'offline')) return Promise.resolve(false);
    return this.#extendFlight.run(async () => {
      const generation = this.#generation;
      const cookieBefore = expiry.cookieSnapshot();
      const outcome = await tabs.exclusive('extend', () => para.keepSessionAlive());
      if (generation !== this.#generation) return false;
      // Another tab extended this session just now; its state message carries the result.
      if (outcome === undefined) return isUsableStatus(this.#state.status);
      if (outcome.ok && outcome.value === true) {
        this.#context.apply(extended(this.#context.view(), expiry.extended(clock.now(), cookieBefore)));
        return true;
      }
      // keepSessionAlive never says why it failed: plan a retry, then let the server tell the truth.
      this.#context.retry.extensionFailed();
      await this.check();
      return false;
    });
  }

  /**
   * Sign-out news to confirm: another tab said the user signed out (`remote`), or the SDK announced a logout no
   * tab explained, which may be another session's on this page (`para-logout`: its window events name no client).
   * Signs out once the server says the session is gone, never while it says active (then the news was wrong).
   * Unreachable proves nothing: the tab stays as it is (offline, retrying), and the next answer decides.
   */
  confirmSignOut(news: SignOutNews = 'remote'): Promise<void> {
    // A wallet's client says its session is active whatever the server holds: it confirms nothing.
    if (!this.#context.running() || this.#followKind()) return Promise.resolve();
    this.#signOutNews = news;
    return this.#signOutFlight.run(async () => {
      const generation = this.#generation;
      const outcome = await this.#context.para.isSessionActive();
      if (generation === this.#generation) this.#applyAnswer(this.#readAnswer(outcome));
    });
  }

  /**
   * Follows the client's kind, and says whether this is a wallet's session (one that never expires: nothing to ask).
   * Once a wallet's user signs in with Para (a pregenerated wallet claimed, an external wallet that logs in), the
   * client says `user`: from then on it is checked and kept alive.
   */
  #followKind(): boolean {
    const { kind, status } = this.#state;
    const now = this.#context.para.kind();
    if (kind !== 'external-wallet' && kind !== 'pregen') {
      // Signed out (or expired) and then a wallet connected with the same client: a wallet's session now. Never
      // while signing in again, when the SDK is between a logout and the new user.
      if (now === 'user' || !(status === 'signed-out' || status === 'idle' || status === 'expired')) return false;
      this.#context.apply(becameWalletSession(now));
      return true;
    }
    if (now !== 'user') return true;
    this.#context.apply(becameUserSession());
    return false;
  }

  /** A server answer as a transition; "inactive" after sign-out news is that sign-out. */
  #applyAnswer(answer: CheckAnswer): void {
    const view = this.#context.view();
    const news = answer.type === 'inactive' ? this.#signOutNews : null;
    if (answer.type !== 'failed') this.#signOutNews = null;
    if (news === 'remote') this.#context.apply(remoteSignOutConfirmed(view));
    else if (news === 'para-logout') this.#context.apply(paraLogoutConfirmed(view));
    else this.#context.apply(checkAnswered(view, answer));
  }

  #readAnswer(outcome: CallOutcome<boolean>): CheckAnswer {
    if (!outcome.ok) return { type: 'failed', error: { kind: outcome.failure, message: outcome.message } };
    if (outcome.value === true) {
      return { type: 'active', expiresAt: this.#context.expiry.confirmedActive(this.#context.clock.now(), this.#state.expiresAt) };
    }
    if (outcome.value === false) return { type: 'inactive' };
    return { type: 'failed', error: { kind: 'client', message: `isSessionActive() returned ${String(outcome.value)}, not a boolean` } };
  }
}
