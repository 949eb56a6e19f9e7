/** Concurrent callers share one in-flight promise. */
export class SingleFlight<T> {
  #inflight: Promise<T> | null = null;

  run(task: () => Promise<T>): Promise<T> {
    if (!this.#inflight) {
      const flight: Promise<T> = task().finally(() => {
        if (this.#inflight === flight) this.#inflight = null;
      });
      this.#inflight = flight;
    }
    return this.#inflight;
  }

  /** Later callers start a new task; whoever waits on the one in flight still gets its result. */
  reset(): void {
    this.#inflight = null;
  }

  get busy(): boolean {
    return this.#inflight !== null;
  }
}
