#!/usr/bin/env node
// Scenarios 8 and 9 on their own run: signing in again by phone, OAuth and reauth="refresh" through the dialog,
// then an honest logout across an API outage (its outage is emulator-wide, so it runs after scenario 8),
// with the real @getpara/web-sdk against the in-process emulator (as test/e2e/run.mjs, whose lanes already
// fill its time limit on a busy machine). Needs ports 8080/3003: run it in its own network namespace.
import { startDemo } from '../../demo/serve.mjs';
import { viteCacheDir } from '../../demo/vite-para.mjs';
import { launchChromium } from './support/browser.mjs';
import { honestLogout } from './scenarios/honest-logout.mjs';
import { reauthMethods } from './scenarios/reauth-methods.mjs';

const RUN_LIMIT_MS = 240_000;
const t0 = Date.now();
const results = [];
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const verbose = process.argv.includes('--verbose');

async function step(name, fn) {
  const t = Date.now();
  try {
    const info = await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - t} ms, at ${elapsed()})${info ? `\n     ${info}` : ''}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name} (${Date.now() - t} ms, at ${elapsed()})\n     ${error?.stack ?? error}`);
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { recorded: true });
  }
}

let demo;
let browser;
let finished = false;
async function finish() {
  if (finished) return;
  finished = true;
  clearTimeout(watchdog);
  await Promise.race([Promise.all([browser?.close().catch(() => {}), demo?.close().catch(() => {})]), new Promise((r) => setTimeout(r, 10_000).unref())]);
  const passed = results.filter((r) => r.ok).length;
  console.log(`\n${passed} passed, ${results.length - passed} failed (${elapsed()} total)`);
  process.exit(results.length === passed && passed > 0 ? 0 : 1);
}
const abort = (why) => {
  results.push({ name: why, ok: false });
  console.log(`FAIL ${why} (at ${elapsed()})`);
  void finish();
};
const watchdog = setTimeout(() => abort(`the run took longer than ${RUN_LIMIT_MS / 1000} s`), RUN_LIMIT_MS);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => abort(`interrupted (${signal})`));
process.on('unhandledRejection', (error) => abort(`unhandled rejection: ${error?.stack ?? error}`));

try {
  demo = await startDemo({ port: 0, sessionLength: 30, cacheDir: viteCacheDir('e2e-live'), quiet: true, env: {} });
  browser = await launchChromium();
  const log = verbose ? (line) => console.log(`     ${line}`) : () => {};
  await reauthMethods({ browser, demo, emu: demo.emu, step, log }).catch((error) => {
    if (!error?.recorded) abort(`8 sign in again: ${error?.stack ?? error}`);
  });
  await honestLogout({ browser, demo, emu: demo.emu, step, log, neighbourUserId: null }).catch((error) => {
    if (!error?.recorded) abort(`9 honest logout: ${error?.stack ?? error}`);
  });
} catch (error) {
  abort(`start the emulator, the demo server and Chromium: ${error?.message ?? error}`);
}
await finish();
