import { expect } from '@open-wc/testing';
import { SECOND } from '../support/harness.js';
import { TabWorld } from '../support/tab-world.js';

/**
 * What the tabs tell a tab that opens (a sign-out still owed, the leader's warning) must cost nothing more and
 * undo nothing: a tab opening is not news for the tabs already open.
 */
async function settle<T>(world: TabWorld, promise: Promise<T>): Promise<T> {
  let done = false;
  const result = promise.finally(() => (done = true));
  for (let i = 0; i < 100 && !done; i += 1) await world.advance(100);
  return result;
}

for (const locks of [true, false]) {
  describe(`tabs that open while a sign-out is owed or the warning shows (${locks ? 'Web Locks' : 'lease'})`, () => {
    it('10 tabs opened and closed while a sign-out is owed offline: no more logout tries than with none opened', async () => {
      const tries: number[] = [];
      for (const openings of [0, 10]) {
        const world = new TabWorld({ locks });
        const [a] = [world.open(), world.open(), world.open()];
        await world.advance(3 * SECOND);
        world.server.online = false;
        await settle(world, a.engine.logout().catch(() => undefined));
        await world.advance(SECOND);
        const before = world.server.counts.logout;
        for (let i = 0; i < 10; i += 1) {
          if (i < openings) {
            const tab = world.open();
            await world.advance(3 * SECOND);
            expect(tab.engine.logoutPending, `opened tab ${i} owes it too`).to.equal(true);
            world.close(tab);
          } else {
            await world.advance(3 * SECOND);
          }
          await world.advance(SECOND);
        }
        tries.push(world.server.counts.logout - before);
        world.closeAll();
      }
      expect(tries[1], `logout tries over 40 s offline, with none and 10 tabs opened: ${tries.join(', ')}`).to.be.at.most(tries[0]!);
    });

    it("a tab opening while the leader warns leaves another tab's error (its failed logout) as it was", async () => {
      const world = new TabWorld({ locks, sessionLength: 3600 });
      const [, b] = [world.open(), world.open()];
      await world.advance(3 * SECOND);
      await world.advance(world.server.expiresAt! - world.clock.now() - 100 * SECOND);
      world.server.online = false;
      await settle(world, b.engine.logout().catch(() => undefined));
      await world.advance(500);
      const error = b.engine.state.error;
      expect(error, 'the failed logout is reported').to.not.equal(null);
      world.open();
      await world.advance(2 * SECOND);
      expect(b.engine.state.error).to.deep.equal(error);
      world.closeAll();
    });
  });
}
