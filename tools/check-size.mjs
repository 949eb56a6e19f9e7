#!/usr/bin/env node
// The size tripwires `npm test` enforces: each entry of the built package (`npm run build` first) bundled and
// minified as an app's build would, then gzipped — the same measure as `node bench/size.mjs` (tools/size-measure.mjs).
import { existsSync } from 'node:fs';
import { bundle, ELEMENT_ENTRIES, SHIPPED_ENTRIES } from './size-measure.mjs';

// Tripwires at today's weight (+0.5 KB or so), so growth is a decision someone makes in a commit. The targets
// (package 12, core 7, bundle 20 KB) are `node bench/size.mjs --check`; the weight by module is in bench/results.json.
const TRIPWIRE_KB = {
  'package entry': 41.5,
  core: 20.3,
  'self-contained bundle': 48.5,
  '<para-session> alone': 22.8,
  '<para-session> + <para-session-status>': 29.4,
  '<para-session> + <para-reauth-dialog>': 39.0,
  '<para-session> + <para-session-guard>': 24.1,
};

let passed = 0;
let failed = 0;
for (const spec of [...SHIPPED_ENTRIES, ...ELEMENT_ENTRIES]) {
  const kb = TRIPWIRE_KB[spec.name];
  if (!existsSync(spec.entry)) {
    console.log(`✗ ${spec.entry} is missing: run npm run build`);
    failed += 1;
    continue;
  }
  const { gzip } = await bundle(spec);
  const ok = gzip <= kb * 1024;
  console.log(`${ok ? '✓' : '✗'} ${spec.name} (${spec.entry}): ${(gzip / 1024).toFixed(1)} KB min+gzip (tripwire ${kb} KB)`);
  if (ok) passed += 1;
  else failed += 1;
}
console.log(`size: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
