import type { KeepAlivePolicy, SessionOptions } from './types.js';

/** Seconds a session must run after an extension before its warning: the least gap between two extensions. */
const MIN_WARNING_ROOM = 10;

export const KEEP_ALIVE_POLICIES: readonly KeepAlivePolicy[] = ['activity', 'always', 'off'];

export type OptionKey = keyof SessionOptions;

/** One row of the option table: what the element, the engine and validation all read. */
export interface OptionSpec {
  /** The `<para-session>` attribute; `null` for options only `engineOptions` sets. */
  attribute: string | null;
  unit: 's' | 'policy' | 'flag';
  /** The default when the session length does not adapt it (see `resolveOptions`). */
  default: number | KeepAlivePolicy | boolean | null;
  min?: number;
  max?: number;
}

/** Every session option, once. Adding a row here is all an option needs to reach the element and the engine. */
export const OPTION_TABLE = {
  sessionLength: { attribute: 'session-length', unit: 's', default: 7200, min: 60, max: 30 * 24 * 3600 },
  keepAlive: { attribute: 'keep-alive', unit: 'policy', default: 'activity' },
  disableAutoKeepAlive: { attribute: 'disable-auto-keep-alive', unit: 'flag', default: false },
  // Under 10 s the keep-alive races the expiry (and at 0 the expiry's own check comes first): never extended.
  refreshBefore: { attribute: 'refresh-before', unit: 's', default: 300, min: 10 },
  // WCAG 2.2.1: a user must get at least 20 seconds to ask for more time.
  warnBefore: { attribute: 'warn-before', unit: 's', default: 120, min: 20 },
  // Default: a quarter session, 30 s … 15 min.
  truthCheckEvery: { attribute: null, unit: 's', default: null, min: 10 },
  requestTimeout: { attribute: null, unit: 's', default: 20, min: 1, max: 120 },
} as const satisfies Record<OptionKey, OptionSpec>;

export const OPTION_KEYS = Object.keys(OPTION_TABLE) as OptionKey[];
/** The options `<para-session>` takes as attributes. */
export type AttributeOptionKey = { [K in OptionKey]: (typeof OPTION_TABLE)[K]['attribute'] extends null ? never : K }[OptionKey];
export const ATTRIBUTE_OPTION_KEYS = OPTION_KEYS.filter((key): key is AttributeOptionKey => OPTION_TABLE[key].attribute !== null);

export const MIN_SESSION_LENGTH = OPTION_TABLE.sessionLength.min;
export const MAX_SESSION_LENGTH = OPTION_TABLE.sessionLength.max;
export const MIN_WARN_BEFORE = OPTION_TABLE.warnBefore.min;

/** The defaults of the attribute options (before a short session adapts them). */
export const DEFAULT_OPTIONS = {
  sessionLength: OPTION_TABLE.sessionLength.default,
  keepAlive: OPTION_TABLE.keepAlive.default,
  disableAutoKeepAlive: OPTION_TABLE.disableAutoKeepAlive.default,
  refreshBefore: OPTION_TABLE.refreshBefore.default,
  warnBefore: OPTION_TABLE.warnBefore.default,
} as const;

/** How a warning names an option: `createParaSession` says `sessionLength`, the element `session-length`. */
export interface OptionWarnings {
  source: string;
  name(key: OptionKey): string;
  warn(message: string): void;
}

export const engineOptionWarnings = (warn: (message: string) => void): OptionWarnings => ({
  source: 'createParaSession',
  name: (key) => key,
  warn,
});

/** The only options a caller's object may set; anything else in it is a dependency or unknown. */
export function pickSessionOptions(input: Partial<Record<OptionKey, unknown>>): Partial<SessionOptions> {
  const picked: Partial<Record<OptionKey, unknown>> = {};
  for (const key of OPTION_KEYS) if (input[key] !== undefined) picked[key] = input[key];
  return picked as Partial<SessionOptions>;
}

