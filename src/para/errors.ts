/**
 * What a failed Para call means. The SDK throws `ParaApiError { message, code?, status? }` from axios:
 * `code: 'ERR_NETWORK'` and "Connection error"/"Unknown error" when offline, `status` for HTTP errors.
 */
export type FailureKind = 'network' | 'server' | 'client';

const NETWORK_CODES = new Set(['ERR_NETWORK', 'ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'ERR_CANCELED']);
const NETWORK_MESSAGES = /connection error|connection canceled|unknown error|network|failed to fetch|load failed|timed? ?out/i;

export function classifyParaFailure(error: unknown): FailureKind {
  if (error && typeof error === 'object') {
    const { status, code, message } = error as { status?: unknown; code?: unknown; message?: unknown };
    // Any HTTP answer but a 2xx is the server failing to answer the question, never an expiry.
    if (typeof status === 'number') return 'server';
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'network';
    if (typeof message === 'string' && NETWORK_MESSAGES.test(message)) return 'network';
    if (error instanceof TypeError) return 'network';
  }
  return 'client';
}

export function describeFailure(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string') return error;
  return 'Unknown failure';
}

/** A client call that did not answer in time. Counts as a network failure, never as an expiry. */
export class ClientTimeoutError extends Error {
  override readonly name = 'ClientTimeoutError';
  readonly code = 'ETIMEDOUT';
}
