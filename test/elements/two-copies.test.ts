// Two copies of the kit on one page, as the built files load them: an app's bundler entry and a widget's
// self-contained bundle, or the bundle twice. Needs `npm run build` first (npm test builds before this runs).
import { expect } from '@open-wc/testing';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What these tests touch of an element from another copy (its class is not this copy's). */
type Loose = { engineOptions: unknown; client: unknown; state: { status: string }; showing: string; shadowRoot: ShadowRoot };

const client = () => ({
  userId: 'u1',
  email: 'a@b.co',
  isSessionActive: async () => true,
  keepSessionAlive: async () => true,
});

describe('static: two copies of the kit on a page', () => {
  it('per-tag package entry for <para-session> + self-contained bundle: the bundle\'s status binds to the provider', async function () {
    this.timeout(30000);
    const host = document.createElement('div');
    host.innerHTML = '<para-session tabs-off><para-session-status></para-session-status><para-session-guard><b id="content">App</b><i slot="fallback">no</i></para-session-guard></para-session>';
    document.body.append(host);
    // Copy A: an app's bundler-built entry (only the provider)
    await import('/dist/para-session.js' as string);
    // Copy B: a widget on the same page loads the self-contained bundle
    const b = await import('/dist/para-session-kit.bundle.js?copy=b' as string);
    const provider = host.querySelector('para-session') as unknown as Loose;
    provider.engineOptions = { tabs: false };
    provider.client = client();
    await wait(500);
    const status = host.querySelector('para-session-status') as unknown as Loose;
    const label = status.shadowRoot.querySelector('[part~="label"]')!.textContent!.trim();
    const guard = host.querySelector('para-session-guard') as unknown as Loose;
    expect(provider.state.status, 'provider state').to.equal('active');
    expect(label, 'status label from the bundle copy').to.equal('Signed in');
    expect(guard.showing, 'guard from the bundle copy').to.equal('default');
    expect(b.$paraSession.get().status, "bundle copy's $paraSession").to.equal('active');
    host.remove();
  });
});

describe('static: the self-contained bundle loaded twice', () => {
  it("the second copy's $paraSession mirrors the page's <para-session>", async function () {
    this.timeout(30000);
    const a = await import('/dist/para-session-kit.bundle.js?copy=a' as string);
    const b = await import('/dist/para-session-kit.bundle.js?copy=b' as string);
    const host = document.createElement('div');
    host.innerHTML = '<para-session><para-session-status></para-session-status></para-session>';
    document.body.append(host);
    const provider = host.querySelector('para-session') as unknown as Loose;
    provider.engineOptions = { tabs: false };
    provider.client = { userId: 'u1', isSessionActive: async () => true, keepSessionAlive: async () => true };
    await wait(500);
    expect(a.$paraSession.get().status, 'copy a').to.equal('active');
    expect(b.$paraSession.get().status, 'copy b (the micro-frontend that imports $paraSession from its own copy)').to.equal('active');
    host.remove();
  });
});

type Engine = { start(): void; stop(): void; $state: { get(): { expiresAt: number | null } } };
type Kit = { createParaSession(client: unknown, options: unknown): Engine };
const keyedClient = (key: string) => ({ userId: `u-${key}`, ctx: { env: 'BETA', apiKey: key }, isSessionActive: async () => true, keepSessionAlive: async () => true });

/** Two headless sessions (other API keys), one from each kit: did a window signature move their expiries? */
async function moved(kitA: Kit, kitB: Kit): Promise<[boolean, boolean]> {
  const first = kitA.createParaSession(keyedClient('k1'), { tabs: false });
  const second = kitB.createParaSession(keyedClient('k2'), { tabs: false });
  first.start();
  second.start();
  await wait(300);
  const before = [first.$state.get().expiresAt, second.$state.get().expiresAt];
  await wait(1200);
  window.dispatchEvent(new CustomEvent('paraSignMessage', { detail: { data: {} } }));
  await wait(100);
  const after = [first.$state.get().expiresAt, second.$state.get().expiresAt];
  first.stop();
  second.stop();
  return [after[0] !== before[0], after[1] !== before[1]];
}

describe('static: two sessions on one page, from two copies of the kit', () => {
  it('one copy: a window signature moves neither (control)', async function () {
    this.timeout(20000);
    const a = (await import('/dist/para-session-kit.bundle.js?copy=a' as string)) as Kit;
    expect(await moved(a, a)).to.deep.equal([false, false]);
  });
  it('two copies: a window signature (whose, unknown) moves neither', async function () {
    this.timeout(20000);
    const a = (await import('/dist/para-session-kit.bundle.js?copy=a' as string)) as Kit;
    const b = (await import('/dist/para-session-kit.bundle.js?copy=b' as string)) as Kit;
    expect(await moved(a, b)).to.deep.equal([false, false]);
  });
});
