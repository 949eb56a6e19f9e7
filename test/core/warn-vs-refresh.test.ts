import { expect } from '@open-wc/testing';
import { createHarness, HOUR, MINUTE, SECOND, userActs, type Harness } from './support/harness.js';
import { TabWorld } from './support/tab-world.js';

/** A user who acts every minute for 8 hours: no option was refused, and no warning was shown. */
async function busyForEightHours(h: Harness): Promise<void> {
  for (let minute = 0; minute < 8 * 60; minute += 1) {
    userActs(h.environment);
    await h.clock.advance(MINUTE);
  }
  expect(h.warnings, 'option warnings').to.deep.equal([]);
  expect(h.fired.warning ?? 0, 'warnings shown to a busy user in 8 h').to.equal(0);
}

describe('warn-before longer than refresh-before: the warning is for an idle user', function () {
  this.timeout(60_000);

  it('a busy user on a 7200-s session with warn-before=600 is never warned (warn-before warns an idle user)', async () => {
    const h = createHarness({ sessionLength: 7200, warnBefore: 600 });
    await h.start();
    await busyForEightHours(h);
    // Extended when the warning would have come: once per cycle, as with the defaults.
    expect(h.server.counts.keepSessionAlive).to.be.within(4, 5);
    h.engine.stop();
  });

  it('an idle user with warn-before=600 is still warned once, 10 minutes before the end, and not extended', async () => {
    const h = createHarness({ sessionLength: 7200, warnBefore: 600 });
    await h.start();
    const end = h.server.expiresAt!;
    let warnedAt: number | null = null;
    h.engine.on('warning', () => (warnedAt = h.clock.serverNow()));
    await h.clock.advance(3 * HOUR);
    expect([h.fired.warning, h.fired.expired, h.server.counts.keepSessionAlive]).to.deep.equal([1, 1, 0]);
    expect(end - warnedAt!).to.equal(600 * SECOND);
    h.engine.stop();
  });

  it('a busy user on the default 7200-s session with refresh-before=60 is never warned', async () => {
    const h = createHarness({ sessionLength: 7200, refreshBefore: 60 });
    await h.start();
    await busyForEightHours(h);
    h.engine.stop();
  });

  it('keep-alive="always" (the session never ends) never warns, 7200 s with warn-before=600', async () => {
    const h = createHarness({ sessionLength: 7200, keepAlive: 'always', warnBefore: 600 });
    await h.start();
    await h.clock.advance(8 * HOUR);
    expect(h.server.isActive()).to.equal(true);
    expect(h.fired.warning ?? 0, 'warnings under keep-alive=always in 8 h').to.equal(0);
    h.engine.stop();
  });

  it('a busy user on a 60-s session with refresh-before=10 (the documented minimum) is never warned', async () => {
    const h = createHarness({ sessionLength: 60, refreshBefore: 10 });
    await h.start();
    for (let s = 0; s < 3600; s += 1) {
      if (s % 3 === 0) userActs(h.environment);
      await h.clock.advance(SECOND);
    }
    expect(h.server.isActive()).to.equal(true);
    expect(h.fired.warning ?? 0, 'warnings shown to a busy user in 1 h').to.equal(0);
    h.engine.stop();
  });

  it('a busy user on a 60-s session with refresh-before=10 and a warning UI holding the choice stays signed in', async () => {
    const h = createHarness({ sessionLength: 60, refreshBefore: 10 });
    await h.start();
    // As <para-reauth-dialog> does while its warning is open.
    h.engine.on('change', ({ state, previous }) => {
      if (state.status === 'expiring' && previous.status !== 'expiring') h.engine.holdWarning(true);
      if (state.status !== 'expiring' && previous.status === 'expiring') h.engine.holdWarning(false);
    });
    let lapsed = 0;
    for (let s = 0; s < 600; s += 1) {
      if (s % 3 === 0) userActs(h.environment);
      await h.clock.advance(SECOND);
      if (!h.server.isActive()) lapsed += 1;
    }
    expect([h.fired.warning ?? 0, h.fired.expired ?? 0, lapsed], '[warnings, expiries, seconds lapsed] for a busy user in 10 min').to.deep.equal([0, 0, 0]);
    h.engine.stop();
  });

  for (const [name, options] of [
    ['warn-before=20 over refresh-before=10 on 60 s', { sessionLength: 60, warnBefore: 20, refreshBefore: 10 }],
    ['the defaults on 2 h', { sessionLength: 7200 }],
  ] as const) {
    it(`${name}: a user idle after signing in (typing and clicking in the sign-in form) is not extended; warned once, then ended`, async () => {
      const h = createHarness({ ...options, signedIn: false });
      h.client.userId = undefined;
      await h.start();
      expect(h.engine.state.status).to.equal('signed-out');
      // The sign-in form: the user types and clicks, then the SDK reports the login.
      userActs(h.environment, 'keydown');
      await h.clock.advance(5 * SECOND);
      userActs(h.environment, 'pointerdown');
      h.server.signIn();
      h.client.userId = 'user-a';
      h.environment.window.dispatchEvent(new CustomEvent('paraLogin'));
      await h.clock.advance(SECOND);
      expect(h.engine.state.status).to.equal('active');
      const end = h.server.expiresAt!;
      let warnedAt: number | null = null;
      h.engine.on('warning', () => (warnedAt = h.clock.serverNow()));
      await h.clock.advance(end - h.clock.serverNow() + 5 * SECOND);
      expect([h.server.counts.keepSessionAlive, h.fired.warning, h.fired.expired], '[keep-alives, warnings, expiries]').to.deep.equal([0, 1, 1]);
      expect(end - warnedAt!).to.equal((options.warnBefore ?? 120) * SECOND);
      h.engine.stop();
    });
  }

  it('two tabs, warn-before=20 over refresh-before=10 on 60 s: the user signs in in one and stays idle; no tab extends, each is warned once', async () => {
    const world = new TabWorld({ sessionLength: 60, signedIn: false });
    const tabs = [world.open(), world.open({ visible: false })];
    for (const tab of tabs) tab.engine.setOptions({ warnBefore: 20, refreshBefore: 10 });
    await world.advance(2 * SECOND);
    for (const tab of tabs) tab.client.userId = undefined;
    userActs(tabs[0].environment, 'keydown');
    await world.advance(3 * SECOND);
    world.server.signIn();
    for (const tab of tabs) tab.client.userId = 'user-a';
    tabs[0].environment.window.dispatchEvent(new CustomEvent('paraLogin'));
    await world.advance(2 * SECOND);
    expect(tabs.map((tab) => tab.engine.state.status)).to.deep.equal(['active', 'active']);
    const warnings = tabs.map(() => 0);
    tabs.forEach((tab, i) => tab.engine.on('warning', () => (warnings[i] += 1)));
    await world.advance(70 * SECOND);
    expect(world.server.counts.keepSessionAlive, 'keep-alives').to.equal(0);
    expect(warnings, 'warnings per tab').to.deep.equal([1, 1]);
    world.closeAll();
  });
});

