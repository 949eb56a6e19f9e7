#!/usr/bin/env node
// The package as apps get it (run after `npm run build`): `npm pack`, install the tarball into a fresh folder
// outside the project, type-check a TypeScript app under `bundler`, `node16` and `node10` resolution, build a
// Vite app from the installed package and one linked to the source (monorepo style), run both in Chromium,
// and lint the tarball with publint and @arethetypeswrong/cli.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTypes } from './type-check.mjs';
import { buildApp, runApps, scriptGzipKB, writePlainPage } from './vite-apps.mjs';
import { lintPackage } from './package-lint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = join(root, 'test/consumer/fixtures');
const results = [];
async function check(name, body) {
  const started = Date.now();
  try {
    const note = await body();
    results.push(true);
    console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${note ? `\n    ${note.split('\n').join('\n    ')}` : ''}`);
  } catch (error) {
    results.push(false);
    console.log(`✗ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 12).join('\n    ')}`);
  }
}

const work = mkdtempSync(join(tmpdir(), 'para-session-kit-consumer-'));
try {
  let tarball;
  await check('npm pack', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
    tarball = join(work, packed.filename);
    const files = packed.files.map((f) => f.path);
    const unwanted = files.filter((f) => !/^(dist\/|custom-elements\.json$|package\.json$|README\.md$|LICENSE)/.test(f));
    if (unwanted.length) throw new Error(`the tarball carries files apps do not need: ${unwanted.join(', ')}`);
    if (!files.includes('dist/frameworks/react.d.ts')) throw new Error('the tarball lacks the framework types (run `npm run build`)');
    return `${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} kB`;
  });
  if (!tarball) throw new Error('nothing to install');

  const app = join(work, 'app');
  await check('install the tarball into a fresh project', () => {
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // Its dependencies (lit, @lit/context, nanostores) come from the npm cache the project's install filled.
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: work, stdio: 'pipe' });
    const installed = JSON.parse(readFileSync(join(work, 'node_modules/para-session-kit/package.json'), 'utf8'));
    cpSync(join(fixtures, 'app'), app, { recursive: true });
    return `para-session-kit ${installed.version} with ${Object.keys(installed.dependencies).join(', ')}`;
  });

  for (const resolution of ['bundler', 'node16', 'node10']) {
    await check(`TypeScript app type-checks (moduleResolution ${resolution})`, () => checkTypes(work, join(fixtures, 'consumer.ts'), resolution));
  }

  const builds = {};
  await check('Vite builds the app from the installed package', async () => void (builds.installed = await buildApp(app, join(work, 'dist-installed'))));
  // A monorepo or KIT_SRC-style alias: the source entry must keep its tag registration through tree-shaking.
  await check('Vite builds the app linked to the source', async () => void (builds.source = await buildApp(app, join(work, 'dist-source'), join(root, 'src/index.ts'))));
  // An app that takes only the tags it uses: its script must carry neither the dialog nor the guard.
  const statusApp = join(work, 'app-status');
  cpSync(join(fixtures, 'app-status'), statusApp, { recursive: true });
  await check('Vite builds an app from the per-element entry para-session-kit/para-session-status', async () => {
    const dir = await buildApp(statusApp, join(work, 'dist-status'));
    builds['status-only app'] = { dir, tags: ['para-session', 'para-session-status'] };
    const full = scriptGzipKB(builds.installed);
    const statusOnly = scriptGzipKB(dir);
    if (!(statusOnly < full)) throw new Error(`the status-only app's script is ${statusOnly} KB, the full app's ${full} KB`);
    return `app script, min + gzip, with Lit: ${statusOnly} KB, against ${full} KB for the app that imports the package entry`;
  });
  builds.plain = writePlainPage(work, join(fixtures, 'plain/recipe.html'));
  builds['plain German page'] = writePlainPage(work, join(fixtures, 'plain/recipe-de.html'), 'plain-de.html', /^Angemeldet noch /);
  await check('the apps and the plain pages run in Chromium: tags registered, .client taken, status active, German from its module', () => runApps(builds));

  await check('publint and @arethetypeswrong/cli', () => lintPackage(root, tarball, join(work, 'node_modules/para-session-kit')));
} finally {
  rmSync(work, { recursive: true, force: true });
}
const failed = results.filter((ok) => !ok).length;
console.log(`consumer: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
