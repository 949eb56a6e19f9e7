import { expect } from '@open-wc/testing';
import { cancelSignIn, stopWatching } from '../../src/para/cancel-flow.js';

/** A client (a wrapper around the SDK) whose cancel throws instead of rejecting, in a phase that takes a cancel. */
function throwingClient() {
  let listener: ((snapshot: { authPhase: string }) => void) | null = null;
  const client = {
    cancels: 0,
    cancelAuthFlow(): Promise<void> {
      client.cancels += 1;
      throw new Error('cancel exploded');
    },
    getCurrentState: () => ({ authPhase: 'waiting_for_session' }),
    onStatePhaseChange(callback: (snapshot: { authPhase: string }) => void) {
      listener = callback;
      return () => (listener = null);
    },
    enter: (authPhase: string) => listener?.({ authPhase }),
  };
  return client;
}

const timers = { setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms), clearTimeout: (handle: unknown) => clearTimeout(handle as number) };

describe('cancelSignIn with a cancel that throws', () => {
  it('resolves, cancels again in each phase that takes it, and leaves no unhandled error', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    const onError = (event: ErrorEvent) => {
      unhandled.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    window.addEventListener('error', onError);
    const client = throwingClient();
    try {
      await cancelSignIn(client, timers);
      client.enter('awaiting_session_start');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(client.cancels, 'the first cancel, the one for the phase it was in, the one for the next').to.equal(3);
      expect(unhandled.map(String)).to.deep.equal([]);
    } finally {
      stopWatching(client);
      window.removeEventListener('unhandledrejection', onUnhandled);
      window.removeEventListener('error', onError);
    }
  });
});
