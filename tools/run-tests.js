#!/usr/bin/env node
// Runs every suite in order and closes with one line CI reads: `N passed, N failed, N skipped`.
// Each step's own closing `N passed, N failed` line is added up; a step without one counts as one check.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'type-check', command: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', command: 'npx', args: ['eslint', '.'] },
  { name: 'import-cycles', command: 'node', args: ['tools/check-import-cycles.mjs'] },
  { name: 'lit-analyzer', command: 'npx', args: ['lit-analyzer', 'src', '--maxWarnings', '0', '--strict'] },
  { name: 'node-import', command: 'node', args: ['tools/check-node-import.mjs'] },
  { name: 'build', command: 'npm', args: ['run', '-s', 'build'] },
  { name: 'size', command: 'node', args: ['tools/check-size.mjs'] },
  { name: 'unit', command: 'npx', args: ['web-test-runner'] },
  { name: 'demo-servers', command: 'node', args: ['--test', '--test-force-exit', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./tools/node-test-summary.mjs', '--test-reporter-destination=stdout', 'test/demo/session-endpoint.test.mjs', 'test/demo/emulator-guard.test.mjs'] },
  { name: 'real-tabs', command: 'node', args: ['test/reliability/real-tabs.mjs'] },
  { name: 'emulator-smoke', command: 'node', args: ['test/e2e/emulator-smoke.mjs'] },
  { name: 'e2e', command: 'node', args: ['test/e2e/run.mjs'] },
  { name: 'e2e-reauth', command: 'node', args: ['test/e2e/run-reauth-methods.mjs'] },
  { name: 'framework-types', command: 'node', args: ['test/types/check-types.mjs'] },
  { name: 'frameworks', command: 'npx', args: ['web-test-runner', '--config', 'web-test-runner.frameworks.config.js'] },
  { name: 'consumer', command: 'node', args: ['test/consumer/run.mjs'] },
  { name: 'ssr', command: 'node', args: ['test/ssr/run.mjs'] },
  { name: 'manifest-fresh', command: 'node', args: ['tools/check-manifest-fresh.mjs'] },
  { name: 'readme-recipes', command: 'node', args: ['tools/readme-recipes.mjs'] },
];

const only = process.argv.slice(2);
const SUMMARY = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g;

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const relay = (stream, chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', (chunk) => relay(process.stdout, chunk));
    child.stderr.on('data', (chunk) => relay(process.stderr, chunk));
    child.on('close', (code) => resolve({ code, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name))) {
  process.stdout.write(`\n━━ ${step.name}: ${[step.command, ...step.args].join(' ')}\n`);
  const { code, output, seconds } = await run(step);
  const matches = [...output.replace(/\x1b\[[0-9;]*m/g, '').matchAll(SUMMARY)];
  const last = matches[matches.length - 1];
  let counts = last
    ? { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3] ?? 0) }
    : { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  // A step that exits non-zero has failed, whatever it counted.
  if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  lines.push(`${step.name}: ${counts.passed} passed, ${counts.failed} failed (${seconds.toFixed(1)} s)`);
}

process.stdout.write(`\n━━ summary\n${lines.join('\n')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 ? 1 : 0);
