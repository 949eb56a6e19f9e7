#!/usr/bin/env node
// The framework types are generated from custom-elements.json, so it must describe the elements as they are:
// re-run the analyzer on the sources (in a scratch folder: it rewrites its package.json) and compare.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve('.');
const scratch = mkdtempSync(join(tmpdir(), 'manifest-check-'));
const sorted = (manifest) => JSON.stringify({ ...manifest, modules: [...manifest.modules].sort((a, b) => a.path.localeCompare(b.path)) }, null, 2);
let fresh;
try {
  symlinkSync(join(root, 'src'), join(scratch, 'src'));
  writeFileSync(join(scratch, 'package.json'), '{ "name": "manifest-check" }');
  execFileSync(join(root, 'node_modules/.bin/custom-elements-manifest'), ['analyze', '--litelement', '--globs', 'src/elements/**/*.ts'], { cwd: scratch, stdio: 'pipe' });
  fresh = sorted(JSON.parse(readFileSync(join(scratch, 'custom-elements.json'), 'utf8')));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const committed = sorted(JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')));
if (fresh === committed) {
  console.log('✓ custom-elements.json matches the elements\' sources');
  console.log('manifest: 1 passed, 0 failed');
} else {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  console.log(`✗ custom-elements.json is out of date with src/elements: run \`npm run analyze\`\n    first difference at line ${at + 1}: committed ${JSON.stringify(a[at])}, sources ${JSON.stringify(b[at])}`);
  console.log('manifest: 0 passed, 1 failed');
  process.exit(1);
}
