import { expect } from '@open-wc/testing';
import { ReauthAttempt } from '../../src/para/reauth.js';

/**
 * A browser can drop `close()` asked while the popup is in the middle of a navigation (the portal loading): the
 * popup then stays open over a session that is back. The attempt asks again.
 */
describe('ReauthAttempt: a close the browser dropped', () => {
  it('is asked again until the popup is closed', async () => {
    let asks = 0;
    const popup = {
      closed: false,
      location: { href: '' },
      close() {
        asks += 1;
        // The first request is dropped (mid-navigation), the second one closes it.
        if (asks > 1) popup.closed = true;
      },
    };
    const timers = { setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms), clearTimeout: (handle: unknown) => clearTimeout(handle as number) };
    const session = { client: {}, beginReauth: async () => undefined, completeReauth: async () => ({}), check: async () => ({}) };
    const attempt = new ReauthAttempt(session as never, popup as unknown as Window, timers);
    await attempt.cancel();
    expect(popup.closed, 'dropped at first').to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(popup.closed).to.equal(true);
    expect(asks).to.equal(2);
  });
});
