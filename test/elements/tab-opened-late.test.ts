import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import { button, dialogOpen, MINUTE, SECOND, sh, statuses, TabPages } from './support/tab-pages.js';

/**
 * A tab opened after the others were told something: a sign-out still owed (Para could not be reached when the
 * user pressed it), or the warning. It heard neither, so it kept the session alive over the user's sign-out, lost
 * that sign-out once the tabs that owed it closed, and showed no warning in the warning window.
 */
const PENDING = 'You are not signed out yet: Para could not be reached. You will be signed out as soon as it can be.';
const errorOf = (dialog: ParaReauthDialog) => sh(dialog).querySelector('[part="error"]')?.textContent?.trim() ?? null;

type Tab = TabPages['tabs'][number];

/** Para's logout fails (a network error) while its other calls answer, until `para.fails` is false. */
function flakyLogout(tab: Tab, para: { fails: boolean }) {
  const logout = tab.client.logout.bind(tab.client);
  tab.client.logout = (options?: { clearPregenWallets?: boolean }) =>
    para.fails ? Promise.reject(Object.assign(new Error('Network Error'), { code: 'ERR_NETWORK' })) : logout(options);
}

async function warned(world: TabPages) {
  await world.settle(world.server.expiresAt! - world.clock.now() - 110 * SECOND);
  await world.run(2 * SECOND);
}

describe('a tab opened late hears what the other tabs were told', () => {
  afterEach(() => {
    sinon.restore();
    document.querySelectorAll('body > div').forEach((host) => host.remove());
  });

  it('inside the warning window, beside tabs that warn: it warns too', async () => {
    const world = new TabPages();
    world.open();
    world.open();
    await world.run(3 * SECOND);
    await warned(world);
    const late = world.open();
    await world.run(5 * SECOND);
    expect(late.provider.state.status).to.equal('expiring');
    expect(dialogOpen(late.dialog)).to.equal(true);
  });

  it('a sign-out owed before it opened: at the warning it says so, and its "Stay signed in" extends nothing', async () => {
    const world = new TabPages();
    const a = world.open();
    world.open();
    await world.run(3 * SECOND);
    const para = { fails: true };
    for (const tab of world.tabs) flakyLogout(tab, para);
    await a.provider.logout().catch(() => undefined);
    await world.run(2 * SECOND);
    const late = world.open();
    flakyLogout(late, para);
    await world.run(5 * SECOND);
    await warned(world);
    expect(dialogOpen(late.dialog)).to.equal(true);
    expect(errorOf(late.dialog)).to.equal(PENDING);
    const keepAlives = world.server.counts.keepSessionAlive;
    button(late.dialog, 'Stay signed in')!.click();
    await world.run(3 * SECOND);
    expect(world.server.counts.keepSessionAlive - keepAlives, 'no extension over the owed sign-out').to.equal(0);
    para.fails = false;
    await world.run(3 * MINUTE, 5 * SECOND);
    expect(statuses(world)).to.deep.equal(['signed-out', 'signed-out', 'signed-out']);
  });

  for (const how of ['offline', 'flaky logout'] as const) {
    it(`${how}: the tabs that owed the sign-out close; the late tab finishes it once Para answers`, async () => {
      const world = new TabPages();
      const a = world.open();
      await world.run(3 * SECOND);
      const para = { fails: true };
      if (how === 'offline') world.server.online = false;
      else flakyLogout(a, para);
      await a.provider.logout().catch(() => undefined);
      await world.run(2 * SECOND);
      const late = world.open();
      if (how === 'flaky logout') flakyLogout(late, para);
      await world.run(5 * SECOND);
      a.host.remove();
      await world.run(2 * SECOND);
      world.server.online = true;
      para.fails = false;
      late.environment.window.dispatchEvent(new Event('online'));
      await world.run(5 * MINUTE, 5 * SECOND);
      expect(late.provider.state.status, 'the sign-out the user asked for went through').to.equal('signed-out');
      expect(world.server.isActive()).to.equal(false);
    });
  }

  it('pressed in the warning, the owing tabs close: the late tab signs out, it does not ask to sign in again', async () => {
    const world = new TabPages();
    const [a, b] = [world.open(), world.open()];
    await world.run(3 * SECOND);
    await warned(world);
    const para = { fails: true };
    for (const tab of world.tabs) flakyLogout(tab, para);
    button(a.dialog, 'Sign out')!.click();
    await world.run(2 * SECOND);
    const late = world.open();
    flakyLogout(late, para);
    await world.run(5 * SECOND);
    a.host.remove();
    b.host.remove();
    para.fails = false;
    await world.run(4 * MINUTE, 5 * SECOND);
    expect(late.provider.state.status).to.equal('signed-out');
  });
});
