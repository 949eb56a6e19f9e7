/**
 * The one place the bench builds the kit. Everything else in bench/ gets its engine from here, so a change
 * to `createParaSession`'s signature is a fix in this file only. Public exports only (src/core/index.ts):
 * the engine is built as an app builds it, with `tabs: true`, and finds `BroadcastChannel` and
 * `navigator.locks` where a browser has them, which are, for the moment it is built and started, the
 * simulated tab's.
 */
import {
  createParaSession,
  type Clock,
  type CreateSessionOptions,
  type ParaSessionClient,
  type ParaSessionEngine,
  type SessionEnvironment,
} from '../src/core/index.js';

export interface KitTabParts {
  client: ParaSessionClient;
  clock: Clock;
  environment: SessionEnvironment;
  random: () => number;
  /** What this tab's `navigator.locks` is. */
  locks: unknown;
  /** What this tab's `BroadcastChannel` is. */
  BroadcastChannel: unknown;
  options: Pick<CreateSessionOptions, 'sessionLength' | 'keepAlive' | 'truthCheckEvery'>;
}

type TabGlobals = { BroadcastChannel?: unknown; navigator?: unknown };

/** Runs `task` with this tab's channel and locks as the globals, then puts the real ones back. */
function asThisTab<T>(parts: KitTabParts, task: () => T): T {
  const scope = globalThis as TabGlobals;
  const saved = { BroadcastChannel: scope.BroadcastChannel, navigator: Object.getOwnPropertyDescriptor(globalThis, 'navigator') };
  scope.BroadcastChannel = parts.BroadcastChannel;
  Object.defineProperty(globalThis, 'navigator', { value: { locks: parts.locks }, configurable: true, writable: true });
  try {
    return task();
  } finally {
    scope.BroadcastChannel = saved.BroadcastChannel;
    if (saved.navigator) Object.defineProperty(globalThis, 'navigator', saved.navigator);
    else delete scope.navigator;
  }
}

/** One tab's engine, started, coordinating with the other simulated tabs. */
export function startKitEngine(parts: KitTabParts): ParaSessionEngine {
  const { client, clock, environment, random, options } = parts;
  return asThisTab(parts, () => {
    const engine = createParaSession(client, { ...options, clock, environment, random, tabs: true, warn: () => {} });
    engine.start();
    return engine;
  });
}
