// POST /api/session (demo/session-endpoint.mjs) accepts a session only from its own pages: JSON bodies
// with a same-origin Origin. A cross-site `text/plain` form would otherwise make it import a session.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { isImportedSessionActive, sessionEndpoint } from '../../demo/session-endpoint.mjs';
import { request } from './http-client.mjs';

const EXPORT = Buffer.from(JSON.stringify({ userId: 'user-1', wallets: {} })).toString('base64');
const BODY = JSON.stringify({ session: EXPORT });

describe('demo POST /api/session', () => {
  let server;
  let port;
  const imported = [];
  before(async () => {
    const endpoint = sessionEndpoint({
      isSessionActive: async (session) => {
        imported.push(session);
        return true;
      },
    });
    server = http.createServer((req, res) => endpoint(req, res, () => res.writeHead(404).end()));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = server.address().port;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  const post = (headers, body = BODY) => request(port, { method: 'POST', path: '/api/session', headers, body });
  const own = () => `http://127.0.0.1:${port}`;

  it('imports a JSON session posted by its own page', async () => {
    const res = await post({ 'content-type': 'application/json', origin: own() });
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(JSON.parse(res.body), { active: true, userId: 'user-1', signersIncluded: false });
  });

  it('answers a body over 256 KB with 413, which reaches the client (the socket is not cut first)', async () => {
    const count = imported.length;
    const res = await post({ 'content-type': 'application/json', origin: own() }, JSON.stringify({ session: 'A'.repeat(400 * 1024) }));
    assert.equal(res.status, 413, res.body);
    assert.match(res.body, /too large/);
    assert.equal(imported.length, count);
  });

  it('refuses a body that is not application/json (a cross-site text/plain form), before importing', async () => {
    const count = imported.length;
    const res = await post({ 'content-type': 'text/plain', origin: own() });
    assert.equal(res.status, 415, res.body);
    assert.equal(imported.length, count);
  });

  it('refuses another origin, and a request without Origin, before importing', async () => {
    const count = imported.length;
    for (const origin of ['https://attacker.example', 'http://localhost:1', 'null', undefined]) {
      const headers = { 'content-type': 'application/json', ...(origin ? { origin } : {}) };
      const res = await post(headers);
      assert.equal(res.status, 403, `${origin}: ${res.status} ${res.body}`);
      assert.match(JSON.parse(res.body).error, /origin/i);
    }
    assert.equal(imported.length, count);
  });

  it('quiets the server SDK without swapping the global console (overlapping requests would silence it)', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(console, 'log');
    let swaps = 0;
    let current = console.log;
    Object.defineProperty(console, 'log', {
      configurable: true,
      get: () => current,
      set: (value) => {
        swaps += 1;
        current = value;
      },
    });
    try {
      // Nothing answers on this port: the import fails fast, after the SDK was constructed and used.
      await Promise.allSettled([
        isImportedSessionActive(EXPORT, { environment: 'DEV', apiKey: 'k' }),
        isImportedSessionActive(EXPORT, { environment: 'DEV', apiKey: 'k' }),
      ]);
    } finally {
      Object.defineProperty(console, 'log', descriptor);
    }
    assert.equal(swaps, 0);
  });
});
