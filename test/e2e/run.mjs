#!/usr/bin/env node
// The end-to-end suite: the live demo page (real elements + real @getpara/web-sdk) against the in-process
// Para emulator, started exactly as `npm run demo` starts them (demo/serve.mjs), in every engine:
//   node test/e2e/run.mjs [--verbose]      (needs ports 8080 and 3003 free; BROWSERS=… narrows the engines)
// Scenarios run in parallel lanes, each in its own browser context (own storage, own user), so the run
// takes about as long as its longest scenario (2 minutes of keep-alive). The first engine (Chromium)
// runs all of them; the others run sign-in (1/6/7), expiry → re-auth (3) and offline (5), each engine
// with its own users, side by side. Only scenario 5 touches the emulator-wide fault controls: every
// engine's lane 5 signs in once that engine's other lanes are done (so the engines' sign-ins do not pile
// up at one moment), keeps its session alive until all other lanes are done, and then they all share one
// timeline of outages.
import { startDemo } from '../../demo/serve.mjs';
import { viteCacheDir } from '../../demo/vite-para.mjs';
import { selectedEngines } from '../../tools/browsers.js';
import { LABELS } from '../browsers/launch.mjs';
import { launchEngine } from './support/browser.mjs';
import { limitSignIns } from './support/live-page.mjs';
import { keepAliveAlways } from './scenarios/keep-alive-always.mjs';
import { signInTransferLogout } from './scenarios/sign-in-transfer-logout.mjs';
import { expiryReauth } from './scenarios/expiry-reauth.mjs';
import { idleWarning } from './scenarios/idle-warning.mjs';
import { offlineAcrossExpiry } from './scenarios/offline.mjs';
import { reRenderReauth } from './scenarios/re-render-reauth.mjs';
import { signInElsewhere } from './scenarios/sign-in-elsewhere.mjs';

const SESSION_LENGTH = 30; // seconds, emulator-wide: every session and keep-alive lasts this long
const RUN_LIMIT_MS = 360_000; // the whole run, start-up and the warm-up load included, must finish under 6 minutes
const verbose = process.argv.includes('--verbose');
const t0 = Date.now();
const results = [];
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
/** What each lane is doing now (a step, or a phase a scenario names), so a run that overruns says where it stood. */
const doing = new Map();
const since = (key, what) => doing.set(key, { what, at: Date.now() });

/** Runs one named check in `engine`, prints its outcome and figures; a failure also stops the lane it belongs to. */
const stepIn = (engine) => async (name, fn) => {
  const t = Date.now();
  const key = `${engine} ${name.split(' ')[0].replace(/\.$/, '')}`;
  since(key, name);
  try {
    const info = await fn();
    doing.delete(key);
    results.push({ engine, name, ok: true });
    console.log(`ok   [${engine}] ${name} (${Date.now() - t} ms, at ${elapsed()})${info ? `\n     ${info}` : ''}`);
  } catch (error) {
    results.push({ engine, name, ok: false });
    console.log(`FAIL [${engine}] ${name} (${Date.now() - t} ms, at ${elapsed()})\n     ${error?.stack ?? error}`);
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { recorded: true });
  }
};

/** A lane that dies outside a step (setup, sign-in before the first step) still counts as a failure. */
const lane = (engine, name, promise) =>
  Promise.resolve(promise).catch((error) => {
    if (error?.recorded) return;
    results.push({ engine, name, ok: false });
    console.log(`FAIL [${engine}] ${name} (at ${elapsed()})\n     ${error?.stack ?? error}`);
  });

/**
 * Lane 5 of every engine meets here before timing its outages: `arrive()` resolves, for all at once,
 * to one shared instant; a lane that fails before arriving `leave()`s so the others do not wait.
 */
function meeting(parties) {
  let waiting = parties;
  let open;
  const at = new Promise((resolve) => (open = resolve));
  const check = () => waiting <= 0 && open(Date.now());
  return {
    arrive: () => {
      waiting -= 1;
      check();
      return at;
    },
    leave: () => {
      waiting -= 1;
      check();
    },
  };
}

