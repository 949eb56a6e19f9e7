import { expect } from '@open-wc/testing';
import { activity, logoutGraceEnded, paraLogout, paraLogoutConfirmed, signatureExtends, signed, wake, WAKE_DEDUPE_MS } from '../../../src/core/transitions/page-event.js';
import { NOTHING } from '../../../src/core/transitions/step.js';
import { effectsOf, MINUTE, NOW, viewOf } from './view-fixture.js';

describe('transitions: a page event', () => {
  it('activity here is recorded and told to the other tabs; relayed or older activity is not told again', () => {
    expect(activity(viewOf(), NOW, true)).to.deep.equal({
      patch: { lastActivityAt: NOW },
      effects: [{ type: 'publish', message: { type: 'activity', at: NOW } }],
    });
    expect(effectsOf(activity(viewOf(), NOW, false))).to.deep.equal([]);
    expect(activity(viewOf({ lastActivityAt: NOW }), NOW - 1, true)).to.equal(NOTHING);
  });

  it('waking up asks the server unless a tab asked lately (the leader answers every wake but focus)', () => {
    const recently = viewOf({ lastCheckedAt: NOW - WAKE_DEDUPE_MS / 2 });
    expect(effectsOf(wake(recently, 'online'))).to.deep.equal(['check']);
    expect(wake(recently, 'focus')).to.equal(NOTHING);
    expect(wake(viewOf({ lastCheckedAt: NOW - WAKE_DEDUPE_MS / 2, leader: false }), 'online')).to.equal(NOTHING);
    expect(effectsOf(wake(viewOf({ lastCheckedAt: NOW - 2 * WAKE_DEDUPE_MS }), 'visible'))).to.deep.equal(['check']);
    expect(wake(viewOf({ status: 'signed-out' }), 'online')).to.equal(NOTHING);
  });

  it('signing extends a usable user session and tells the tabs', () => {
    expect(signatureExtends(viewOf())).to.equal(true);
    expect(signatureExtends(viewOf({ status: 'expired' }))).to.equal(false);
    expect(signatureExtends(viewOf({ kind: 'external-wallet' }))).to.equal(false);
    const step = signed(viewOf({ status: 'expiring' }), NOW + 120 * MINUTE);
    expect(step.patch).to.deep.equal({ expiresAt: NOW + 120 * MINUTE, status: 'active', lastExtendedAt: NOW, lastActivityAt: NOW });
    expect(effectsOf(step)).to.deep.equal(['publish-state']);
  });

  it('an SDK logout alone is confirmed with our server; with other tabs it first waits for a re-auth to explain it', () => {
    const alone = paraLogout(viewOf(), false, false);
    expect(alone !== 'wait' && alone.patch).to.equal(undefined);
    expect(alone !== 'wait' && effectsOf(alone)).to.deep.equal(['confirm-para-logout']);
    expect(paraLogout(viewOf(), true, false)).to.equal('wait');
    expect(paraLogout(viewOf(), true, true)).to.equal(NOTHING);
    expect(paraLogout(viewOf({ status: 'expired' }), true, false)).to.equal(NOTHING);
    expect(paraLogout(viewOf({}, { reauth: { open: true, logoutExpected: true, signingIn: true } }), false, false)).to.equal(NOTHING);
  });

  it('when the grace period ends unexplained, our server is asked (the logout may be another session on this page)', () => {
    const step = logoutGraceEnded(viewOf());
    expect(step.patch).to.equal(undefined);
    expect(effectsOf(step)).to.deep.equal(['confirm-para-logout']);
    expect(logoutGraceEnded(viewOf({ status: 'reauthenticating' }))).to.equal(NOTHING);
  });

  it('once our server confirms the unexplained logout, the user signed out, and the other tabs are told', () => {
    const step = paraLogoutConfirmed(viewOf());
    expect(step.patch?.status).to.equal('signed-out');
    expect(step.effects).to.deep.include({ type: 'publish', message: { type: 'signed-out' } });
    expect(paraLogoutConfirmed(viewOf({ status: 'reauthenticating' }))).to.equal(NOTHING);
  });
});
