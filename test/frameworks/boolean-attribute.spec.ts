// Svelte and Vue write a boolean bound to an attribute as text: `disable-auto-keep-alive={false}` becomes
// disable-auto-keep-alive="false", which a plain boolean attribute reads as present, so on.
import { expect } from '@open-wc/testing';
import { flushSync, mount, unmount } from 'svelte';
import { createApp, h, ref } from 'vue';
import Svelte from './apps/KeepAliveFlag.svelte';
import Vue from './apps/KeepAliveFlag.vue';
import { ScriptedParaClient } from '../../demo/scripted-client.js';
import type { ParaSession } from '../../src/index.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function client() {
  const para = new ScriptedParaClient();
  para.sessionLength = 7200;
  para.setSecondsLeft(7200);
  return para;
}

const keepAliveOf = (session: ParaSession) =>
  (session as unknown as { handle: { $engine: { get(): { options: { keepAlive: string } } | null } } }).handle.$engine.get()?.options.keepAlive;

describe('a boolean bound to disable-auto-keep-alive', () => {
  it('Svelte: {false} leaves the keep-alive on, {true} turns it off', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const app = mount(Svelte as never, { target: host, props: { para: client(), paused: false } });
    flushSync();
    await pause(50);
    const session = host.querySelector('para-session') as ParaSession;
    const seen = [keepAliveOf(session)];
    unmount(app);
    const paused = mount(Svelte as never, { target: host, props: { para: client(), paused: true } });
    flushSync();
    await pause(50);
    seen.push(keepAliveOf(host.querySelector('para-session') as ParaSession));
    unmount(paused);
    host.remove();
    expect(seen).to.deep.equal(['activity', 'off']);
  });

  it('Vue: :disable-auto-keep-alive="false" leaves the keep-alive on, true turns it off and false on again', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const paused = ref(false);
    const para = client();
    const app = createApp({ render: () => h(Vue as never, { para, paused: paused.value }) });
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('para-');
    app.mount(host);
    await pause(50);
    const session = host.querySelector('para-session') as ParaSession;
    const seen = [keepAliveOf(session)];
    paused.value = true;
    await pause(50);
    seen.push(keepAliveOf(session));
    paused.value = false;
    await pause(50);
    seen.push(keepAliveOf(session));
    app.unmount();
    host.remove();
    expect(seen).to.deep.equal(['activity', 'off', 'activity']);
  });
});

