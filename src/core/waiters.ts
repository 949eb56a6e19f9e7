/** Callers of `requireActive()` waiting for the session to become usable. */
export class Waiters {
  #pending: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  wait(): Promise<void> {
    return new Promise((resolve, reject) => this.#pending.push({ resolve, reject }));
  }

  resolveAll(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const waiter of pending) waiter.resolve();
  }

  rejectAll(error: () => Error): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const waiter of pending) waiter.reject(error());
  }
}
