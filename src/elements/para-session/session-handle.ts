import { atom } from 'nanostores';
import { systemClock, type Clock } from '../../core/clock.js';
import type { ParaSessionEngine } from '../../core/engine.js';
import { Emitter } from '../../core/emitter.js';
import { browserEnvironment, type SessionEnvironment } from '../../core/environment.js';
import { initialState } from '../../core/state.js';
import type { SessionState } from '../../core/types.js';
import type { ParaSessionContext, ReauthRequest } from '../context.js';
import type { ParaReauthCompleteDetail } from '../events.js';

/** The provider's context value: follows whichever engine the provider currently runs. */
export class SessionHandle implements ParaSessionContext {
  readonly $engine = atom<ParaSessionEngine | null>(null);
  readonly $state = atom<SessionState>(initialState());
  readonly $reauth = atom<ReauthRequest | null>(null);
  readonly $accountQuestion = atom(false);
  readonly #defaultEnvironment = browserEnvironment();
  readonly #completions = new Emitter<{ complete: ParaReauthCompleteDetail }>();
  #unfollow: (() => void) | null = null;
  #dialogOwner: object | null = null;
  readonly #released = new Set<() => void>();

  /** Reads the provider's settings live until an engine runs: consumers connect before the provider's first update. */
  readonly #settings: () => { clock?: Clock; environment?: SessionEnvironment };

  constructor(settings: () => { clock?: Clock; environment?: SessionEnvironment }) {
    this.#settings = settings;
  }

  /** The engine's own clock (corrected if the system clock was set back), so countdowns match its expiry. */
  get clock(): Clock {
    return this.$engine.get()?.clock ?? this.#settings().clock ?? systemClock;
  }

  get environment(): SessionEnvironment {
    return this.$engine.get()?.environment ?? this.#settings().environment ?? this.#defaultEnvironment;
  }

  /** Points every consumer at `engine` (or at nothing): its state, its re-auth request, its completions. */
  follow(engine: ParaSessionEngine | null): void {
    this.#unfollow?.();
    this.#unfollow = null;
    this.$reauth.set(null);
    this.$accountQuestion.set(false);
    this.$engine.set(engine);
    if (!engine) {
      this.$state.set(initialState());
      return;
    }
    const stops = [
      engine.$state.subscribe((state) => this.$state.set(state)),
      engine.$reauth.subscribe((request) => this.$reauth.set(request)),
      engine.on('reauth-complete', (detail) => this.#completions.emit('complete', detail)),
    ];
    this.#unfollow = () => stops.forEach((stop) => stop());
  }

  /** The engine's own report, `switchedAccount` included; consumers render it and decide nothing. */
  onReauthComplete(listener: (detail: ParaReauthCompleteDetail) => void): () => void {
    return this.#completions.on('complete', listener);
  }

  claimDialog(owner: object): boolean {
    if (this.#dialogOwner && this.#dialogOwner !== owner) return false;
    this.#dialogOwner = owner;
    return true;
  }

  askAccount(owner: object, asking: boolean): void {
    if (this.#dialogOwner === owner) this.$accountQuestion.set(asking);
  }

  releaseDialog(owner: object): void {
    if (this.#dialogOwner !== owner) return;
    this.#dialogOwner = null;
    this.$accountQuestion.set(false);
    // Another dialog of this session (two on the page, one removed) shows what the released one showed.
    for (const listener of [...this.#released]) listener();
  }

  onDialogReleased(listener: () => void): () => void {
    this.#released.add(listener);
    return () => this.#released.delete(listener);
  }
}
