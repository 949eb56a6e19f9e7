import { expect } from '@open-wc/testing';
import { parseCookieExpiry } from '../../src/para/cookie.js';

describe('parseCookieExpiry', () => {
  it("reads the Expires attribute of Para's session cookie, wherever it stands and however it is cased", () => {
    const at = Date.parse('Wed, 02 Dec 2026 06:00:00 GMT');
    expect(parseCookieExpiry('x-capsule-sid=abc; Path=/; Expires=Wed, 02 Dec 2026 06:00:00 GMT; HttpOnly')).to.equal(at);
    expect(parseCookieExpiry('expires=Wed, 02 Dec 2026 06:00:00 GMT')).to.equal(at);
    expect(parseCookieExpiry('x-capsule-sid=abc;EXPIRES= Wed, 02 Dec 2026 06:00:00 GMT ')).to.equal(at);
  });

  it('is null for no cookie, a cookie without Expires, or a date that does not parse', () => {
    expect(parseCookieExpiry(undefined)).to.equal(null);
    expect(parseCookieExpiry('')).to.equal(null);
    expect(parseCookieExpiry('x-capsule-sid=abc; Max-Age=60')).to.equal(null);
    expect(parseCookieExpiry('x-capsule-sid=abc; Expires=soon')).to.equal(null);
  });

  it('does not mistake a value that merely contains "expires" for the attribute', () => {
    expect(parseCookieExpiry('note=neverexpires=Wed, 02 Dec 2026 06:00:00 GMT')).to.equal(null);
  });
});
