// The engine tests' Para model (test/core/support/fake-para.ts), run on real time in the page: the same
// client behaviour (cookie from server answers, keepSessionAlive never throws) for kit and baseline.
import type { FakeClock } from '../../test/core/support/fake-clock.js';
import { FakeParaClient, FakeParaServer } from '../../test/core/support/fake-para.js';

/** The two things the server model reads from its clock, on the page's real clock. */
const realTime = { serverNow: () => Date.now(), deliverAfter: (callback: () => void, ms: number) => setTimeout(callback, ms) };

export function pageParaClient(latencyMs = 0): { server: FakeParaServer; client: FakeParaClient } {
  const server = new FakeParaServer(realTime as unknown as FakeClock);
  server.latencyMs = latencyMs;
  server.signIn();
  // The SDK has the cookie from the sign-in, in storage, before any app code runs.
  const jar = { cookie: `capsule.sid=s%3Aabc; Path=/; Expires=${new Date(server.expiresAt!).toUTCString()}` };
  return { server, client: new FakeParaClient(server, window, jar) };
}
