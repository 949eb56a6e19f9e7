import { expect } from '@open-wc/testing';
import type { SharedSessionMessage } from '../../../src/core/coordinator.js';
import { remoteMessage, remoteSignOutConfirmed, STALE_MESSAGE_MS } from '../../../src/core/transitions/remote-message.js';
import { NOTHING } from '../../../src/core/transitions/step.js';
import { effectsOf, MINUTE, NOW, viewOf } from './view-fixture.js';

const stateMessage = (patch: Partial<Extract<SharedSessionMessage, { type: 'state' }>> = {}): SharedSessionMessage => ({
  type: 'state',
  status: 'active',
  kind: 'user',
  expiresAt: NOW + 90 * MINUTE,
  lastCheckedAt: NOW,
  lastExtendedAt: NOW,
  sentAt: NOW,
  ...patch,
});

describe('transitions: a message from another tab', () => {
  it('a fresh "active" is adopted as is, settling any retry, and the account it belongs to is noted', () => {
    const step = remoteMessage(viewOf(), stateMessage());
    expect(step.retry).to.equal('settled');
    expect(step.patch).to.include({ status: 'active', expiresAt: NOW + 90 * MINUTE });
    // A tab that came back (from signed-out, say) on another tab's news must know whose session it now is:
    // a later re-auth compares against it, and waiting work must not resume for another account.
    expect(effectsOf(step)).to.deep.equal(['remember-identity', 'resolve-waiters']);
  });

  it('an "active" that is not fresh does not end our expiry: we ask', () => {
    const step = remoteMessage(viewOf({ status: 'expired' }), stateMessage({ lastCheckedAt: NOW - MINUTE }));
    expect(effectsOf(step)).to.deep.equal(['check']);
  });

  it('a fresh "expired" is confirmed with a server check first; one that answers our check expires this tab without telling the others again', () => {
    expect(effectsOf(remoteMessage(viewOf(), stateMessage({ status: 'expired' })))).to.deep.equal(['check']);
    const step = remoteMessage(viewOf({}, { checkingSince: NOW - 10 }), stateMessage({ status: 'expired' }));
    expect(step.patch?.status).to.equal('expired');
    expect(effectsOf(step)).to.deep.equal(['emit-expired', 'request-reauth']);
  });

  it('"active again" after our expiry is confirmed with a server check first, then adopted when it answers our check', () => {
    expect(effectsOf(remoteMessage(viewOf({ status: 'expired' }), stateMessage()))).to.deep.equal(['check']);
    const step = remoteMessage(viewOf({ status: 'expired' }, { checkingSince: NOW - 10 }), stateMessage());
    expect(step.patch?.status).to.equal('active');
    expect(effectsOf(step)).to.deep.equal(['finish-reauth', 'resolve-waiters']);
  });

  it('a held-up "expired" is verified, and one older than our own answer is ignored', () => {
    expect(effectsOf(remoteMessage(viewOf(), stateMessage({ status: 'expired', sentAt: NOW - STALE_MESSAGE_MS - 1 })))).to.deep.equal(['check']);
    expect(remoteMessage(viewOf(), stateMessage({ status: 'expired', lastCheckedAt: NOW - 1 }))).to.equal(NOTHING);
  });

  it('another tab re-authenticating makes this one re-authenticate too and expect the SDK logout', () => {
    const step = remoteMessage(viewOf({ status: 'expired' }), { type: 'reauth-started' });
    expect(step.reauth).to.equal('expect-logout');
    expect(step.patch).to.deep.equal({ status: 'reauthenticating', error: null });
  });

  it('another tab cancelling leaves re-authenticating for expired, unless a flow is open here', () => {
    expect(remoteMessage(viewOf({ status: 'reauthenticating' }), { type: 'reauth-cancelled' }).patch).to.deep.equal({ status: 'expired' });
    const open = viewOf({ status: 'reauthenticating' }, { reauth: { open: true, logoutExpected: true, signingIn: true } });
    expect(remoteMessage(open, { type: 'reauth-cancelled' })).to.equal(NOTHING);
  });

  it('a sign-out elsewhere is confirmed with the server before it signs out here (without echoing it), and a lost re-auth answer is asked for', () => {
    expect(effectsOf(remoteMessage(viewOf(), { type: 'signed-out' }))).to.deep.equal(['logout-paid-elsewhere', 'confirm-sign-out']);
    const step = remoteSignOutConfirmed(viewOf());
    expect(step.patch?.status).to.equal('signed-out');
    expect(effectsOf(step)).to.deep.equal(['cancel-logout-grace', 'reset-expiry', 'emit-signed-out', 'reject-waiters']);
    expect(effectsOf(remoteMessage(viewOf({ status: 'expired' }), { type: 'reauth-complete' }))).to.deep.equal(['check']);
  });
});
