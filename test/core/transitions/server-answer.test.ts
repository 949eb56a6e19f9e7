import { expect } from '@open-wc/testing';
import { checkAnswered, extended, requestFailed } from '../../../src/core/transitions/server-answer.js';
import { effectsOf, MINUTE, NOW, viewOf } from './view-fixture.js';

const network = { kind: 'network' as const, message: 'Connection error' };

describe('transitions: a server answer', () => {
  it('"active" keeps an active session active and resumes whoever waited', () => {
    const step = checkAnswered(viewOf(), { type: 'active', expiresAt: NOW + 30 * MINUTE });
    expect(step.patch).to.include({ status: 'active', expiresAt: NOW + 30 * MINUTE, lastCheckedAt: NOW, error: null });
    expect(step.retry).to.equal('settled');
    expect(effectsOf(step)).to.deep.equal(['publish-state', 'remember-identity', 'resolve-waiters']);
  });

  it('"active" close to expiry keeps an owed extension owed', () => {
    const step = checkAnswered(viewOf(), { type: 'active', expiresAt: NOW + MINUTE });
    expect(step.retry).to.equal('answered');
  });

  it('"active" inside the warning window keeps a warning on screen', () => {
    const step = checkAnswered(viewOf({ status: 'expiring' }), { type: 'active', expiresAt: NOW + MINUTE });
    expect(step.patch?.status).to.equal('expiring');
  });

  it('"active" after an expiry ends the re-auth everywhere', () => {
    const step = checkAnswered(viewOf({ status: 'reauthenticating' }), { type: 'active', expiresAt: NOW + 30 * MINUTE });
    expect(effectsOf(step)).to.deep.equal(['publish-state', 'publish', 'finish-reauth', 'resolve-waiters']);
    expect(step.effects?.[1]).to.deep.equal({ type: 'publish', message: { type: 'reauth-complete' } });
  });

  it('"inactive" for a known user is an expiry: reported, shared with the tabs, re-auth requested', () => {
    const step = checkAnswered(viewOf(), { type: 'inactive' });
    expect(step.patch).to.include({ status: 'expired', kind: 'user', lastCheckedAt: NOW });
    expect(step.reauth).to.equal('note-expired');
    expect(effectsOf(step)).to.deep.equal(['reset-expiry', 'publish-state', 'emit-expired', 'request-reauth']);
  });

  it('"inactive" when nobody was ever signed in is signed-out, not an expiry', () => {
    const step = checkAnswered(viewOf({ status: 'checking', kind: null }, { knownUser: false }), { type: 'inactive' });
    expect(step.patch?.status).to.equal('signed-out');
    expect(effectsOf(step)).to.deep.equal(['reject-waiters']);
  });

  it('"inactive" again while expired or re-authenticating changes only when it was checked (and ends an earlier failure)', () => {
    expect(checkAnswered(viewOf({ status: 'expired' }), { type: 'inactive' }).patch).to.deep.equal({ lastCheckedAt: NOW });
    expect(checkAnswered(viewOf({ status: 'reauthenticating' }), { type: 'inactive' })).to.deep.equal({ patch: { lastCheckedAt: NOW, error: null } });
  });

  it('a failed request is offline with a retry, never an expiry', () => {
    const step = checkAnswered(viewOf(), { type: 'failed', error: network });
    expect(step.patch).to.deep.equal({ status: 'offline', error: network });
    expect(step.retry).to.equal('failed');
    expect(effectsOf(step)).to.deep.equal(['emit-error']);
  });

  it('a failed re-check after the server said expired only reports the error', () => {
    const step = requestFailed(viewOf({ status: 'expired' }), network);
    expect(step.patch).to.deep.equal({ error: network });
    expect(step.retry).to.equal(undefined);
  });

  it('an extension settles every retry and reports the new expiry', () => {
    const step = extended(viewOf(), NOW + 120 * MINUTE);
    expect(step.retry).to.equal('settled');
    expect(step.patch).to.include({ lastExtendedAt: NOW, lastCheckedAt: NOW, expiresAt: NOW + 120 * MINUTE });
    expect(effectsOf(step).at(-1)).to.equal('emit-extended');
  });
});
