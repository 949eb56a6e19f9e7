#!/usr/bin/env node
// The size budget: what an app pays, minified and gzipped, for each entry of the built package (`npm run build` first).
// Library files ship unminified (apps minify); they are minified here the way an app's build would.
import { transformSync } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';

// Tripwires at today's weight (+0.5 to 1 KB), so growth is a decision someone makes in a commit. They grew with the
// engine's rooms (+1.9 KB), the timer, export and origin hardening (+0.8 KB), and the dialog's languages, phone,
// refresh and resume bar (+7 KB), the shared ticker and the dialog's controllers (+0.7 KB), honest logout, account checks,
// per-client channels and bounded remote messages (+1.3 KB). The targets (core 7, package 12, bundle 20 KB) are open work: `node bench/size.mjs`.
const budgets = [
  { file: 'dist/core.js', label: 'core entry (engine only; lit/nanostores external)', kb: 15.5 },
  { file: 'dist/index.js', label: 'package entry (engine + elements; lit/nanostores external)', kb: 32.5 },
  { file: 'dist/para-session-kit.bundle.js', label: 'self-contained bundle (with Lit and nanostores)', kb: 39 },
];

/** An entry and the chunks it imports, followed transitively. */
function withImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, spec] of source.matchAll(/(?:import|from)\s*["'](\.\/[^"']+)["']/g)) withImports(join(dirname(file), spec), seen);
  return seen;
}

let passed = 0;
let failed = 0;
for (const { file, label, kb } of budgets) {
  if (!existsSync(file)) {
    console.log(`✗ ${file} is missing: run npm run build`);
    failed += 1;
    continue;
  }
  const minified = (f) => transformSync(readFileSync(f, 'utf8'), { minify: true, format: 'esm' }).code;
  const bytes = [...withImports(file)].reduce((sum, f) => sum + gzipSync(minified(f)).length, 0);
  const ok = bytes <= kb * 1024;
  console.log(`${ok ? '✓' : '✗'} ${label}: ${(bytes / 1024).toFixed(1)} KB gzip (budget ${kb} KB)`);
  if (ok) passed += 1;
  else failed += 1;
}
console.log(`size: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
