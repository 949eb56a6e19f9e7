import { html, render } from 'lit';
import sinon from 'sinon';
import type { ParaSession } from '../../../src/elements/para-session/para-session.js';
import type { ParaReauthDialog } from '../../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import '../../../src/index.js';
import { createTabCoordinator } from '../../../src/core/tabs/tab-coordinator.js';
import { FakeChannelHub } from '../../core/support/fake-channel.js';
import { FakeClock } from '../../core/support/fake-clock.js';
import { fakeEnvironment, type FakeEnvironment } from '../../core/support/fake-environment.js';
import { FakeLockHub } from '../../core/support/fake-locks.js';
import { FakeParaServer } from '../../core/support/fake-para.js';
import { AuthFakeClient } from './auth-client.js';
import { HOUR, MINUTE, renders, SECOND } from './session-fixture.js';

export { SECOND, MINUTE, HOUR };

export interface FakePopup {
  id: number;
  closed: boolean;
  location: { href: string };
  close(): void;
}

/** `window.open` handing out a new fake popup on each call (one per tab's sign-in). */
export function stubPopups() {
  const popups: FakePopup[] = [];
  const open = sinon.stub(window, 'open').callsFake(() => {
    const popup: FakePopup = {
      id: popups.length,
      closed: false,
      location: { href: 'about:blank' },
      close() {
        this.closed = true;
      },
    };
    popups.push(popup);
    return popup as unknown as Window;
  });
  return { popups, open };
}

export interface TabPage {
  id: string;
  environment: FakeEnvironment;
  client: AuthFakeClient;
  engineOptions: Record<string, unknown>;
  host: HTMLDivElement;
  provider: ParaSession;
  dialog: ParaReauthDialog;
}

/** Several tabs of one origin in one test page: one server and cookie jar, shared fake channels and locks, one <para-session> (with its dialog) per tab. */
export class TabPages {
  readonly clock = new FakeClock();
  readonly server: FakeParaServer;
  readonly jar: { cookie?: string } = {};
  readonly channels = new FakeChannelHub(this.clock, () => 0.5);
  readonly locks = new FakeLockHub();
  readonly tabs: TabPage[] = [];

  /** `sessionLengthMs`: Para's session length, which the pages say (`session-length`); `oauth`: the dialogs' `oauth`. */
  constructor(readonly options: { sessionLengthMs?: number; oauth?: string } = {}) {
    this.server = new FakeParaServer(this.clock, options.sessionLengthMs ?? 2 * HOUR);
    this.server.signIn();
  }

  makeClient(environment: FakeEnvironment): AuthFakeClient {
    return new AuthFakeClient(this.server, environment.window, this.jar);
  }

  open(): TabPage {
    const id = `tab-${this.tabs.length + 1}`;
    const environment = fakeEnvironment();
    const client = this.makeClient(environment);
    const coordinator = createTabCoordinator({
      channelName: 'tab-pages',
      tabId: id,
      clock: this.clock,
      environment,
      random: () => 0.5,
      locks: this.locks.manager(id),
      BroadcastChannel: this.channels.constructorFor(id),
      storage: null,
      warn: () => {},
    });
    const engineOptions = { clock: this.clock, environment, random: () => 0.5, coordinator, warn: () => {} };
    const host = document.createElement('div');
    render(
      html`<para-session lang="en" session-length=${(this.options.sessionLengthMs ?? 2 * HOUR) / 1000} .client=${client} .engineOptions=${engineOptions}><para-reauth-dialog oauth=${this.options.oauth ?? ''}></para-reauth-dialog></para-session>`,
      host,
    );
    document.body.append(host);
    const provider = host.querySelector('para-session') as ParaSession;
    const dialog = host.querySelector('para-reauth-dialog') as ParaReauthDialog;
    const tab = { id, environment, client, engineOptions, host, provider, dialog };
    this.tabs.push(tab);
    return tab;
  }

  async settle(ms = 0): Promise<void> {
    await this.clock.advance(ms);
    await renders();
  }

  /** Moves time on in steps, so chained timers and messages run in between. */
  async run(ms: number, step = 500): Promise<void> {
    for (let t = 0; t < ms; t += step) await this.settle(step);
  }

  /** Lets the session run out on the server and every tab notice it. */
  async reachExpiry(): Promise<void> {
    await this.settle(this.server.expiresAt! - this.clock.now() - 5 * SECOND);
    await this.run(10 * SECOND, SECOND);
  }

  destroy(): void {
    for (const tab of this.tabs) tab.host.remove();
  }
}

export const sh = (el: ParaReauthDialog) => el.shadowRoot!;
export const dialogOpen = (el: ParaReauthDialog) => sh(el).querySelector('dialog')!.open;
export const titleOf = (el: ParaReauthDialog) => sh(el).querySelector('#title')?.textContent?.trim() ?? null;
export const button = (el: ParaReauthDialog, name: string) =>
  [...sh(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === name) as HTMLButtonElement | undefined;
export const statuses = (world: TabPages) => world.tabs.map((t) => t.provider.state.status);
