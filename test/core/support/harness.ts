import { soloCoordinator } from '../../../src/core/coordinator.js';
import { createParaSession, type ParaSessionEngine } from '../../../src/core/engine.js';
import type { CreateSessionOptions, SessionStatus } from '../../../src/core/types.js';
import { FakeClock } from './fake-clock.js';
import { fakeEnvironment, type FakeEnvironment } from './fake-environment.js';
import { FakeParaClient, FakeParaServer } from './fake-para.js';

export { userActs } from './fake-environment.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export interface Harness {
  clock: FakeClock;
  environment: FakeEnvironment;
  server: FakeParaServer;
  client: FakeParaClient;
  engine: ParaSessionEngine;
  warnings: string[];
  /** Every status the engine went through, in order (repeats collapsed). */
  statuses: SessionStatus[];
  /** How many times each engine event fired. */
  fired: Record<string, number>;
  start(): Promise<void>;
}

export function createHarness(options: CreateSessionOptions & { signedIn?: boolean; sessionLengthMs?: number } = {}): Harness {
  const clock = new FakeClock();
  const environment = fakeEnvironment();
  const server = new FakeParaServer(clock, options.sessionLengthMs ?? (options.sessionLength ?? 7200) * 1000);
  if (options.signedIn !== false) server.signIn();
  const client = new FakeParaClient(server, environment.window);
  const warnings: string[] = [];
  const engine = createParaSession(client, {
    clock,
    environment,
    // One tab: never let a test page's real BroadcastChannel join engines of different tests.
    coordinator: soloCoordinator(),
    random: () => 0.5,
    warn: (message) => warnings.push(message),
    ...options,
  });
  const statuses: SessionStatus[] = [];
  const fired: Record<string, number> = {};
  engine.$state.subscribe((state) => {
    if (statuses[statuses.length - 1] !== state.status) statuses.push(state.status);
  });
  for (const type of ['extended', 'warning', 'expired', 'signed-out', 'reauth-request', 'reauth-complete', 'error'] as const) {
    engine.on(type, () => {
      fired[type] = (fired[type] ?? 0) + 1;
    });
  }
  return {
    clock,
    environment,
    server,
    client,
    engine,
    warnings,
    statuses,
    fired,
    async start() {
      engine.start();
      await clock.advance(1 * SECOND);
    },
  };
}

/** Prints a measured figure into the test log, where the closing notes read it from. */
export function report(label: string, value: unknown): void {
  console.log(`[measure] ${label}: ${JSON.stringify(value)}`);
}
