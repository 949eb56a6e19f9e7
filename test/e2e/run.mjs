#!/usr/bin/env node
// The end-to-end suite: the live demo page (real elements + real @getpara/web-sdk in Chromium) against
// the in-process Para emulator, started exactly as `npm run demo` starts them (demo/serve.mjs).
//   node test/e2e/run.mjs [--verbose]      (needs ports 8080 and 3003 free; CHROME_PATH overrides the browser)
// Scenarios run in parallel lanes, each in its own browser context (own storage, own user), so the run
// takes about as long as its longest scenario (2 minutes of keep-alive). Only scenario 5 touches the
// emulator-wide fault controls; it runs after the other short lanes and times its outages around lane 2.
import { startDemo } from '../../demo/serve.mjs';
import { viteCacheDir } from '../../demo/vite-para.mjs';
import { launchChromium } from './support/browser.mjs';
import { keepAliveAlways } from './scenarios/keep-alive-always.mjs';
import { signInTransferLogout } from './scenarios/sign-in-transfer-logout.mjs';
import { expiryReauth } from './scenarios/expiry-reauth.mjs';
import { idleWarning } from './scenarios/idle-warning.mjs';
import { offlineAcrossExpiry } from './scenarios/offline.mjs';

const SESSION_LENGTH = 30; // seconds, emulator-wide: every session and keep-alive lasts this long
const RUN_LIMIT_MS = 175_000; // the whole run, start-up included, must finish under 3 minutes
const verbose = process.argv.includes('--verbose');
const t0 = Date.now();
const results = [];
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** Runs one named check, prints its outcome and figures; a failure also stops the lane it belongs to. */
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

/** A lane that dies outside a step (setup, sign-in before the first step) still counts as a failure. */
const lane = (name, promise) =>
  Promise.resolve(promise).catch((error) => {
    if (error?.recorded) return;
    results.push({ name, ok: false });
    console.log(`FAIL ${name} (at ${elapsed()})\n     ${error?.stack ?? error}`);
  });

let demo;
let browser;
let cleaning;
/** Closes Chromium, Vite and the emulator (freeing 8080/3003); safe to call more than once. */
const cleanup = () =>
  (cleaning ??= (async () => {
    const closing = (async () => {
      await browser?.close().catch(() => {});
      await demo?.close().catch(() => {});
    })();
    // Never hang on the way out; process.exit then ends whatever is left (Chromium is our child).
    await Promise.race([closing, new Promise((r) => setTimeout(r, 10_000).unref())]);
  })());

let finished = false;
async function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(watchdog);
  await cleanup();
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\n${passed} passed, ${failed} failed (${elapsed()} total)`);
  process.exit(failed > 0 || code ? 1 : 0);
}

/** Whatever happens — a hang, Ctrl-C, an error outside every lane — the run cleans up and says how it went. */
const abort = (why) => {
  if (finished) return;
  results.push({ name: why, ok: false });
  console.log(`FAIL ${why} (at ${elapsed()})`);
  void finish(1);
};
const watchdog = setTimeout(() => abort(`the run took longer than ${RUN_LIMIT_MS / 1000} s`), RUN_LIMIT_MS);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => abort(`interrupted (${signal})`));
process.on('uncaughtException', (error) => abort(`uncaught: ${error?.stack ?? error}`));
process.on('unhandledRejection', (error) => abort(`unhandled rejection: ${error?.stack ?? error}`));
try {
  demo = await startDemo({ port: 0, sessionLength: SESSION_LENGTH, cacheDir: viteCacheDir('e2e-live'), quiet: true, env: {} });
  browser = await launchChromium();
} catch (error) {
  results.push({ name: 'start the emulator, the demo server and Chromium', ok: false });
  console.log(`FAIL start: ${error?.message ?? error}`);
  await finish(1);
}

const log = verbose ? (line) => console.log(`     ${line}`) : () => {};
const ctx = { browser, demo, emu: demo.emu, step, log, sessionLength: SESSION_LENGTH };
console.log(`demo ${demo.url} · emulator ${demo.emu.apiUrl} (sessions ${SESSION_LENGTH} s) · Chromium ${browser.version()}`);
try {
  const always = keepAliveAlways(ctx);
  const alwaysDone = lane('2 keep-alive always', always.done); // handled from the start, however early it fails
  await Promise.all([
    lane('1/6/7 sign-in, transfer, logout', signInTransferLogout(ctx)),
    lane('3 expiry and re-auth', expiryReauth(ctx)),
    lane('4 idle warning', idleWarning(ctx)),
  ]);
  const neighbourUserId = await always.userId;
  if (neighbourUserId) await lane('5 offline', offlineAcrossExpiry({ ...ctx, neighbourUserId }));
  else results.push({ name: '5 offline (needs scenario 2 signed in to time its outage)', ok: false });
  await alwaysDone;

  const counts = await fetch(new URL('/__emulator/counts', demo.emu.apiUrl)).then((r) => r.json()).catch(() => null);
  if (counts) console.log(`\nrequests the emulator counted (OPTIONS = CORS preflights):\n${Object.entries(counts).map(([k, v]) => `  ${String(v).padStart(4)}  ${k}`).join('\n')}`);
  const unhandled = demo.emu.log.filter((e) => e.outcome === 'no handler');
  if (unhandled.length) console.log(`unhandled: ${[...new Set(unhandled.map((e) => e.endpoint))].join(', ')}`);
} catch (error) {
  abort(`run: ${error?.stack ?? error}`);
}
await finish(0);
