#!/usr/bin/env node
// Proves the package imports in Node (SSR, tests, build tools) with no side effects: it bundles each entry
// with esbuild, imports it in a child Node process, and checks that the process exits by itself at once
// (no timer, channel or listener keeps it alive) and defines the documented exports.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const entries = [
  { name: 'core', file: 'src/core/index.ts', expect: ['createParaSession', '$paraSession'] },
  { name: 'package', file: 'src/index.ts', expect: ['createParaSession', '$paraSession', 'ParaSession', 'ParaReauthDialog'] },
  { name: 'para-session', file: 'src/define/para-session.ts', expect: ['ParaSession', 'paraSessionContext'] },
  { name: 'para-session-status', file: 'src/define/para-session-status.ts', expect: ['ParaSession', 'ParaSessionStatus', 'registerTranslation'] },
  { name: 'para-reauth-dialog', file: 'src/define/para-reauth-dialog.ts', expect: ['ParaSession', 'ParaReauthDialog', 'registerTranslation'] },
  { name: 'para-session-guard', file: 'src/define/para-session-guard.ts', expect: ['ParaSession', 'ParaSessionGuard'] },
];

// Inside the project, so the bundle resolves lit and nanostores from node_modules like an app would.
const dir = join(process.cwd(), 'node_modules', '.cache', 'node-import-check');
mkdirSync(dir, { recursive: true });
let passed = 0;
let failed = 0;
try {
  for (const entry of entries) {
    if (!existsSync(entry.file)) {
      console.log(`✗ ${entry.name}: ${entry.file} does not exist`);
      failed += 1;
      continue;
    }
    const outfile = join(dir, `${entry.name}.mjs`);
    await build({
      entryPoints: [entry.file],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      tsconfig: 'tsconfig.json',
      external: ['lit', 'lit/*', '@lit/*', 'nanostores'],
      logLevel: 'error',
    });
    const script = `
      const started = Date.now();
      const mod = await import(${JSON.stringify(outfile)});
      const missing = ${JSON.stringify(entry.expect)}.filter((name) => !(name in mod));
      if (missing.length) { console.error('missing exports: ' + missing.join(', ')); process.exit(2); }
      // Whatever import started (a timer, a channel, a port) would keep this process from exiting by itself.
      const kept = process.getActiveResourcesInfo().filter((r) => /Timeout|Immediate|Channel|Port|Socket|Interval/i.test(r));
      if (kept.length) { console.error('left running at import: ' + kept.join(', ')); process.exit(3); }
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
      timeout: 15_000, // exiting by itself is the proof; a hang is a failure
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status === 0) {
      console.log(`✓ ${entry.name}: imports in Node and starts nothing`);
      passed += 1;
    } else {
      console.log(`✗ ${entry.name}: ${result.error?.message ?? ''}${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      failed += 1;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`node-import: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
