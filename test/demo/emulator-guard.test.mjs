// The Para emulator serves only the origins it was told about: it never echoes an arbitrary Origin with
// credentials, refuses its /__emulator/ controls to other pages, and answers only to loopback Host names
// (DNS rebinding). Ephemeral ports: this runs beside anything on 8080/3003.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator } from '../../demo/para-emulator/server.js';
import { request } from './http-client.mjs';

const PAGE = 'http://127.0.0.1:5173';
const ATTACKER = 'https://attacker.example';

describe('Para emulator: origins, controls and Host', () => {
  let emu;
  before(async () => {
    emu = await startEmulator({ apiPort: 0, portalPort: 0, quiet: true, allowedOrigins: [PAGE] });
  });
  after(() => emu.close());

  it('allows a configured origin with credentials, and the portal’s own origin', async () => {
    for (const origin of [PAGE, `http://localhost:${emu.portalPort}`]) {
      const res = await request(emu.apiPort, { method: 'OPTIONS', path: '/touch', headers: { origin, 'access-control-request-method': 'POST' } });
      assert.equal(res.status, 204);
      assert.equal(res.headers['access-control-allow-origin'], origin);
      assert.equal(res.headers['access-control-allow-credentials'], 'true');
    }
  });

  it('does not echo another origin: the API and the portal refuse it', async () => {
    for (const port of [emu.apiPort, emu.portalPort]) {
      for (const method of ['OPTIONS', 'GET']) {
        const res = await request(port, { method, path: '/touch', headers: { origin: ATTACKER, 'access-control-request-method': 'POST' } });
        assert.equal(res.status, 403, `${port} ${method}`);
        assert.equal(res.headers['access-control-allow-origin'], undefined);
        assert.equal(res.headers['access-control-allow-credentials'], undefined);
      }
    }
  });

  it('keeps its /__emulator/ controls from other pages and from cross-site forms', async () => {
    const offline = (headers) => request(emu.apiPort, { method: 'POST', path: '/__emulator/offline', headers, body: '{}' });
    assert.equal((await offline({ origin: ATTACKER, 'content-type': 'application/json' })).status, 403);
    assert.equal((await offline({ 'content-type': 'text/plain' })).status, 415);
    assert.equal((await offline({ origin: PAGE, 'content-type': 'text/plain' })).status, 415);
    assert.equal(emu.faults.offline, false);
    const state = await request(emu.apiPort, { path: '/__emulator/state', headers: { origin: ATTACKER } });
    assert.equal(state.status, 403);
    assert.equal((await offline({ origin: PAGE, 'content-type': 'application/json' })).status, 200);
    assert.equal(emu.faults.offline, true);
    emu.faults.offline = false;
  });

  it('answers only to loopback Host names (no DNS rebinding)', async () => {
    for (const port of [emu.apiPort, emu.portalPort]) {
      const rebound = await request(port, { path: '/__emulator/state', headers: { host: `attacker.example:${port}` } });
      assert.equal(rebound.status, 421, `${port}: ${rebound.status}`);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
        const res = await request(port, { path: port === emu.apiPort ? '/__emulator/counts' : '/', headers: { host } });
        assert.equal(res.status, 200, `${host}: ${res.status}`);
      }
    }
  });

  it('allows an origin added once the page’s server is up (ephemeral ports)', async () => {
    const later = 'http://127.0.0.1:40123';
    emu.allowOrigin(later);
    const res = await request(emu.apiPort, { method: 'OPTIONS', path: '/touch', headers: { origin: later, 'access-control-request-method': 'POST' } });
    assert.equal(res.headers['access-control-allow-origin'], later);
  });

  it('answers CORS preflights whatever failure was injected: the failure meets the request after it, as real Para would', async () => {
    emu.faults.failCount = 1;
    emu.faults.failStatus = 503;
    const preflight = await request(emu.apiPort, { method: 'OPTIONS', path: '/touch', headers: { origin: PAGE, 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(emu.faults.failCount, 1, 'the preflight did not use the injected failure up');
    const touch = await request(emu.apiPort, { method: 'POST', path: '/touch', headers: { origin: PAGE, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(touch.status, 503);
    assert.equal(emu.faults.failCount, 0);
  });
});
