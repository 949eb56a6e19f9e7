import { currentAppZone, type ZoneRunner } from './app-zone.js';

/**
 * A typed, synchronous event emitter: the engine's events before elements turn them into DOM events. Listeners
 * run in the app's zone (see app-zone.ts), the one current when the emitter was made.
 */
export class Emitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<(detail: never) => void>>();
  readonly #inAppZone: ZoneRunner = currentAppZone();

  on<K extends keyof Events>(type: K, listener: (detail: Events[K]) => void): () => void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener as (detail: never) => void);
    return () => set.delete(listener as (detail: never) => void);
  }

  emit<K extends keyof Events>(type: K, detail: Events[K]): void {
    const listeners = this.#listeners.get(type);
    if (listeners?.size) this.#inAppZone(() => this.#deliver(listeners, detail));
  }

  #deliver<K extends keyof Events>(listeners: Set<(detail: never) => void>, detail: Events[K]): void {
    for (const listener of [...listeners]) {
      try {
        (listener as (detail: Events[K]) => void)(detail);
      } catch (error) {
        // One broken listener must not stop the engine or the other listeners.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
