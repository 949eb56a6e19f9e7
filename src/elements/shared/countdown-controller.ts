import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock, TimerHandle } from '../../core/clock.js';
import { listen, type SessionEnvironment } from '../../core/environment.js';

export type TickGranularity = 'second' | 'minute' | 'none';

/** Everyone waiting for one moment on one clock; `handle` is the single platform timer for them all. */
interface Tick {
  handle: TimerHandle;
  waiting: Set<() => void>;
}

/**
 * One platform timer per clock and moment, shared by every countdown due then: 1,000 status elements showing
 * the same session set one timer, not 1,000, and their updates land in one task (Lit batches the renders).
 */
const ticks = new Map<Clock, Map<number, Tick>>();

/** Calls `fire` at `dueAt` on `clock`; returns what cancels it. */
export function sharedTick(clock: Clock, dueAt: number, fire: () => void): () => void {
  let byMoment = ticks.get(clock);
  if (!byMoment) ticks.set(clock, (byMoment = new Map()));
  const moments = byMoment;
  let tick = moments.get(dueAt);
  if (!tick) {
    const waiting = new Set<() => void>();
    const handle = clock.setTimeout(() => {
      moments.delete(dueAt);
      if (moments.size === 0) ticks.delete(clock);
      for (const callback of waiting) callback();
    }, dueAt - clock.now());
    moments.set(dueAt, (tick = { handle, waiting }));
  }
  const { waiting, handle } = tick;
  waiting.add(fire);
  return () => {
    waiting.delete(fire);
    if (waiting.size > 0 || moments.get(dueAt)?.handle !== handle) return;
    clock.clearTimeout(handle);
    moments.delete(dueAt);
    if (moments.size === 0) ticks.delete(clock);
  };
}

export interface CountdownSource {
  clock(): Clock;
  environment(): SessionEnvironment;
  expiresAt(): number | null;
  granularity(): TickGranularity;
  /**
   * Each tick first lets the engine look at the clock: a countdown on screen is where a sleep or a clock change
   * shows first (the engine's own timers may be minutes away), and it must not count on a clock that jumped.
   */
  probe?(): void;
  /** The time shown is held across a clock jump (see `CountdownSeconds`): tick each second, whatever `expiresAt` says. */
  holding?(): boolean;
}

/**
 * Re-renders the host exactly when the displayed time left changes: each second inside the warning
 * window, each minute otherwise, never while the page is hidden.
 */
export class CountdownController implements ReactiveController {
  #stopTick: (() => void) | null = null;
  #handleClock: Clock | null = null;
  #dueAt: number | null = null;
  #stopVisibility: (() => void) | null = null;
  /** A disconnected host can still update (its session changed); it must not start a timer then. */
  #connected = false;

  readonly #host: ReactiveControllerHost;
  readonly #source: CountdownSource;

  constructor(host: ReactiveControllerHost, source: CountdownSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  /** Whether a tick is scheduled (tests assert nothing is left after disconnect). */
  get pending(): boolean {
    return this.#stopTick !== null;
  }

  hostConnected(): void {
    this.#connected = true;
    const document = this.#source.environment().document;
    const onVisibility = () => {
      this.#host.requestUpdate();
      this.#schedule();
    };
    this.#stopVisibility = listen(document, ['visibilitychange'], onVisibility);
    this.#schedule();
  }

  hostUpdated(): void {
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#cancel();
    this.#stopVisibility?.();
    this.#stopVisibility = null;
  }

  #schedule(): void {
    const clock = this.#source.clock();
    const expiresAt = this.#source.expiresAt();
    const granularity = this.#source.granularity();
    const hidden = this.#source.environment().document?.visibilityState === 'hidden';
    const holding = this.#source.holding?.() === true;
    if (!this.#connected || hidden || granularity === 'none' || expiresAt === null || (expiresAt <= clock.now() && !holding)) {
      this.#cancel();
      return;
    }
    const unit = granularity === 'second' || holding ? 1000 : 60_000;
    // Time left is shown rounded up: it changes when the remainder crosses a whole unit.
    const remainder = holding ? 0 : (expiresAt - clock.now()) % unit;
    const dueAt = clock.now() + (remainder === 0 ? unit : remainder);
    if (this.#stopTick !== null && this.#dueAt === dueAt && this.#handleClock === clock) return;
    this.#cancel();
    this.#dueAt = dueAt;
    this.#handleClock = clock;
    this.#stopTick = sharedTick(clock, dueAt, () => {
      this.#stopTick = null;
      this.#dueAt = null;
      this.#source.probe?.();
      this.#host.requestUpdate();
    });
  }

  #cancel(): void {
    this.#stopTick?.();
    this.#stopTick = null;
    this.#dueAt = null;
  }
}
