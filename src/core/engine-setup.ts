import type { Clock } from './clock.js';
import { soloCoordinator, type TabCoordinator } from './coordinator.js';
import { createTabCoordinator } from './tabs/tab-coordinator.js';
import type { CreateSessionOptions, SessionOptions } from './types.js';

/**
 * Cross-tab in a real browser (over `BroadcastChannel`, else `storage` events); alone when told so, with an
 * injected environment, or where neither channel exists (Node, storage denied).
 */
export function defaultCoordinator(options: CreateSessionOptions, clock: Clock): TabCoordinator {
  const wanted = options.tabs ?? options.environment === undefined;
  if (!wanted || (typeof globalThis.BroadcastChannel !== 'function' && !hasLocalStorage())) return soloCoordinator();
  return createTabCoordinator({ clock, environment: options.environment });
}

function hasLocalStorage(): boolean {
  try {
    return typeof globalThis.localStorage?.setItem === 'function';
  } catch {
    return false; // Access denied (sandboxed frame, disabled storage).
  }
}

const SESSION_OPTION_KEYS = ['sessionLength', 'keepAlive', 'disableAutoKeepAlive', 'refreshBefore', 'warnBefore', 'truthCheckEvery', 'requestTimeout'] as const;

export function pickSessionOptions(options: CreateSessionOptions): Partial<SessionOptions> {
  const picked: Partial<Record<keyof SessionOptions, unknown>> = {};
  for (const key of SESSION_OPTION_KEYS) if (options[key] !== undefined) picked[key] = options[key];
  return picked as Partial<SessionOptions>;
}
