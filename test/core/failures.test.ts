import { expect } from '@open-wc/testing';
import { createHarness, HOUR, MINUTE, SECOND, report, userActs } from './support/harness.js';
import { VISIBLE_LOOK_MS } from '../../src/core/wake.js';

describe('session engine: failures and wake-ups', () => {
  it('goes offline, backs off and never expires while the network is down for 10 minutes across the expiry point', async () => {
    const h = createHarness();
    await h.start();
    await h.clock.advance(2 * HOUR - 5 * MINUTE);
    h.server.online = false;
    const offlineFrom = h.server.requests;
    const attemptTimes: number[] = [];
    const original = h.client.isSessionActive.bind(h.client);
    h.client.isSessionActive = () => (attemptTimes.push(h.clock.now()), original());
    await h.clock.advance(10 * MINUTE);
    expect(h.engine.state.status).to.equal('offline');
    expect(h.engine.state.error?.kind).to.equal('network');
    expect(h.statuses).to.not.include('expired');
    const gaps = attemptTimes.slice(1).map((at, i) => at - attemptTimes[i]);
    // Exponential backoff with a cap: the gaps grow, then stay at most a minute.
    expect(gaps[1]).to.be.greaterThan(gaps[0]);
    expect(Math.max(...gaps)).to.be.at.most(MINUTE + SECOND);
    const requestsWhileOffline = h.server.requests - offlineFrom;
    // Back online: the session meanwhile ended on the server; one check tells the truth.
    h.server.online = true;
    const before = h.server.requests;
    h.environment.window.dispatchEvent(new Event('online'));
    await h.clock.advance(SECOND);
    expect(h.server.requests - before).to.equal(1);
    expect(h.engine.state.status).to.equal('expired');
    await h.clock.advance(8 * HOUR - 2 * HOUR - 5 * MINUTE - SECOND);
    report('scenario 4 offline 10 min, 8 h', { ...h.server.counts, requestsWhileOffline, backoffGapsSeconds: gaps.map((g) => Math.round(g / 1000)) });
    h.engine.stop();
  });

  it('returns to active after an outage when the server still has the session', async () => {
    const h = createHarness({ keepAlive: 'always' });
    await h.start();
    await h.clock.advance(2 * HOUR - 6 * MINUTE);
    h.server.online = false;
    await h.clock.advance(3 * MINUTE);
    expect(h.engine.state.status).to.equal('offline');
    h.server.online = true;
    await h.clock.advance(MINUTE);
    expect(h.engine.state.status).to.equal('active');
    // The extension the outage delayed still lands before expiry.
    expect(h.server.isActive()).to.equal(true);
    await h.clock.advance(HOUR);
    expect(h.server.isActive()).to.equal(true);
    expect(h.statuses).to.not.include('expired');
    h.engine.stop();
  });

  it('treats 429 and 5xx answers as failures to retry, never as an expiry', async () => {
    const h = createHarness({ keepAlive: 'always' });
    await h.start();
    h.server.failures.push(429, 503, 500, 502);
    await h.clock.advance(2 * HOUR - 4 * MINUTE);
    expect(h.statuses).to.not.include('expired');
    await h.clock.advance(2 * HOUR);
    expect(h.engine.state.status).to.equal('active');
    expect(h.server.isActive()).to.equal(true);
    h.engine.stop();
  });

  it('detects a server-side revocation mid-cycle with the truth check, and expires once', async () => {
    const h = createHarness();
    await h.start();
    await h.clock.advance(40 * MINUTE);
    h.server.revoke();
    const revokedAt = h.clock.now();
    let expiredAt = 0;
    h.engine.on('expired', () => (expiredAt = h.clock.now()));
    await h.clock.advance(30 * MINUTE);
    expect(h.fired.expired).to.equal(1);
    expect(expiredAt - revokedAt).to.be.at.most(15 * MINUTE);
    await h.clock.advance(2 * HOUR);
    expect(h.fired.expired).to.equal(1);
    report('scenario 5 revocation detected after (s)', (expiredAt - revokedAt) / 1000);
    h.engine.stop();
  });

  it('checks once, with no burst, when a tab hidden for 3 hours with throttled timers becomes visible', async () => {
    const h = createHarness();
    await h.start();
    h.environment.document.setVisible(false);
    h.clock.throttle(6 * MINUTE);
    const beforeHidden = h.server.requests;
    await h.clock.advance(3 * HOUR);
    const whileHidden = h.server.requests - beforeHidden;
    h.clock.throttle(0);
    const beforeVisible = h.server.requests;
    h.environment.document.setVisible(true);
    h.environment.window.dispatchEvent(new Event('focus'));
    await h.clock.advance(5 * SECOND);
    expect(h.server.requests - beforeVisible).to.equal(1);
    expect(h.engine.state.status).to.equal('expired');
    expect(whileHidden).to.be.at.most(2);
    await h.clock.advance(5 * HOUR);
    report('scenario 6 hidden 3 h then visible, 8 h', { ...h.server.counts, whileHidden });
    h.engine.stop();
  });

  it('checks within the promised look after an 8-hour sleep with no page event, and stays signed in when the server says active', async () => {
    const h = createHarness({ sessionLength: 30 * 24 * 3600 });
    await h.start();
    const before = h.server.requests;
    h.clock.sleep(8 * HOUR);
    await h.clock.advance(VISIBLE_LOOK_MS);
    expect(h.server.requests - before).to.equal(1);
    expect(h.engine.state.status).to.equal('active');
    expect(h.statuses).to.not.include('signed-out');
    expect(h.statuses).to.not.include('expired');
    h.engine.stop();
  });

  it('treats a timer that fired late as a guess and asks the server before acting', async () => {
    const h = createHarness({ keepAlive: 'always' });
    await h.start();
    h.clock.sleep(3 * HOUR);
    h.server.signIn();
    await h.clock.advance(2 * MINUTE);
    expect(h.statuses).to.not.include('expired');
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });

  it('shares one request among 100 concurrent check() calls', async () => {
    const h = createHarness();
    await h.start();
    const before = h.server.counts.isSessionActive;
    const checks = Array.from({ length: 100 }, () => h.engine.check());
    await h.clock.advance(SECOND);
    const states = await Promise.all(checks);
    expect(h.server.counts.isSessionActive - before).to.equal(1);
    expect(new Set(states.map((s) => s.status))).to.deep.equal(new Set(['active']));
    h.engine.stop();
  });

  it('does not wedge on a request that never answers', async () => {
    const h = createHarness({ requestTimeout: 5 });
    await h.start();
    h.server.hangNext = 1;
    const checking = h.engine.check();
    await h.clock.advance(6 * SECOND);
    const state = await checking;
    expect(state.status).to.equal('offline');
    await h.clock.advance(MINUTE);
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });
});

