import { expect } from '@open-wc/testing';
import type { ParaSessionEngine } from '../../src/core/engine.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { createWorld, SECOND, settle, warningPage } from './support/session-fixture.js';

const shadow = (el: Element) => el.shadowRoot!;
const engineOf = (provider: ParaSession) => (provider as unknown as { handle: { $engine: { get(): ParaSessionEngine } } }).handle.$engine.get();

describe('the countdown\'s hold at 0:00 is for re-checks only', function () {
  this.timeout(60_000);

  it('60-s session: after a warning that ran to 0:00 and a sign-in again, the next warning counts down from 0:20 (not stuck at 0:00)', async () => {
    const world = createWorld({ sessionLengthMs: 60 * SECOND });
    const { provider, dialog } = await warningPage(world, { sessionLength: 60, status: false });
    const countdown = () => shadow(dialog).querySelector('[part="countdown"]')?.textContent?.trim();
    // First warning: idle user, runs out.
    await settle(world, world.server.expiresAt! - world.clock.serverNow() - 15 * SECOND);
    expect(countdown()).to.equal('0:15');
    await settle(world, 20 * SECOND);
    expect(provider.state.status).to.equal('expired');
    // The user signs in again.
    const engine = engineOf(provider);
    await engine.beginReauth();
    world.server.signIn();
    const done = engine.completeReauth();
    await settle(world, SECOND);
    await done;
    expect(provider.state.status).to.equal('active');
    // Idle again: the next warning (20 s before the end).
    await settle(world, world.server.expiresAt! - world.clock.serverNow() - 15 * SECOND);
    expect(provider.state.status).to.equal('expiring');
    const heard: string[] = [];
    const shown: string[] = [];
    for (let s = 0; s < 12; s += 1) {
      shown.push(countdown() ?? '');
      const text = shadow(dialog).querySelector('[data-live="assertive"]')?.textContent?.trim();
      if (text && !heard.some((h) => h.endsWith(text))) heard.push(`${countdown()}: ${text}`);
      await settle(world, SECOND);
    }
    expect({ shown: shown.slice(0, 3), heard }, 'second warning').to.deep.equal({ shown: ['0:15', '0:14', '0:13'], heard: ['0:10: Your session ends in 10 seconds.'] });
  });

  it('2-h session: clock set forward 50 s with 60 s left; once the server shows the real end, the countdown shows it (not 0:00 for 50 s)', async () => {
    const world = createWorld();
    const { provider, dialog, status: shown } = await warningPage(world);
    const status = shown!;
    const countdown = () => shadow(dialog).querySelector('[part="countdown"]')?.textContent?.trim();
    const end = world.server.expiresAt!;
    await settle(world, end - world.clock.serverNow() - 60 * SECOND);
    expect(countdown()).to.equal('1:00');
    world.clock.jumpWall(50 * SECOND);
    const trail: string[] = [];
    const heard: string[] = [];
    for (let s = 0; s < 62; s += 1) {
      await settle(world, SECOND);
      const real = Math.ceil((end - world.clock.serverNow()) / 1000);
      const left = provider.state.expiresAt === null ? null : Math.ceil((provider.state.expiresAt - world.clock.now()) / 1000);
      trail.push(`real ${real} engine ${left} ${provider.state.status} dialog ${countdown()} status ${shadow(status).querySelector('[part="time"]')?.textContent?.trim()}`);
      const text = shadow(dialog).querySelector('[data-live="assertive"]')?.textContent?.trim();
      if (text && !heard.includes(text)) heard.push(text);
    }
    console.log(trail.join('\n'));
    // 30 s of real time left, the engine knows it (its expiry is the real end): what does the user see?
    const at30 = trail.find((line) => line.startsWith('real 30 '));
    expect(at30, 'with 30 s really left').to.match(/dialog 0:30 /);
    expect(heard, 'assertive marks').to.include('Your session ends in 20 seconds.');
  });
});
