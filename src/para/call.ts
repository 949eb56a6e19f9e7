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
