import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/**
 * `<para-reauth-dialog>` in a same-origin iframe (an embedded checkout, a widget, a docs canvas). Its modal makes
 * the frame inert and nothing else: the page around the frame stays live, so Tab from the dialog's last control
 * must go round inside the dialog, not on to the page's buttons while the session's question is unanswered.
 */
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition() && performance.now() < end) await wait(25);
}

/**
 * A frame running the kit's own modules (its own registry): the warning open (100 s of the session left), or the
 * expired view, with `inner` inside the dialog and `css` in the frame's page.
 */
async function dialogInFrame({ expired = false, inner = '', css = '' } = {}): Promise<{ frame: HTMLIFrameElement; doc: Document; dialog: HTMLElement }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = expired ? 'width: 400px; height: 500px; border: 0' : 'width: 320px; height: 240px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  // The kit's modules read the globals the test page's runner sets.
  frame.srcdoc = `<!doctype html><html lang="en"><head><style>${css}</style></head><body><script>globalThis.process = { env: { NODE_ENV: 'development' } }; globalThis.litIssuedWarnings = new Set(['dev-mode']); addEventListener('error', (e) => parent.postMessage('error: ' + e.message, '*'));</script><script>customElements.define('test-field', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'open', delegatesFocus: true }).innerHTML = '<input aria-label="field">'; } });</script><script type="module">import '/src/index.ts'; parent.postMessage('kit-ready', '*');</script></body></html>`;
  const ready = new Promise<void>((resolve) => {
    window.addEventListener('message', function onMessage(event) {
      if (event.source !== frame.contentWindow) return;
      if (event.data !== 'kit-ready') return console.error('the frame:', event.data);
      window.removeEventListener('message', onMessage);
      resolve();
    });
  });
  document.body.append(frame);
  await loaded;
  await ready;
  const doc = frame.contentDocument!;
  const expiresAt = Date.now() + 100_000;
  doc.body.innerHTML = `<para-session lang="en" keep-alive="off"><para-reauth-dialog>${inner}</para-reauth-dialog></para-session>`;
  const session = doc.querySelector('para-session') as HTMLElement & { engineOptions: object; client: object };
  session.engineOptions = { tabs: false };
  session.client = {
    userId: 'user-a',
    email: 'a@b.co',
    retrieveSessionCookie: () => `capsule.sid=s%3Aabc; Path=/; Expires=${new Date(expiresAt).toUTCString()}; HttpOnly`,
    isSessionActive: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(!expired), 10)),
    keepSessionAlive: async () => !expired,
    logout: async () => {},
  };
  const dialog = doc.querySelector<HTMLElement>('para-reauth-dialog')!;
  await until(() => !!dialog.shadowRoot?.querySelector('dialog')?.open);
  await wait(100);
  return { frame, doc, dialog };
}

const warningInFrame = () => dialogInFrame();

function focusedIn(doc: Document): string {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active?.textContent?.trim() || active?.getAttribute('aria-label') || active?.localName || 'nothing';
}

/** Presses Tab (Shift+Tab) `presses` times; where focus is after each, or `PAGE: …` once it left the frame. */
async function walk(frame: HTMLIFrameElement, doc: Document, presses: number, shift = false): Promise<string[]> {
  const trail: string[] = [];
  if (shift) await sendKeys({ down: 'Shift' });
  for (let i = 0; i < presses; i += 1) {
    await sendKeys({ press: 'Tab' });
    await wait(30);
    trail.push(document.activeElement === frame ? focusedIn(doc) : `PAGE: ${document.activeElement?.textContent || 'body'}`);
  }
  if (shift) await sendKeys({ up: 'Shift' });
  return trail;
}

describe('<para-reauth-dialog> in an iframe', function () {
  this.timeout(20_000);
  let around: HTMLButtonElement[] = [];

  afterEach(() => {
    for (const button of around) button.remove();
    around = [];
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('Tab goes round the dialog\'s controls and never reaches the page around the frame', async function () {
    around.push(document.body.appendChild(Object.assign(document.createElement('button'), { textContent: 'page before' })));
    const { frame, doc } = await warningInFrame();
    around.push(document.body.appendChild(Object.assign(document.createElement('button'), { textContent: 'page after' })));
    if (document.activeElement !== frame) {
      console.log('[skip] this browser does not move the page\'s focus into the frame when the dialog takes it; Chromium checks it');
      this.skip();
    }
    const trail: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await sendKeys({ press: 'Tab' });
      await wait(30);
      trail.push(document.activeElement === frame ? focusedIn(doc) : `PAGE: ${document.activeElement?.textContent ?? 'body'}`);
    }
    expect(trail.filter((where) => where.startsWith('PAGE')), `Tab presses that left the dialog (${trail.join(' → ')})`).to.deep.equal([]);
    expect(new Set(trail).size, 'distinct stops, each reached again').to.be.below(trail.length);
  });

  it('Shift+Tab from the heading (where focus starts) goes to the dialog\'s last control, not to the page', async function () {
    around.push(document.body.appendChild(Object.assign(document.createElement('button'), { textContent: 'page before' })));
    const { frame, doc } = await warningInFrame();
    if (document.activeElement !== frame) {
      console.log('[skip] this browser does not move the page\'s focus into the frame when the dialog takes it; Chromium checks it');
      this.skip();
    }
    expect(focusedIn(doc), 'focus on opening: the heading').to.equal('Are you still there?');
    try {
      await sendKeys({ down: 'Shift' });
    } catch {
      console.log('[skip] this browser\'s driver cannot hold a key down; Chromium and Firefox check Shift+Tab');
      this.skip();
    }
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await wait(30);
    expect(document.activeElement === frame, 'still in the frame').to.equal(true);
    // The close button: last in the dialog's order (the first Tab reaches the main action).
    expect(focusedIn(doc)).to.equal('×');
  });

  for (const [name, options] of [
    ['the built-in expired view', {}],
    ["the app's own form in the auth slot, disabled by a <fieldset disabled> while its sign-in runs", { inner: '<form slot="auth"><fieldset disabled><input aria-label="email"><button type="button">Go</button></fieldset></form>' }],
    ['the close button hidden with visibility: hidden (::part(close))', { css: 'para-reauth-dialog::part(close) { visibility: hidden; }' }],
    [
      "the app's field components made inert by a wrapper while its sign-in runs",
      { inner: '<form slot="auth"><div inert><test-field></test-field><test-field></test-field></div></form>' },
    ],
  ] as const) {
    it(`${name}: Tab and Shift+Tab stay in the dialog, at the controls the browser stops at`, async function () {
      around.push(document.body.insertBefore(Object.assign(document.createElement('button'), { textContent: 'page before' }), document.body.firstChild));
      around.push(document.body.appendChild(Object.assign(document.createElement('button'), { textContent: 'page after' })));
      const { frame, doc } = await dialogInFrame({ expired: true, ...options });
      if (document.activeElement !== frame) {
        console.log('[skip] this browser does not move the page\'s focus into the frame when the dialog takes it; Chromium checks it');
        this.skip();
      }
      const forward = await walk(frame, doc, 9);
      let back: string[] = [];
      try {
        back = await walk(frame, doc, 9, true);
      } catch {
        // WebKit's driver cannot hold Shift: the forward walk is checked there.
      }
      expect([...forward, ...back].filter((where) => where.startsWith('PAGE')), `${forward.join(' > ')} || ${back.join(' < ')}`).to.deep.equal([]);
    });
  }
});
