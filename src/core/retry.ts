import { retryDelay } from './backoff.js';
import type { RetryChange } from './transitions/step.js';

export type Retry = { action: 'extend' | 'check'; at: number; attempt: number };

/** A failed request waiting to be tried again, with backoff; owned by the schedule that runs it. */
export class RetryPlan {
  #planned: Retry | null = null;
  #failures = 0;

  readonly #random: () => number;
  readonly #timing: () => { now: number; left: number | null };

  constructor(
    random: () => number,
    /** Now and the ms left before expiry (`null` when unknown): a retry must still land before it. */
    timing: () => { now: number; left: number | null },
  ) {
    this.#random = random;
    this.#timing = timing;
  }

  get current(): Retry | null {
    return this.#planned;
  }

  apply(change: RetryChange): void {
    switch (change) {
      case 'clear':
        this.#planned = null;
        break;
      case 'answered':
        // A check retry is answered; an extension still owed stays owed.
        this.#failures = 0;
        if (this.#planned?.action === 'check') this.#planned = null;
        break;
      case 'settled':
        this.#failures = 0;
        this.#planned = null;
        break;
      case 'failed': {
        const attempt = this.#failures++;
        // An extension still owed stays owed; either way the next try waits out the backoff.
        this.#planned = { action: this.#planned?.action === 'extend' ? 'extend' : 'check', at: this.#at(attempt), attempt };
        break;
      }
    }
  }

  /** `keepSessionAlive()` did not extend: owe an extension, backing off from the last attempt. */
  extensionFailed(): void {
    const attempt = this.#planned?.action === 'extend' ? this.#planned.attempt + 1 : 0;
    this.#planned = { action: 'extend', at: this.#at(attempt), attempt };
  }

  #at(attempt: number): number {
    const { now, left } = this.#timing();
    return now + retryDelay(attempt, this.#random, left);
  }
}
