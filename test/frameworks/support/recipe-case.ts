// The one scenario every framework app (the README recipe, verbatim) must pass: mounted with a client,
// `.client` arrives as a property, the status renders from `$paraSession` through the framework's adapter,
// `para-session-expired` reaches the app's declarative binding, and unmounting leaves no timer, no Lit warning
// and no client call behind.
import { expect } from '@open-wc/testing';
import { ScriptedParaClient } from '../../../demo/scripted-client.js';
import type { ParaIdentity } from '../../../src/index.js';
import { watchPage } from './page-watch.js';

export interface RecipeProps {
  para: ScriptedParaClient;
  onExpired: (identity: ParaIdentity) => void;
}
/** Mounts the app into `host` and resolves to its unmount. */
export type Mount = (host: HTMLElement, props: RecipeProps) => Promise<() => void | Promise<void>>;

/** Vue's dev build waits 3 s, once per page, for its devtools: the framework's own timer, not the app's. */
const FRAMEWORK_OWN_TIMERS = /at setDevtoolsHook\$1 \(\S+\/vue\.esm-browser\.js/;

type CountedCall = 'isSessionActive' | 'keepSessionAlive' | 'logout' | 'exportSession';

/** The project's scripted in-page client (demo/scripted-client.ts), with each call counted. */
function countedClient() {
  const client = new ScriptedParaClient();
  client.sessionLength = 7200;
  client.setSecondsLeft(7200);
  const calls: Record<CountedCall, number> = { isSessionActive: 0, keepSessionAlive: 0, logout: 0, exportSession: 0 };
  for (const name of Object.keys(calls) as CountedCall[]) {
    const original = client[name].bind(client) as (...args: unknown[]) => unknown;
    Object.assign(client, { [name]: (...args: unknown[]) => ((calls[name] += 1), original(...args)) });
  }
  return { client, calls, total: () => Object.values(calls).reduce((a, b) => a + b, 0) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, condition: () => boolean, seen: () => string, ms = 4000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}; the page shows: ${seen()}`);
    await pause(10);
  }
}

export async function runRecipe(mount: Mount): Promise<void> {
  const watch = watchPage();
  const host = document.body.appendChild(document.createElement('div'));
  const seen = () => host.innerHTML.replace(/<!--[^]*?-->/g, '').slice(0, 300);
  try {
    const { client, calls, total } = countedClient();
    const expired: ParaIdentity[] = [];
    const unmount = await mount(host, { para: client, onExpired: (identity) => expired.push(identity) });

    const session = host.querySelector('para-session');
    expect(session, '<para-session> rendered').not.to.equal(null);
    await until('the app to render "active" from $paraSession', () => host.querySelector('p')?.textContent?.trim() === 'active', seen);
    expect(session!.client, '.client set as a property').to.equal(client);
    expect(session!.hasAttribute('client'), 'client is not an attribute').to.equal(false);
    expect(calls.isSessionActive, 'the session asked the server').to.be.greaterThan(0);

    client.expireNow();
    window.dispatchEvent(new Event('online')); // coming back online makes the session ask the server at once
    await until('para-session-expired to reach the app', () => expired.length > 0, seen);
    expect(expired).to.deep.equal([{ userId: 'user-ada', email: 'ada@example.com' }]);
    await until('the app to render "expired"', () => host.querySelector('p')?.textContent?.trim() === 'expired', seen);

    await unmount();
    await pause(20);
    expect(host.querySelector('para-session'), 'unmounted').to.equal(null);
    const left = watch.liveTimerSources.filter((source) => !FRAMEWORK_OWN_TIMERS.test(source));
    expect(left, 'timers left after unmount (where each was made)').to.deep.equal([]);
    const before = total();
    for (const type of ['online', 'focus', 'pageshow']) window.dispatchEvent(new Event(type));
    document.dispatchEvent(new Event('visibilitychange'));
    await pause(300); // longer than the client's answer time, so a call made now would have been counted
    expect(total() - before, 'client calls after unmount').to.equal(0);
    expect(watch.litWarnings, 'Lit dev-mode warnings').to.deep.equal([]);
  } finally {
    watch.stop();
    host.remove();
  }
}
