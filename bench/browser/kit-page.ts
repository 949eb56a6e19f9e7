// The kit's side of the bench page: <para-session> with its children, as an app writes it.
import { onNotify } from 'nanostores';
import { defineParaSessionElements, type ParaSession, type ParaSessionStatus } from '../../src/index.js';
import { exposeBench } from './bench-page.js';
import { pageParaClient } from './page-client.js';

// Bundled from source, the entry's own registration is not a side effect esbuild keeps: register as the entry does.
defineParaSessionElements();

let provider: ParaSession | null = null;
let server: ReturnType<typeof pageParaClient>['server'] | null = null;
/** Collected at mount, as the baseline holds its displays: finding them is not the change's cost. */
let statuses: ParaSessionStatus[] = [];

/**
 * When the provider's state atom takes `wanted`, before any subscriber runs: the elements' own
 * listeners are part of the change's cost (the `para-session-change` event fires only after them).
 */
function stateSet(wanted: string): Promise<number> {
  return new Promise((resolve) => {
    const stop = onNotify(provider!.$state, () => {
      if (provider!.$state.get().status !== wanted) return;
      resolve(performance.now());
      stop();
    });
  });
}

function statusReached(wanted: string): Promise<number> {
  return new Promise((resolve) => {
    if (provider!.state.status === wanted) return resolve(performance.now());
    const onChange = () => {
      if (provider!.state.status !== wanted) return;
      provider!.removeEventListener('para-session-change', onChange);
      resolve(performance.now());
    };
    provider!.addEventListener('para-session-change', onChange);
  });
}

exposeBench({
  async mount(host, count, full = false) {
    const made = pageParaClient();
    server = made.server;
    provider = document.createElement('para-session');
    for (let i = 0; i < count; i += 1) provider.append(document.createElement('para-session-status'));
    if (full) provider.append(document.createElement('para-reauth-dialog'), document.createElement('para-session-guard'));
    provider.client = made.client;
    host.append(provider);
    await statusReached('active');
    statuses = [...provider.querySelectorAll('para-session-status')];
    await Promise.all(statuses.map((el) => el.updateComplete));
  },
  async change() {
    server!.revoke();
    const changed = stateSet('expired');
    void provider!.check();
    const at = await changed;
    await Promise.all(statuses.map((el) => el.updateComplete));
    return at;
  },
  unmount() {
    provider?.remove();
    provider = null;
    statuses = [];
  },
});
