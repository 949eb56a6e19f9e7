import { expect } from '@open-wc/testing';
import { createHarness, HOUR, MINUTE, SECOND, report, userActs } from './support/harness.js';

describe('session engine: keep-alive', () => {
  it('extends once per session cycle under keepAlive="always" and never lets the session lapse over 8 hours', async () => {
    const h = createHarness({ keepAlive: 'always' });
    await h.start();
    await h.clock.advance(8 * HOUR);
    expect(h.engine.state.status).to.equal('active');
    expect(h.server.isActive()).to.equal(true);
    // 2-hour sessions extended 5 minutes before expiry: one extension per 1 h 55 min.
    expect(h.server.counts.keepSessionAlive).to.equal(4);
    expect(h.fired.expired ?? 0).to.equal(0);
    report('scenario 1 always, 8 h', h.server.counts);
    h.engine.stop();
  });

  it('a session the server shortened, its cookie stored by another tab just before this tab extends (and that fails): warned before the real end', async () => {
    const h = createHarness({ keepAlive: 'always' });
    await h.start();
    const warnedWithLeft: number[] = [];
    h.engine.on('warning', () => warnedWithLeft.push(h.server.expiresAt! - h.clock.serverNow()));
    await h.clock.advance(h.engine.state.expiresAt! - 5 * MINUTE - h.clock.now() - 50);
    h.server.expiresAt = h.clock.serverNow() + 90 * SECOND;
    h.client['jar'].cookie = `capsule.sid=s%3Aabc; Path=/; Expires=${new Date(h.server.expiresAt).toUTCString()}; HttpOnly`;
    // The keep-alive endpoint fails (the SDK answers false on any failure); checks still answer.
    h.client.keepSessionAlive = () => Promise.resolve(false);
    let shownUsableAfterEnd = 0;
    for (let t = 0; t < 5 * MINUTE; t += SECOND) {
      await h.clock.advance(SECOND);
      if (!h.server.isActive() && (h.engine.state.status === 'active' || h.engine.state.status === 'expiring')) shownUsableAfterEnd += SECOND;
    }
    expect(warnedWithLeft.length, 'warned').to.equal(1);
    expect(warnedWithLeft[0]).to.be.greaterThan(0);
    expect(shownUsableAfterEnd, 'shown signed in after the real end').to.be.at.most(2 * SECOND);
    expect(h.engine.state.status).to.equal('expired');
    h.engine.stop();
  });

  it('makes no extension for an idle user under keepAlive="activity", warns warnBefore ahead, then expires exactly once', async () => {
    const h = createHarness();
    await h.start();
    const expiresAt = h.server.expiresAt!;
    let warnedAt: number | null = null;
    h.engine.on('warning', () => (warnedAt = h.clock.now()));
    await h.clock.advance(8 * HOUR);
    expect(h.server.counts.keepSessionAlive).to.equal(0);
    expect(warnedAt).to.equal(expiresAt - 120 * SECOND);
    expect(h.fired.expired).to.equal(1);
    expect(h.engine.state.status).to.equal('expired');
    expect(h.statuses).to.deep.equal(['idle', 'checking', 'active', 'expiring', 'expired']);
    report('scenario 1 activity idle, 8 h', h.server.counts);
    h.engine.stop();
  });

  it('extends for a user who is active, once per cycle, and never warns them', async () => {
    const h = createHarness();
    await h.start();
    for (let minute = 0; minute < 8 * 60; minute += 1) {
      userActs(h.environment);
      await h.clock.advance(MINUTE);
    }
    expect(h.server.counts.keepSessionAlive).to.equal(4);
    expect(h.fired.warning ?? 0).to.equal(0);
    expect(h.engine.state.status).to.equal('active');
    report('scenario 1 activity busy user, 8 h', h.server.counts);
    h.engine.stop();
  });

  it('does not count events dispatched by a script as the user being there: no extension, the warning comes', async () => {
    const h = createHarness();
    await h.start();
    const expiresAt = h.server.expiresAt!;
    let warnedAt: number | null = null;
    h.engine.on('warning', () => (warnedAt = h.clock.now()));
    for (let minute = 0; minute < 2 * 60 - 1; minute += 1) {
      h.environment.document.dispatchEvent(new Event('pointerdown'));
      h.environment.document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
      h.environment.window.dispatchEvent(new FocusEvent('focus'));
      await h.clock.advance(MINUTE);
    }
    expect(h.server.counts.keepSessionAlive).to.equal(0);
    expect(warnedAt).to.equal(expiresAt - 120 * SECOND);
    // The same input from a person extends.
    userActs(h.environment, 'keydown');
    await h.clock.advance(SECOND);
    expect(h.server.counts.keepSessionAlive).to.equal(1);
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });

  it('leaves the warning for active when the user acts during it', async () => {
    const h = createHarness();
    await h.start();
    await h.clock.advance(2 * HOUR - 100 * SECOND);
    expect(h.engine.state.status).to.equal('expiring');
    userActs(h.environment);
    await h.clock.advance(SECOND);
    expect(h.engine.state.status).to.equal('active');
    expect(h.server.counts.keepSessionAlive).to.equal(1);
    expect(h.engine.state.expiresAt! - h.clock.now()).to.be.greaterThan(HOUR);
    h.engine.stop();
  });

  it('ignores activity during the warning while a warning UI holds the choice; only extend() leaves it', async () => {
    const h = createHarness();
    await h.start();
    await h.clock.advance(2 * HOUR - 100 * SECOND);
    h.engine.holdWarning(true);
    userActs(h.environment);
    await h.clock.advance(10 * SECOND);
    expect(h.engine.state.status).to.equal('expiring');
    expect(h.server.counts.keepSessionAlive).to.equal(0);
    const extended = h.engine.extend();
    await h.clock.advance(SECOND);
    expect(await extended).to.equal(true);
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });

  it('stays active when keepSessionAlive() says false but the server says the session is active, and retries before expiry', async () => {
    const h = createHarness({ keepAlive: 'always' });
    await h.start();
    const realKeepAlive = h.client.keepSessionAlive.bind(h.client);
    let refusals = 2;
    // The first two keep-alives reach the server (and are counted) but answer false.
    h.client.keepSessionAlive = async () => {
      if (refusals-- <= 0) return realKeepAlive();
      h.server.counts.keepSessionAlive += 1;
      return false;
    };
    await h.clock.advance(2 * HOUR);
    expect(h.fired.expired ?? 0).to.equal(0);
    expect(h.engine.state.status).to.equal('active');
    expect(h.server.counts.keepSessionAlive).to.equal(3);
    expect(h.server.isActive()).to.equal(true);
    h.engine.stop();
  });

  it('moves expiresAt forward when the user signs, although the cookie is not updated', async () => {
    const h = createHarness();
    await h.start();
    const before = h.engine.state.expiresAt!;
    await h.clock.advance(HOUR);
    h.client.sign();
    await h.clock.advance(SECOND);
    expect(h.engine.state.expiresAt).to.equal(before + HOUR + SECOND);
    expect(h.engine.state.expiresAt).to.equal(h.server.expiresAt);
    // The session the signature extended does not warn or expire at the old time.
    await h.clock.advance(HOUR + MINUTE);
    expect(h.engine.state.status).to.equal('active');
    h.engine.stop();
  });

  it('keeps external-wallet and pregenerated sessions active with no requests for 24 hours', async () => {
    const external = createHarness();
    external.client.externalWalletConnectionType = 'CONNECTION_ONLY';
    const pregen = createHarness();
    pregen.client.userId = undefined;
    (pregen.client as unknown as { getUserShare: () => string }).getUserShare = () => 'user-share';
    for (const [h, kind] of [[external, 'external-wallet'], [pregen, 'pregen']] as const) {
      await h.start();
      await h.clock.advance(24 * HOUR);
      expect(h.engine.state).to.include({ status: 'active', kind, expiresAt: null });
      expect(h.server.requests).to.equal(0);
      expect(await h.engine.extend()).to.equal(true);
      h.engine.stop();
    }
  });
});

describe('a busy user\'s keep-alive and the truth check', function () {
  this.timeout(60_000);

  it('30-min session, busy user: a revocation just after a truth check is caught within truthCheckEvery (450 s), as the README promises', async () => {
    const h = createHarness({ sessionLength: 1800 });
    await h.start();
    expect(h.engine.options.truthCheckEvery).to.equal(450);
    // Just past the truth check at 900 s, the session is revoked (signed out on another device, an admin).
    await h.clock.advance(904 * SECOND);
    const checksBefore = h.server.counts.isSessionActive;
    h.server.revoke();
    const revokedAt = h.clock.serverNow();
    let seenAt: number | null = null;
    for (let s = 0; s < 900 && seenAt === null; s += 1) {
      if (s % 30 === 0) userActs(h.environment);
      await h.clock.advance(SECOND);
      if (h.engine.state.status === 'expired') seenAt = h.clock.serverNow();
    }
    const late = seenAt === null ? null : Math.round((seenAt - revokedAt) / SECOND);
    expect(checksBefore, 'checks by 905 s (start, 450 s, 900 s)').to.equal(3);
    expect(late, 'seconds from the revocation to expired').to.be.at.most(452);
  });
});
