import { expect } from '@open-wc/testing';
import { createHarness, MINUTE, SECOND, userActs } from './support/harness.js';

describe('session length changed at runtime', () => {
  it('a client without a session cookie: session length lowered from 7200 to 600 s, a busy user stays signed in', async () => {
    const h = createHarness({ sessionLength: 7200, sessionLengthMs: 600 * SECOND });
    // A client that exposes no cookie (retrieveSessionCookie is optional): the expiry is the kit's estimate.
    (h.client as unknown as { retrieveSessionCookie: undefined }).retrieveSessionCookie = undefined;
    await h.start();
    // The app corrects the length to Para's (the attribute changes, or setOptions).
    h.engine.setOptions({ sessionLength: 600 });
    await h.clock.advance(SECOND);
    let lapsed = 0;
    for (let i = 0; i < 60; i += 1) {
      userActs(h.environment);
      await h.clock.advance(MINUTE);
      if (!h.server.isActive()) lapsed += 1;
    }
    expect([lapsed, h.engine.state.status], 'minutes lapsed, status').to.deep.equal([0, 'active']);
    h.engine.stop();
  });

  it('with the session cookie, a changed length leaves the cookie\'s expiry as it is', async () => {
    const h = createHarness({ sessionLength: 7200 });
    await h.start();
    const before = h.engine.state.expiresAt;
    h.engine.setOptions({ sessionLength: 3600 });
    await h.clock.advance(SECOND);
    expect(h.engine.state.expiresAt).to.equal(before);
    h.engine.stop();
  });
});

describe('session length from the start', () => {
  it('the same client configured with 600 s from the start keeps a busy user signed in', async () => {
    const h = createHarness({ sessionLength: 600, sessionLengthMs: 600 * SECOND });
    (h.client as unknown as { retrieveSessionCookie: undefined }).retrieveSessionCookie = undefined;
    await h.start();
    let lapsed = 0;
    for (let i = 0; i < 60; i += 1) {
      userActs(h.environment);
      await h.clock.advance(MINUTE);
      if (!h.server.isActive()) lapsed += 1;
    }
    expect([lapsed, h.engine.state.status]).to.deep.equal([0, 'active']);
    h.engine.stop();
  });
});
