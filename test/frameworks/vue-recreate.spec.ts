// Vue re-creates and moves the kit's elements: a v-if flicker during the first check, a Teleport between providers.
import { expect } from '@open-wc/testing';
import { createApp, h, nextTick, reactive } from 'vue';
import MoveStatus from './apps/MoveStatus.vue';
import Toggle from './apps/Toggle.vue';
import { ScriptedParaClient } from '../../demo/scripted-client.js';
import { $paraSession } from '../../src/index.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const label = (el: Element | null) => el?.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim();
async function until(condition: () => boolean, ms = 5000) {
  const deadline = performance.now() + ms;
  while (!condition() && performance.now() < deadline) await pause(10);
}

function client(signedIn: boolean) {
  const para = new ScriptedParaClient();
  para.sessionLength = 7200;
  para.setSecondsLeft(7200);
  if (!signedIn) {
    para.revoke();
    para.userId = undefined;
    para.email = undefined;
  }
  return para;
}

describe('Vue re-creating and moving the kit elements', () => {
  it('warm-up: a plain mount reaches active', async function () {
    this.timeout(20000);
    const host = document.body.appendChild(document.createElement('div'));
    const props = reactive({ para: client(true), show: true });
    const app = createApp({ render: () => h(Toggle as never, props) });
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('para-');
    app.mount(host);
    await until(() => $paraSession.get().status === 'active', 10000);
    app.unmount();
    host.remove();
    await pause(300);
  });

  it('a status teleported from a signed-in provider into one nobody signed in to says what a fresh status there says', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const props = reactive({ a: client(true), b: client(false), to: '#in-a' });
    const app = createApp({ render: () => h(MoveStatus as never, props) });
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('para-');
    app.mount(host);
    await nextTick();
    const moved = () => host.querySelector('#moved');
    await until(() => label(moved()) === 'Signed in' && label(host.querySelector('#fresh')) === 'Not signed in');
    const before = { parent: moved()?.closest('para-session')?.id, label: label(moved()), fresh: label(host.querySelector('#fresh')) };
    props.to = '#in-b';
    await nextTick();
    await pause(300);
    const after = { parent: moved()?.closest('para-session')?.id, label: label(moved()), fresh: label(host.querySelector('#fresh')) };
    app.unmount();
    host.remove();
    await pause(300);
    expect(before).to.deep.equal({ parent: 'A', label: 'Signed in', fresh: 'Not signed in' });
    expect(after).to.deep.equal({ parent: 'B', label: 'Not signed in', fresh: 'Not signed in' });
  });

  it('v-if toggled off and on again: the new <para-session> is active as fast as the first one, with one check', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const para = client(true);
    let checks = 0;
    const isActive = para.isSessionActive.bind(para);
    para.isSessionActive = () => ((checks += 1), isActive());
    const props = reactive({ para, show: true });
    const app = createApp({ render: () => h(Toggle as never, props) });
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('para-');
    app.mount(host);
    await nextTick();
    // Off and on again while the first check is on its way (a route change away and back, a v-if flicker).
    props.show = false;
    await nextTick();
    props.show = true;
    await nextTick();
    const t0 = performance.now();
    await until(() => $paraSession.get().status === 'active');
    const msToActive = Math.round(performance.now() - t0);
    const status = label(host.querySelector('para-session-status'));
    app.unmount();
    host.remove();
    await pause(300);
    // The client answers in 150 ms.
    expect({ status, fast: msToActive < 500 }, `active after ${msToActive} ms (${checks} checks)`).to.deep.equal({ status: "Signed in", fast: true });
  });
});
