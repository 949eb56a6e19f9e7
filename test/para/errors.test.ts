import { expect } from '@open-wc/testing';
import { ClientTimeoutError, classifyParaFailure, describeFailure } from '../../src/para/errors.js';

describe('classifyParaFailure', () => {
  it('any HTTP status is the server failing to answer, never an expiry', () => {
    expect(classifyParaFailure({ status: 500, message: 'Internal' })).to.equal('server');
    expect(classifyParaFailure({ status: 429, code: 'ERR_NETWORK' })).to.equal('server');
  });

  it("the SDK's offline errors, fetch's TypeError and our own timeout are network failures", () => {
    expect(classifyParaFailure({ code: 'ERR_NETWORK', message: 'x' })).to.equal('network');
    expect(classifyParaFailure({ message: 'Connection error' })).to.equal('network');
    expect(classifyParaFailure(new TypeError('Failed to fetch'))).to.equal('network');
    expect(classifyParaFailure(new ClientTimeoutError('No answer within 20 s'))).to.equal('network');
  });

  it('anything else is the client misbehaving', () => {
    expect(classifyParaFailure(new Error('boom'))).to.equal('client');
    expect(classifyParaFailure('boom')).to.equal('client');
    expect(classifyParaFailure(null)).to.equal('client');
  });

  it('describes errors, strings and the rest in one line', () => {
    expect(describeFailure(new Error('boom'))).to.equal('boom');
    expect(describeFailure('plain')).to.equal('plain');
    expect(describeFailure({})).to.equal('Unknown failure');
  });
});
