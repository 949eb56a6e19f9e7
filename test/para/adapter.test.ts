import { expect } from '@open-wc/testing';
import { paraSessionPort } from '../../src/para/adapter.js';
import type { ParaSessionClient } from '../../src/para/client.js';
import { FakeClock } from '../core/support/fake-clock.js';

const client = (extra: Partial<ParaSessionClient> = {}): ParaSessionClient => ({
  isSessionActive: async () => true,
  keepSessionAlive: async () => true,
  ...extra,
});

describe('paraSessionPort', () => {
  it('settles a call that never answers as a network failure after the request timeout', async () => {
    const clock = new FakeClock();
    const port = paraSessionPort(client({ isSessionActive: () => new Promise<boolean>(() => {}) }), clock, () => 20);
    const answer = port.isSessionActive();
    await clock.advance(20_000);
    expect(await answer).to.include({ ok: false, failure: 'network', message: 'No answer within 20 s' });
  });

  it('reads the timeout on every call, so a changed requestTimeout applies to the next one', async () => {
    const clock = new FakeClock();
    let timeout = 20;
    const port = paraSessionPort(client({ keepSessionAlive: () => new Promise<boolean>(() => {}) }), clock, () => timeout);
    timeout = 5;
    const answer = port.keepSessionAlive();
    await clock.advance(5_000);
    expect(await answer).to.include({ ok: false, message: 'No answer within 5 s' });
  });

  it('names what a client lacks, and has no logout to call when the client has none', () => {
    const clock = new FakeClock();
    expect(paraSessionPort(client(), clock, () => 20).problem()).to.equal(null);
    expect(paraSessionPort({ isSessionActive: async () => true } as unknown as ParaSessionClient, clock, () => 20).problem()).to.equal(
      'The Para client has no keepSessionAlive() method.',
    );
    expect(paraSessionPort(client(), clock, () => 20).logout()).to.equal(null);
  });

  it('exports without signers unless asked, and rejects with the SDK error itself', async () => {
    const clock = new FakeClock();
    const asked: boolean[] = [];
    const exportSession = ({ excludeSigners = false } = {}) => {
      asked.push(excludeSigners);
      return 'EXPORT';
    };
    const exporting = paraSessionPort(client({ exportSession }), clock, () => 20);
    expect(await exporting.exportSession()).to.equal('EXPORT');
    expect(await exporting.exportSession({ excludeSigners: false })).to.equal('EXPORT');
    expect(asked).to.deep.equal([true, false]);
    const failure = new Error('not signed in');
    const failing = paraSessionPort(client({ waitAndExportSession: () => Promise.reject(failure) }), clock, () => 20);
    const caught = await failing.exportSession().then(
      () => null,
      (error: unknown) => error,
    );
    expect(caught).to.equal(failure);
  });

  it('reads a cookie getter that throws as no cookie', () => {
    const retrieveSessionCookie = (): string => {
      throw new Error('storage denied');
    };
    const port = paraSessionPort(client({ retrieveSessionCookie }), new FakeClock(), () => 20);
    expect(port.sessionCookie()).to.equal(undefined);
  });
});
