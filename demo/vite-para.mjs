// The Vite settings that make the real `@getpara/web-sdk` (2.31) load in a browser page.
// Used by the live demo server (demo/serve.mjs) and the e2e harness; kept out of the library build.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { nodePolyfills } from 'vite-plugin-node-polyfills';

const require = createRequire(import.meta.url);
/** An optimizer cache per user of this config, so servers never re-optimize each other's deps. */
export const viteCacheDir = (name) => fileURLToPath(new URL(`../node_modules/.vite-para-${name}`, import.meta.url));

/** node-forge's prime worker, which the SDK's RSA keygen loads relative to the PAGE. */
export const PRIME_WORKER_FILE = require.resolve('node-forge/dist/prime.worker.min.js');

/**
 * Serves the prime worker at any `…/forge/prime.worker.js` (what node-forge asks for,
 * relative to the page, when the SDK runs with `disableWorkers: true`) and at
 * `/static/js/prime.worker.min.js` (what it asks for otherwise, from the portal).
 */
export function primeWorkerPlugin() {
  const middleware = async (req, res, next) => {
    const path = (req.url || '').split('?')[0];
    if (!path.endsWith('/forge/prime.worker.js') && path !== '/static/js/prime.worker.min.js') return next();
    res.setHeader('content-type', 'text/javascript; charset=utf-8');
    res.end(await readFile(PRIME_WORKER_FILE));
  };
  return {
    name: 'para-forge-prime-worker',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

/** Plugins: Node polyfills the SDK's dependency graph needs + the prime worker route. */
export function paraSdkVitePlugins() {
  return [
    nodePolyfills({
      // `events` is the one a plain build fails on (EventEmitter from @ethereumjs/util);
      // the others are what the SDK's crypto dependencies reach for.
      include: ['buffer', 'events', 'crypto', 'stream', 'util', 'process'],
      globals: { Buffer: true, global: true, process: true },
    }),
    primeWorkerPlugin(),
  ];
}

/** A complete inline Vite config for a page that imports the SDK. */
export function paraSdkViteConfig({ root, port = 0, host = '127.0.0.1', cacheDir = viteCacheDir('e2e'), include = ['@getpara/web-sdk'] } = {}) {
  return {
    root,
    cacheDir,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    plugins: paraSdkVitePlugins(),
    server: { host, port, strictPort: port !== 0, hmr: false },
    optimizeDeps: {
      // Pre-bundle the SDK (and whatever else the page imports) at start-up, not on first request:
      // a dependency discovered late makes Vite reload the page.
      include,
    },
  };
}
