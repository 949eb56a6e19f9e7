import { expect } from '@open-wc/testing';
import { createTabCoordinator, opaqueOrigin } from '../../../src/core/tabs/tab-coordinator.js';
import type { LockManagerLike } from '../../../src/core/tabs/lock-election.js';
import { FakeChannelHub } from '../support/fake-channel.js';
import { createHarness, HOUR, SECOND } from '../support/harness.js';

/**
 * `navigator.locks` exists but every `request()` rejects with SecurityError: what a sandboxed iframe
 * (`allow-scripts` without `allow-same-origin`) gives in Chromium and Firefox. Here the rejection comes a task
 * later (the real one comes a microtask later, which froze the page: see test/elements/frames.test.ts).
 */
function deniedLocks(): LockManagerLike & { calls: number } {
  const locks = {
    calls: 0,
    request() {
      locks.calls += 1;
      return new Promise<never>((_, reject) =>
        setTimeout(() => reject(new DOMException('Access to the Locks API is denied in this context.', 'SecurityError')), 0),
      );
    },
  };
  return locks;
}

const realTime = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Web Locks denied (sandboxed frame)', () => {
  it('a lone page with no tab channel still checks the session and shows active', async () => {
    const locks = deniedLocks();
    const coordinator = createTabCoordinator({ locks, BroadcastChannel: null, storage: null });
    const h = createHarness({ coordinator });
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      await h.start();
      await realTime(50);
      await h.clock.advance(2 * SECOND);
      expect(h.engine.state.status, 'status').to.equal('active');
      expect(h.server.counts.isSessionActive, 'checks made').to.be.at.least(1);
      expect(unhandled.map(String), 'unhandled rejections').to.deep.equal([]);
    } finally {
      h.engine.stop();
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('with a tab channel, the lone page leads and does not re-request the lock in a loop', async () => {
    const locks = deniedLocks();
    const h0 = createHarness();
    const hub = new FakeChannelHub(h0.clock);
    const coordinator = createTabCoordinator({ locks, BroadcastChannel: hub.constructorFor('tab-1'), storage: null, clock: h0.clock, environment: h0.environment });
    const h = createHarness({ coordinator });
    try {
      await h.start();
      await realTime(200);
      // The coordinator runs on h0's clock: its lease (the locks refused, the channel works) elects in it.
      await h0.clock.advance(3 * SECOND);
      await h.clock.advance(3 * SECOND);
      expect(locks.calls, 'lock requests in 200 ms').to.be.below(10);
      expect(h.engine.state.leader, 'leads').to.equal(true);
      await h.clock.advance(3 * HOUR);
      expect(h.server.counts.keepSessionAlive + h.server.counts.isSessionActive, 'requests over 3 h').to.be.at.least(1);
    } finally {
      h.engine.stop();
      h0.engine.stop();
    }
  });
});

describe('an origin of its own', () => {
  it('a sandboxed frame (origin "null", about:srcdoc or https:) runs alone; a file: page (origin "null" too) coordinates', () => {
    expect(opaqueOrigin({ origin: 'null', location: { protocol: 'about:' } })).to.equal(true);
    expect(opaqueOrigin({ origin: 'null', location: { protocol: 'https:' } })).to.equal(true);
    // Chromium gives file: pages the origin "null", yet their windows share locks, channels and storage.
    expect(opaqueOrigin({ origin: 'null', location: { protocol: 'file:' } })).to.equal(false);
    expect(opaqueOrigin({ origin: 'https://app.example', location: { protocol: 'https:' } })).to.equal(false);
    expect(opaqueOrigin({})).to.equal(false);
  });
});
