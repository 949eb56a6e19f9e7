#!/usr/bin/env node
// A self-contained ES module for static sites with no bundler: Lit, @lit/context and nanostores inlined,
// and process.env.NODE_ENV replaced (nanostores reads it bare and unbundled pages have no `process`).
import { build } from 'esbuild';
import { minifyCssLiteralsEsbuild } from './minify-css-literals.mjs';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/para-session-kit.bundle.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [minifyCssLiteralsEsbuild()],
});
console.log('dist/para-session-kit.bundle.js written');
