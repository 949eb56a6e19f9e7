#!/usr/bin/env node
// `npm run demo`: the live demo on the real Para SDK.
//   node demo/serve.mjs [--port 5173] [--session-length 7200]
// Without PARA_API_KEY it starts the Para emulator in-process (API :8080, portal :3003 — the SDK's DEV
// environment hard-codes both). With PARA_API_KEY (and optionally PARA_ENV, default BETA) the page and
// the server SDK use Para's own environment instead and no emulator starts.
// Also importable: `startDemo({ port, sessionLength, cacheDir, quiet })` is what the e2e suite runs.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'vite';
import { loopbackOrigins } from './para-emulator/http-util.js';
import { startEmulator } from './para-emulator/server.js';
import { paraSdkViteConfig, viteCacheDir } from './vite-para.mjs';
import { sessionEndpoint, serverSdkTarget } from './session-endpoint.mjs';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LIVE_PAGE_PATH = '/demo/live/';
const EMULATOR_PORTS = { apiPort: 8080, portalPort: 3003 };
// Every bare import of the live page, pre-bundled at start so no late discovery reloads the page.
const PAGE_DEPENDENCIES = ['@getpara/web-sdk', 'lit', 'lit/decorators.js', '@lit/context', 'nanostores'];

/** What the page needs to know about its backend, injected at serve time (never a secret of ours). */
export function pageConfig(env = process.env, sessionLength = 7200) {
  const target = serverSdkTarget(env);
  return env.PARA_API_KEY
    ? { environment: target.environment, apiKey: target.apiKey, emulatorUrl: null, sessionLength: null }
    : { environment: 'DEV', apiKey: target.apiKey, emulatorUrl: `http://localhost:${EMULATOR_PORTS.apiPort}/`, sessionLength };
}

async function startEmulatorOrExplain(sessionLength, quiet) {
  try {
    return await startEmulator({ ...EMULATOR_PORTS, sessionLength, quiet });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    throw new Error(
      `Port ${error.port ?? '8080 or 3003'} is in use. The Para SDK's DEV environment needs 8080 (API) and 3003 (portal) ` +
        'for the emulator: stop whatever holds them (another demo or e2e run?) and try again.',
    );
  }
}

export async function startDemo({ port = 5173, sessionLength = 7200, cacheDir = viteCacheDir('demo'), quiet = false, env = process.env } = {}) {
  const config = pageConfig(env, sessionLength);
  const emu = config.emulatorUrl ? await startEmulatorOrExplain(sessionLength, quiet) : null;
  let vite;
  try {
    const base = paraSdkViteConfig({ root: PROJECT_ROOT, port, cacheDir, include: PAGE_DEPENDENCIES });
    vite = await createServer({
      ...base,
      define: { __PARA_DEMO_CONFIG__: JSON.stringify(config) },
      plugins: [
        ...base.plugins,
        { name: 'para-demo-session-endpoint', configureServer: (server) => void server.middlewares.use(sessionEndpoint({ target: serverSdkTarget(env) })) },
      ],
    });
    await vite.listen();
  } catch (error) {
    await emu?.close();
    throw error;
  }
  const { port: bound } = vite.httpServer.address();
  const origin = `http://127.0.0.1:${bound}`;
  // The page calls the emulator cross-origin with credentials: only from here (either loopback spelling).
  for (const pageOrigin of loopbackOrigins(origin)) emu?.allowOrigin(pageOrigin);
  return {
    url: `${origin}${LIVE_PAGE_PATH}`,
    origin,
    emu,
    config,
    close: async () => {
      await vite.close();
      await emu?.close();
    },
  };
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--port') opts.port = value();
    else if (flag === '--session-length') opts.sessionLength = value();
    else {
      console.error(`usage: node demo/serve.mjs [--port 5173] [--session-length 7200]   (unknown option ${argv[i]})`);
      process.exit(2);
    }
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let demo;
  try {
    demo = await startDemo(parseArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(`demo: ${error?.message ?? error}`);
    process.exit(1);
  }
  const backend = demo.emu ? `the Para emulator (API ${demo.emu.apiUrl}, portal ${demo.emu.portalUrl})` : `Para ${demo.config.environment} (PARA_API_KEY)`;
  console.log(`\n  para-session-kit live demo → ${demo.url}\n  backend: ${backend}\n  Ctrl-C to stop\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
