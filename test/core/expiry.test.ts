import { expect } from '@open-wc/testing';
import { ExpiryTracker } from '../../src/core/expiry.js';
import { parseCookieExpiry } from '../../src/para/cookie.js';

const NOW = Date.UTC(2026, 11, 2, 9, 0, 0);
const HOUR = 3_600_000;
const cookieFor = (at: number) => `x-capsule-sid=abc; Expires=${new Date(at).toUTCString()}`;

/** A tracker over a cookie jar the test sets, with a session length the test may change. */
function tracker(sessionLength = 7200) {
  const jar = { cookie: undefined as string | undefined, sessionLength };
  const expiry = new ExpiryTracker(
    { sessionCookie: () => jar.cookie, cookieExpiry: parseCookieExpiry },
    () => jar.sessionLength,
  );
  return { jar, expiry };
}

describe('ExpiryTracker', () => {
  it('without a cookie, a first confirmation assumes the session started now', () => {
    const { expiry } = tracker();
    expect(expiry.confirmedActive(NOW, null)).to.equal(NOW + 2 * HOUR);
  });

  it("a cookie that points to the future is the server's word", () => {
    const { jar, expiry } = tracker();
    jar.cookie = cookieFor(NOW + HOUR);
    expect(expiry.confirmedActive(NOW, null)).to.equal(NOW + HOUR);
  });

  it('still active past the cookie time: confirm again within a second, then back off', () => {
    const { jar, expiry } = tracker();
    jar.cookie = cookieFor(NOW - 1_000);
    expect(expiry.confirmedActive(NOW, NOW - 1_000)).to.equal(NOW + 1_000);
    expect(expiry.confirmedActive(NOW + 1_000, NOW + 1_000)).to.equal(NOW + 3_000);
  });

  it("past a whole-second cookie, first asks again at that second's end, then backs off from each answer", () => {
    const { jar, expiry } = tracker();
    jar.cookie = cookieFor(NOW);
    // A slow answer, 800 ms into the cookie's second: the real end is before NOW + 1 s, so ask then.
    expect(expiry.confirmedActive(NOW + 800, NOW)).to.equal(NOW + 1_000);
    // Still active at the second's end: an extension or a clock off, not the rounding; back off from the answer.
    expect(expiry.confirmedActive(NOW + 1_100, NOW + 1_000)).to.equal(NOW + 3_100);
    // An answer that came after the second had ended has nothing to wait for: the usual first step, 1 s.
    const late = tracker();
    late.jar.cookie = cookieFor(NOW);
    expect(late.expiry.confirmedActive(NOW + 1_200, NOW)).to.equal(NOW + 2_200);
  });

  it('an extension that left the cookie unchanged trusts the estimate until the cookie changes', () => {
    const { jar, expiry } = tracker();
    jar.cookie = cookieFor(NOW + 60_000);
    const before = expiry.cookieSnapshot();
    expect(expiry.extended(NOW, before)).to.equal(NOW + 2 * HOUR);
    jar.cookie = cookieFor(NOW + HOUR);
    expect(expiry.current(NOW)).to.equal(NOW + HOUR);
  });

  it('signing sets a floor a stale cookie cannot undercut', () => {
    const { jar, expiry } = tracker();
    jar.cookie = cookieFor(NOW + 60_000);
    expect(expiry.signed(NOW)).to.equal(NOW + 2 * HOUR);
    expiry.reset();
    expect(expiry.current(NOW)).to.equal(NOW + 60_000);
  });

  it("an older cookie written after this tab's extension (another tab's slower answer) does not undo the extension", () => {
    const { jar, expiry } = tracker(60);
    jar.cookie = cookieFor(NOW + 20_000);
    const before = expiry.cookieSnapshot();
    // The keep-alive answers with the cookie it renewed.
    jar.cookie = cookieFor(NOW + 60_000);
    expect(expiry.extended(NOW, before)).to.equal(NOW + 60_000);
    // Then a check sent before the extension, answered after it, stores the cookie it carried.
    jar.cookie = cookieFor(NOW + 20_000);
    expect(expiry.current(NOW + 1_000)).to.equal(NOW + 60_000);
    expect(expiry.confirmedActive(NOW + 1_000, NOW + 60_000)).to.equal(NOW + 60_000);
    // A later extension (another tab's) still moves it on; a new session starts over.
    jar.cookie = cookieFor(NOW + 90_000);
    expect(expiry.confirmedActive(NOW + 30_000, NOW + 60_000)).to.equal(NOW + 90_000);
    expiry.reset();
    jar.cookie = cookieFor(NOW + 50_000);
    expect(expiry.confirmedActive(NOW + 31_000, null)).to.equal(NOW + 50_000);
  });

  it("a cookie never seen before that reads earlier is the server's news (it shortened the session): it holds", () => {
    const { jar, expiry } = tracker(60);
    jar.cookie = cookieFor(NOW + 60_000);
    expect(expiry.confirmedActive(NOW, null)).to.equal(NOW + 60_000);
    jar.cookie = cookieFor(NOW + 25_000);
    expect(expiry.confirmedActive(NOW + 1_000, NOW + 60_000)).to.equal(NOW + 25_000);
    // And from then on that one is the end: the copy from before it is older news than it.
    expect(expiry.current(NOW + 2_000)).to.equal(NOW + 25_000);
  });

  it("news first met as the cookie an extension starts from (that keep-alive then failing) still holds", () => {
    const { jar, expiry } = tracker();
    jar.cookie = cookieFor(NOW + HOUR);
    expect(expiry.confirmedActive(NOW, null)).to.equal(NOW + HOUR);
    // Another tab's answer stored the server's shortened session; this tab's extension starts from it, and fails.
    jar.cookie = cookieFor(NOW + 3 * 60_000);
    expiry.cookieSnapshot();
    expect(expiry.confirmedActive(NOW + 1_000, NOW + HOUR)).to.equal(NOW + 3 * 60_000);
  });

  it('after that news, a copy of a cookie from before it coming back is older than the news: the news holds', () => {
    const { jar, expiry } = tracker();
    const before = cookieFor(NOW + HOUR);
    jar.cookie = before;
    expiry.confirmedActive(NOW, null);
    jar.cookie = cookieFor(NOW + 3 * 60_000);
    expect(expiry.confirmedActive(NOW + 1_000, NOW + HOUR)).to.equal(NOW + 3 * 60_000);
    // A slow check's answer stores the cookie it carried.
    jar.cookie = before;
    expect(expiry.confirmedActive(NOW + 2_000, NOW + 3 * 60_000)).to.equal(NOW + 3 * 60_000);
  });

  it("after that news, this tab's own extension answering with a string seen before (the same second as the first cookie) is the new end", () => {
    const { jar, expiry } = tracker(90);
    const first = cookieFor(NOW + 90_000);
    jar.cookie = first;
    expiry.confirmedActive(NOW, null);
    // The server shortens the session; a check brings the news.
    jar.cookie = cookieFor(NOW + 25_000);
    expect(expiry.confirmedActive(NOW + 300, NOW + 90_000)).to.equal(NOW + 25_000);
    // "Stay signed in", within the same second: the keep-alive's cookie is the first one's string again.
    const before = expiry.cookieSnapshot();
    jar.cookie = first;
    expect(expiry.extended(NOW + 600, before)).to.equal(NOW + 90_000);
    expect(expiry.current(NOW + 1_000)).to.equal(NOW + 90_000);
  });

  it("a sign-in's pending cookie, read while signing in, is no floor for the session it brings (1-minute sessions)", () => {
    const { jar, expiry } = tracker(60);
    // The pending session the SDK's sign-in holds says about 10 minutes; the engine reads it in passing.
    jar.cookie = cookieFor(NOW + 10 * 60_000);
    expect(expiry.longestSessionMs(NOW)).to.equal(10 * 60_000);
    // Signed in: the session's own cookie, one minute.
    jar.cookie = cookieFor(NOW + 65_000);
    expect(expiry.confirmedActive(NOW + 5_000, null)).to.equal(NOW + 65_000);
  });

  it('a shorter session than configured, shown by the cookie the extension renewed, stays the shorter one', () => {
    const { jar, expiry } = tracker(7200);
    jar.cookie = cookieFor(NOW + 60_000);
    const before = expiry.cookieSnapshot();
    jar.cookie = cookieFor(NOW + HOUR);
    expect(expiry.extended(NOW, before)).to.equal(NOW + HOUR);
    expect(expiry.confirmedActive(NOW + 1_000, NOW + HOUR)).to.equal(NOW + HOUR);
  });

  it('reads the session length live, in seconds', () => {
    const { jar, expiry } = tracker();
    jar.sessionLength = 600;
    expect(expiry.confirmedActive(NOW, null)).to.equal(NOW + 600_000);
  });
});
