import type { Clock } from './clock.js';
import { soloCoordinator, type TabCoordinator } from './coordinator.js';
import { OPTION_KEYS, pickSessionOptions, type OptionWarnings } from './options.js';
import { createTabCoordinator } from './tabs/tab-coordinator.js';
import type { CreateSessionOptions, EngineSetup, SessionOptions } from './types.js';

/**
 * Cross-tab in a real browser (over `BroadcastChannel`, else `storage` events); alone when told so, with an
 * injected environment, or where neither channel exists (Node, storage denied).
 */
export function defaultCoordinator(setup: EngineSetup, clock: Clock, channelName?: string, warn?: (message: string) => void): TabCoordinator {
  const wanted = setup.tabs ?? setup.environment === undefined;
  if (!wanted || (typeof globalThis.BroadcastChannel !== 'function' && !hasLocalStorage())) return soloCoordinator();
  return createTabCoordinator({ clock, environment: setup.environment, channelName, warn });
}

function hasLocalStorage(): boolean {
  try {
    return typeof globalThis.localStorage?.setItem === 'function';
  } catch {
    return false; // Access denied (sandboxed frame, disabled storage).
  }
}

/** `createParaSession`'s one object, split into the session options and what the engine runs on. */
export function splitCreateOptions(input: CreateSessionOptions): { options: Partial<SessionOptions>; setup: EngineSetup } {
  const setup: Record<string, unknown> = { ...input };
  for (const key of OPTION_KEYS) delete setup[key];
  return { options: pickSessionOptions(input), setup: setup as EngineSetup };
}

/**
 * The hint for a session cookie that runs far past the configured length (Para's session is longer than
 * `sessionLength` says), or that an extension renews for far less (Para's is shorter: the warning, planned from
 * the configured length, would open at once and stay): once each per engine, naming the option as the page wrote it.
 */
export function sessionLengthHint(naming: OptionWarnings, configured: () => number): (seconds: number, lengthGiven: boolean, kind: 'longer' | 'shorter') => void {
  const told = new Set<string>();
  return (seconds, lengthGiven, kind) => {
    if (told.has(kind)) return;
    told.add(kind);
    const option = naming.name('sessionLength');
    if (kind === 'shorter') {
      naming.warn(
        `${naming.source}: an extension renewed the session for ${seconds} s by this machine's clock, far less than ${option} (${configured()} s). ` +
          `If Para's session is that short, set ${option} to it (warnings and keep-alives are planned from it); otherwise this clock is ahead of the server's.`,
      );
      return;
    }
    const said = `${naming.source}: the session cookie says the session runs ${seconds} s more, longer than ${option} (${configured()} s). `;
    naming.warn(
      lengthGiven
        ? `${said}This machine's clock is behind the server's, or ${option} is shorter than Para's session; keeping to ${option}.`
        : `${said}Set ${option} to Para's configured session length; other tabs' news is checked against it.`,
    );
  };
}
