import { expect } from '@open-wc/testing';
import { reauthBegins, reauthCancelled } from '../../../src/core/transitions/reauth-step.js';
import { effectsOf, viewOf } from './view-fixture.js';

describe('transitions: a re-auth step', () => {
  it('beginning tells every tab before the SDK logout that precedes the sign-in', () => {
    const step = reauthBegins(viewOf({ status: 'expired' }));
    expect(step).to.deep.equal({
      reauth: 'begin',
      patch: { status: 'reauthenticating', error: null },
      effects: [{ type: 'publish', message: { type: 'reauth-started' } }],
    });
  });

  it('cancelling returns to expired everywhere and rejects whoever waited', () => {
    const step = reauthCancelled(viewOf({ status: 'reauthenticating' }));
    expect(step.patch).to.deep.equal({ status: 'expired' });
    expect(effectsOf(step)).to.deep.equal(['publish', 'reject-waiters']);
    expect(effectsOf(reauthCancelled(viewOf({ status: 'expired' })))).to.deep.equal(['reject-waiters']);
  });
});
