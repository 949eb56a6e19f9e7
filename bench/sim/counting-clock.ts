import type { Clock } from '../../src/core/index.js';

/** A tab's clock that counts its timer callbacks: each one wakes the page's main thread. */
export interface CountingClock extends Clock {
  wakeUps: number;
}

export function countingClock(inner: Clock): CountingClock {
  const counted: CountingClock = {
    wakeUps: 0,
    // Own arrow properties: the engine copies its clock's own properties.
    now: () => inner.now(),
    monotonic: () => inner.monotonic(),
    setTimeout: (callback, ms) =>
      inner.setTimeout(() => {
        counted.wakeUps += 1;
        callback();
      }, ms),
    clearTimeout: (handle) => inner.clearTimeout(handle),
  };
  return counted;
}
