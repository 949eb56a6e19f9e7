#!/usr/bin/env node
// The README's framework recipes are the apps the framework suite mounts: each code block after a
// `<!-- recipe: path -->` line must equal that file. `--write` copies the files into the README.
import { readFileSync, writeFileSync } from 'node:fs';

const README = 'README.md';
const BLOCK = /<!-- recipe: (\S+) -->\n```(\w*)\n([\s\S]*?)```/g;
const write = process.argv.includes('--write');
const readme = readFileSync(README, 'utf8');
let passed = 0;
let failed = 0;

const updated = readme.replace(BLOCK, (whole, path, lang, body) => {
  let file;
  try {
    file = readFileSync(path, 'utf8');
  } catch {
    console.log(`✗ ${path}: the README names a recipe file that does not exist`);
    failed += 1;
    return whole;
  }
  if (file.trimEnd() === body.trimEnd()) {
    console.log(`✓ ${path}`);
    passed += 1;
  } else if (write) {
    console.log(`↻ ${path}: copied into the README`);
    passed += 1;
  } else {
    console.log(`✗ ${path}: the README's block differs from the file (node tools/readme-recipes.mjs --write copies it)`);
    failed += 1;
  }
  return `<!-- recipe: ${path} -->\n\`\`\`${lang}\n${file.trimEnd()}\n\`\`\``;
});
if (passed + failed === 0) {
  console.log('✗ the README has no `<!-- recipe: path -->` block');
  failed += 1;
}
if (write) writeFileSync(README, updated);
console.log(`readme-recipes: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
