import { expect } from '@open-wc/testing';

/**
 * The kit in a real sandboxed iframe (`sandbox="allow-scripts"`: an origin of its own). There `localStorage`
 * throws SecurityError and `navigator.locks.request` rejects with it, in Chromium and Firefox alike; nobody
 * else shares the origin. The self-contained bundle (`npm run build`) is inlined into the frame's srcdoc.
 */
interface FrameReport {
  statuses: string[];
  leader: boolean;
  isSessionActiveCalls: number;
  lockRequests: number;
  uncaught: string[];
  /** What the kit said in the console. */
  warnings: string[];
}

let kitSource: string | null = null;

async function runInFrame(sandbox: string): Promise<FrameReport> {
  kitSource ??= await (await fetch('/dist/para-session-kit.bundle.js')).text();
  const script = `
    const report = { statuses: [], leader: false, isSessionActiveCalls: 0, lockRequests: 0, uncaught: [], warnings: [] };
    const warn = console.warn.bind(console);
    console.warn = (...args) => { report.warnings.push(args.map(String).join(' ')); warn(...args); };
    addEventListener('error', (e) => report.uncaught.push(String(e.message)));
    addEventListener('unhandledrejection', (e) => report.uncaught.push(String(e.reason)));
    if (navigator.locks) {
      const request = navigator.locks.request.bind(navigator.locks);
      // Past 1000 calls the wrapper stops answering, so a request loop cannot freeze the test page for good.
      navigator.locks.request = (...args) => (++report.lockRequests > 1000 ? new Promise(() => {}) : request(...args));
    }
    const client = {
      userId: 'user-a', email: 'a@b.co',
      isSessionActive() { report.isSessionActiveCalls += 1; return new Promise((r) => setTimeout(() => r(true), 20)); },
      keepSessionAlive: async () => true,
      logout: async () => {},
    };
    const session = document.createElement('para-session');
    session.setAttribute('lang', 'en');
    document.body.append(session);
    session.addEventListener('para-session-change', (e) => {
      const s = e.detail.state.status;
      if (report.statuses[report.statuses.length - 1] !== s) report.statuses.push(s);
    });
    session.client = client;
    setTimeout(() => {
      const state = session.state;
      report.leader = state.leader;
      if (report.statuses[report.statuses.length - 1] !== state.status) report.statuses.push(state.status);
      session.remove();
      parent.postMessage(JSON.parse(JSON.stringify(report)), '*');
    }, 1500);
  `;
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', sandbox);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data as FrameReport);
    };
    window.addEventListener('message', onMessage);
    const inline = (code: string, type: string) => `<script type="${type}">${code.replace(/<\/script/gi, '<\\/script')}</script>`;
    // The bundle first (a module: it runs before the later module script), then the page's own script.
    frame.srcdoc = `<!doctype html><html lang="en"><body>${inline(kitSource!, 'module')}${inline(script, 'module')}</body></html>`;
    document.body.append(frame);
  });
}

describe('<para-session> in an iframe', () => {
  it('same-origin frame (allow-same-origin): the session shows active and the frame leads', async () => {
    const report = await runInFrame('allow-scripts allow-same-origin');
    expect([report.statuses.at(-1), report.leader, report.uncaught, report.warnings]).to.deep.equal(['active', true, [], []]);
  });

  it('sandboxed frame (allow-scripts only): active, the lone frame leads, no lock request storm, nothing uncaught', async () => {
    const report = await runInFrame('allow-scripts');
    expect(report.lockRequests, 'navigator.locks.request calls in 1.5 s').to.be.below(20);
    expect(report.statuses.at(-1), 'status after 1.5 s').to.equal('active');
    expect(report.isSessionActiveCalls, 'asked the server').to.be.at.least(1);
    expect(report.leader, 'the lone frame leads').to.equal(true);
    expect(report.uncaught, 'uncaught errors').to.deep.equal([]);
    // Two tabs of the host page each run such a frame alone: the developer is told why, once.
    expect(report.warnings.filter((line) => /cannot hear other tabs/.test(line)), 'console notices about other tabs').to.have.length(1);
  });

  it('srcdoc frame (same origin): sendSessionTo posts to the page origin, relative or absolute, as fetch would', async () => {
    kitSource ??= await (await fetch('/dist/para-session-kit.bundle.js')).text();
    const absolute = new URL('/api/session', location.href).href;
    const script = `
      const sent = [];
      const client = {
        userId: 'user-a', email: 'a@b.co',
        isSessionActive: () => new Promise((r) => setTimeout(() => r(true), 5)),
        keepSessionAlive: async () => true,
        waitAndExportSession: async () => 'EXPORTED',
      };
      const session = document.createElement('para-session');
      session.setAttribute('lang', 'en');
      session.engineOptions = { tabs: false, fetch: async (url) => { sent.push(String(url)); return new Response('{}'); } };
      document.body.append(session);
      session.client = client;
      const attempt = (url) => session.sendSessionTo(url).then(() => sent.at(-1), (e) => String(e.message));
      setTimeout(async () => {
        const result = [await attempt('/api/session'), await attempt(${JSON.stringify(absolute)})];
        session.remove();
        parent.postMessage(result, '*');
      }, 200);
    `;
    const result = await new Promise<string[]>((resolve) => {
      const frame = document.createElement('iframe');
      const onMessage = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow) return;
        window.removeEventListener('message', onMessage);
        frame.remove();
        resolve(event.data as string[]);
      };
      window.addEventListener('message', onMessage);
      const inline = (code: string) => `<script type="module">${code.replace(/<\/script/gi, '<\\/script')}</script>`;
      frame.srcdoc = `<!doctype html><html lang="en"><body>${inline(kitSource!)}${inline(script)}</body></html>`;
      document.body.append(frame);
    });
    expect(result).to.deep.equal([absolute, absolute]);
  });
});
