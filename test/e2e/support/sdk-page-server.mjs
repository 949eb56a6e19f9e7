// Starts a Vite dev server (bound to 127.0.0.1) serving `page/`, a page that loads the real
// `@getpara/web-sdk` and exposes it as `window.ParaSdk = { ParaWeb, Environment }`.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { paraSdkViteConfig } from './vite-para-config.mjs';

const PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url));

export async function startSdkPageServer({ port = 0 } = {}) {
  const server = await createServer(paraSdkViteConfig({ root: PAGE_ROOT, port }));
  await server.listen();
  const { port: bound } = server.httpServer.address();
  const url = `http://127.0.0.1:${bound}/`;
  return { url, server, close: () => server.close() };
}
