// Rows 6–8 in headless Chromium (Debian's, via playwright-core): render cost, memory over 1,000
// connect/disconnect cycles, start-up. Pages are served from memory (no port is opened).
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../tools/find-chromium.js';
import { bundle } from './size.mjs';

// HTTPS, so the page is a secure context as an app's is: Web Locks (the kit's tab election and exclusive
// checks) exist only there, and on plain HTTP the kit would run its fallback and hold no locks to count.
const ORIGIN = 'https://bench.test';
const SIDES = { kit: 'bench/browser/kit-page.ts', baseline: 'bench/browser/baseline-page.ts' };
const RENDER_COUNTS = [1, 100, 1000];
const CYCLES = 1000;
/** Then this many more, to tell a steady leak (growth per cycle that never stops) from one-time warm-up. */
const STEADY_CYCLES = 3000;
const START_UPS = 7;

const html = (side) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench ${side}</title></head>
<body><main id="app"></main><script type="module" src="/${side}.js"></script></body></html>`;

async function openPage(context, scripts, side, query = '') {
  const page = await context.newPage();
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: scripts[path.slice(1, -3)] });
    return route.fulfill({ contentType: 'text/html', body: html(side) });
  });
  await page.goto(`${ORIGIN}/${side}.html${query}`);
  await page.waitForFunction(() => 'bench' in window);
  const secure = await page.evaluate(() => isSecureContext && 'locks' in navigator);
  if (!secure) throw new Error(`bench: ${ORIGIN} is not a secure context with Web Locks here; the kit would be measured on its fallback`);
  return page;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Rounds of the render and start-up rows; the two sides take turns, so a slow moment of the machine hits both. */
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
const RENDER_REPEATS = 3;

async function measureMemory(browser, scripts, side) {
  const context = await browser.newContext();
  const memoryPage = await openPage(context, scripts, side);
  // Warm-up first: JIT code and caches settle in the first few hundred cycles, which is not a leak.
  await memoryPage.evaluate(() => window.bench.cycles(300));
  const before = await heapUsed(memoryPage);
  const leftovers = await memoryPage.evaluate((n) => window.bench.cycles(n), CYCLES);
  const after = await heapUsed(memoryPage);
  await memoryPage.evaluate((n) => window.bench.cycles(n), STEADY_CYCLES);
  const later = await heapUsed(memoryPage);
  await context.close();
  return { heapGrowthKB: round((after - before) / 1024, 1), steadyKBPer1000: round(((later - after) / 1024) * (1000 / STEADY_CYCLES), 1), leftovers };
}

async function startUpOnce(context, scripts, side) {
  const startPage = await openPage(context, scripts, side, '?startup');
  await startPage.waitForFunction(() => window.startUpAt !== undefined);
  const ms = await startPage.evaluate((name) => window.startUpAt - performance.getEntriesByName(`${location.origin}/${name}.js`)[0].startTime, side);
  await startPage.close();
  return ms;
}

async function measureSides(browser, scripts) {
  const sides = Object.keys(SIDES);
  const contexts = Object.fromEntries(await Promise.all(sides.map(async (side) => [side, await browser.newContext()])));
  const pages = Object.fromEntries(await Promise.all(sides.map(async (side) => [side, await openPage(contexts[side], scripts, side)])));
  const renders = Object.fromEntries(sides.map((side) => [side, Object.fromEntries(RENDER_COUNTS.map((count) => [count, []]))]));
  const startUps = Object.fromEntries(sides.map((side) => [side, []]));
  for (let roundNo = 0; roundNo < ROUNDS; roundNo += 1) {
    for (const count of RENDER_COUNTS) {
      for (const side of sides) renders[side][count].push(await pages[side].evaluate(([n, r]) => window.bench.render(n, r), [count, RENDER_REPEATS]));
    }
  }
  for (let i = 0; i < START_UPS; i += 1) for (const side of sides) startUps[side].push(await startUpOnce(contexts[side], scripts, side));
  await Promise.all(sides.map((side) => contexts[side].close()));
  const result = {};
  for (const side of sides) {
    // The median over rounds of each round's medians, phase by phase.
    const render = Object.fromEntries(
      RENDER_COUNTS.map((count) => {
        const rounds = renders[side][count];
        return [count, Object.fromEntries(['script', 'style', 'total'].map((phase) => [phase, median(rounds.map((r) => r[phase]))]))];
      }),
    );
    result[side] = { render, startUpMs: round(median(startUps[side])), ...(await measureMemory(browser, scripts, side)) };
  }
  return result;
}

export async function browserRows() {
  const scripts = {};
  for (const [side, entry] of Object.entries(SIDES)) scripts[side] = new TextDecoder().decode((await bundle({ entry, external: [] })).code);
  // `gc()` for the render row, which collects the last repeat's garbage before it measures a change.
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...chromiumArgs, '--js-flags=--expose-gc'] });
  let result;
  try {
    result = await measureSides(browser, scripts);
  } finally {
    await browser.close();
  }
  const { kit, baseline } = result;
  const row = (n, group, label, unit, pick, note) => ({ row: n, group, label, unit, kit: pick(kit), baseline: pick(baseline), better: 'lower', note });
  /** The medians of each phase: script, then style on its own, then layout (so they need not add up to the total's median). */
  const split = (r) => `${round(r.script)} / ${round(r.style - r.script)} / ${round(r.total - r.style)}`;
  const rows = RENDER_COUNTS.map((count) =>
    row(
      6,
      `Render cost: one state change → every display rendered and laid out (median of ${ROUNDS} rounds × ${RENDER_REPEATS}, the sides taking turns)`,
      `${count} <para-session-status>`,
      'ms',
      (r) => round(r.render[count].total),
      `script / style / layout: kit ${split(kit.render[count])}, baseline ${split(baseline.render[count])}${count === 1000 ? '; target ≤ 16 ms' : ''}`,
    ),
  );
  const memory = `Memory: ${CYCLES} connect/disconnect cycles of a provider with status, dialog and guard`;
  rows.push(row(7, memory, 'heap growth after GC', 'KB', (r) => r.heapGrowthKB));
  rows.push(
    row(7, memory, `heap growth per 1,000 cycles over the next ${STEADY_CYCLES.toLocaleString('en')} (steady state)`, 'KB', (r) => Math.max(0, r.steadyKBPer1000), `near 0 when the first ${CYCLES.toLocaleString('en')} only warmed caches and compiled code, a leak keeps growing here; measured kit ${kit.steadyKBPer1000}, baseline ${baseline.steadyKBPer1000} (a heap that shrank counts as 0)`),
  );
  for (const kind of ['timers', 'listeners', 'channels', 'locks']) rows.push(row(7, memory, `leftover ${kind}`, 'count', (r) => r.leftovers[kind]));
  rows.push(row(8, `Start-up: script fetch start → first correct status (median of ${START_UPS}, the sides taking turns)`, 'first status shown', 'ms', (r) => r.startUpMs, 'kit asks the server first; the baseline trusts the stored cookie'));
  return rows;
}
