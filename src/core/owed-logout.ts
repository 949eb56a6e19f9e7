import { DEFAULT_BACKOFF, retryDelay } from './backoff.js';
import type { Clock, TimerHandle } from './clock.js';
import { listen, type SessionEnvironment } from './environment.js';

/** Up to two minutes apart: the `online` event, not the timer, is what usually finishes it. */
const LOGOUT_BACKOFF = { ...DEFAULT_BACKOFF, capMs: 120_000 };
/**
 * A debt a tab is told of when it opens starts where the backoff is slowest (one to two minutes): the tabs that
 * owed it already retry on their own backoff, this one stands by in case they all close, and the `online` event
 * wakes them all. Otherwise every tab opened meanwhile sent its own logout a second after it opened.
 */
const TOLD_ON_OPENING_FAILURES = 7;

export interface OwedLogoutContext {
  clock: Clock;
  environment: SessionEnvironment;
  random: () => number;
  /** Tries the logout again: `true` once it went through. */
  attempt(): Promise<boolean>;
}

/**
 * A user who pressed "Sign out" while the server was unreachable is owed a logout: it is retried with
 * capped backoff, and at once when the browser says it is online again, until it goes through.
 */
export class OwedLogout {
  #owed = false;
  /** Owed only because another tab's user pressed "Sign out" (this tab's own press did not fail). */
  #heardOnly = false;
  #failures = 0;
  #timer: TimerHandle | null = null;
  #unlisten: (() => void) | null = null;
  #trying = false;
  /** Retries run only while the engine does: a stopped engine keeps the debt and pays it on `start()`. */
  #started = false;

  readonly #context: OwedLogoutContext;

  constructor(context: OwedLogoutContext) {
    this.#context = context;
  }

  get pending(): boolean {
    return this.#owed;
  }

  /**
   * The logout failed here, or the user pressed "Sign out" in another tab (`heardFromAnotherTab`): keep trying
   * while started (and again after a `stop()`/`start()`).
   */
  owe(heardFromAnotherTab = false, toldOnOpening = false): void {
    // Heard again (the owing tabs tell each tab that opens): already owed here, its retries as they were.
    if (heardFromAnotherTab && this.#owed) return;
    this.#heardOnly = heardFromAnotherTab && (!this.#owed || this.#heardOnly);
    this.#failures = toldOnOpening ? Math.max(this.#failures + 1, TOLD_ON_OPENING_FAILURES) : this.#failures + 1;
    this.#owed = true;
    this.#arm();
  }

  /**
   * Another tab's logout went through: a debt only heard of is paid. One this tab's own failed logout left waits
   * for the server to say the session is gone (a message alone may be forged).
   */
  paidElsewhere(): void {
    if (this.#heardOnly) this.settle();
  }

  /** It went through, or the user is signed out some other way: nothing is owed. */
  settle(): void {
    this.#owed = false;
    this.#heardOnly = false;
    this.#failures = 0;
    this.#disarm();
  }

  start(): void {
    this.#started = true;
    if (this.#owed) this.#arm();
  }

  stop(): void {
    this.#started = false;
    this.#disarm();
  }

  #arm(): void {
    this.#disarm();
    if (!this.#started) return;
    const { clock, environment, random } = this.#context;
    this.#timer = clock.setTimeout(() => void this.#retry(), retryDelay(this.#failures - 1, random, null, LOGOUT_BACKOFF));
    this.#unlisten = listen(environment.window, ['online'], () => void this.#retry());
  }

  #disarm(): void {
    if (this.#timer !== null) this.#context.clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#unlisten?.();
    this.#unlisten = null;
  }

  async #retry(): Promise<void> {
    if (!this.#owed || this.#trying) return;
    this.#trying = true;
    this.#disarm();
    const done = await this.#context.attempt().finally(() => (this.#trying = false));
    if (done) this.settle();
    else if (this.#owed) {
      this.#failures += 1;
      this.#arm();
    }
  }
}
