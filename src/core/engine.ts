import { atom, type ReadableAtom } from 'nanostores';
import { paraSessionPort, type CallOutcome, type ParaSessionPort } from '../para/adapter.js';
import type { ParaIdentity, ParaSessionClient } from '../para/client.js';
import { currentAppZone } from './app-zone.js';
import { LOCK_WAIT_MARGIN_MS } from './tabs/exclusive.js';
import { systemClock, Timer, type Clock } from './clock.js';
import type { SharedSessionMessage } from './coordinator.js';
import { CorrectedClock } from './corrected-clock.js';
import { defaultCoordinator, sessionLengthHint, splitCreateOptions } from './engine-setup.js';
import { Emitter } from './emitter.js';
import { browserEnvironment, listen, type SessionEnvironment } from './environment.js';
import { accountChangedError, engineStoppedError, expiredExportError, LogoutFailedError, reauthCancelledError, signedOutError, signedOutExportError } from './errors.js';
import { ExpiryTracker } from './expiry.js';
import { engineOptionWarnings, SessionOptionSet, type OptionWarnings } from './options.js';
import { OwedLogout } from './owed-logout.js';
import { ReauthRoom, type ReauthRequest } from './reauth-room.js';
import { registerSession, sessionsOn } from './registry.js';
import { SessionSchedule } from './schedule.js';
import { readAllowedOrigins, sendSession, type ExportLimits } from './session-export.js';
import { ServerRequests } from './server-requests.js';
import { sessionChannelName } from './session-channel.js';
import { SingleFlight } from './single-flight.js';
import { initialState, isUsableStatus, isWalletKind } from './state.js';
import { TabSync } from './tab-sync.js';
import { leadershipChanged, misconfigured, started, warningDue } from './transitions/lifecycle.js';
import { PageWatch } from './page-watch.js';
import { reauthAbandoned, reauthBegins, reauthCancelled, reauthInterrupted } from './transitions/reauth-step.js';
import { olderEndHeard, remoteMessage } from './transitions/remote-message.js';
import { isReturning, reported, signOut, statusFor } from './transitions/outcomes.js';
import type { SessionView, Step } from './transitions/step.js';
import { applyEffects, type EffectTargets } from './apply-step.js';
import { DEFAULT_BACKOFF, retryDelay } from './backoff.js';
import type {
  CreateSessionOptions,
  EngineEventMap,
  EngineSetup,
  ExportOptions,
  LogoutOptions,
  SessionOptions,
  SessionState,
} from './types.js';
import { Waiters } from './waiters.js';

/** Confirming a sign-in again: soon, since the user is looking at "Signing in…"; at most every 30 s. */
const CONFIRM_BACKOFF = { ...DEFAULT_BACKOFF, baseMs: 1_000, capMs: 30_000 };

/** The SDK waits 300 s for a sign-in to finish; a tab that heard one begin waits that and a minute more. */
const FOLLOWED_SIGN_IN_MS = 6 * 60_000;

const NO_LOGOUT = 'The Para client has no logout() method, so the session cannot be ended on the server; nothing was changed.';

/**
 * The session engine: wires the rooms together and applies what the transitions decide. Framework-free;
 * every browser API comes through `EngineSetup`, so it imports anywhere and starts nothing until `start()`.
 * Where things are: state changes in `transitions/`, timing in `schedule.ts` and `plan.ts`, the SDK in
 * `src/para/adapter.ts`, other tabs in `tab-sync.ts`, re-auth in `reauth-room.ts`.
 */
