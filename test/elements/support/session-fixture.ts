import { fixture, html } from '@open-wc/testing';
import { nothing, type TemplateResult } from 'lit';
import type { ParaReauthDialog } from '../../../src/elements/para-reauth-dialog/para-reauth-dialog.js';
import type { ParaSession } from '../../../src/elements/para-session/para-session.js';
import '../../../src/index.js';
import { FakeClock } from '../../core/support/fake-clock.js';
import { fakeEnvironment, type FakeEnvironment } from '../../core/support/fake-environment.js';
import { FakeParaServer } from '../../core/support/fake-para.js';
import { AuthFakeClient } from './auth-client.js';
import { buttonNamed } from './dialog-parts.js';
import { stubWindowOpen } from './fake-popup.js';

import { HOUR, MINUTE, SECOND } from '../../core/support/harness.js';

export { SECOND, MINUTE, HOUR };

export interface SessionWorld {
  clock: FakeClock;
  environment: FakeEnvironment;
  server: FakeParaServer;
  client: AuthFakeClient;
  engineOptions: { clock: FakeClock; environment: FakeEnvironment; random: () => number };
}

/** A Para server, a client and a clock the elements' engine runs on, with time under the test's control. */
export function createWorld({ signedIn = true, sessionLengthMs = 2 * HOUR } = {}): SessionWorld {
  const clock = new FakeClock();
  const environment = fakeEnvironment();
  const server = new FakeParaServer(clock, sessionLengthMs);
  if (signedIn) server.signIn();
  const client = new AuthFakeClient(server, environment.window);
  return { clock, environment, server, client, engineOptions: { clock, environment, random: () => 0.5 } };
}

/** Counts the element's requested updates from now on. */
export function countUpdates(element: { requestUpdate(...args: never[]): void }): () => number {
  let updates = 0;
  const requestUpdate = element.requestUpdate.bind(element) as (...args: never[]) => void;
  element.requestUpdate = (...args: never[]) => {
    updates += 1;
    requestUpdate(...args);
  };
  return () => updates;
}

/** Renders the template, lets the first check answer, and waits for every element to render. */
export async function sessionFixture<T extends Element = ParaSession>(template: TemplateResult, world: SessionWorld): Promise<T> {
  const el = await fixture<T>(template);
  await settle(world, SECOND);
  return el;
}

/** Moves session time forward, then waits for Lit to render what changed. */
export async function settle(world: SessionWorld, ms = 0): Promise<void> {
  await world.clock.advance(ms);
  await renders();
}

/** Lit renders in microtasks; a few macrotask turns let chained updates settle (no animation frames: a background test page gets none). */
export async function renders(): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Moves the session into its warning window (default `warn-before` is 120 s): 110 s before expiry. */
export async function reachWarning(world: SessionWorld): Promise<void> {
  await settle(world, world.server.expiresAt! - world.clock.now() - 110 * SECOND);
}

/** Lets the session run out on the server and the engine notice it. */
export async function reachExpiry(world: SessionWorld): Promise<void> {
  await settle(world, world.server.expiresAt! - world.clock.now() + 2 * SECOND);
}

/** Lets the session run out, then presses Cancel on the expired `dialog`: resolves with its "Sign in again" bar. */
export async function cancelToBar(world: SessionWorld, dialog: ParaReauthDialog): Promise<HTMLElement> {
  await reachExpiry(world);
  buttonNamed(dialog, 'Cancel').click();
  await renders();
  await dialog.updateComplete;
  await renders();
  const bar = dialog.shadowRoot!.querySelector<HTMLElement>('[part="resume"]');
  if (!bar) throw new Error('no "Sign in again" bar after Cancel');
  return bar;
}

/**
 * A page in English with the warning dialog (and a status, unless `status: false`) under one provider, whose
 * `session-length` is given when `sessionLength` is.
 */
export async function warningPage(world: SessionWorld, { sessionLength, status = true }: { sessionLength?: number; status?: boolean } = {}) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang="en" session-length=${sessionLength ?? nothing} .client=${world.client} .engineOptions=${world.engineOptions}>
      ${status ? html`<para-session-status></para-session-status>` : nothing}
      <para-reauth-dialog></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')!, status: provider.querySelector('para-session-status') };
}


/** A provider with a dialog and, before it, an app button (`#app-button`) to hold focus, in the page language `lang`. */
export async function dialogPage(world: SessionWorld, { lang = 'en' }: { lang?: string } = {}) {
  const provider = await sessionFixture<ParaSession>(
    html`<para-session lang=${lang} .client=${world.client} .engineOptions=${world.engineOptions}>
      <button id="app-button">App</button>
      <para-reauth-dialog></para-reauth-dialog>
    </para-session>`,
    world,
  );
  return { provider, dialog: provider.querySelector('para-reauth-dialog')! };
}

/** `dialogPage` once the session has ended, with the sign-in by email started (the popup stubbed): "Finish signing in". */
export async function signingInByEmail(world: SessionWorld, { lang = 'en' }: { lang?: string } = {}) {
  const { popup } = stubWindowOpen();
  const page = await dialogPage(world, { lang });
  await reachExpiry(world);
  // The form's own submit, in whichever language the page is.
  page.dialog.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  await settle(world, SECOND);
  return { ...page, popup };
}
