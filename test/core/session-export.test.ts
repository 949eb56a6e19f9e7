import { expect } from '@open-wc/testing';
import { ClientTimeoutError } from '../../src/core/errors.js';
import { checkSessionDestination } from '../../src/core/session-export.js';
import type { CreateSessionOptions } from '../../src/core/types.js';
import { createHarness, HOUR, SECOND } from './support/harness.js';

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that records what it was asked to send; `hang` makes it never answer (until aborted). */
function recordingFetch(options: { hang?: boolean } = {}) {
  const sent: Sent[] = [];
  const fetch = ((url: string, init: RequestInit) => {
    sent.push({ url: String(url), init });
    if (!options.hang) return Promise.resolve(new Response('{"active":true}'));
    return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
  }) as unknown as typeof globalThis.fetch;
  return { sent, fetch };
}

async function startedWith(options: CreateSessionOptions) {
  const h = createHarness(options);
  await h.start();
  return h;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('session engine: sending the session to a server', () => {
  it('sends to this page’s origin by default and refuses another origin, naming it and allowedOrigins', async () => {
    const { sent, fetch } = recordingFetch();
    const h = await startedWith({ fetch });
    await h.engine.sendSessionTo('/api/session');
    expect(sent.map((request) => request.url)).to.deep.equal([new URL('/api/session', location.href).href]);
    const error = await rejection(h.engine.sendSessionTo('https://collector.example/steal'));
    expect(error.message).to.include('https://collector.example').and.to.include('allowedOrigins');
    expect(sent).to.have.length(1);
    h.engine.stop();
  });

  it('sends to another origin only when it is listed in allowedOrigins', async () => {
    const { sent, fetch } = recordingFetch();
    const h = await startedWith({ fetch, allowedOrigins: ['https://api.example.com/'] });
    await h.engine.sendSessionTo('https://api.example.com/session');
    await rejection(h.engine.sendSessionTo('https://api.example.com.evil.example/session'));
    await rejection(h.engine.sendSessionTo('https://sub.api.example.com/session'));
    expect(sent.map((request) => request.url)).to.deep.equal(['https://api.example.com/session']);
    h.engine.stop();
  });

  it('refuses plain http: except to localhost, 127.0.0.1 and [::1]', async () => {
    const { sent, fetch } = recordingFetch();
    const allowedOrigins = ['http://api.example.com', 'http://localhost:3000', 'http://127.0.0.1:9000', 'http://[::1]:8080'];
    const h = await startedWith({ fetch, allowedOrigins });
    const error = await rejection(h.engine.sendSessionTo('http://api.example.com/session'));
    expect(error.message).to.include('https:');
    for (const origin of allowedOrigins.slice(1)) await h.engine.sendSessionTo(`${origin}/session`);
    expect(sent).to.have.length(3);
    h.engine.stop();
  });

  it('refuses an http: page sending to its own origin, except on localhost', () => {
    expect(() => checkSessionDestination('/api/session', 'http://intranet.example/app', [])).to.throw(/https:/);
    expect(checkSessionDestination('/api/session', 'http://127.0.0.1:5173/demo/', []).href).to.equal('http://127.0.0.1:5173/api/session');
    expect(checkSessionDestination('/api/session', 'https://app.example/x', []).href).to.equal('https://app.example/api/session');
    expect(() => checkSessionDestination('/api/session', undefined, [])).to.throw(/absolute URL/);
    expect(() => checkSessionDestination('javascript:alert(1)', 'https://app.example/', [])).to.throw();
  });

  it('never follows a redirect that would re-post the session elsewhere', async () => {
    const { sent, fetch } = recordingFetch();
    const h = await startedWith({ fetch });
    await h.engine.sendSessionTo('/api/session', { headers: { 'x-csrf': 't' } });
    expect(sent[0].init.redirect).to.equal('error');
    const error = await rejection(h.engine.sendSessionTo('/api/session', { redirect: 'follow' }));
    expect(error.message).to.include('redirect');
    expect(sent).to.have.length(1);
    h.engine.stop();
  });

  it('warns about an allowedOrigins entry that is not an origin, and ignores it', async () => {
    const h = await startedWith({ allowedOrigins: ['not a url', 'https://api.example.com/path'] as string[] });
    expect(h.warnings.join('\n')).to.include('"not a url"').and.to.include('"https://api.example.com/path"');
    h.engine.stop();
  });

  it('gives up on an export that never finishes after requestTimeout, like every other client call', async () => {
    const h = await startedWith({ requestTimeout: 5 });
    Object.assign(h.client, { waitAndExportSession: () => new Promise<string>(() => {}) });
    const exported = rejection(h.engine.exportSession());
    const sent = rejection(h.engine.sendSessionTo('/api/session'));
    await h.clock.advance(5 * SECOND + 100);
    for (const error of [await exported, await sent]) {
      expect(error).to.be.instanceOf(ClientTimeoutError);
      expect(error.message).to.include('5 s');
    }
    h.engine.stop();
  });

  it('gives up on a server that never answers the POST after requestTimeout, and aborts it', async () => {
    const { sent, fetch } = recordingFetch({ hang: true });
    const h = await startedWith({ fetch, requestTimeout: 5 });
    const posted = rejection(h.engine.sendSessionTo('/api/session'));
    await h.clock.advance(5 * SECOND + 100);
    expect(await posted).to.be.instanceOf(ClientTimeoutError);
    expect(sent[0].init.signal?.aborted).to.equal(true);
    h.engine.stop();
  });
});

describe('session engine: exporting a session that is gone', () => {
  it('after the server said the session expired: exportSession rejects (reason "expired") and sendSessionTo posts nothing', async () => {
    // ParaWeb 2.x exports from local state, which still says authenticated after a server-side expiry.
    const { sent, fetch } = recordingFetch();
    const h = await startedWith({ fetch });
    h.server.revoke();
    await h.clock.advance(3 * HOUR);
    expect(h.engine.state.status).to.equal('expired');
    expect(() => h.client.exportSession(), 'the SDK would still export it').to.not.throw();
    const error = (await rejection(h.engine.exportSession())) as Error & { reason?: string };
    expect([error.name, error.reason]).to.deep.equal(['SessionUnavailableError', 'expired']);
    expect(error.message).to.include('requireActive()');
    await rejection(h.engine.sendSessionTo('/api/session'));
    expect(sent).to.have.length(0);
    h.engine.stop();
  });

  it('while signing in again after an expiry: rejects (reason "expired"), even where the SDK still holds the ended session', async () => {
    const h = await startedWith({});
    h.server.revoke();
    await h.clock.advance(2 * HOUR);
    expect(h.engine.state.status).to.equal('expired');
    const begun = h.engine.beginReauth();
    expect(h.engine.state.status).to.equal('reauthenticating');
    // The real SDK exports from local state, which may still hold the old session.
    (h.client as unknown as { exportSession: () => string }).exportSession = () => 'ENDED-SESSION';
    const error = (await rejection(h.engine.exportSession())) as Error & { reason?: string };
    expect([error.name, error.reason]).to.deep.equal(['SessionUnavailableError', 'expired']);
    await begun;
    h.engine.stop();
  });

  it('after sign-out: rejects with reason "signed-out"', async () => {
    const h = await startedWith({});
    await h.engine.logout();
    const error = (await rejection(h.engine.exportSession())) as Error & { reason?: string };
    expect([error.name, error.reason]).to.deep.equal(['SessionUnavailableError', 'signed-out']);
    h.engine.stop();
  });

  it('while a sign-out the user asked for is still owed (it failed offline): rejects with reason "signed-out", and sendSessionTo posts nothing', async () => {
    const { sent, fetch } = recordingFetch();
    const h = await startedWith({ fetch });
    h.server.online = false;
    await h.engine.logout().catch(() => undefined);
    expect([h.engine.state.status, h.engine.logoutPending]).to.deep.equal(['active', true]);
    // The network is back; the owed logout's retry has not run yet.
    h.server.online = true;
    const error = (await rejection(h.engine.exportSession())) as Error & { reason?: string };
    expect([error.name, error.reason]).to.deep.equal(['SessionUnavailableError', 'signed-out']);
    await rejection(h.engine.sendSessionTo('/api/session'));
    expect(sent).to.have.length(0);
    h.engine.stop();
  });

  it('an export asked for while active whose SDK answer comes after the user signed out: rejects with reason "signed-out"', async () => {
    const h = await startedWith({});
    let release!: () => void;
    (h.client as unknown as { waitAndExportSession: (options: unknown) => Promise<string> }).waitAndExportSession = () =>
      new Promise<string>((resolve) => (release = () => resolve(btoa(JSON.stringify({ userId: 'user-a' })))));
    const exported = h.engine.exportSession().then(
      () => 'handed out',
      (error: Error & { reason?: string }) => `rejected ${error.reason}`,
    );
    const out = h.engine.logout();
    await h.clock.advance(SECOND);
    await out;
    expect(h.engine.state.status).to.equal('signed-out');
    release();
    expect(await exported).to.equal('rejected signed-out');
    h.engine.stop();
  });

  for (const [returned, said] of [
    [undefined, 'undefined'],
    ['', 'an empty string'],
    [{ session: 'x' }, '[object Object]'],
  ] as const) {
    it(`a client whose export returns ${said}: rejects saying so, and sendSessionTo posts nothing`, async () => {
      const { sent, fetch } = recordingFetch();
      const h = await startedWith({ fetch });
      (h.client as unknown as { exportSession: () => unknown }).exportSession = () => returned;
      const error = await rejection(h.engine.exportSession());
      expect(error.message).to.equal(`The Para client's exportSession returned ${said}, not an exported session string.`);
      await rejection(h.engine.sendSessionTo('/api/session'));
      expect(sent).to.have.length(0);
      h.engine.stop();
    });
  }
});

describe('sendSessionTo from a frame without a URL of its own (srcdoc, about:blank)', () => {
  it('resolves against the document base URL and takes the page origin from self.origin', () => {
    // What such a frame reports: location about:srcdoc, the parent's base URL and origin.
    const page = { base: 'https://app.example/wallet/', origin: 'https://app.example' };
    expect(checkSessionDestination('/api/session', page, []).href).to.equal('https://app.example/api/session');
    expect(checkSessionDestination('https://app.example/api/session', page, []).href).to.equal('https://app.example/api/session');
    expect(() => checkSessionDestination('https://other.example/x', page, [])).to.throw(/not this page's origin \(https:\/\/app\.example\)/);
  });

  it('a sandboxed frame (origin "null") sends only to allowedOrigins', () => {
    const page = { base: 'about:srcdoc', origin: 'null' };
    expect(() => checkSessionDestination('/api/session', page, [])).to.throw(/not a URL/);
    expect(() => checkSessionDestination('https://app.example/api/session', page, [])).to.throw(/not this page's origin\. List it/);
    expect(checkSessionDestination('https://app.example/api/session', page, ['https://app.example']).href).to.equal('https://app.example/api/session');
  });
});
