#!/usr/bin/env node
// Fails when modules under src/ import each other in a cycle (type-only imports included: a cycle of
// types is still two ideas that cannot be read apart). Prints each cycle it finds.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const srcDir = join(root, 'src');

function listSources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The project files a module imports or re-exports, resolved from `./x.js` to `./x.ts`. */
function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')))
    .filter((path) => existsSync(path));
}

const files = listSources(srcDir);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const cycles = [];
const state = new Map(); // 1: on the current path, 2: done
const path = [];

function visit(file) {
  state.set(file, 1);
  path.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 1) cycles.push([...path.slice(path.indexOf(next)), next]);
    else if (!state.has(next)) visit(next);
  }
  path.pop();
  state.set(file, 2);
}
for (const file of files) if (!state.has(file)) visit(file);

const name = (file) => relative(root, file);
for (const cycle of cycles) process.stdout.write(`cycle: ${cycle.map(name).join(' → ')}\n`);
process.stdout.write(`import cycles among ${files.length} modules in src/: ${cycles.length}\n`);
process.stdout.write(`${cycles.length === 0 ? 1 : 0} passed, ${cycles.length === 0 ? 0 : 1} failed\n`);
process.exit(cycles.length === 0 ? 0 : 1);
