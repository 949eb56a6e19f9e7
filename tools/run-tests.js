#!/usr/bin/env node
// Runs every suite in order and closes with one line CI reads: `N passed, N failed, N skipped`.
// Each step's own closing `N passed, N failed` line is added up; a step without one counts as one check.
// Steps that run in several browser engines print `  <engine>: N passed, N failed` lines; those are
// gathered into a per-engine breakdown (with each engine's version) above the closing line.
// In the browser lanes (`browserLanes`), two failures of the browsers themselves, not of a test, get one more try,
// said in the log: a test file a browser never started (no test in it ran) runs once more in that engine
// alone, its result replacing that failure; a runner that died before its summary (WebKitWebDriver has
// segfaulted mid-run on a loaded machine) runs the step once more, and that run's results count.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineVersion, ENGINES, selectedEngines } from './browsers.js';

const steps = [
  { name: 'type-check', command: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', command: 'npx', args: ['eslint', '.'] },
  { name: 'import-cycles', command: 'node', args: ['tools/check-import-cycles.mjs'] },
  { name: 'lit-analyzer', command: 'npx', args: ['lit-analyzer', 'src', '--maxWarnings', '0', '--strict'] },
  { name: 'node-import', command: 'node', args: ['tools/check-node-import.mjs'] },
  { name: 'build', command: 'npm', args: ['run', '-s', 'build'] },
  { name: 'size', command: 'node', args: ['tools/check-size.mjs'] },
  { name: 'unit', command: 'npx', args: ['web-test-runner'], browserLanes: true },
  { name: 'demo-servers', command: 'node', args: ['--test', '--test-force-exit', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./tools/node-test-summary.mjs', '--test-reporter-destination=stdout', 'test/demo/session-endpoint.test.mjs', 'test/demo/emulator-guard.test.mjs', 'test/demo/scripted-demo.test.mjs'] },
  { name: 'test-runner', command: 'node', args: ['--test', '--test-force-exit', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./tools/node-test-summary.mjs', '--test-reporter-destination=stdout', 'test/tools/runner-rejection.test.mjs', 'test/tools/summary-reporter.test.mjs'] },
  { name: 'real-tabs', command: 'node', args: ['test/reliability/real-tabs.mjs'] },
  { name: 'emulator-smoke', command: 'node', args: ['test/e2e/emulator-smoke.mjs'] },
  { name: 'e2e', command: 'node', args: ['test/e2e/run.mjs'] },
  { name: 'e2e-reauth', command: 'node', args: ['test/e2e/run-reauth-methods.mjs'] },
  { name: 'framework-types', command: 'node', args: ['test/types/check-types.mjs'] },
  { name: 'frameworks', command: 'npx', args: ['web-test-runner', '--config', 'web-test-runner.frameworks.config.js'] },
  { name: 'frameworks-zone', command: 'npx', args: ['web-test-runner', '--config', 'web-test-runner.zone.config.js'] },
  { name: 'consumer', command: 'node', args: ['test/consumer/run.mjs'] },
  { name: 'ssr', command: 'node', args: ['test/ssr/run.mjs'] },
  { name: 'manifest-fresh', command: 'node', args: ['tools/check-manifest-fresh.mjs'] },
  { name: 'readme-recipes', command: 'node', args: ['tools/readme-recipes.mjs'] },
];

const only = process.argv.slice(2);
const SUMMARY = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g;
const ENGINE_LINE = new RegExp(`^\\s+(${ENGINES.join('|')}): (\\d+) passed, (\\d+) failed`, 'gm');
const startedAt = Date.now();

function run(step, env = process.env) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    const relay = (stream, chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', (chunk) => relay(process.stdout, chunk));
    child.stderr.on('data', (chunk) => relay(process.stderr, chunk));
    child.on('close', (code, signal) => resolve({ code, signal, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/** A step's counts, overall and per engine, from its output and exit code. */
function countsOf(step, output, code) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  // The last line per engine wins (a live reporter may print its summary twice).
  const engines = new Map();
  for (const [, engine, passed, failed] of plain.matchAll(ENGINE_LINE)) engines.set(engine, { passed: Number(passed), failed: Number(failed) });
  const matches = [...plain.matchAll(SUMMARY)];
  // A step's own `<step>: N passed, …` line wins over later ones (a live progress bar may repaint after it).
  const prefix = `${step.name}: `;
  const startsLine = (at) => at === 0 || plain[at - 1] === '\n';
  const own = matches.filter((m) => plain.startsWith(prefix, m.index - prefix.length) && startsLine(m.index - prefix.length));
  const last = own.length ? own[own.length - 1] : matches[matches.length - 1];
  let counts = last
    ? { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3] ?? 0) }
    : { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  // A step that exits non-zero has failed, whatever it counted.
  if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  return { counts, engines, summarised: own.length > 0 };
}

/** Runs the files a browser never started once more, each engine alone; their results replace those failures. */
async function rerunUnstarted(step, unstarted, result) {
  const byEngine = new Map();
  for (const entry of unstarted) byEngine.set(entry.engine, [...(byEngine.get(entry.engine) ?? []), entry]);
  for (const [engine, entries] of byEngine) {
    const files = [...new Set(entries.map((entry) => entry.file))];
    process.stdout.write(`\n━━ ${step.name}: ${files.join(', ')} never started in ${engine}; running ${files.length === 1 ? 'it' : 'them'} once more there\n`);
    const again = { ...step, args: [...step.args, ...files] };
    const { code, output, seconds } = await run(again, { ...process.env, BROWSERS: engine, PARA_UNSTARTED: '' });
    result.seconds += seconds;
    const rerun = countsOf(again, output, code);
    result.counts.failed -= entries.length;
    for (const key of Object.keys(result.counts)) result.counts[key] += rerun.counts[key];
    const before = result.engines.get(engine) ?? { passed: 0, failed: 0 };
    const after = rerun.engines.get(engine) ?? { passed: rerun.counts.passed, failed: rerun.counts.failed };
    result.engines.set(engine, { passed: before.passed + after.passed, failed: before.failed - entries.length + after.failed });
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
/** engine → step → counts, from the steps' own per-engine lines. */
const perEngine = new Map();
/** Runs a step; in the browser lanes, files a browser never started run once more. */
async function runStep(step) {
  const unstartedFile = join(tmpdir(), `para-unstarted-${process.pid}.json`);
  rmSync(unstartedFile, { force: true });
  const env = step.browserLanes ? { ...process.env, PARA_UNSTARTED: unstartedFile } : process.env;
  const { code, signal, output, seconds } = await run(step, env);
  const result = { ...countsOf(step, output, code), code, signal, seconds };
  if (step.browserLanes && existsSync(unstartedFile)) {
    const unstarted = JSON.parse(readFileSync(unstartedFile, 'utf8'));
    rmSync(unstartedFile, { force: true });
    if (unstarted.length > 0) await rerunUnstarted(step, unstarted, result);
  }
  return result;
}

for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name))) {
  process.stdout.write(`\n━━ ${step.name}: ${[step.command, ...step.args].join(' ')}\n`);
  let result = await runStep(step);
  if (step.browserLanes && !result.summarised) {
    const how = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
    process.stdout.write(`\n━━ ${step.name}: the test runner died before its summary (${how}); running the step once more, and its results count\n`);
    const first = result.seconds;
    result = await runStep(step);
    result.seconds += first;
  }
  const { counts, engines, seconds: spent } = result;
  for (const [engine, { passed, failed }] of engines) perEngine.set(engine, [...(perEngine.get(engine) ?? []), `${step.name} ${passed}/${passed + failed}`]);
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  lines.push(`${step.name}: ${counts.passed} passed, ${counts.failed} failed (${spent.toFixed(1)} s)`);
}

process.stdout.write(`\n━━ summary\n${lines.join('\n')}\n`);
if (perEngine.size > 0) {
  const engines = selectedEngines().filter((engine) => perEngine.has(engine));
  process.stdout.write(`per engine (passed/run):\n${engines.map((engine) => `  ${engine.padEnd(8)} ${perEngine.get(engine).join(' · ')}   [${engineVersion(engine)}]`).join('\n')}\n`);
}
process.stdout.write(`run time ${((Date.now() - startedAt) / 1000).toFixed(0)} s\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 ? 1 : 0);