/** Reads a number of seconds as a page writes it; `null` when it is none. */
export function toSeconds(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** Why an attribute's text cannot be the option's value, or `null` when it can. */
export function attributeProblem(key: OptionKey, text: string): string | null {
  const { unit } = OPTION_TABLE[key];
  if (unit === 's' && toSeconds(text) === null) return 'is not a number of seconds';
  if (unit === 'policy' && !KEEP_ALIVE_POLICIES.includes(text as KeepAlivePolicy)) return `is not one of ${KEEP_ALIVE_POLICIES.join(', ')}`;
  return null;
}

/** Holds what the caller set and what it resolves to; resolved once per change, warnings once per bad value. */
export class SessionOptionSet {
  readonly values: SessionOptions;

  constructor(
    /** What the caller set, unresolved: defaults that adapt to the session length stay defaults. */
    readonly input: Partial<SessionOptions>,
    readonly warnings: OptionWarnings,
  ) {
    this.values = resolveOptions(input, warnings);
  }

  /** Options not given keep what was set before (`undefined` unsets). */
  with(patch: Partial<SessionOptions>, warnings = this.warnings): SessionOptionSet {
    return new SessionOptionSet({ ...this.input, ...patch }, warnings);
  }
}

/**
 * Validates options; every bad value gets one console warning naming it and the fallback used.
 * Defaults that would not fit a short session are adapted silently: the user did not choose them.
 */
export function resolveOptions(input: Partial<SessionOptions>, warnings: OptionWarnings): SessionOptions {
  const warn = (key: OptionKey, problem: string, fallback: unknown) =>
    warnings.warn(
      `${warnings.source}: ${warnings.name(key)}=${JSON.stringify(input[key])} ${problem}; using ${JSON.stringify(fallback)}.`,
    );

  /** The value given, or `fallback` when none (or an unreadable one) was. */
  const readSeconds = (key: OptionKey, fallback: number): number => {
    const raw = input[key];
    if (raw === undefined || raw === null) return fallback;
    const value = toSeconds(raw);
    if (value === null) warn(key, 'is not a number of seconds', fallback);
    return value ?? fallback;
  };
  const spec = OPTION_TABLE;
  const timeout = spec.requestTimeout;

  let sessionLength = readSeconds('sessionLength', DEFAULT_OPTIONS.sessionLength);
  if (sessionLength < MIN_SESSION_LENGTH || sessionLength > MAX_SESSION_LENGTH) {
    const clamped = Math.min(MAX_SESSION_LENGTH, Math.max(MIN_SESSION_LENGTH, sessionLength));
    warn('sessionLength', `is outside ${MIN_SESSION_LENGTH} s … 30 days`, clamped);
    sessionLength = clamped;
  }

  const fittingWarn = Math.max(MIN_WARN_BEFORE, Math.min(DEFAULT_OPTIONS.warnBefore, Math.floor(sessionLength / 3)));
  let warnBefore = readSeconds('warnBefore', fittingWarn);
  if (warnBefore < MIN_WARN_BEFORE) {
    warn('warnBefore', `is under ${MIN_WARN_BEFORE} s (WCAG 2.2.1)`, MIN_WARN_BEFORE);
    warnBefore = MIN_WARN_BEFORE;
  } else if (warnBefore >= sessionLength) {
    warn('warnBefore', `is not shorter than the session (${sessionLength} s)`, fittingWarn);
    warnBefore = fittingWarn;
  } else if (warnBefore > sessionLength - MIN_WARNING_ROOM) {
    // The warning would come within seconds of each extension, before a busy user's next action could count.
    warn('warnBefore', `leaves under ${MIN_WARNING_ROOM} s of the session (${sessionLength} s) before the warning, so a busy user would be warned`, fittingWarn);
    warnBefore = fittingWarn;
  }

  const fittingRefresh = Math.min(DEFAULT_OPTIONS.refreshBefore, Math.floor(sessionLength / 2));
  let refreshBefore = readSeconds('refreshBefore', fittingRefresh);
  if (refreshBefore < spec.refreshBefore.min) {
    warn('refreshBefore', `is under ${spec.refreshBefore.min} s (keep-alive would race the expiry)`, spec.refreshBefore.min);
    refreshBefore = spec.refreshBefore.min;
  } else if (refreshBefore >= sessionLength) {
    warn('refreshBefore', `is not shorter than the session (${sessionLength} s)`, fittingRefresh);
    refreshBefore = fittingRefresh;
  }

  const fittingTruth = Math.min(900, Math.max(30, Math.floor(sessionLength / 4)));
  let truthCheckEvery = readSeconds('truthCheckEvery', fittingTruth);
  if (truthCheckEvery < spec.truthCheckEvery.min) {
    warn('truthCheckEvery', `is under ${spec.truthCheckEvery.min} s`, fittingTruth);
    truthCheckEvery = fittingTruth;
  }

  let requestTimeout = readSeconds('requestTimeout', timeout.default);
  if (requestTimeout < timeout.min || requestTimeout > timeout.max) {
    warn('requestTimeout', `is outside ${timeout.min} … ${timeout.max} s`, timeout.default);
    requestTimeout = timeout.default;
  }

  let keepAlive: KeepAlivePolicy = DEFAULT_OPTIONS.keepAlive;
  if (input.keepAlive !== undefined && input.keepAlive !== null) {
    if (KEEP_ALIVE_POLICIES.includes(input.keepAlive)) keepAlive = input.keepAlive;
    else warn('keepAlive', `is not one of ${KEEP_ALIVE_POLICIES.join(', ')}`, keepAlive);
  }
  const disableAutoKeepAlive = input.disableAutoKeepAlive === true;
  if (disableAutoKeepAlive) keepAlive = 'off';

  return { sessionLength, keepAlive, disableAutoKeepAlive, refreshBefore, warnBefore, truthCheckEvery, requestTimeout };
}
