import { expect } from '@open-wc/testing';
import { leaderNewsAt, MIN_EXTENSION_GAP_MS, planNext, type PlanInput } from '../../src/core/plan.js';

const NOW = 1_000_000_000;
const base = (patch: Partial<PlanInput> = {}): PlanInput => ({
  now: NOW,
  status: 'active',
  kind: 'user',
  expiresAt: NOW + 3_600_000,
  lastActivityAt: null,
  lastExtendedAt: null,
  lastCheckedAt: NOW,
  options: { keepAlive: 'activity', refreshBefore: 300, warnBefore: 120, truthCheckEvery: 900 },
  visible: true,
  retryAt: null,
  warningHeld: false,
  ...patch,
});

describe('planNext: the schedule comes from the expiry', () => {
  it('plans a truth check before anything else when the expiry is far', () => {
    expect(planNext(base())).to.deep.equal({ at: NOW + 900_000, action: 'truth-check' });
  });

  it('plans no truth check while the page is hidden: the warning comes next for an idle user', () => {
    expect(planNext(base({ visible: false }))).to.deep.equal({ at: NOW + 3_600_000 - 120_000, action: 'warn' });
  });

  it('plans an extension refreshBefore ahead of expiry once the user was active', () => {
    const plan = planNext(base({ visible: false, lastActivityAt: NOW - 1 }));
    expect(plan).to.deep.equal({ at: NOW + 3_600_000 - 300_000, action: 'extend' });
  });

  it('never plans two extensions within the minimum gap, whatever the expiry says', () => {
    const plan = planNext(base({ status: 'expiring', visible: false, expiresAt: NOW + 60_000, lastActivityAt: NOW, lastExtendedAt: NOW - 1 }));
    expect(plan).to.deep.equal({ at: NOW - 1 + MIN_EXTENSION_GAP_MS, action: 'extend' });
  });

  it('does not let activity extend while a warning UI holds the choice', () => {
    const plan = planNext(base({ status: 'expiring', visible: false, expiresAt: NOW + 60_000, lastActivityAt: NOW, warningHeld: true }));
    expect(plan).to.deep.equal({ at: NOW + 60_000, action: 'confirm' });
  });

  it('extends under "always" without activity, and never under "off"', () => {
    const options = { keepAlive: 'always', refreshBefore: 300, warnBefore: 120, truthCheckEvery: 900 } as const;
    expect(planNext(base({ visible: false, options }))?.action).to.equal('extend');
    expect(planNext(base({ visible: false, lastActivityAt: NOW, options: { ...options, keepAlive: 'off' } }))?.action).to.equal('warn');
  });

  it('only retries while offline, and plans nothing for ended, external-wallet or pregen sessions', () => {
    expect(planNext(base({ status: 'offline', retryAt: NOW + 5000 }))).to.deep.equal({ at: NOW + 5000, action: 'retry' });
    expect(planNext(base({ status: 'expired' }))).to.equal(null);
    expect(planNext(base({ status: 'signed-out' }))).to.equal(null);
    expect(planNext(base({ kind: 'external-wallet', expiresAt: null }))).to.equal(null);
    expect(planNext(base({ kind: 'pregen', expiresAt: null }))).to.equal(null);
  });
});

describe('leaderNewsAt: when a follower expects its leader to change what every tab shows', () => {
  const expiresAt = NOW + 3_600_000;
  it('expects the warning for an idle user, and the extension first once the user was active', () => {
    expect(leaderNewsAt(base(), -Infinity)).to.equal(expiresAt - 120_000);
    expect(leaderNewsAt(base({ lastActivityAt: NOW }), -Infinity)).to.equal(expiresAt - 300_000);
  });

  it('skips what was already asked about, and expects nothing after the last news', () => {
    const active = base({ lastActivityAt: NOW });
    expect(leaderNewsAt(active, expiresAt - 300_000)).to.equal(expiresAt - 120_000);
    expect(leaderNewsAt(active, expiresAt - 120_000)).to.equal(null);
    expect(leaderNewsAt(base({ status: 'expiring', lastActivityAt: NOW }), expiresAt - 300_000)).to.equal(null);
  });

  it('keeps the minimum gap between extensions, and expects nothing of ended, offline or wallet sessions', () => {
    expect(leaderNewsAt(base({ lastActivityAt: NOW, lastExtendedAt: NOW - 1, expiresAt: NOW + 60_000, options: { keepAlive: 'activity', refreshBefore: 300, warnBefore: 20, truthCheckEvery: 900 } }), -Infinity)).to.equal(NOW - 1 + MIN_EXTENSION_GAP_MS);
    for (const patch of [{ status: 'expired' }, { status: 'offline' }, { kind: 'external-wallet', expiresAt: null }, { expiresAt: null }] as const) {
      expect(leaderNewsAt(base(patch as Partial<PlanInput>), -Infinity), JSON.stringify(patch)).to.equal(null);
    }
  });
});