let demo;
const browsers = new Map();
let cleaning;
/** Closes the browsers, Vite and the emulator (freeing 8080/3003); safe to call more than once. */
const cleanup = () =>
  (cleaning ??= (async () => {
    const closing = (async () => {
      await Promise.all([...browsers.values()].map((browser) => browser.close().catch(() => {})));
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
  console.log('');
  for (const engine of new Set(results.map((r) => r.engine))) {
    const own = results.filter((r) => r.engine === engine);
    const ok = own.filter((r) => r.ok).length;
    console.log(`  ${engine}: ${ok} passed, ${own.length - ok} failed${browsers.get(engine) ? ` (${LABELS[engine]} ${browsers.get(engine).version()})` : ''}`);
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed (${elapsed()} total)`);
  process.exit(failed > 0 || code ? 1 : 0);
}

/** Whatever happens — a hang, Ctrl-C, an error outside every lane — the run cleans up and says how it went. */
const abort = (why) => {
  if (finished) return;
  results.push({ engine: 'all', name: why, ok: false });
  console.log(`FAIL ${why} (at ${elapsed()})`);
  for (const [key, { what, at }] of doing) console.log(`     still running: [${key}] ${what} (for ${((Date.now() - at) / 1000).toFixed(1)} s)`);
  void finish(1);
};
const watchdog = setTimeout(() => abort(`the run took longer than ${RUN_LIMIT_MS / 1000} s`), RUN_LIMIT_MS);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => abort(`interrupted (${signal})`));
process.on('uncaughtException', (error) => abort(`uncaught: ${error?.stack ?? error}`));
process.on('unhandledRejection', (error) => abort(`unhandled rejection: ${error?.stack ?? error}`));
const engines = selectedEngines();
const primary = engines[0];
try {
  demo = await startDemo({ port: 0, sessionLength: SESSION_LENGTH, cacheDir: viteCacheDir('e2e-live'), quiet: true, env: {} });
} catch (error) {
  results.push({ engine: 'all', name: 'start the emulator and the demo server', ok: false });
  console.log(`FAIL start: ${error?.message ?? error}`);
  await finish(1);
}
await Promise.all(engines.map(async (engine) => {
  try {
    browsers.set(engine, await launchEngine(engine));
  } catch (error) {
    results.push({ engine, name: `launch ${LABELS[engine]}`, ok: false });
    console.log(`FAIL [${engine}] launch: ${error?.message ?? error}`);
  }
}));

const log = verbose ? (line) => console.log(`     ${line}`) : () => {};
const running = engines.filter((engine) => browsers.has(engine));
const offlineMeeting = meeting(running.length);
/** What a scenario gets in `engine`: its browser, its own users (the engines run side by side), the meeting of lane 5. */
const ctxFor = (engine) => ({
  browser: browsers.get(engine), demo, emu: demo.emu, step: stepIn(engine), log, sessionLength: SESSION_LENGTH,
  emailFor: (email) => (engine === primary ? email : email.replace('@', `-${engine}@`)),
  // Lane 5 signs in as soon as its engine's other lanes are done, keeps its session alive, and meets the
  // other engines' lane 5 once nothing else runs (`quiet`): its outages are emulator-wide.
  together: async () => {
    await quiet;
    return offlineMeeting.arrive();
  },
  phase: (what) => (what ? since(`${engine} 5`, what) : doing.delete(`${engine} 5`)),
});
let quiet;
console.log(`demo ${demo.url} · emulator ${demo.emu.apiUrl} (sessions ${SESSION_LENGTH} s) · engines ${running.map((e) => `${e} ${browsers.get(e).version() || '(version once a context is open)'}`).join(', ')}`);
for (const engine of running.filter((e) => e !== primary)) {
  console.log(`note [${engine}] scenarios 2 (keep-alive always), 4 (idle warning), 8 (dialog re-rendered during re-auth) and 9 (signed in again in another tab) run in ${primary} only, to keep the run short; 1/6/7, 3 and 5 run here`);
  for (const limit of browsers.get(engine).limits) console.log(`note [${engine}] ${limit}`);
}
try {
  if (!browsers.has(primary)) throw new Error(`${primary} did not launch: scenario 2, which scenario 5 times its outages around, cannot run`);
  // One page load first, before any lane (scenario 2 included) opens a page, so Vite has transformed the
  // app and the SDK (a cold first load takes 20-40 s on a busy 2-core machine) before the lanes ask for it.
  const warmUp = Date.now();
  const warm = await browsers.get(primary).newContext();
  await (await warm.newPage()).goto(demo.url, { timeout: 90_000 });
  await warm.close();
  console.log(`warm-up: the demo page loaded in ${primary} in ${Date.now() - warmUp} ms`);
  const always = keepAliveAlways(ctxFor(primary));
  const alwaysDone = lane(primary, '2 keep-alive always', always.done); // handled from the start, however early it fails
  // The first engine's short lanes start at once; each other engine's once the previous engine's
  // sign-in lane is done, and sign-ins queue per engine: more cold page loads and SDK key generations at
  // once overrun a busy 2-core machine.
  limitSignIns({ [primary]: 2, ...Object.fromEntries(running.filter((e) => e !== primary).map((e) => [e, 1])) });
  let previous = lane(primary, '1/6/7 sign-in, transfer, logout', signInTransferLogout(ctxFor(primary)));
  const short = {
    [primary]: [
      previous,
      lane(primary, '4 idle warning', idleWarning(ctxFor(primary))),
      lane(primary, '3 expiry and re-auth', expiryReauth(ctxFor(primary))),
      lane(primary, '8 dialog re-rendered during re-auth', reRenderReauth(ctxFor(primary))),
      lane(primary, '9 signed in again in another tab', signInElsewhere(ctxFor(primary))),
    ],
  };
  for (const engine of running.filter((e) => e !== primary)) {
    const gate = previous;
    previous = gate.then(() => lane(engine, '1/6/7 sign-in, transfer, logout', signInTransferLogout(ctxFor(engine))));
    short[engine] = [previous, gate.then(() => lane(engine, '3 expiry and re-auth', expiryReauth(ctxFor(engine))))];
  }
  // Scenario 5's outages are emulator-wide: they begin once nothing else runs.
  quiet = Promise.all([alwaysDone, ...Object.values(short).flat()]);
  await Promise.all(running.map((engine) => Promise.all(short[engine]).then(() =>
    lane(engine, '5 offline', offlineAcrossExpiry({ ...ctxFor(engine), neighbourUserId: null }).finally(offlineMeeting.leave)))));
  await quiet;

  const counts = await fetch(new URL('/__emulator/counts', demo.emu.apiUrl)).then((r) => r.json()).catch(() => null);
  if (counts) console.log(`\nrequests the emulator counted (OPTIONS = CORS preflights):\n${Object.entries(counts).map(([k, v]) => `  ${String(v).padStart(4)}  ${k}`).join('\n')}`);
  const unhandled = demo.emu.log.filter((e) => e.outcome === 'no handler');
  if (unhandled.length) console.log(`unhandled: ${[...new Set(unhandled.map((e) => e.endpoint))].join(', ')}`);
} catch (error) {
  abort(`run: ${error?.stack ?? error}`);
}
await finish(0);