export class ParaSessionEngine {
  readonly #state$ = atom<SessionState>(initialState());
  readonly #events = new Emitter<EngineEventMap>();
  /** Where the app hears of a change: the zone the engine was created in (app-zone.ts). */
  readonly #inAppZone = currentAppZone();
  readonly #time: CorrectedClock;
  readonly #environmentUsed: SessionEnvironment;
  /** The only way the engine reaches the SDK. */
  readonly #para: ParaSessionPort;
  readonly #expiry: ExpiryTracker;
  readonly #schedule: SessionSchedule;
  readonly #tabs: TabSync;
  readonly #reauth = new ReauthRoom();
  readonly #waiters = new Waiters();
  readonly #logoutFlight = new SingleFlight<void>();
  readonly #page: PageWatch;
  readonly #targets: EffectTargets;
  readonly #fetchImpl: typeof globalThis.fetch | undefined;
  readonly #allowedOrigins: readonly string[];
  readonly #requests: ServerRequests;
  readonly #owedLogout: OwedLogout;
  readonly #random: () => number;
  /** The user's last sign-out asked for these (a logout owed for it is retried with them). */
  #signOutOptions: LogoutOptions = {};
  /** Says, in the console, why this client cannot run a session. */
  readonly #sayProblem: (problem: string) => void;
  /** Gives up on another tab's sign-in that never finished. */
  readonly #followedSignIn: Timer;
  #settings: SessionOptionSet;
  #running = false;
  #wasSignedIn = false;
  /** The expiry the last `warning` event was for: one warning per expiry. */
  #warnedFor: number | null = null;
  #cleanups: Array<() => void> = [];

