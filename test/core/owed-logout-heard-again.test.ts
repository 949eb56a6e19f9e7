import { expect } from '@open-wc/testing';
import { OwedLogout } from '../../src/core/owed-logout.js';
import { FakeClock } from './support/fake-clock.js';
import { fakeEnvironment } from './support/fake-environment.js';
import { SECOND } from './support/harness.js';

/**
 * The tabs that owe a sign-out tell each tab that opens; every tab hears it again then. Hearing again what it
 * already owes must not count as a failed try: that pushed the owing tab's next retry back, further with each
 * tab opened.
 */
describe('OwedLogout: a debt heard again', () => {
  for (const own of [true, false]) {
    it(`owed ${own ? 'by its own failed logout' : 'from another tab'}, then heard 5 times: the retry comes when it would have`, async () => {
      const clock = new FakeClock();
      const attempts: number[] = [];
      const debt = new OwedLogout({ clock, environment: fakeEnvironment(), random: () => 0.5, attempt: async () => (attempts.push(clock.now()), true) });
      debt.start();
      const from = clock.now();
      debt.owe(!own);
      for (let i = 0; i < 5; i += 1) {
        await clock.advance(100);
        debt.owe(true);
      }
      await clock.advance(10 * SECOND);
      expect(attempts.length).to.equal(1);
      // The first retry of the backoff (1 s and a half step of jitter), not the sixth.
      expect(attempts[0]! - from).to.be.below(2 * SECOND);
      expect(debt.pending).to.equal(false);
    });
  }

  it('told when the tab opens: it stands by (one to two minutes), so tabs opening cost no logout each', async () => {
    const clock = new FakeClock();
    const attempts: number[] = [];
    const debt = new OwedLogout({ clock, environment: fakeEnvironment(), random: () => 0.5, attempt: async () => (attempts.push(clock.now()), true) });
    debt.start();
    const from = clock.now();
    debt.owe(true, true);
    await clock.advance(50 * SECOND);
    expect(attempts.length, 'nothing within the first minute').to.equal(0);
    await clock.advance(80 * SECOND);
    expect(attempts.length).to.equal(1);
    expect(attempts[0]! - from).to.be.within(60 * SECOND, 120 * SECOND);
  });
});
