// The one size measure that `npm test` (tools/check-size.mjs) and `npm run bench` (bench/size.mjs) share:
// a file bundled and minified as an app's build would (esbuild, one output file), then gzipped.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ELEMENT_TAGS } from './element-entries.mjs';

/** Apps dedupe these, so every entry but the self-contained bundle leaves them out. */
export const EXTERNAL = ['lit', 'lit/*', '@lit/*', 'nanostores'];

/** What the budgets measure: the published package's files, as `npm run build` writes them. */
export const SHIPPED_ENTRIES = [
  { name: 'package entry', entry: 'dist/index.js', source: 'src/index.ts', external: EXTERNAL },
  { name: 'core', entry: 'dist/core.js', source: 'src/core/index.ts', external: EXTERNAL },
  { name: 'self-contained bundle', entry: 'dist/para-session-kit.bundle.js', source: 'src/index.ts', external: [] },
];

/** The per-element entries (src/define): each registers its tag and the provider's, `para-session-kit/<tag>`. */
export const ELEMENT_ENTRIES = ELEMENT_TAGS.map((tag) => ({
  name: tag === 'para-session' ? '<para-session> alone' : `<para-session> + <${tag}>`,
  entry: `dist/${tag}.js`,
  source: `src/define/${tag}.ts`,
  external: EXTERNAL,
}));

/** One entry (a file, or `stdin` source) bundled and minified as an app's build would. */
export async function bundle({ entry, stdin, external }, plugins = []) {
  const result = await build({
    ...(stdin ? { stdin: { contents: stdin, resolveDir: process.cwd(), loader: 'ts' } } : { entryPoints: [entry] }),
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    external,
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    plugins,
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  return { code, min: code.length, gzip: gzipSync(code).length, inputs: output.inputs };
}

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, item) => {
    const path = join(dir, item.name);
    return Math.max(latest, item.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

/** Whether `dist` is missing an entry or is older than the newest file under `src`. */
export function distIsStale() {
  const files = [...SHIPPED_ENTRIES, ...ELEMENT_ENTRIES].map((e) => e.entry);
  if (!files.every(existsSync)) return true;
  return Math.min(...files.map((f) => statSync(f).mtimeMs)) < newest('src');
}

/** Builds the package when `dist` is missing or stale, so a fresh clone measures what it would publish. */
export function ensureBuilt() {
  if (!distIsStale()) return;
  console.log('size: dist is missing or older than src; running npm run build');
  execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
