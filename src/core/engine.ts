import { atom, type ReadableAtom } from 'nanostores';
import { readIdentity, type ParaIdentity, type ParaSessionClient } from '../para/client.js';
import { listenToParaEvents } from '../para/events.js';
import { detectSessionKind } from '../para/kind.js';
import { watchActivity } from './activity.js';
import { retryDelay } from './backoff.js';
import { callClient, SingleFlight, type CallOutcome } from './client-call.js';
import { systemClock, Timer, type Clock } from './clock.js';
import { SessionSchedule, type Retry, type ScheduleHost } from './schedule.js';
import type { SharedSessionMessage } from './coordinator.js';
import { defaultCoordinator, pickSessionOptions } from './engine-setup.js';
import { Emitter } from './emitter.js';
import { browserEnvironment, type SessionEnvironment } from './environment.js';
import { engineStoppedError, reauthCancelledError, signedOutError } from './errors.js';
import { ExpiryTracker } from './expiry.js';
import { engineOptionWarnings, resolveOptions, type OptionWarnings } from './options.js';
import { registerSession } from './registry.js';
import { exportParaSession, readAllowedOrigins, sendSession, type ExportLimits } from './session-export.js';
import { initialState, isUsableStatus } from './state.js';
import type {
  CreateSessionOptions,
  EngineDependencies,
  EngineEventMap,
  ExportOptions,
  SessionError,
  SessionOptions,
  SessionState,
  SessionStatus,
} from './types.js';
import { Waiters } from './waiters.js';
import { watchWake, type WakeReason } from './wake.js';

/** How long a tab that found another tab checking waits for that answer before asking itself. */
const REMOTE_ANSWER_WAIT_MS = 1_000;
/** A message older than this was held up (a frozen tab, a slow channel): verify what it says. */
const STALE_MESSAGE_MS = 2_000;
/** How far another tab's clock may run ahead of ours before we adopt its correction. */
const CLOCK_AHEAD_TOLERANCE_MS = 5_000;
/** Focus and visibility within this long of a check (here or in another tab) need no new request. */
const WAKE_DEDUPE_MS = 30_000;
/** Another tab's `paraLogout` may be its re-auth's logout, whose `reauth-started` is still on its way. */
const PARA_LOGOUT_GRACE_MS = 500;
/** A remote `active` this recent was just heard from the server: adopt it instead of asking again. */
const REMOTE_FRESH_MS = 10_000;

/**
 * The session engine: the only place that decides the session's state. Framework-free; every browser
 * API comes through `EngineDependencies`, so it imports anywhere and starts nothing until `start()`.
 */
export class ParaSessionEngine {
  private readonly state$ = atom<SessionState>(initialState());
  private readonly events = new Emitter<EngineEventMap>();
  private readonly deps: EngineDependencies;
  private readonly expiry: ExpiryTracker;
  private readonly schedule: SessionSchedule;
  private readonly logoutGrace: Timer;
  private readonly checkFlight = new SingleFlight<SessionState>();
  private readonly extendFlight = new SingleFlight<boolean>();
  private readonly waiters = new Waiters();
  private opts: SessionOptions;
  /** What the caller set, unresolved: defaults that adapt to the session length stay defaults. */
  private input: Partial<SessionOptions>;
  private running = false;
  /** Bumped by stop(): answers to requests made before are dropped. */
  private generation = 0;
  private cleanups: Array<() => void> = [];
  private retry: Retry | null = null;
  private failures = 0;
  private warningHeld = false;
  private reauthOpen = false;
  /** Our own pre-sign-in logout (or another tab's) clears the SDK's storage: not the user signing out. */
  private reauthLogout = false;
  private identity: ParaIdentity = { userId: null, email: null };
  private expiredIdentity: ParaIdentity | null = null;
  /** Ms added to the wall clock after it was set back, so expiry cookies (server time) still line up. */
  private clockCorrection = 0;
  private readonly allowedOrigins: readonly string[];

