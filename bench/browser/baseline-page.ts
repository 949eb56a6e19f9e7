// The baseline's side: the ParaProvider loop and the status text an app would write by hand, since
// ParaProvider renders none. One text node per display, updated on the loop's change.
import { ParaProviderLoop, type BaselineStatus } from '../baseline.js';
import { exposeBench } from './bench-page.js';
import { pageParaClient } from './page-client.js';

const clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as number),
};
const LABELS: Record<BaselineStatus, string> = { active: 'Signed in', 'signed-out': 'Signed out' };

let loop: ParaProviderLoop | null = null;
let displays: HTMLElement[] = [];

function show(status: BaselineStatus): void {
  for (const display of displays) {
    display.textContent = LABELS[status];
    display.dataset.status = status;
  }
}

exposeBench({
  async mount(host, count) {
    const { client } = pageParaClient();
    displays = Array.from({ length: count }, () => Object.assign(document.createElement('span'), { role: 'status' }));
    host.append(...displays);
    loop = new ParaProviderLoop(client, clock, show);
    loop.start();
    // The cookie says signed in until its Expires: what the loop reads, shown at once.
    show(client.retrieveSessionCookie() ? 'active' : 'signed-out');
  },
  async change() {
    const at = performance.now();
    show('signed-out');
    return at;
  },
  unmount() {
    loop?.stop();
    for (const display of displays) display.remove();
    displays = [];
    loop = null;
  },
});
