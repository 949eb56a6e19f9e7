#!/usr/bin/env node
// Writes dist/frameworks/{react,preact,solid,vue,svelte}.{d.ts,js} from custom-elements.json at build time, so
// the template types of every framework follow the elements' attributes, properties and events without drift.
// Each `.js` is an empty module: `import 'para-session-kit/react'` (or `import type`) pulls in the types.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementsOf, readManifest } from './framework-types/manifest.mjs';
import { jsxTypes } from './framework-types/jsx.mjs';
import { vueTypes } from './framework-types/vue.mjs';
import { svelteTypes } from './framework-types/svelte.mjs';

const outdir = process.argv[2] ?? 'dist/frameworks';
const typesFrom = '../types/index.js'; // the package's own declarations, relative so no self-reference is needed
const manifest = readManifest();
const elements = elementsOf(manifest);
const files = { ...jsxTypes(manifest, elements, typesFrom), ...vueTypes(manifest, elements, typesFrom), ...svelteTypes(manifest, elements, typesFrom) };

mkdirSync(outdir, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(outdir, name), text);
  if (name !== 'jsx-elements.d.ts') writeFileSync(join(outdir, name.replace(/\.d\.ts$/, '.js')), '// Types only: see the .d.ts beside this file.\nexport {};\n');
}
console.log(`framework types: ${Object.keys(files).length} files for ${elements.map((e) => e.tag).join(', ')} in ${outdir}`);
