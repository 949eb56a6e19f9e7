import { expect } from '@open-wc/testing';
import type { EngineEventMap } from '../../src/core/types.js';
import { createHarness, MINUTE, SECOND, type Harness } from './support/harness.js';

/** The session expires, a caller waits for it, and someone signs in again as `who`. */
async function signBackInAs(who: { userId?: string; email?: string }): Promise<{ h: Harness; waiting: Promise<unknown>; completion: EngineEventMap['reauth-complete'] }> {
  const h = createHarness();
  await h.start();
  h.server.revoke();
  await h.clock.advance(20 * MINUTE);
  expect(h.engine.state.status).to.equal('expired');
  const waiting = h.engine.requireActive().then(() => 'resumed', (error) => error);
  let completion: EngineEventMap['reauth-complete'] | undefined;
  h.engine.on('reauth-complete', (detail) => (completion = detail));
  await h.engine.beginReauth();
  h.client.userId = who.userId;
  h.client.email = who.email;
  h.server.signIn();
  h.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
  await h.clock.advance(SECOND);
  return { h, waiting, completion: completion! };
}

describe('signing back in as another account', () => {
  it('rejects waiting requireActive() callers with account-switched when another account signs in', async () => {
    const { h, waiting, completion } = await signBackInAs({ userId: 'user-b', email: 'b@b.co' });
    const outcome = (await waiting) as { reason?: string };
    expect(outcome).to.not.equal('resumed');
    expect(outcome.reason).to.equal('account-switched');
    expect(completion.switchedAccount).to.equal(true);
    expect(completion.account).to.equal('switched');
    expect(completion.previous).to.deep.equal({ userId: 'user-a', email: 'a@b.co' });
    expect(completion.identity).to.deep.equal({ userId: 'user-b', email: 'b@b.co' });
    // The session itself is active for the new account; new callers go ahead.
    expect(h.engine.state.status).to.equal('active');
    await h.engine.requireActive();
    h.engine.stop();
  });

  it('resumes waiting callers when the same account signs in again', async () => {
    const { h, waiting, completion } = await signBackInAs({ userId: 'user-a', email: 'a@b.co' });
    expect(await waiting).to.equal('resumed');
    expect(completion.account).to.equal('same');
    expect(completion.switchedAccount).to.equal(false);
    h.engine.stop();
  });

  it('an unknown identity is unconfirmed, never the same account: waiting callers do not resume', async () => {
    const { h, waiting, completion } = await signBackInAs({});
    const outcome = (await waiting) as { reason?: string };
    expect(outcome).to.not.equal('resumed');
    expect(outcome.reason).to.equal('account-unconfirmed');
    expect(completion.account).to.equal('unconfirmed');
    h.engine.stop();
  });
});
