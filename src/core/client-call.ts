import { classifyParaFailure, describeFailure, type FailureKind } from '../para/errors.js';
import { ClientTimeoutError } from './errors.js';
import type { Clock } from './clock.js';

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; failure: FailureKind; message: string };

/**
 * Calls the client so that nothing it does — a synchronous throw, a rejection, a promise that never
 * settles — can wedge the engine: every call settles within `timeoutMs`.
 */
export function callClient<T>(clock: Clock, timeoutMs: number, call: () => Promise<T> | T): Promise<CallOutcome<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: CallOutcome<T>) => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      resolve(outcome);
    };
    const fail = (error: unknown) =>
      finish({ ok: false, failure: classifyParaFailure(error), message: describeFailure(error) });
    const timer = clock.setTimeout(
      () => fail(new ClientTimeoutError(`No answer within ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    try {
      Promise.resolve(call()).then((value) => finish({ ok: true, value }), fail);
    } catch (error) {
      fail(error);
    }
  });
}

/**
 * For calls whose caller wants the value or the error itself (exports): the same bound as `callClient`,
 * rejecting with `ClientTimeoutError` after `timeoutMs` and aborting `signal` so a request stops too.
 */
export function callWithin<T>(clock: Clock, timeoutMs: number, what: string, call: (signal: AbortSignal) => Promise<T> | T): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => {
      const error = new ClientTimeoutError(`${what}: no answer within ${Math.round(timeoutMs / 1000)} s`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    const settle = <V>(finish: (value: V) => void) => (value: V) => {
      clock.clearTimeout(timer);
      finish(value);
    };
    try {
      Promise.resolve(call(controller.signal)).then(settle(resolve), settle(reject));
    } catch (error) {
      settle(reject)(error);
    }
  });
}

/** Concurrent callers share one in-flight promise. */
export class SingleFlight<T> {
  private inflight: Promise<T> | null = null;

  run(task: () => Promise<T>): Promise<T> {
    if (!this.inflight) {
      this.inflight = task().finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  get busy(): boolean {
    return this.inflight !== null;
  }
}
