import type { ReactiveControllerHost } from 'lit';
import type { ParaSessionEngine } from '../../core/engine.js';
import type { ParaIdentity } from '../../core/types.js';
import { openAuthPopup, ReauthAttempt, type ReauthFailure, type ReauthMethod, type ReauthTimers } from '../../para/reauth.js';

/** Where the built-in sign-in is: choosing, waiting for the popup, failed, or signed in as someone else. */
export type SignInPhase =
  | { step: 'form'; notice?: 'refresh-unavailable' }
  | { step: 'progress'; method: ReauthMethod }
  | { step: 'error'; failure: ReauthFailure; retry: ReauthMethod }
  | { step: 'switched'; identity: ParaIdentity; previous: ParaIdentity };

export interface SignInSource {
  engine(): ParaSessionEngine | null;
  timers(): ReauthTimers;
  /** The phase changed: the dialog decides again whether it stays open. */
  changed(): void;
}

/**
 * Once the session is back while this tab's sign-in still waits for the SDK, how long that sign-in may take to
 * finish by itself (its own, heard before the SDK's answer: the SDK polls every second) before it is taken for
 * someone else's (another tab's, the app's) and stopped.
 */
const OWN_FINISH_GRACE_MS = 3_000;

/**
 * Runs the dialog's sign-in: one attempt at a time, started from the user's gesture (the popup must
 * open before anything is awaited). The host stops it when it leaves its session for good (`stop()`): a
 * move, out and back in one task, is no reason to.
 */
export class SignInController {
  #current: SignInPhase = { step: 'form' };
  #attempt: ReauthAttempt | null = null;
  /** The engine the attempt signs in for: another one (the app set a new client) ends it. */
  #attemptEngine: ParaSessionEngine | null = null;
  /** Set while the session is back and the attempt is given a moment to finish by itself. */
  #backTimer: unknown = null;
  /** The person finished in the popup (closed now): the attempt waits for the server's word. */
  #confirming = false;

  readonly #host: ReactiveControllerHost;
  readonly #source: SignInSource;

  constructor(host: ReactiveControllerHost, source: SignInSource) {
    this.#host = host;
    this.#source = source;
  }

  get phase(): SignInPhase {
    return this.#current;
  }

  /** Whether a sign-in or its outcome is on screen, so the dialog must stay open for it. */
  get busy(): boolean {
    return this.#current.step !== 'form';
  }

  /** Runs in the submit/click handler. */
  start(method: ReauthMethod): void {
    const engine = this.#source.engine();
    if (!engine || this.#current.step === 'progress') return;
    const attempt = new ReauthAttempt(engine, openAuthPopup(), this.#source.timers(), () => {
      if (this.#attempt !== attempt || this.#current.step !== 'progress') return;
      this.#confirming = true;
      this.#host.requestUpdate();
    });
    this.#attempt = attempt;
    this.#attemptEngine = engine;
    this.#show({ step: 'progress', method });
    void attempt.run(method).then((outcome) => {
      if (this.#attempt !== attempt) return;
      this.#attempt = null;
      this.#clearBackTimer();
      if (outcome.ok) {
        if (this.#current.step === 'progress') this.#show({ step: 'form' });
      } else if (!outcome.cancelled) {
        // Nothing signs in now (the window closed early, the network failed): the session is expired again, its
        // request open for "Try again", and the status and the other tabs no longer say "signing in".
        engine.interruptReauth();
        // Without a session the SDK can refresh, the full sign-in is the way back.
        if (method.type === 'refresh' && outcome.failure === 'unsupported') this.#show({ step: 'form', notice: 'refresh-unavailable' });
        else this.#show({ step: 'error', failure: outcome.failure, retry: method });
      }
    });
  }

  /** Stops a running attempt; the phase returns to the form. */
  async stop(): Promise<void> {
    const attempt = this.#attempt;
    this.#attempt = null;
    this.#attemptEngine = null;
    this.#clearBackTimer();
    this.#show({ step: 'form' });
    await attempt?.cancel();
  }

  /** Whether the sign-in shown in progress is done in its popup and only the server's confirmation is awaited. */
  get confirming(): boolean {
    return this.#confirming && this.#current.step === 'progress';
  }

  /** Whether an attempt runs (its popup and the SDK's flow), whatever the dialog shows. */
  get running(): boolean {
    return this.#attempt !== null;
  }

  /**
   * The session is usable again while the attempt still waits for the SDK: someone signed in elsewhere (another
   * tab, the app), or this attempt did and its answer is on its way. Unless it finishes within a moment, it stops:
   * its popup closes and the SDK's flow is cancelled, so nobody signs in there over the session in use, and no
   * error of that flow shows over it later. What the dialog shows of the outcome ("signed in as someone else")
   * stays.
   */
  sessionBack(): void {
    const attempt = this.#attempt;
    if (!attempt?.waitingForSdk || this.#backTimer !== null) return;
    this.#backTimer = this.#source.timers().setTimeout(() => {
      this.#backTimer = null;
      if (this.#attempt !== attempt || !attempt.waitingForSdk) return;
      this.#attempt = null;
      this.#attemptEngine = null;
      if (this.#current.step === 'progress') this.#show({ step: 'form' });
      void attempt.cancel();
    }, OWN_FINISH_GRACE_MS);
  }

  #clearBackTimer(): void {
    if (this.#backTimer !== null) this.#source.timers().clearTimeout(this.#backTimer);
    this.#backTimer = null;
  }

  showSwitched(identity: ParaIdentity, previous: ParaIdentity): void {
    this.#show({ step: 'switched', identity, previous });
  }

  reset(): void {
    if (this.#current.step !== 'progress') this.#show({ step: 'form' });
  }

  /**
   * The session now runs on `engine`: a sign-in for another engine (the app replaced the client, another
   * account perhaps) signs in for nothing any more. It stops, popup and SDK flow with it.
   */
  follow(engine: ParaSessionEngine | null): void {
    if (this.busy && (!this.#attempt || this.#attemptEngine !== engine)) void this.stop();
  }


  #show(phase: SignInPhase): void {
    this.#current = phase;
    this.#confirming = false;
    this.#host.requestUpdate();
    this.#source.changed();
  }
}
