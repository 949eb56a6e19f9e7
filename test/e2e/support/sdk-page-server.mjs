// Serves `page/`, a page that loads the real `@getpara/web-sdk` and exposes it as
// `window.ParaSdk = { ParaWeb, Environment }`, on 127.0.0.1:
//   mode 'dev'   — Vite dev server (deps pre-bundled by the optimizer; what a demo uses);
//   mode 'build' — `vite build` into a temp dir, then `vite preview` (what ships).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';
import { paraSdkViteConfig } from '../../../demo/vite-para.mjs';

const PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url));

export async function startSdkPageServer({ port = 0, mode = 'dev' } = {}) {
  const config = paraSdkViteConfig({ root: PAGE_ROOT, port });
  if (mode === 'build') {
    const outDir = await mkdtemp(join(tmpdir(), 'para-sdk-page-'));
    // logLevel 'error': the SDK's 'use client' directives and chunk size make harmless build warnings.
    const buildConfig = { ...config, logLevel: 'error', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 } };
    const t = Date.now();
    await build(buildConfig);
    const buildMs = Date.now() - t;
    const server = await preview({ ...buildConfig, preview: { host: '127.0.0.1', port, strictPort: port !== 0 } });
    const { port: bound } = server.httpServer.address();
    return {
      url: `http://127.0.0.1:${bound}/`,
      buildMs,
      outDir,
      close: async () => {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  }
  const server = await createServer(config);
  await server.listen();
  const { port: bound } = server.httpServer.address();
  return { url: `http://127.0.0.1:${bound}/`, close: () => server.close() };
}
