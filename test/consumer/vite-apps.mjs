// Builds the consumer Vite app (installed package, or aliased to the source) and runs the builds, and the
// README's plain page on the installed bundle, in Chromium.
import { createServer } from 'node:http';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../tools/find-chromium.js';

export async function buildApp(root, outDir, sourceEntry) {
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    resolve: sourceEntry ? { alias: { 'para-session-kit': sourceEntry } } : {},
    build: { outDir, emptyOutDir: true },
  });
  return outDir; // its path is all the caller needs
}

/** The built app's scripts (Vite writes them to assets/), minified and gzipped, in KB. */
export function scriptGzipKB(outDir) {
  const assets = join(outDir, 'assets');
  const bytes = readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(dir, path.endsWith('/') ? `${path}index.html` : path));
      response.writeHead(200, { 'content-type': types[extname(path) || '.html'] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The README's plain page (no bundler): served from the fresh project, so its URL reaches the installed bundle. */
export function writePlainPage(project, recipe, name = 'plain.html', label = undefined) {
  const page = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>plain page</title>
<script>window.para = { isSessionActive: async () => true, keepSessionAlive: async () => true, email: 'a@example.com' };</script>
</head><body>\n${readFileSync(recipe, 'utf8')}</body></html>`;
  writeFileSync(join(project, name), page);
  return { dir: project, path: `/${name}`, label };
}

/** Each app: its folder and page; the page must register the four tags, take `.client`, show "active" (and `label`, if given). */
const ALL_TAGS = ['para-session', 'para-session-status', 'para-reauth-dialog', 'para-session-guard'];

export async function runApps(builds) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const lines = [];
  try {
    for (const [name, app] of Object.entries(builds)) {
      if (!app) throw new Error(`the ${name} build is missing`);
      const { dir, path = '/', label, tags = ALL_TAGS } = typeof app === 'string' ? { dir: app } : app;
      const server = await serve(dir);
      try {
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        await page.goto(`http://127.0.0.1:${server.address().port}${path}`);
        await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'active', null, { timeout: 10_000 }).catch(() => {});
        const seen = await page.evaluate((ALL_TAGS) => ({
          tags: ALL_TAGS.filter((tag) => customElements.get(tag)),
          status: document.querySelector('#status')?.textContent,
          element: document.querySelector('para-session').state?.status,
          label: document.querySelector('para-session-status').shadowRoot?.textContent?.replace(/\s+/g, ' ').trim(),
          // The built styles arrived whole (the build minifies them): the signed-in indicator is a circle in its colour.
          indicator: (({ borderRadius, borderTopColor, width }) => `${borderRadius} ${borderTopColor} ${width}`)(
            getComputedStyle(document.querySelector('para-session-status').shadowRoot.querySelector('[part="indicator"]')),
          ),
        }), ALL_TAGS);
        if (seen.indicator !== '50% rgb(26, 127, 55) 12px') throw new Error(`${name}: the signed-in indicator is styled "${seen.indicator}", not a 12 px green circle`);
        if (seen.tags.join() !== tags.join()) throw new Error(`${name}: registered tags ${JSON.stringify(seen.tags)}, not ${JSON.stringify(tags)}; a registering import was dropped or an entry registers too much`);
        if (seen.status !== 'active' || seen.element !== 'active') throw new Error(`${name}: status ${seen.status}, element ${seen.element}`);
        if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
        if (label && !label.test(seen.label)) throw new Error(`${name}: <para-session-status> says "${seen.label}", not ${label}`);
        lines.push(`${name}: ${tags.length} tags, status "${seen.status}", <para-session-status> says "${seen.label}"`);
        await page.close();
      } finally {
        server.close();
      }
    }
  } finally {
    await browser.close();
  }
  return lines.join('\n');
}
