import { expect } from '@open-wc/testing';
import { createParaSession, type ParaSessionEngine } from '../../src/core/engine.js';
import type { CreateSessionOptions } from '../../src/core/types.js';
import { FakeClock } from './support/fake-clock.js';
import { fakeEnvironment } from './support/fake-environment.js';
import { FakeParaClient, FakeParaServer } from './support/fake-para.js';
import { SECOND } from './support/harness.js';

/** A unique API key per run: test files share this origin's real BroadcastChannel and Web Locks. */
const run = Math.random().toString(36).slice(2, 8);

/** A `ParaWeb`-like client for the app with `apiKey`, on the page's real BroadcastChannel and Web Locks. */
function session(clock: FakeClock, apiKey: string, extra: CreateSessionOptions = {}) {
  const environment = fakeEnvironment();
  const server = new FakeParaServer(clock);
  server.signIn();
  const client = Object.assign(new FakeParaClient(server, environment.window), { ctx: { apiKey: `${apiKey}-${run}`, env: 'BETA' } });
  const warnings: string[] = [];
  const engine = createParaSession(client, { clock, environment, tabs: true, random: () => 0.5, warn: (m) => warnings.push(m), ...extra });
  return { server, client, engine, warnings };
}

/** Real channels and locks answer in real time; the fake clock runs the engines' own timers. */
async function settle(clock: FakeClock, ms = SECOND): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await clock.advance(ms / 5);
  }
}

/** Settles until `condition` holds (real locks may take a moment to grant under load), at most ~2 s. */
async function until(clock: FakeClock, condition: () => boolean): Promise<void> {
  for (let i = 0; i < 20 && !condition(); i += 1) await settle(clock, 200);
}

const stopAll = (...engines: ParaSessionEngine[]) => engines.forEach((engine) => engine.stop());

describe('sessions keyed to their client', () => {
  it('two sessions on one page each lead their own tabs, and one signing out leaves the other signed in', async () => {
    const clock = new FakeClock();
    const a = session(clock, 'app-a');
    const b = session(clock, 'app-b');
    a.engine.start();
    b.engine.start();
    await until(clock, () => a.engine.state.leader && b.engine.state.leader);
    expect([a.engine.state.leader, b.engine.state.leader]).to.deep.equal([true, true]);
    const loggedOut = a.engine.logout();
    await settle(clock);
    await loggedOut;
    await settle(clock);
    expect(a.engine.state.status).to.equal('signed-out');
    expect(b.engine.state.status).to.equal('active');
    stopAll(a.engine, b.engine);
  });

  it('two apps on one origin with their own channel option never hear each other', async () => {
    const clock = new FakeClock();
    const one = session(clock, 'shared', { channel: `app-one-${run}` });
    const two = session(clock, 'shared', { channel: `app-two-${run}` });
    one.engine.start();
    two.engine.start();
    await until(clock, () => one.engine.state.leader && two.engine.state.leader);
    expect([one.engine.state.leader, two.engine.state.leader]).to.deep.equal([true, true]);
    one.server.revoke();
    const checked = one.engine.check();
    // The check waits for a real Web Lock, which a loaded WebKit can take well over 100 ms to grant.
    await until(clock, () => one.engine.state.status === 'expired');
    await checked;
    await settle(clock);
    expect(one.engine.state.status).to.equal('expired');
    expect(two.engine.state.status).to.equal('active');
    stopAll(one.engine, two.engine);
  });

  it('tabs of the same app still share one leader', async () => {
    const clock = new FakeClock();
    const first = session(clock, 'same-app');
    const second = session(clock, 'same-app');
    first.engine.start();
    await until(clock, () => first.engine.state.leader);
    second.engine.start();
    await settle(clock);
    expect([first.engine.state.leader, second.engine.state.leader]).to.deep.equal([true, false]);
    stopAll(first.engine, second.engine);
  });

  it('a bad channel option warns and falls back to the client-derived channel', () => {
    const clock = new FakeClock();
    const bad = session(clock, 'warned', { channel: 'no spaces allowed!' as string });
    expect(bad.warnings.join('\n')).to.match(/channel="no spaces allowed!" is not .*; using "para-session-kit:BETA:/);
    stopAll(bad.engine);
  });
});
