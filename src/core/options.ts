import type { KeepAlivePolicy, SessionOptions } from './types.js';

export const MIN_SESSION_LENGTH = 60;
export const MAX_SESSION_LENGTH = 30 * 24 * 3600;
/** WCAG 2.2.1: a user must get at least 20 seconds to ask for more time. */
export const MIN_WARN_BEFORE = 20;
export const KEEP_ALIVE_POLICIES: readonly KeepAlivePolicy[] = ['activity', 'always', 'off'];

export const DEFAULT_OPTIONS = {
  sessionLength: 7200,
  keepAlive: 'activity',
  disableAutoKeepAlive: false,
  refreshBefore: 300,
  warnBefore: 120,
} as const;

/** How a warning names an option: `createParaSession` says `sessionLength`, the element `session-length`. */
export interface OptionWarnings {
  source: string;
  name(key: keyof SessionOptions): string;
  warn(message: string): void;
}

export const engineOptionWarnings = (warn: (message: string) => void): OptionWarnings => ({
  source: 'createParaSession',
  name: (key) => key,
  warn,
});

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/**
 * Validates options; every bad value gets one console warning naming it and the fallback used.
 * Defaults that would not fit a short session are adapted silently: the user did not choose them.
 */
export function resolveOptions(input: Partial<SessionOptions>, warnings: OptionWarnings): SessionOptions {
  const warn = (key: keyof SessionOptions, value: unknown, problem: string, fallback: unknown) =>
    warnings.warn(
      `${warnings.source}: ${warnings.name(key)}=${JSON.stringify(value)} ${problem}; using ${JSON.stringify(fallback)}.`,
    );

  const readSeconds = (key: keyof SessionOptions, fallback: number): { value: number; given: boolean } => {
    const raw = input[key];
    if (raw === undefined || raw === null) return { value: fallback, given: false };
    const value = toNumber(raw);
    if (value === null) {
      warn(key, raw, 'is not a number of seconds', fallback);
      return { value: fallback, given: false };
    }
    return { value, given: true };
  };

  let { value: sessionLength } = readSeconds('sessionLength', DEFAULT_OPTIONS.sessionLength);
  if (sessionLength < MIN_SESSION_LENGTH || sessionLength > MAX_SESSION_LENGTH) {
    const clamped = Math.min(MAX_SESSION_LENGTH, Math.max(MIN_SESSION_LENGTH, sessionLength));
    warn('sessionLength', input.sessionLength, `is outside ${MIN_SESSION_LENGTH} s … 30 days`, clamped);
    sessionLength = clamped;
  }

  const fittingWarn = Math.max(MIN_WARN_BEFORE, Math.min(DEFAULT_OPTIONS.warnBefore, Math.floor(sessionLength / 3)));
  const warnBefore = readSeconds('warnBefore', fittingWarn);
  if (warnBefore.value < MIN_WARN_BEFORE) {
    warn('warnBefore', input.warnBefore, `is under ${MIN_WARN_BEFORE} s (WCAG 2.2.1)`, MIN_WARN_BEFORE);
    warnBefore.value = MIN_WARN_BEFORE;
  } else if (warnBefore.value >= sessionLength) {
    warn('warnBefore', input.warnBefore, `is not shorter than the session (${sessionLength} s)`, fittingWarn);
    warnBefore.value = fittingWarn;
  }

  const fittingRefresh = Math.min(DEFAULT_OPTIONS.refreshBefore, Math.floor(sessionLength / 2));
  const refreshBefore = readSeconds('refreshBefore', fittingRefresh);
  if (refreshBefore.value < 0) {
    warn('refreshBefore', input.refreshBefore, 'is negative', fittingRefresh);
    refreshBefore.value = fittingRefresh;
  } else if (refreshBefore.value >= sessionLength) {
    warn('refreshBefore', input.refreshBefore, `is not shorter than the session (${sessionLength} s)`, fittingRefresh);
    refreshBefore.value = fittingRefresh;
  }

  const fittingTruth = Math.min(900, Math.max(30, Math.floor(sessionLength / 4)));
  const truthCheckEvery = readSeconds('truthCheckEvery', fittingTruth);
  if (truthCheckEvery.value < 10) {
    warn('truthCheckEvery', input.truthCheckEvery, 'is under 10 s', fittingTruth);
    truthCheckEvery.value = fittingTruth;
  }

  const requestTimeout = readSeconds('requestTimeout', 20);
  if (requestTimeout.value < 1 || requestTimeout.value > 120) {
    warn('requestTimeout', input.requestTimeout, 'is outside 1 … 120 s', 20);
    requestTimeout.value = 20;
  }

  let keepAlive: KeepAlivePolicy = DEFAULT_OPTIONS.keepAlive;
  if (input.keepAlive !== undefined && input.keepAlive !== null) {
    if (KEEP_ALIVE_POLICIES.includes(input.keepAlive)) keepAlive = input.keepAlive;
    else warn('keepAlive', input.keepAlive, `is not one of ${KEEP_ALIVE_POLICIES.join(', ')}`, keepAlive);
  }
  const disableAutoKeepAlive = input.disableAutoKeepAlive === true;
  if (disableAutoKeepAlive) keepAlive = 'off';

  return {
    sessionLength,
    keepAlive,
    disableAutoKeepAlive,
    refreshBefore: refreshBefore.value,
    warnBefore: warnBefore.value,
    truthCheckEvery: truthCheckEvery.value,
    requestTimeout: requestTimeout.value,
  };
}
