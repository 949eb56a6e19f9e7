import { expect } from '@open-wc/testing';
import { leadershipChanged, misconfigured, started, warningDue } from '../../../src/core/transitions/lifecycle.js';
import { effectsOf, viewOf } from './view-fixture.js';

describe('transitions: the engine lifecycle', () => {
  it('a wallet that never expires is active at once; a user is checked', () => {
    expect(started(viewOf({ status: 'idle' }), 'external-wallet').patch).to.include({ status: 'active', expiresAt: null });
    expect(started(viewOf({ status: 'idle' }), 'user').patch).to.deep.equal({ status: 'checking' });
  });

  it('a bad client stays idle with a config error; the warning window is shared', () => {
    expect(misconfigured('No client').patch).to.deep.equal({ status: 'idle', error: { kind: 'config', message: 'No client' } });
    expect(warningDue()).to.deep.equal({ patch: { status: 'expiring' }, effects: [{ type: 'publish-state' }] });
  });

  it('a new leader with a stale answer asks at once; one already asking does not', () => {
    const stale = viewOf({ lastCheckedAt: 0 });
    expect(effectsOf(leadershipChanged(stale, true, false))).to.deep.equal(['replan', 'check']);
    expect(effectsOf(leadershipChanged(stale, true, true))).to.deep.equal(['replan']);
    expect(effectsOf(leadershipChanged(stale, false, false))).to.deep.equal(['replan']);
  });
});
