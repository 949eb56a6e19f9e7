import { expect } from '@open-wc/testing';
import { decode, encode, WIRE_VERSION } from '../../../src/core/tabs/wire.js';

const state = { type: 'state', status: 'active', kind: 'user', expiresAt: 2_000, lastCheckedAt: 1_000, lastExtendedAt: null, sentAt: 1_500 };

describe('wire', () => {
  it('a message survives encode and decode', () => {
    const wire = encode('tab-a', { channel: 'session', message: state as never });
    expect(decode(wire)).to.deep.equal({ from: 'tab-a', channel: 'session', message: state });
    expect(decode(encode('tab-a', { channel: 'election', message: { type: 'busy', name: 'check', until: 9 } }))).to.deep.equal({
      from: 'tab-a',
      channel: 'election',
      message: { type: 'busy', name: 'check', until: 9 },
    });
  });

  it('drops fields a sender added: a session message never carries more than the facts', () => {
    const wire = encode('tab-a', { channel: 'session', message: { ...state, cookie: 'x-capsule-sid=secret' } as never });
    expect(decode(wire)?.message).to.not.have.property('cookie');
  });

  it('ignores other apps, other versions, unknown types and malformed fields', () => {
    const good = encode('tab-a', { channel: 'session', message: state as never });
    expect(decode({ ...good, app: 'other' })).to.equal(null);
    expect(decode({ ...good, v: WIRE_VERSION + 1 })).to.equal(null);
    expect(decode({ ...good, from: '' })).to.equal(null);
    expect(decode({ ...good, message: { ...state, status: 'hacked' } })).to.equal(null);
    expect(decode({ ...good, message: { ...state, expiresAt: -1 } })).to.equal(null);
    expect(decode({ ...good, message: { type: 'unknown' } })).to.equal(null);
    expect(decode({ ...good, channel: 'election', message: { type: 'busy', name: 'DROP TABLE', until: 1 } })).to.equal(null);
    expect(decode({ ...good, channel: 'election', message: { type: 'frozen', name: 42 } })).to.equal(null);
    expect(decode({ ...good, channel: 'election', message: { type: 'frozen', name: 'extend' } })?.message).to.deep.equal({ type: 'frozen', name: 'extend' });
    expect(decode('a string')).to.equal(null);
  });

  it('reads the lease election: a leader with or without its beat, a follower with or without watches and asks, a quiet leader (earlier versions send none of these)', () => {
    const election = (message: unknown) => decode(encode('tab-a', { channel: 'election', message: message as never }))?.message ?? null;
    expect(election({ type: 'leader', visible: true })).to.deep.equal({ type: 'leader', visible: true });
    expect(election({ type: 'leader', visible: false, beat: 'slow' })).to.deep.equal({ type: 'leader', visible: false, beat: 'slow' });
    expect(election({ type: 'leader', visible: true, beat: 'fast', extra: 1 })).to.deep.equal({ type: 'leader', visible: true, beat: 'fast' });
    expect(election({ type: 'leader', visible: true, beat: 'never' })).to.equal(null);
    expect(election({ type: 'follower', visible: false })).to.deep.equal({ type: 'follower', visible: false });
    expect(election({ type: 'follower', visible: 'yes' })).to.equal(null);
    expect(election({ type: 'follower', visible: true, watches: true })).to.deep.equal({ type: 'follower', visible: true, watches: true });
    expect(election({ type: 'follower', visible: true, watches: 'yes' })).to.equal(null);
    expect(election({ type: 'follower', visible: false, watches: true, asks: true })).to.deep.equal({ type: 'follower', visible: false, watches: true, asks: true });
    expect(election({ type: 'follower', visible: false, asks: 1 })).to.equal(null);
    expect(election({ type: 'leader', visible: true, beat: 'slow', quiet: true })).to.deep.equal({ type: 'leader', visible: true, beat: 'slow', quiet: true });
    expect(election({ type: 'leader', visible: true, beat: 'slow', quiet: 'yes' })).to.equal(null);
    expect(election({ type: 'leader', visible: false, lock: true })).to.deep.equal({ type: 'leader', visible: false, lock: true });
    expect(election({ type: 'leader', visible: true, beat: 'slow', quiet: true, lock: true })).to.deep.equal({ type: 'leader', visible: true, beat: 'slow', quiet: true, lock: true });
    expect(election({ type: 'leader', visible: true, lock: 1 })).to.equal(null);
  });
});