  constructor(
    readonly client: ParaSessionClient,
    options: CreateSessionOptions = {},
    warnings?: OptionWarnings,
  ) {
    const wallClock = options.clock ?? systemClock;
    this.deps = {
      // Engine time is wall time plus a correction for clocks set back (see onWake).
      clock: { ...wallClock, now: () => wallClock.now() + this.clockCorrection },
      environment: options.environment ?? browserEnvironment(),
      coordinator: options.coordinator ?? defaultCoordinator(options, wallClock),
      random: options.random ?? Math.random,
      fetch: options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined),
      warn: options.warn ?? ((message) => console.warn(message)),
    };
    this.input = pickSessionOptions(options);
    this.opts = resolveOptions(this.input, warnings ?? engineOptionWarnings(this.deps.warn));
    this.schedule = new SessionSchedule(this.scheduleHost());
    this.logoutGrace = new Timer(this.deps.clock);
    this.expiry = new ExpiryTracker(() => this.client?.retrieveSessionCookie?.(), this.opts.sessionLength * 1000);
    this.allowedOrigins = readAllowedOrigins(options.allowedOrigins, this.deps.warn);
  }

  get $state(): ReadableAtom<SessionState> {
    return this.state$;
  }

  get state(): SessionState {
    return this.state$.get();
  }

  get options(): Readonly<SessionOptions> {
    return this.opts;
  }

  /** The engine's time source (corrected for a clock set back): elements count down with it. */
  get clock(): Clock {
    return this.deps.clock;
  }

  get environment(): SessionEnvironment {
    return this.deps.environment;
  }

  /** The last identity seen while the session was active: pre-fills and checks a re-authentication. */
  get lastIdentity(): ParaIdentity {
    return this.expiredIdentity ?? this.identity;
  }

  get isRunning(): boolean {
    return this.running;
  }

  on<K extends keyof EngineEventMap>(type: K, listener: (detail: EngineEventMap[K]) => void): () => void {
    return this.events.on(type, listener);
  }

  /** Re-validates and reschedules; options not given keep what was set before (`undefined` unsets). */
  setOptions(options: Partial<SessionOptions>, warnings?: OptionWarnings): void {
    this.input = { ...this.input, ...options };
    this.opts = resolveOptions(this.input, warnings ?? engineOptionWarnings(this.deps.warn));
    this.expiry.setSessionLength(this.opts.sessionLength);
    this.schedule.update();
  }

  /** A warning UI claims the user's explicit choice: while `expiring`, activity alone no longer extends. */
  holdWarning(held: boolean): void {
    this.warningHeld = held;
    this.schedule.update();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const problem = this.clientProblem();
    if (problem) {
      this.fail({ kind: 'config', message: problem }, 'idle');
      return;
    }
    const { environment, clock, coordinator } = this.deps;
    this.cleanups.push(registerSession(this));
    if (environment.window) {
      this.cleanups.push(
        listenToParaEvents(environment.window, {
          onLogin: () => void this.check(),
          onLogout: () => this.onParaLogout(),
          onSigned: () => this.onSigned(),
        }),
      );
    }
    this.cleanups.push(watchActivity(environment, clock, (at) => this.onActivity(at, true)));
    this.cleanups.push(watchWake(environment, clock, (reason, drift) => this.onWake(reason, drift)));
    this.identity = readIdentity(this.client);
    const kind = detectSessionKind(this.client);
    if (kind !== 'user') {
      this.setState({ status: 'active', kind, expiresAt: null, error: null });
    } else if (this.state.status === 'idle') {
      this.setState({ status: 'checking' });
    }
    coordinator.start({
      onLeadershipChange: (leader) => this.onLeadershipChange(leader),
      onMessage: (message) => this.onMessage(message),
    });
    if (kind === 'user') void this.check();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.generation += 1;
    this.schedule.cancel();
    this.logoutGrace.cancel();
    this.deps.coordinator.stop();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.waiters.rejectAll(engineStoppedError);
    if (this.state.leader) this.setState({ leader: false });
  }

  /** Asks the server whether the session is active. Concurrent calls share one request. */
  check(): Promise<SessionState> {
    if (!this.running || this.state.kind === 'external-wallet' || this.state.kind === 'pregen') {
      return Promise.resolve(this.state);
    }
    return this.checkFlight.run(async () => {
      const generation = this.generation;
      const startedAt = this.deps.clock.now();
      const ask = async () => {
        const outcome = await callClient(this.deps.clock, this.opts.requestTimeout * 1000, () => this.client.isSessionActive());
        // Applied while still exclusive, so the answer is on its way to other tabs before they stop waiting.
        if (generation === this.generation) this.applyCheck(outcome);
        return outcome;
      };
      const outcome = await this.exclusive('check', ask);
      // Another tab asked at the same moment; its answer comes as a state message. If it was lost, ask.
      if (outcome === undefined && generation === this.generation && !(await this.answeredSince(startedAt))) await ask();
      return this.state;
    });
  }

  /** Waits briefly for another tab's answer to arrive: true when a check at or after `since` is known. */
  private answeredSince(since: number): Promise<boolean> {
    const answered = () => (this.state.lastCheckedAt ?? -Infinity) >= since - WAKE_DEDUPE_MS && this.state.status !== 'checking';
    if (answered()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = this.deps.clock.setTimeout(() => finish(answered()), REMOTE_ANSWER_WAIT_MS);
      const unsubscribe = this.state$.listen(() => answered() && finish(true));
      const finish = (result: boolean) => {
        this.deps.clock.clearTimeout(timer);
        unsubscribe();
        resolve(result);
      };
    });
  }

  /**
   * Extends the session now. `false` means it did not: the engine then asks the server for the truth
   * and, while the session is still active, retries before expiry.
   */
  extend(): Promise<boolean> {
    const { status, kind } = this.state;
    if (kind === 'external-wallet' || kind === 'pregen') return Promise.resolve(true);
    if (!this.running || !(isUsableStatus(status) || status === 'offline')) return Promise.resolve(false);
    return this.extendFlight.run(async () => {
      const generation = this.generation;
      const cookieBefore = this.expiry.cookieSnapshot();
      const outcome = await this.exclusive('extend', () =>
        callClient(this.deps.clock, this.opts.requestTimeout * 1000, () => this.client.keepSessionAlive()),
      );
      if (generation !== this.generation) return false;
      // Another tab extended this session just now; its state message carries the result.
      if (outcome === undefined) return isUsableStatus(this.state.status);
      if (outcome.ok && outcome.value === true) {
        this.applyExtension(cookieBefore);
        return true;
      }
      // keepSessionAlive never says why it failed: plan a retry, then let the server tell the truth.
      const attempt = this.retry?.action === 'extend' ? this.retry.attempt + 1 : 0;
      this.retry = { action: 'extend', at: this.retryAt(attempt), attempt };
      await this.check();
      return false;
    });
  }

  /** Resolves when the session is usable; while it is expired, asks for a re-authentication first. */
  requireActive(): Promise<void> {
    const { status } = this.state;
    if (isUsableStatus(status)) return Promise.resolve();
    if (!this.running) return Promise.reject(engineStoppedError());
    if (status === 'signed-out' || status === 'idle') return Promise.reject(signedOutError());
    const waiting = this.waiters.wait();
    if (status === 'expired' && !this.reauthOpen) this.requestReauth();
    return waiting;
  }

  /** Opens the re-authentication flow (the dialog, or the app's own UI) and resolves when it succeeds. */
  reauthenticate(): Promise<void> {
    if (!this.running) return Promise.reject(engineStoppedError());
    const waiting = this.waiters.wait();
    this.requestReauth();
    return waiting;
  }

  /**
   * Called by the sign-in flow right before it signs in again: the SDK ignores sign-in calls while it
   * still believes it is authenticated, so it must log out first — which is not the user signing out.
   */
  async beginReauth(): Promise<void> {
    this.reauthOpen = true;
    this.reauthLogout = true;
    this.expiredIdentity ??= this.identity;
    this.setState({ status: 'reauthenticating', error: null });
    this.deps.coordinator.publish({ type: 'reauth-started' });
    if (typeof this.client.logout === 'function') {
      await callClient(this.deps.clock, this.opts.requestTimeout * 1000, () => this.client.logout!());
    }
  }

  /** The sign-in flow finished: confirm with the server and resume everything that waited. */
  async completeReauth(): Promise<SessionState> {
    return this.check();
  }

  cancelReauth(reason = 'cancelled'): void {
    this.reauthOpen = false;
    this.reauthLogout = false;
    if (this.state.status === 'reauthenticating') {
      this.setState({ status: 'expired' });
      this.deps.coordinator.publish({ type: 'reauth-cancelled' });
    }
    this.waiters.rejectAll(reauthCancelledError);
    this.events.emit('reauth-cancel', { reason });
  }

  /** Signs the user out deliberately, here and in every tab. */
  async logout(): Promise<void> {
    if (typeof this.client.logout === 'function') {
      const outcome = await callClient(this.deps.clock, this.opts.requestTimeout * 1000, () => this.client.logout!());
      if (!outcome.ok) this.report({ kind: outcome.failure, message: outcome.message });
    }
    this.signOut(true);
  }

  exportSession(options: ExportOptions = {}): Promise<string> {
    return exportParaSession(this.client, options, this.exportLimits());
  }

  /** Same origin or `allowedOrigins` only, `https:` (or localhost), no redirects, within `requestTimeout`. */
  sendSessionTo(url: string | URL, init?: RequestInit, options: ExportOptions = {}): Promise<Response> {
    return sendSession(this.client, this.deps.fetch, url, init, options, this.exportLimits());
  }

  private exportLimits(): ExportLimits {
    return { clock: this.deps.clock, timeoutMs: this.opts.requestTimeout * 1000, allowedOrigins: this.allowedOrigins };
  }

  /** Records user activity (the engine's own listeners call this; so may an app). */
  noteActivity(at = this.deps.clock.now()): void {
    this.onActivity(at, true);
  }

  // ——— what the server said ———

  private applyCheck(outcome: CallOutcome<boolean>): void {
    const now = this.deps.clock.now();
    if (!outcome.ok) {
      this.onRequestFailed(outcome.failure, outcome.message);
    } else if (outcome.value === true) {
      this.becomeActive(this.expiry.confirmedActive(now, this.state.expiresAt), { lastCheckedAt: now });
    } else if (outcome.value === false) {
      this.onServerSaysInactive(now);
    } else {
      this.onRequestFailed('client', `isSessionActive() returned ${String(outcome.value)}, not a boolean`);
    }
  }

  private applyExtension(cookieBefore: string | undefined): void {
    const now = this.deps.clock.now();
    this.retry = null;
    this.becomeActive(this.expiry.extended(now, cookieBefore), { lastExtendedAt: now, lastCheckedAt: now });
    this.events.emit('extended', { expiresAt: this.state.expiresAt });
  }

  private becomeActive(expiresAt: number, extra: Partial<SessionState>): void {
    const previous = this.state.status;
    const returning = previous === 'expired' || previous === 'reauthenticating';
    this.failures = 0;
    const farFromExpiry = expiresAt - this.deps.clock.now() > this.opts.refreshBefore * 1000;
    if (this.retry?.action === 'check' || returning || farFromExpiry) this.retry = null;
    this.setState({ ...extra, status: this.statusFor(expiresAt, previous), kind: 'user', expiresAt, error: null });
    this.publishState();
    if (returning) {
      this.deps.coordinator.publish({ type: 'reauth-complete' });
      this.finishReauth();
    } else {
      const identity = readIdentity(this.client);
      if (identity.userId || identity.email) this.identity = identity;
    }
    this.waiters.resolveAll();
  }

  /** The session is back after an expiry (here or in another tab): close every re-auth flow. */
  private finishReauth(): void {
    const identity = readIdentity(this.client);
    const previousIdentity = this.expiredIdentity ?? this.identity;
    this.reauthOpen = false;
    this.reauthLogout = false;
    this.expiredIdentity = null;
    this.identity = identity;
    this.events.emit('reauth-complete', { identity, previous: previousIdentity });
  }

  private onServerSaysInactive(now: number): void {
    const { status, kind } = this.state;
    if (status === 'signed-out' || status === 'reauthenticating') {
      this.setState({ lastCheckedAt: now });
      return;
    }
    const hadSession = kind === 'user' || this.identity.userId !== null;
    if (!hadSession) {
      this.setState({ status: 'signed-out', kind: null, expiresAt: null, lastCheckedAt: now, error: null });
      this.waiters.rejectAll(signedOutError);
      return;
    }
    this.retry = null;
    this.expiry.reset();
    if (status === 'expired') {
      this.setState({ lastCheckedAt: now });
      return;
    }
    this.expiredIdentity = this.identity;
    this.setState({ status: 'expired', kind: 'user', lastCheckedAt: now, error: null });
    this.publishState();
    this.events.emit('expired', { identity: this.identity });
    this.requestReauth();
  }

  private onRequestFailed(kind: SessionError['kind'], message: string): void {
    const { status } = this.state;
    // The server already gave its answer for these: a failed re-check changes nothing.
    if (status === 'expired' || status === 'signed-out' || status === 'reauthenticating') {
      this.report({ kind, message });
      return;
    }
    const attempt = this.failures++;
    // An extension still owed stays owed; either way the next try waits out the backoff.
    this.retry = { action: this.retry?.action === 'extend' ? 'extend' : 'check', at: this.retryAt(attempt), attempt };
    this.fail({ kind, message }, 'offline');
  }

  private retryAt(attempt: number): number {
    const now = this.deps.clock.now();
    const left = this.state.expiresAt === null ? null : this.state.expiresAt - now;
    return now + retryDelay(attempt, this.deps.random, left);
  }

  private fail(error: SessionError, status: SessionStatus): void {
    this.setState({ status, error });
    this.events.emit('error', { error });
  }

  private report(error: SessionError): void {
    this.setState({ error });
    this.events.emit('error', { error });
  }

  // ——— what happened in the page ———

  private onActivity(at: number, local: boolean): void {
    if (!this.running) return;
    if (at <= (this.state.lastActivityAt ?? -Infinity)) return;
    this.setState({ lastActivityAt: at });
    if (local) this.deps.coordinator.publish({ type: 'activity', at });
  }

  private onWake(reason: WakeReason, drift = 0): void {
    // A clock set back would make every timer late against the server's clock: undo it. A forward jump is
    // sleep or a clock fix, which look alike; keeping the correction then only makes timers early, which is safe.
    if (drift < 0) this.clockCorrection -= drift;
    const { status, lastCheckedAt } = this.state;
    if (status === 'idle' || status === 'signed-out' || status === 'checking') return;
    const recent = lastCheckedAt !== null && Math.abs(this.deps.clock.now() - lastCheckedAt) < WAKE_DEDUPE_MS;
    // The leader answers for every wake-up; a follower only asks when no tab has asked lately.
    if ((reason === 'visible' || reason === 'focus' || !this.state.leader) && recent) return;
    void this.check();
  }

  private onSigned(): void {
    const { kind, status } = this.state;
    if (kind !== 'user' || !isUsableStatus(status)) return;
    const now = this.deps.clock.now();
    const expiresAt = this.expiry.signed(now);
    this.setState({ expiresAt, status: this.statusFor(expiresAt, status), lastExtendedAt: now, lastActivityAt: now });
    this.publishState();
  }

  private onParaLogout(): void {
    const { status } = this.state;
    if (this.reauthLogout || status === 'reauthenticating') return;
    if (!this.deps.coordinator.crossTab) return this.signOut(true);
    // With other tabs: an expired session's logout is some tab's re-auth (a deliberate sign-out arrives as
    // `signed-out`); otherwise wait briefly for a `reauth-started` before believing it.
    if (status === 'expired' || this.logoutGrace.pending) return;
    this.logoutGrace.at(this.deps.clock.now() + PARA_LOGOUT_GRACE_MS, () => {
      if (!this.reauthLogout && this.state.status !== 'reauthenticating' && this.state.status !== 'expired') this.signOut(false);
    });
  }

  private signOut(broadcast: boolean): void {
    this.retry = null;
    this.reauthOpen = false;
    this.expiry.reset();
    this.expiredIdentity = null;
    if (this.state.status !== 'signed-out') {
      this.setState({ status: 'signed-out', kind: null, expiresAt: null, error: null });
      this.events.emit('signed-out', {});
    }
    if (broadcast) this.deps.coordinator.publish({ type: 'signed-out' });
    this.waiters.rejectAll(signedOutError);
  }

  private requestReauth(): void {
    this.reauthOpen = true;
    this.events.emit('reauth-request', { identity: this.lastIdentity });
  }

  // ——— other tabs ———

  private onLeadershipChange(leader: boolean): void {
    if (!this.running) return;
    this.setState({ leader });
    // A new leader picks the schedule up at once; an overdue plan fires now (late timers re-check first).
    this.schedule.update();
    if (!leader) return;
    const { status, lastCheckedAt } = this.state;
    const stale = lastCheckedAt === null || Math.abs(this.deps.clock.now() - lastCheckedAt) > WAKE_DEDUPE_MS;
    if ((isUsableStatus(status) || status === 'offline') && stale && !this.checkFlight.busy) void this.check();
  }

  private onMessage(message: SharedSessionMessage): void {
    if (!this.running) return;
    const { status } = this.state;
    switch (message.type) {
      case 'activity':
        this.onActivity(message.at, false);
        break;
      case 'signed-out':
        this.logoutGrace.cancel();
        this.signOut(false);
        break;
      case 'reauth-started':
        // That tab's pre-sign-in logout empties this tab's SDK too: re-auth here as well, not a sign-out.
        this.reauthLogout = true;
        this.logoutGrace.cancel();
        this.expiredIdentity ??= this.identity;
        if (status !== 'signed-out' && status !== 'idle') this.setState({ status: 'reauthenticating', error: null });
        break;
      case 'reauth-cancelled':
        if (status === 'reauthenticating' && !this.reauthOpen) this.setState({ status: 'expired' });
        break;
      case 'reauth-complete':
        // Normally the state message before it already brought this tab back; if it was lost, ask.
        if (!isUsableStatus(status)) void this.check();
        break;
      case 'state':
        this.noteRemoteTime(message.sentAt);
        this.applyRemoteState(message);
        break;
      case 'clock':
        this.noteRemoteTime(message.sentAt);
        break;
    }
  }

  /**
   * Tabs of one machine share one wall clock, and messages arrive in milliseconds: a tab this far ahead saw
   * the clock set back and we did not (we opened after it), so we adopt its correction; a tab this far
   * behind missed it, so we tell it our time.
   */
  private noteRemoteTime(sentAt: number): void {
    const ahead = sentAt - this.deps.clock.now();
    if (ahead > CLOCK_AHEAD_TOLERANCE_MS) this.clockCorrection += ahead;
    else if (ahead < -CLOCK_AHEAD_TOLERANCE_MS) this.deps.coordinator.publish({ type: 'clock', sentAt: this.deps.clock.now() });
  }

  private applyRemoteState(message: Extract<SharedSessionMessage, { type: 'state' }>): void {
    const { status, kind, expiresAt, lastCheckedAt, lastExtendedAt } = message;
    const own = this.state.status;
    if (status === 'expired') {
      if (own === 'expired' || own === 'reauthenticating' || own === 'signed-out' || own === 'idle') return;
      // A late message (from a tab that was frozen, or delayed) must not undo an answer we know is newer,
      // and an old one is no longer news: the user may have signed in again since. Ask instead.
      if (lastCheckedAt !== null && this.state.lastCheckedAt !== null && lastCheckedAt < this.state.lastCheckedAt) return;
      if (this.deps.clock.now() - message.sentAt > STALE_MESSAGE_MS) {
        void this.check();
        return;
      }
      this.expiredIdentity = this.identity;
      this.retry = null;
      this.setState({ status: 'expired', kind, lastCheckedAt, error: null });
      this.events.emit('expired', { identity: this.identity });
      this.requestReauth();
      return;
    }
    if (!isUsableStatus(status) || expiresAt === null) return;
    const now = this.deps.clock.now();
    const returning = own === 'expired' || own === 'reauthenticating';
    const fresh = lastCheckedAt !== null && Math.abs(now - lastCheckedAt) < REMOTE_FRESH_MS;
    if (returning && !fresh) {
      void this.check();
      return;
    }
    this.retry = null;
    this.failures = 0;
    const inWarning = expiresAt - now <= this.opts.warnBefore * 1000;
    const next = status === 'expiring' && inWarning ? 'expiring' : this.statusFor(expiresAt, own);
    this.setState({ kind, expiresAt, lastCheckedAt, lastExtendedAt, status: next, error: null });
    if (returning) this.finishReauth();
    this.waiters.resolveAll();
  }

  private publishState(): void {
    const { status, kind, expiresAt, lastCheckedAt, lastExtendedAt } = this.state;
    const sentAt = this.deps.clock.now();
    this.deps.coordinator.publish({ type: 'state', status, kind, expiresAt, lastCheckedAt, lastExtendedAt, sentAt });
  }

  // ——— plumbing ———

  /** The schedule's view of the engine: live reads, and the three things it may ask for. */
  private scheduleHost(): ScheduleHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters below must read the engine, not the literal
    const engine = this;
    return {
      get running() {
        return engine.running;
      },
      get state() {
        return engine.state;
      },
      get options() {
        return engine.opts;
      },
      get retry() {
        return engine.retry;
      },
      get warningHeld() {
        return engine.warningHeld;
      },
      clock: this.deps.clock,
      environment: this.deps.environment,
      check: () => this.check(),
      extend: () => this.extend(),
      enterWarning: () => {
        this.setState({ status: 'expiring' });
        this.publishState();
      },
    };
  }

  private statusFor(expiresAt: number, previous: SessionStatus): SessionStatus {
    const inWarning = expiresAt - this.deps.clock.now() <= this.opts.warnBefore * 1000;
    return inWarning && previous === 'expiring' ? 'expiring' : 'active';
  }

  private setState(patch: Partial<SessionState>): void {
    const previous = this.state;
    const next = { ...previous, ...patch };
    if (Object.keys(patch).every((key) => Object.is(previous[key as keyof SessionState], next[key as keyof SessionState]))) {
      return;
    }
    this.state$.set(next);
    if (next.status === 'expiring' && previous.status !== 'expiring') {
      const secondsLeft = next.expiresAt === null ? 0 : Math.max(0, Math.round((next.expiresAt - this.deps.clock.now()) / 1000));
      this.events.emit('warning', { expiresAt: next.expiresAt, secondsLeft });
    }
    this.events.emit('change', { state: next, previous });
    this.schedule.update();
  }

  private exclusive<T>(name: string, task: () => Promise<T>): Promise<T | undefined> {
    const { coordinator } = this.deps;
    return coordinator.exclusive ? coordinator.exclusive(name, task) : task();
  }

  private clientProblem(): string | null {
    if (!this.client || typeof this.client !== 'object') return 'No Para client was given.';
    const missing = (['isSessionActive', 'keepSessionAlive'] as const).filter(
      (method) => typeof this.client[method] !== 'function',
    );
    return missing.length ? `The Para client has no ${missing.join(' or ')}() method.` : null;
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
  return new ParaSessionEngine(client, options, warnings);
}