  /** `options` are the session options only (see `OPTION_TABLE`); `setup` what the engine runs on. */
  constructor(
    readonly client: ParaSessionClient,
    options: Partial<SessionOptions> = {},
    setup: EngineSetup = {},
    warnings?: OptionWarnings,
  ) {
    const wallClock = setup.clock ?? systemClock;
    this.#random = setup.random ?? Math.random;
    this.#time = new CorrectedClock(wallClock);
    this.#environmentUsed = setup.environment ?? browserEnvironment();
    this.#fetchImpl = setup.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined);
    const warn = setup.warn ?? ((message: string) => console.warn(message));
    this.#allowedOrigins = readAllowedOrigins(setup.allowedOrigins, warn);
    const said = warnings ?? engineOptionWarnings(warn);
    this.#settings = new SessionOptionSet(options, said);
    this.#sayProblem = (problem) => said.warn(`${said.source}: ${problem} Give it a ParaWeb 2.x instance; until then the session stays idle.`);
    this.#schedule = new SessionSchedule(
      {
        state: this.#state$,
        options: () => this.options,
        clock: this.#time,
        environment: this.#environmentUsed,
        random: setup.random ?? Math.random,
        leaderMayVanish: () => this.#tabs.leaderMayVanish,
      },
      {
        check: () => this.check(),
        extend: () => this.extend(),
        enterWarning: () => this.#apply(warningDue()),
        probeClock: (lateBy) => this.#page.probeClock(lateBy),
        confirmLeader: () => this.#tabs.confirmLeader(),
      },
    );
    this.#para = paraSessionPort(client, this.#time, () => this.options.requestTimeout);
    const channel = sessionChannelName(setup.channel, this.#para.clientKey(), warn, warnings?.source ?? 'createParaSession');
    this.#tabs = new TabSync(setup.coordinator ?? defaultCoordinator(setup, wallClock, channel, (message) => said.warn(`${said.source}: ${message}`)), this.#time, this.#state$);
    const sessionLength = () => this.options.sessionLength;
    this.#expiry = new ExpiryTracker(
      this.#para,
      sessionLength,
      sessionLengthHint(said, sessionLength),
      () => this.#settings.input.sessionLength !== undefined,
    );
    this.#requests = new ServerRequests({
      para: this.#para,
      tabs: this.#tabs,
      expiry: this.#expiry,
      retry: this.#schedule.retry,
      clock: this.#time,
      state: this.#state$,
      running: () => this.#running,
      view: () => this.#view(),
      apply: (step) => this.#apply(step),
    });
    this.#page = new PageWatch({
      para: this.#para,
      environment: this.#environmentUsed,
      clock: this.#time,
      expiry: this.#expiry,
      crossTab: () => this.#tabs.crossTab,
      sharesPage: () => sessionsOn(this.#environmentUsed.window) > 1,
      view: () => this.#view(),
      apply: (step) => this.#apply(step),
      check: () => void this.check(),
    });
    this.#owedLogout = new OwedLogout({
      clock: this.#time,
      environment: this.#environmentUsed,
      random: setup.random ?? Math.random,
      attempt: () => this.#tryLogout(),
    });
    this.#targets = this.#effectTargets();
    this.#followedSignIn = new Timer(this.#time);
  }

  get $state(): ReadableAtom<SessionState> {
    return this.#state$;
  }

  get state(): SessionState {
    return this.#state$.get();
  }

  /** The outstanding re-authentication request, `null` when none: what elements render. */
  get $reauth(): ReadableAtom<ReauthRequest | null> {
    return this.#reauth.$reauth;
  }

  get options(): Readonly<SessionOptions> {
    return this.#settings.values;
  }

  /** The engine's time source (corrected for a clock set back): elements count down with it. */
  get clock(): Clock {
    return this.#time;
  }

  get environment(): SessionEnvironment {
    return this.#environmentUsed;
  }

  /** The last identity seen while the session was active: pre-fills and checks a re-authentication. */
  get lastIdentity(): ParaIdentity {
    return this.#reauth.lastIdentity;
  }

  get isRunning(): boolean {
    return this.#running;
  }

  /** Whether this engine ever saw the session usable: "signed out" rather than "never signed in". */
  get wasSignedIn(): boolean {
    return this.#wasSignedIn;
  }

  on<K extends keyof EngineEventMap>(type: K, listener: (detail: EngineEventMap[K]) => void): () => void {
    return this.#events.on(type, listener);
  }

  /** Re-validates and reschedules; options not given keep what was set before (`undefined` unsets). */
  setOptions(options: Partial<SessionOptions>, warnings?: OptionWarnings): void {
    const { sessionLength: lengthBefore, warnBefore } = this.options;
    this.#settings = this.#settings.with(options, warnings);
    if (this.options.sessionLength !== lengthBefore) this.#lengthChanged(lengthBefore);
    if (this.options.warnBefore < warnBefore) this.#warningShortened();
    this.#schedule.update();
  }

  /**
   * A shorter warning window, while the warning shows with more time left than the new window: the session is
   * `active` again at once, as the next answer would make it, and warns (with its event) when the new window
   * opens. A longer window needs nothing here: the schedule enters it.
   */
  #warningShortened(): void {
    const { status, kind, expiresAt } = this.state;
    if (kind !== 'user' || expiresAt === null) return;
    // Offline inside the warning it had: back online it is active, and the new window's warning is news again.
    const warnedOffline = status === 'offline' && this.#warnedFor === expiresAt;
    if (status !== 'expiring' && !warnedOffline) return;
    if (statusFor(this.#view(), expiresAt, 'expiring') !== 'active') return;
    this.#warnedFor = null;
    if (status === 'expiring') this.#setState({ status: 'active' });
  }

  /** An expiry estimated from the old length (a client without the session cookie) moves with it. */
  #lengthChanged(beforeSeconds: number): void {
    this.#expiry.lengthChanged(beforeSeconds);
    const { status, kind, expiresAt } = this.state;
    if (kind !== 'user' || expiresAt === null || !(isUsableStatus(status) || status === 'offline')) return;
    const view = this.#view();
    const next = this.#expiry.current(view.now);
    if (next !== expiresAt) this.#setState({ expiresAt: next, status: status === 'offline' ? status : statusFor(view, next, status) });
  }

  /** A warning UI claims the user's explicit choice: while `expiring`, activity alone no longer extends. */
  holdWarning(held: boolean): void {
    this.#schedule.holdWarning(held);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule.start();
    const problem = this.#para.problem();
    if (problem) {
      this.#sayProblem(problem);
      return this.#apply(misconfigured(problem));
    }
    this.#cleanups.push(registerSession(this, this.#environmentUsed.window));
    // The page unloads for good (its popup outlives it, but nobody waits for that sign-in).
    this.#cleanups.push(listen(this.#environmentUsed.window, ['pagehide'], (event) => !(event as PageTransitionEvent).persisted && this.#endOwnSignIn()));
    this.#page.start();
    this.#reauth.remember(this.#para.identity(), true);
    const kind = this.#para.kind();
    this.#apply(started(this.#view(), kind));
    this.#tabs.standAside(isWalletKind(kind));
    this.#tabs.start({
      onLeadershipChange: (leader) => this.#onLeadershipChange(leader),
      onMessage: (message, from) => this.#onMessage(message, from),
      onPeerJoined: () => this.#onPeerJoined(),
      // What this tab worked out before (an expiry bounded by the session length, say) was in the wrong clock.
      onClockCorrected: (ms) => this.#running && this.#page.clockCorrected(ms),
    });
    if (kind === 'user') void this.check();
    this.#owedLogout.start();
  }

  stop(): void {
    if (!this.#running) return;
    this.#endOwnSignIn();
    this.#running = false;
    this.#requests.stop();
    this.#schedule.stop();
    this.#page.stop();
    this.#owedLogout.stop();
    this.#followedSignIn.cancel();
    this.#tabs.stop();
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#waiters.rejectAll(engineStoppedError);
    if (this.state.leader) this.#setState({ leader: false });
  }

  /** Asks the server whether the session is active. Concurrent calls share one request. */
  check(): Promise<SessionState> {
    // A clock set back that no look has seen yet would make the answer's expiry read against the wrong time.
    if (this.#running) this.#page.probeClock();
    return this.#requests.check();
  }

  /**
   * Extends the session now. `false` means it did not: the engine then asks the server for the truth
   * and, while the session is still active, retries before expiry.
   */
  extend(): Promise<boolean> {
    // As for a check: a clock jump no look has seen yet is seen first, so the new expiry is read on the right clock.
    if (this.#running) this.#page.probeClock();
    return this.#requests.extend();
  }

  /** Resolves when the session is usable; while it is expired, asks for a re-authentication first. */
  requireActive(): Promise<void> {
    const { status } = this.state;
    if (isUsableStatus(status)) return Promise.resolve();
    if (!this.#running) return Promise.reject(engineStoppedError());
    if (status === 'signed-out' || status === 'idle') return Promise.reject(signedOutError());
    const waiting = this.#waiters.wait();
    if (status === 'expired' && !this.#reauth.open) this.#requestReauth();
    return waiting;
  }

  /** Opens the re-authentication flow (the dialog, or the app's own UI) and resolves when it succeeds. */
  reauthenticate(): Promise<void> {
    if (!this.#running) return Promise.reject(engineStoppedError());
    // Nothing to sign in again to: the session is usable, as `requireActive()` finds it.
    if (isUsableStatus(this.state.status)) return Promise.resolve();
    const waiting = this.#waiters.wait();
    this.#requestReauth();
    return waiting;
  }

  /** The page answers the current re-auth request with its own sign-in (`para-reauth-request` was prevented). */
  leaveReauthToApp(): void {
    this.#reauth.leaveToApp();
  }

  /**
   * Called by the sign-in flow right before it signs in again: the SDK ignores sign-in calls while it
   * still believes it is authenticated, so it must log out first — which is not the user signing out.
   */
  async beginReauth(): Promise<void> {
    const before = this.state.status;
    this.#apply(reauthBegins(this.#view()));
    const outcome = await this.#para.logout();
    if (!outcome) return;
    if (!outcome.ok) {
      // The SDK still holds the old session and would ignore the sign-in: say so, and let the flow try again.
      this.#apply(reauthInterrupted(this.#view(), before));
      throw outcome.error;
    }
    // Whatever the server said before this logout is about the session it ended; a logout owed is paid.
    this.#requests.invalidate();
    this.#owedLogout.settle();
  }

  /**
   * The sign-in flow finished: confirm with the server and resume everything that waited. A confirmation that
   * meets a failure (offline, a 503) is asked again, backing off, while the flow is open: the sign-in went
   * through, and only the server's answer, active or not, ends it.
   */
  async completeReauth(): Promise<SessionState> {
    for (let failures = 0; ; failures += 1) {
      const askedAt = this.#time.now();
      const state = await this.check();
      // "Not signed in yet" is an answer; a check that came back without one (a request from before the
      // pre-sign-in logout, whose answer was dropped) is not, and is asked again.
      const answered = state.lastCheckedAt !== null && state.lastCheckedAt >= askedAt;
      if (!this.#running || state.status !== 'reauthenticating' || !this.#reauth.open || (answered && state.error === null)) return state;
      await new Promise((resolve) => this.#time.setTimeout(() => resolve(undefined), retryDelay(failures, this.#random, null, CONFIRM_BACKOFF)));
    }
  }

  /**
   * The kit's own sign-in stopped with no answer and no choice of the user's (its dialog left the page): `expired`
   * again, here and in the tabs that followed, the request and whoever waits on it kept for the next sign-in.
   */
  interruptReauth(): void {
    if (this.state.status === 'reauthenticating') this.#apply(reauthInterrupted(this.#view(), 'expired'));
  }

  cancelReauth(reason = 'cancelled'): void {
    this.#apply(reauthCancelled(this.#view()));
    this.#events.emit('reauth-cancel', { reason });
  }

  /**
   * Signs the user out deliberately, here and in every tab — once the server has ended the session. If it
   * cannot be reached, nothing changes but the reported error, this rejects with `LogoutFailedError`, and
   * the logout is retried until it goes through.
   */
  logout(options: LogoutOptions = {}): Promise<void> {
    // A second press (a double click) while the first is on its way is the same sign-out: one request to Para.
    return this.#logoutFlight.run(() => this.#logout(options));
  }

  async #logout(options: LogoutOptions): Promise<void> {
    if (!this.#para.canLogout()) throw new Error(NO_LOGOUT);
    // Its retries, if the server cannot be reached now, are the same sign-out.
    this.#signOutOptions = options;
    // Every tab owes it from the start: this one may be closed before the server answers, or the network is back.
    this.#tabs.publish(this.#owedMessage());
    const outcome = (await this.#logoutOnce()) ?? (await this.#afterAnotherTabsLogout());
    // Another tab's logout went through meanwhile (this one's own call failed or timed out): signed out, as asked.
    if (!outcome.ok && this.state.status === 'signed-out') return;
    if (!outcome.ok) {
      this.#apply(reported({ kind: outcome.failure, message: outcome.message }));
      this.#owedLogout.owe();
      throw new LogoutFailedError(outcome.message);
    }
    if (this.#running && this.state.status !== 'signed-out') this.#signedOutHere();
  }

  /**
   * One logout at a time across tabs, signed out here before the next tab may try: `undefined` when another
   * tab sent one meanwhile (its sign-out reaches this tab as a message).
   */
  #logoutOnce(): Promise<CallOutcome<void> | undefined> {
    const task = async () => {
      const outcome = await this.#para.logout(this.#signOutOptions)!;
      if (outcome.ok && this.#running) this.#signedOutHere();
      return outcome;
    };
    // Waits as long as the holder's call may take (`requestTimeout`), so no second logout overlaps a slow one.
    return this.#tabs.exclusive('logout', task, this.options.requestTimeout * 1000 + LOCK_WAIT_MARGIN_MS);
  }

  /**
   * The user pressed "Sign out" while another tab sent its logout: signed out if that went through (its message
   * may still be on its way, so the server is asked), otherwise this tab's own logout.
   */
  async #afterAnotherTabsLogout(): Promise<CallOutcome<void>> {
    if (this.state.status === 'signed-out') return { ok: true, value: undefined };
    const active = await this.#para.isSessionActive();
    if (!active.ok) return active;
    // No session left: signed out here (by `logout()`), as the user asked.
    if (!active.value) return { ok: true, value: undefined };
    return (await this.#logoutOnce()) ?? (await this.#para.logout(this.#signOutOptions)!);
  }

  /**
   * Whether `expiresAt` is, for now, only when the engine asks again: the server still said active at the end the
   * cookie gave (its whole seconds). A countdown at 0:00 then stays there.
   */
  get expiryProvisional(): boolean {
    return this.#expiry.provisional;
  }

  /** Whether a logout the user asked for has not reached the server yet (it is being retried). */
  get logoutPending(): boolean {
    return this.#owedLogout.pending;
  }

  /** The SDK's export; refused once the server said the session ended (also while signing in again) or the user signed out. */
  exportSession(options: ExportOptions = {}): Promise<string> {
    const refusal = this.#exportRefusal();
    if (refusal) return Promise.reject(refusal);
    // Asked again once the SDK answered: a sign-out or an expiry meanwhile makes what it gave not to be sent.
    return this.#para.exportSession(options).then((exported) => {
      const late = this.#exportRefusal();
      if (late) throw late;
      return exported;
    });
  }

  #exportRefusal(): Error | null {
    const { status } = this.state;
    // Signing in again ends the old session first: what this SDK still holds of it is not to be sent anywhere.
    if (isReturning(status)) return expiredExportError();
    // A sign-out the user asked for that has not reached the server yet (offline) is a sign-out all the same.
    if (status === 'signed-out' || this.#owedLogout.pending) return signedOutExportError();
    return null;
  }

  /** Same origin or `allowedOrigins` only, `https:` (or localhost), no redirects, within `requestTimeout`. */
  sendSessionTo(url: string | URL, init?: RequestInit, options: ExportOptions = {}): Promise<Response> {
    const limits: ExportLimits = { timers: this.#time, timeoutMs: this.options.requestTimeout * 1000, allowedOrigins: this.#allowedOrigins };
    return sendSession(() => this.exportSession(options), this.#fetchImpl, url, init, limits);
  }

  /**
   * Looks at the clock now: a sleep or a clock change since the last look is acted on (a check, a correction).
   * What shows a countdown calls it on each tick; it makes no request unless the clock jumped.
   */
  probeClock(): void {
    if (this.#running) this.#page.probeClock();
  }

  /** Records user activity (the engine's own listeners call this; so may an app). */
  noteActivity(at = this.#time.now()): void {
    if (this.#running) this.#page.noteActivity(at);
  }

  /** The owed logout's retry: signed out once it goes through; tried again later when another tab sent it meanwhile. */
  async #tryLogout(): Promise<boolean> {
    if (!this.#running) return false;
    if (!this.#para.canLogout()) {
      this.#signedOutHere();
      return true;
    }
    const outcome = await this.#logoutOnce();
    return outcome?.ok === true;
  }

  /** The server ended the session at the user's request: answers it gave before are dropped, every tab told. */
  #signedOutHere(): void {
    this.#signOutOptions = {};
    this.#requests.invalidate();
    this.#owedLogout.settle();
    this.#apply(signOut(this.#view(), true));
  }

  /**
   * This tab goes away while it signs in: the tabs that followed its sign-in offer it again now, not once the SDK's
   * limit for a sign-in has passed.
   */
  #endOwnSignIn(): void {
    if (this.#reauth.signingIn) this.interruptReauth();
  }

  /** What every tab is told of a sign-out owed, with its options; `toNewTab` when told again to a tab that opened. */
  #owedMessage(toNewTab = false): SharedSessionMessage {
    return { type: 'logout-owed', ...(this.#signOutOptions.clearPregenWallets ? { clearPregenWallets: true } : {}), ...(toNewTab ? { toNewTab: true } : {}) };
  }

  // ——— causes the engine hears ———

  /**
   * A tab opened: it missed what the others were told before. A sign-out still owed is its debt too (the tabs
   * that owe it may close first), and the leader's warning is what it must show (a follower plans no warning).
   */
  #onPeerJoined(): void {
    if (!this.#running) return;
    if (this.#owedLogout.pending) this.#tabs.publish(this.#owedMessage(true));
    if (this.state.leader && this.state.status === 'expiring') this.#tabs.publishState();
  }

  #onLeadershipChange(leader: boolean): void {
    if (!this.#running) return;
    this.#apply(leadershipChanged(this.#view(), leader, this.#requests.checking));
  }

  #onMessage(message: SharedSessionMessage, from?: string): void {
    if (!this.#running) return;
    // Only the tab that said it asks the server can answer the check this tab waits on (a forged answer cannot).
    const view = this.#view();
    this.#apply(remoteMessage(this.#tabs.isChecker(from) ? view : { ...view, checkingSince: null }, message));
    if (message.type === 'state' && this.state.kind === 'user' && isUsableStatus(this.state.status)) {
      const floor = this.state.expiresAt === null ? null : this.#expiry.heardLive(this.state.expiresAt);
      if (floor !== null) this.#apply(olderEndHeard(this.#view(), floor));
    }
    if (message.type === 'reauth-started') {
      this.#followedSignIn.at(this.#time.now() + FOLLOWED_SIGN_IN_MS, () => this.#running && this.#apply(reauthAbandoned(this.#view())));
    }
    // The sender's time may have corrected this tab's clock (it saw the clock set back): look and plan again.
    this.#schedule.update();
  }

  #requestReauth(): void {
    this.#reauth.request((identity) => this.#events.emit('reauth-request', { identity }));
  }

  // ——— applying ———

  #view(): SessionView {
    const options = this.options;
    const now = this.#time.now();
    return {
      now,
      state: this.state,
      options,
      knownUser: this.#reauth.knownUser,
      reauth: { open: this.#reauth.open, logoutExpected: this.#reauth.logoutExpected, signingIn: this.#reauth.signingIn },
      checkingSince: this.#requests.checkingSince,
      logoutOwed: this.#owedLogout.pending,
      longestSessionMs: this.#expiry.longestSessionMs(now),
      warnedFor: this.#warnedFor,
    };
  }

  /** Applies a transition's step: retry, re-auth bookkeeping, the state patch, then the effects in order. */
  #apply(step: Step): void {
    if (step.retry) this.#schedule.retry.apply(step.retry);
    if (step.reauth) this.#reauth.apply(step.reauth);
    if (step.patch) this.#setState(step.patch);
    if (step.effects) applyEffects(this.#targets, step.effects);
  }

  #effectTargets(): EffectTargets {
    return {
      publishState: () => this.#tabs.publishState(),
      publish: (message) => this.#tabs.publish(message),
      emit: (type, detail) => this.#events.emit(type, detail),
      expiresAt: () => this.state.expiresAt,
      lastIdentity: () => this.#reauth.lastIdentity,
      finishReauth: () => this.#reauth.finish(this.#para.identity()),
      rememberIdentity: () => {
        // Someone else signed in meanwhile (no expiry between): what waited for the previous account must not go on.
        if (this.#reauth.remember(this.#para.identity()) === 'switched') this.#waiters.rejectAll(() => accountChangedError('account-switched'));
      },
      requestReauth: () => this.#requestReauth(),
      resetExpiry: () => this.#expiry.reset(),
      resolveWaiters: () => this.#waiters.resolveAll(),
      rejectWaiters: (reason) =>
        this.#waiters.rejectAll(
          reason === 'signed-out' ? signedOutError : reason === 'cancelled' ? reauthCancelledError : () => accountChangedError(reason),
        ),
      check: (confirm) => void (confirm ? this.#requests.check(true) : this.check()),
      replan: () => this.#schedule.update(),
      cancelLogoutGrace: () => this.#page.cancelLogoutGrace(),
      confirmSignOut: () => void this.#requests.confirmSignOut(),
      confirmParaLogout: () => void this.#requests.confirmSignOut('para-logout'),
      oweLogout: (clearPregenWallets, toNewTab) => {
        // The debt is the other tab's sign-out, with its options: never what this tab asked for before.
        if (!toNewTab || !this.#owedLogout.pending) this.#signOutOptions = clearPregenWallets ? { clearPregenWallets: true } : {};
        this.#owedLogout.owe(true, toNewTab);
      },
      settleLogout: () => this.#owedLogout.settle(),
      logoutPaidElsewhere: () => this.#owedLogout.paidElsewhere(),
    };
  }

  /** The only writer of `$state`. */
  #setState(patch: Partial<SessionState>): void {
    const previous = this.state;
    const next = { ...previous, ...patch };
    if (Object.keys(patch).every((key) => Object.is(previous[key as keyof SessionState], next[key as keyof SessionState]))) {
      return;
    }
    if (isUsableStatus(next.status)) this.#wasSignedIn = true;
    this.#inAppZone(() => this.#state$.set(next));
    this.#reauth.statusChanged(next.status);
    // Signed out, or signed in again since the user asked to sign out: nothing is owed any more.
    if (next.status === 'signed-out' || (isReturning(previous.status) && isUsableStatus(next.status))) this.#owedLogout.settle();
    // One warning per expiry: back from a blip offline inside it, the same warning goes on.
    if (next.status === 'expiring' && previous.status !== 'expiring' && next.expiresAt !== this.#warnedFor) {
      this.#warnedFor = next.expiresAt;
      const secondsLeft = next.expiresAt === null ? 0 : Math.max(0, Math.round((next.expiresAt - this.#time.now()) / 1000));
      this.#events.emit('warning', { expiresAt: next.expiresAt, secondsLeft });
    }
    this.#events.emit('change', { state: next, previous });
    this.#schedule.update();
    // Last: leaving the lead changes the state again.
    if (next.kind !== previous.kind) this.#tabs.standAside(isWalletKind(next.kind));
  }
}

/**
 * Creates the headless session engine for a Para client. Call `start()` to begin. `warnings` says how bad
 * options are reported (the elements name their attributes).
 */
export function createParaSession(
  client: ParaSessionClient,
  options: CreateSessionOptions = {},
  warnings?: OptionWarnings,
): ParaSessionEngine {
  const split = splitCreateOptions(options);
  return new ParaSessionEngine(client, split.options, split.setup, warnings);
}