describe('session engine: clock changes', () => {
  it('keeps the session alive when the system clock is set back an hour', async () => {
    const h = createHarness({ keepAlive: 'always' });
    await h.start();
    await h.clock.advance(30 * MINUTE);
    h.clock.jumpWall(-HOUR);
    await h.clock.advance(4 * HOUR);
    expect(h.server.isActive()).to.equal(true);
    expect(h.statuses).to.not.include('expired');
    expect(h.server.counts.keepSessionAlive).to.be.within(2, 3);
    h.engine.stop();
  });

  it('checks within the promised look when the system clock is set forward with no page event, and stays signed in', async () => {
    const h = createHarness();
    await h.start();
    const before = h.server.requests;
    h.clock.jumpWall(3 * HOUR);
    await h.clock.advance(VISIBLE_LOOK_MS);
    expect(h.server.requests - before).to.be.at.least(1);
    expect(h.statuses).to.not.include('signed-out');
    h.engine.stop();
  });
});

describe('session engine: expiry read from whole-second cookies', () => {
  it('confirms again shortly when the server still says active at the cookie time, and expires within seconds of the real end', async () => {
    const h = createHarness();
    // The cookie's Expires has whole seconds: the real end is 700 ms after what it says.
    h.server.expiresAt = h.clock.serverNow() + 2 * HOUR + 700;
    await h.start();
    let expiredAt = 0;
    h.engine.on('expired', () => (expiredAt = h.clock.serverNow()));
    await h.clock.advance(2 * HOUR + MINUTE);
    expect(h.fired.expired).to.equal(1);
    expect(expiredAt - h.server.expiresAt!).to.be.within(0, 3 * SECOND);
    h.engine.stop();
  });

  it('asks again at the end of the cookie\'s second, not a second after a slow answer', async () => {
    const h = createHarness();
    // A slow network: each answer takes 800 ms. The real end is 900 ms after the cookie's whole second, so the
    // check at the cookie's time still hears "active", 800 ms late.
    h.server.latencyMs = 800;
    h.server.expiresAt = Math.floor((h.clock.serverNow() + 2 * HOUR) / SECOND) * SECOND + 900;
    await h.start();
    let expiredAt = 0;
    h.engine.on('expired', () => (expiredAt = h.clock.serverNow()));
    await h.clock.advance(2 * HOUR + MINUTE);
    expect(h.fired.expired).to.equal(1);
    // Asked again at the second's end (100 ms after the real end), answered 800 ms later; a re-check timed from
    // the slow answer would ask at 1,800 ms and expire 1,700 ms after the real end.
    expect(expiredAt - h.server.expiresAt!).to.be.within(0, 1_000);
    h.engine.stop();
  });
});

describe('session engine: a configured session length longer than the real one', () => {
  it('trusts the cookie after an extension and expires within seconds of the real end', async () => {
    // The page says 2 hours; Para's portal is set to 1 hour. Only the cookie knows.
    const h = createHarness({ sessionLength: 7200, sessionLengthMs: HOUR, warnBefore: 120, refreshBefore: 300 });
    await h.start();
    await h.clock.advance(HOUR - 4 * MINUTE);
    userActs(h.environment);
    await h.clock.advance(MINUTE);
    expect(h.server.counts.keepSessionAlive).to.equal(1);
    let expiredAt = 0;
    h.engine.on('expired', () => (expiredAt = h.clock.serverNow()));
    await h.clock.advance(HOUR + MINUTE);
    expect(h.fired.expired).to.equal(1);
    expect(expiredAt - h.server.expiresAt!).to.be.within(0, 2 * SECOND);
    h.engine.stop();
  });
});

describe('session engine: timers after sleep', () => {
  it('re-arms its timers after the machine sleeps, so a due extension still lands before expiry', async () => {
    const h = createHarness({ truthCheckEvery: 3600 });
    await h.start();
    await h.clock.advance(80 * MINUTE);
    userActs(h.environment);
    await h.clock.advance(MINUTE);
    // Timers run on the monotonic clock, which stands still while the machine sleeps: the extension planned
    // for 5 minutes before expiry would otherwise fire 20 minutes late, after the session ended.
    h.clock.sleep(20 * MINUTE);
    await h.clock.advance(20 * MINUTE);
    expect(h.server.counts.keepSessionAlive).to.equal(1);
    expect(h.server.isActive()).to.equal(true);
    expect(h.statuses).to.not.include('expired');
    h.engine.stop();
  });
});
