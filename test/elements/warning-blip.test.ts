import { expect } from '@open-wc/testing';
import { createHarness, SECOND, userActs } from '../core/support/harness.js';
import { createWorld, renders, settle, warningPage } from './support/session-fixture.js';

/** A 119-s session (warned 39 s before its end) with the warning dialog. */
async function shortSessionWithDialog() {
  const world = createWorld({ sessionLengthMs: 119 * SECOND });
  const { provider } = await warningPage(world, { sessionLength: 119, status: false });
  return { world, provider };
}

describe('a network blip inside the warning window: still the same warning', function () {
  this.timeout(60_000);

  it('engine: an idle user on a 119-s session whose network drops for 10 s in the warning is warned once', async () => {
    // 119 s: warning 39 s before the end, truth checks every 30 s (one falls inside the warning).
    const h = createHarness({ sessionLength: 119 });
    await h.start();
    const end = h.server.expiresAt!;
    await h.clock.advance(end - h.clock.serverNow() - 35 * SECOND);
    expect(h.engine.state.status).to.equal('expiring');
    // The Wi-Fi drops for 10 s; the truth check meets it.
    h.server.online = false;
    await h.clock.advance(10 * SECOND);
    h.server.online = true;
    h.environment.window.dispatchEvent(new Event('online'));
    await h.clock.advance(2 * SECOND);
    expect(h.fired.warning, 'warning events for one warning window').to.equal(1);
    expect(h.statuses.slice(-3), 'the last statuses').to.deep.equal(['expiring', 'offline', 'expiring']);
    h.engine.stop();
  });

  it('element: the warning dialog stays open across the blip (it does not close and reopen)', async () => {
    const { world, provider } = await shortSessionWithDialog();
    const dialog = provider.querySelector('para-reauth-dialog')!;
    const native = dialog.shadowRoot!.querySelector('dialog')!;
    const end = world.server.expiresAt!;
    await settle(world, end - world.clock.serverNow() - 35 * SECOND);
    expect(native.open).to.equal(true);
    const openStates: boolean[] = [];
    const watch = async (ms: number) => {
      for (let t = 0; t < ms; t += 100) {
        await world.clock.advance(100);
        await renders();
        if (openStates[openStates.length - 1] !== native.open) openStates.push(native.open);
      }
    };
    openStates.push(native.open);
    world.server.online = false;
    await watch(10000);
    world.server.online = true;
    world.environment.window.dispatchEvent(new Event('online'));
    await watch(2000);
    expect(openStates, 'the dialog open, sampled each 100 ms').to.deep.equal([true]);
  });

  it('element: moving the pointer during the warning is not a choice, even across a network blip', async () => {
    const { world, provider } = await shortSessionWithDialog();
    let warningEvents = 0;
    provider.addEventListener('para-session-warning', () => (warningEvents += 1));
    const end = world.server.expiresAt!;
    await settle(world, end - world.clock.serverNow() - 36 * SECOND);
    expect(provider.state.status).to.equal('expiring');
    // The user moves the mouse over the open warning (README: not a choice), then the Wi-Fi drops for 10 s.
    userActs(world.environment, 'pointermove');
    await settle(world, SECOND);
    world.server.online = false;
    await settle(world, 10 * SECOND);
    world.server.online = true;
    world.environment.window.dispatchEvent(new Event('online'));
    await settle(world, 2 * SECOND);
    const open = provider.querySelector('para-reauth-dialog')!.shadowRoot!.querySelector('dialog')!.open;
    expect(
      { status: provider.state.status, extensions: world.server.counts.keepSessionAlive, warningEvents, dialogOpen: open },
      'after the blip',
    ).to.deep.equal({ status: 'expiring', extensions: 0, warningEvents: 1, dialogOpen: true });
  });
});
