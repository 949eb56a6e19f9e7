/** Concurrent callers share one in-flight promise. */
export class SingleFlight<T> {
  #inflight: Promise<T> | null = null;

  run(task: () => Promise<T>): Promise<T> {
    if (!this.#inflight) {
      this.#inflight = task().finally(() => {
        this.#inflight = null;
      });
    }
    return this.#inflight;
  }

  get busy(): boolean {
    return this.#inflight !== null;
  }
}
