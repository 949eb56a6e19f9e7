import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParaReauthDialog } from '../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSession } from '../../src/elements/para-session/para-session.js';
import { createWorld, MINUTE, reachWarning, renders, SECOND, sessionFixture, settle, warningPage, type SessionWorld } from './support/session-fixture.js';

async function dialogIn(world: SessionWorld) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session .client=${world.client} .engineOptions=${world.engineOptions}>
      <button id="app-button">App</button>
      <para-session-status></para-session-status>
      <para-session-guard><p id="content">content</p><p slot="fallback" id="fallback">fallback</p></para-session-guard>
      <para-reauth-dialog oauth="google"></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')!, status: provider.querySelector('para-session-status')! };
}

const shadow = (el: Element) => el.shadowRoot!;
const title = (el: ParaReauthDialog) => shadow(el).querySelector('#title')?.textContent?.trim();
const countdown = (el: ParaReauthDialog) => shadow(el).querySelector('[part="countdown"]')?.textContent?.trim();

describe('the countdown after sleep or a clock change with no page event', () => {
  afterEach(() => sinon.restore());
  it('warning open, machine sleeps past expiry, no event: the first timer tick notices', async () => {
    const world = createWorld();
    const { provider, dialog } = await dialogIn(world);
    await reachWarning(world);
    world.clock.sleep(10 * MINUTE);
    await settle(world, 2 * SECOND);
    expect(provider.state.status).to.equal('expired');
    expect(title(dialog)).to.not.equal('Are you still there?');
  });

  it('warning, clock set back 1 h: 20 s and 10 s are still announced assertively', async () => {
    const world = createWorld();
    const { dialog } = await dialogIn(world);
    await reachWarning(world);
    world.clock.jumpWall(-60 * MINUTE);
    const heard: string[] = [];
    for (let second = 0; second < 110; second += 1) {
      await settle(world, SECOND);
      const text = shadow(dialog).querySelector('[data-live="assertive"]')?.textContent?.trim();
      if (text && !heard.includes(text)) heard.push(text);
    }
    expect(heard).to.deep.equal(['Your session ends in 20 seconds.', 'Your session ends in 10 seconds.']);
  });

  it('warning, clock jumps back 1 h: the countdown keeps the real time left', async () => {
    const world = createWorld();
    const { dialog } = await dialogIn(world);
    await reachWarning(world);
    world.clock.jumpWall(-60 * MINUTE);
    await settle(world, 2 * SECOND);
    expect(countdown(dialog)).to.equal('1:48');
  });


  it('warning, clock set forward 1 h: the server still says active, so the countdown keeps the real time left', async () => {
    const world = createWorld();
    const { provider, dialog } = await dialogIn(world);
    await reachWarning(world);
    world.clock.jumpWall(60 * MINUTE);
    const shown: string[] = [];
    for (let second = 0; second < 6; second += 1) {
      await settle(world, SECOND);
      shown.push(`${provider.state.status} ${countdown(dialog)}`);
    }
    // One tick to notice and ask; then a steady count down, as before the change.
    expect(shown.slice(1)).to.deep.equal(['expiring 1:48', 'expiring 1:47', 'expiring 1:46', 'expiring 1:45', 'expiring 1:44']);
  });

  for (const change of ['clock set forward 1 h', 'laptop asleep 5 min'] as const) {
    it(`warning with 110 s left, ${change}, the server a round trip away: until it answers, neither 0:00 nor an urgent "10 seconds"`, async () => {
      const world = createWorld();
      world.server.latencyMs = 300;
      const { provider, dialog, status } = await warningPage(world);
      await reachWarning(world);
      const seen = () => {
        const assertive = shadow(dialog).querySelector('[data-live="assertive"]')?.textContent?.trim() ?? '';
        return `${provider.state.status} dialog=${countdown(dialog) ?? '-'} status=${shadow(status!).querySelector('[part="time"]')!.textContent} said=${assertive}`;
      };
      if (change === 'clock set forward 1 h') world.clock.jumpWall(60 * MINUTE);
      else world.clock.sleep(5 * MINUTE);
      const trail = [seen()];
      for (let step = 0; step < 60; step += 1) {
        await world.clock.advance(50);
        await renders();
        if (trail.at(-1) !== seen()) trail.push(seen());
      }
      expect(
        trail.filter((line) => /0:00|10 seconds/.test(line)),
        `what the user saw and heard: ${trail.join(' | ')}`,
      ).to.deep.equal([]);
      // Then the truth: the real time left after a clock change, the expired view after a sleep past the end.
      expect(provider.state.status).to.equal(change === 'clock set forward 1 h' ? 'expiring' : 'expired');
    });
  }

  it('clock set forward 1 h with 110 s left and a server 8 s away: the held countdown goes on counting down meanwhile', async () => {
    const world = createWorld();
    const { dialog } = await warningPage(world);
    await reachWarning(world);
    world.server.latencyMs = 8 * SECOND;
    world.clock.jumpWall(60 * MINUTE);
    const shown: string[] = [];
    for (let second = 0; second < 7; second += 1) {
      await world.clock.advance(SECOND);
      await renders();
      shown.push(countdown(dialog) ?? '-');
    }
    expect(shown).to.deep.equal(['1:49', '1:48', '1:47', '1:46', '1:45', '1:44', '1:43']);
  });

  for (const failure of ['offline', 'a server that never answers'] as const) {
    it(`clock set forward 1 h with 110 s left, ${failure}: the failed check ends no hold, so never 0:00 nor "10 seconds" while 90 s and more remain`, async () => {
      const world = createWorld();
      const { provider, dialog, status } = await warningPage(world);
      await reachWarning(world);
      if (failure === 'offline') world.server.online = false;
      else world.server.hangNext = 100;
      world.clock.jumpWall(60 * MINUTE);
      const trail: string[] = [];
      for (let step = 0; step < 25 * 4; step += 1) {
        await world.clock.advance(250);
        await renders();
        const said = shadow(dialog).querySelector('[data-live="assertive"]')?.textContent?.trim() ?? '';
        const line = `${provider.state.status} dialog=${countdown(dialog) ?? '-'} status=${shadow(status!).querySelector('[part="time"]')!.textContent} said=${said}`;
        if (trail.at(-1) !== line) trail.push(line);
      }
      expect(trail.filter((line) => /0:00|10 seconds/.test(line)), trail.join(' | ')).to.deep.equal([]);
    });
  }

  it('clock set forward 1 h with 110 s left, offline for 100 s: the hold lasts as long as no answer comes, never 0:00 while time is left', async () => {
    const world = createWorld();
    const { provider, dialog, status } = await warningPage(world);
    await reachWarning(world);
    world.server.online = false;
    world.clock.jumpWall(60 * MINUTE);
    const wrong: string[] = [];
    for (let second = 1; second <= 100; second += 1) {
      await world.clock.advance(SECOND);
      await renders();
      const line = `${110 - second} s really left: ${provider.state.status} dialog=${countdown(dialog)} status=${shadow(status!).querySelector('[part="time"]')!.textContent}`;
      if (110 - second > 5 && /0:00/.test(line)) wrong.push(line);
    }
    expect(wrong.slice(0, 3)).to.deep.equal([]);
  });

  for (const when of ['at the jump', 'a minute before the jump'] as const) {
    it(`30 min left, offline ${when}, clock set forward 1 h: the status never says "0:00 left" for the next 90 s`, async () => {
      const world = createWorld();
      const { provider, status } = await warningPage(world);
      await world.clock.advance(world.server.expiresAt! - world.clock.now() - 31 * MINUTE);
      await renders();
      world.server.online = false;
      if (when !== 'at the jump') {
        void provider.check();
        await settle(world, MINUTE);
      }
      const label = () => `${provider.state.status} ${shadow(status!).querySelector('[part="label"]')!.textContent} ${shadow(status!).querySelector('[part="time"]')!.textContent}`;
      world.clock.jumpWall(60 * MINUTE);
      const trail: string[] = [];
      for (let second = 1; second <= 90; second += 1) {
        await world.clock.advance(SECOND);
        await renders();
        if (trail.at(-1) !== label()) trail.push(label());
      }
      expect(trail.filter((line) => / 0:00 left| 0 min/.test(line)), trail.join(' | ')).to.deep.equal([]);
    });
  }

  it('the tab hidden during the warning and shown again with 3 s left: the urgent mark says 3 seconds, not the 10 it passed', async () => {
    const world = createWorld();
    const { provider, dialog } = await warningPage(world, { status: false });
    await reachWarning(world);
    world.environment.document.setVisible(false);
    await settle(world, 107 * SECOND);
    world.environment.document.setVisible(true);
    const said: string[] = [];
    for (let step = 0; step < 10; step += 1) {
      await world.clock.advance(100);
      await renders();
      const text = shadow(dialog).querySelector('[data-live="assertive"]')?.textContent?.trim() ?? '';
      if (text && said.at(-1) !== text) said.push(text);
    }
    expect({ status: provider.state.status, said }).to.deep.equal({ status: 'expiring', said: ['Your session ends in 3 seconds.'] });
  });

  it('asleep 5 min during the warning, waking offline: nothing spoken next to a 0:00 the server has not confirmed', async () => {
    const world = createWorld();
    const { dialog } = await warningPage(world);
    await reachWarning(world);
    world.server.online = false;
    world.clock.sleep(5 * MINUTE);
    const seen: string[] = [];
    for (let step = 0; step < 40; step += 1) {
      await world.clock.advance(250);
      await renders();
      const line = `${countdown(dialog)} said=${shadow(dialog).querySelector('[data-live="assertive"]')?.textContent?.trim() ?? ''}`;
      if (seen.at(-1) !== line) seen.push(line);
    }
    expect(seen.filter((line) => line.startsWith('0:00') && !line.endsWith('said=')), seen.join(' | ')).to.deep.equal([]);
  });

  it('warning, then offline: the status counts seconds as the dialog does, not "2 min left"', async () => {
    const world = createWorld();
    const { provider, dialog, status } = await dialogIn(world);
    await reachWarning(world);
    world.server.online = false;
    world.environment.window.dispatchEvent(new Event('online'));
    await settle(world, 25 * SECOND);
    expect(provider.state.status).to.equal('offline');
    const time = shadow(status).querySelector('[part="time"]')?.textContent?.trim();
    expect(time).to.equal(`${countdown(dialog)} left`);
    expect(time).to.match(/^1:[0-3]\d left$/);
  });

  it("a 1-minute session whose real end is 600 ms into the cookie's second: the dialog's and the status's countdowns never count up", async () => {
    const world = createWorld({ sessionLengthMs: 60 * SECOND });
    world.server.expiresAt! += 600;
    const { provider, dialog, status: shown } = await warningPage(world, { sessionLength: 60 });
    const status = shown!;
    const dialogSeen: number[] = [];
    const statusSeen: number[] = [];
    const note = (list: number[], text: string | null | undefined) => {
      const seconds = /(\d+):(\d\d)/.exec(text ?? '');
      const value = seconds ? Number(seconds[1]) * 60 + Number(seconds[2]) : null;
      if (value !== null && list.at(-1) !== value) list.push(value);
    };
    // Into the warning at once, then in tenths of a second through the end.
    await settle(world, world.server.expiresAt! - world.clock.serverNow() - 22 * SECOND);
    for (let i = 0; i < 300; i += 1) {
      await world.clock.advance(100);
      await renders();
      note(dialogSeen, countdown(dialog));
      note(statusSeen, shadow(status).querySelector('[part="time"]')?.textContent);
    }
    const rises = (list: number[]) => list.filter((value, i) => i > 0 && value > list[i - 1]);
    expect(provider.state.status).to.equal('expired');
    expect(dialogSeen.at(-1), 'the dialog counted down to').to.equal(0);
    expect([rises(dialogSeen), rises(statusSeen)], 'rises in the dialog, in the status').to.deep.equal([[], []]);
  });
});

