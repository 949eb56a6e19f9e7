import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock, TimerHandle } from '../../core/clock.js';
import type { SessionEnvironment } from '../../core/environment.js';

export type TickGranularity = 'second' | 'minute' | 'none';

export interface CountdownSource {
  clock(): Clock;
  environment(): SessionEnvironment;
  expiresAt(): number | null;
  granularity(): TickGranularity;
}

/**
 * Re-renders the host exactly when the displayed time left changes: each second inside the warning
 * window, each minute otherwise, never while the page is hidden.
 */
export class CountdownController implements ReactiveController {
  private handle: TimerHandle | null = null;
  private handleClock: Clock | null = null;
  private dueAt: number | null = null;
  private stopVisibility: (() => void) | null = null;
  /** A disconnected host can still update (its session changed); it must not start a timer then. */
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: CountdownSource,
  ) {
    host.addController(this);
  }

  /** Whether a tick is scheduled (tests assert nothing is left after disconnect). */
  get pending(): boolean {
    return this.handle !== null;
  }

  hostConnected(): void {
    this.connected = true;
    const document = this.source.environment().document;
    const onVisibility = () => {
      this.host.requestUpdate();
      this.schedule();
    };
    document?.addEventListener('visibilitychange', onVisibility);
    this.stopVisibility = () => document?.removeEventListener('visibilitychange', onVisibility);
    this.schedule();
  }

  hostUpdated(): void {
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.cancel();
    this.stopVisibility?.();
    this.stopVisibility = null;
  }

  private schedule(): void {
    const clock = this.source.clock();
    const expiresAt = this.source.expiresAt();
    const granularity = this.source.granularity();
    const hidden = this.source.environment().document?.visibilityState === 'hidden';
    if (!this.connected || hidden || granularity === 'none' || expiresAt === null || expiresAt <= clock.now()) {
      this.cancel();
      return;
    }
    const unit = granularity === 'second' ? 1000 : 60_000;
    // Time left is shown rounded up: it changes when the remainder crosses a whole unit.
    const remainder = (expiresAt - clock.now()) % unit;
    const dueAt = clock.now() + (remainder === 0 ? unit : remainder);
    if (this.handle !== null && this.dueAt === dueAt && this.handleClock === clock) return;
    this.cancel();
    this.dueAt = dueAt;
    this.handleClock = clock;
    this.handle = clock.setTimeout(() => {
      this.handle = null;
      this.dueAt = null;
      this.host.requestUpdate();
    }, dueAt - clock.now());
  }

  private cancel(): void {
    if (this.handle !== null) this.handleClock?.clearTimeout(this.handle);
    this.handle = null;
    this.dueAt = null;
  }
}
