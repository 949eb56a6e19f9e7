import { ClientTimeoutError, classifyParaFailure, describeFailure, type FailureKind } from './errors.js';

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; failure: FailureKind; message: string; error: unknown };

/** The timers a call's deadline runs on (the engine's injected clock). */
export interface CallTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Calls the client so that nothing it does — a synchronous throw, a rejection, a promise that never
 * settles — can wedge the engine: every call settles within `timeoutMs`.
 */
export function callClient<T>(timers: CallTimers, timeoutMs: number, call: () => Promise<T> | T): Promise<CallOutcome<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: CallOutcome<T>) => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(timer);
      resolve(outcome);
    };
    const fail = (error: unknown) =>
      finish({ ok: false, failure: classifyParaFailure(error), message: describeFailure(error), error });
    const timer = timers.setTimeout(
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
 * For calls whose caller wants the value or the error itself (a POST of the export): the same bound as
 * `callClient`, rejecting with `ClientTimeoutError` after `timeoutMs` and aborting `signal` so a request stops too.
 */
export function callWithin<T>(timers: CallTimers, timeoutMs: number, what: string, call: (signal: AbortSignal) => Promise<T> | T): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = timers.setTimeout(() => {
      const error = new ClientTimeoutError(`${what}: no answer within ${Math.round(timeoutMs / 1000)} s`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    const settle = <V>(finish: (value: V) => void) => (value: V) => {
      timers.clearTimeout(timer);
      finish(value);
    };
    try {
      Promise.resolve(call(controller.signal)).then(settle(resolve), settle(reject));
    } catch (error) {
      settle(reject)(error);
    }
  });
}
