#!/usr/bin/env node
// The analyzer lists modules in file-system order, which differs between machines: sort them by path so
// custom-elements.json only changes when the elements do.
import { readFileSync, writeFileSync } from 'node:fs';

const file = 'custom-elements.json';
const manifest = JSON.parse(readFileSync(file, 'utf8'));
manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
