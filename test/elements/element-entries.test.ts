// The per-element entries (src/define, `para-session-kit/para-session-status` and the like): each registers its
// tag and the provider, nothing else, and works on markup that was on the page before the script ran.
import { expect } from '@open-wc/testing';
import { FakeClock } from '../core/support/fake-clock.js';
import { fakeEnvironment } from '../core/support/fake-environment.js';
import { FakeParaServer } from '../core/support/fake-para.js';
import { HOUR, SECOND } from '../core/support/harness.js';
import { AuthFakeClient } from './support/auth-client.js';
import type {} from '../../src/elements/para-session/para-session.js'; // the tag's type, without defining it

const TAGS = ['para-session', 'para-session-status', 'para-reauth-dialog', 'para-session-guard'];
const defined = () => TAGS.filter((tag) => customElements.get(tag));
const turns = async () => {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('element entries', () => {
  const clock = new FakeClock();
  const host = document.createElement('div');
  let definedBefore: string[] = [];
  let entry: typeof import('../../src/define/para-session-status.js');

  before(async function () {
    this.timeout(60_000); // the first import of the element graph is transformed on demand by the test server
    definedBefore = defined();
    const environment = fakeEnvironment();
    const server = new FakeParaServer(clock, 2 * HOUR);
    server.signIn();
    // The status comes first in the page, and its tag is defined by the same script as the provider's.
    host.innerHTML = '<para-session><p><para-session-status></para-session-status></p><para-session-guard><b>App</b></para-session-guard></para-session>';
    document.body.append(host);
    const provider = host.querySelector('para-session')!; // not upgraded yet: the element keeps what is set now
    provider.client = new AuthFakeClient(server, environment.window);
    provider.engineOptions = { clock, environment, random: () => 0.5 };
    entry = await import('../../src/define/para-session-status.js');
  });
  after(() => host.remove());

  it('the status entry registers the provider and the status only, and both upgrade markup already on the page', async () => {
    expect(definedBefore, 'nothing registered before the import').to.deep.equal([]);
    expect(defined()).to.deep.equal(['para-session', 'para-session-status']);
    expect(entry.ParaSessionStatus).to.equal(customElements.get('para-session-status'));
    expect(entry.ParaSession).to.equal(customElements.get('para-session'));
    await clock.advance(SECOND);
    await turns();
    const status = host.querySelector('para-session-status')!;
    expect(status.shadowRoot!.querySelector('[part~="label"]')!.textContent!.trim()).to.equal('Signed in');
    expect(host.querySelector('para-session-guard')!.shadowRoot, 'the guard is not registered by the status entry').to.equal(null);
  });

  it('a second entry adds its tag beside the running provider', async function () {
    this.timeout(30_000);
    const guardEntry = await import('../../src/define/para-session-guard.js');
    expect(defined()).to.deep.equal(['para-session', 'para-session-status', 'para-session-guard']);
    expect(guardEntry.ParaSession, 'one provider class for every entry').to.equal(entry.ParaSession);
    await turns();
    const slot = host.querySelector('para-session-guard')!.shadowRoot!.querySelector('slot')!;
    expect(slot.name || 'default', 'the late guard finds the session of the provider already running').to.equal('default');
    await expect(host).to.be.accessible();
  });
});
