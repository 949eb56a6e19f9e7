#!/usr/bin/env node
// SSR: the elements render on a server with @lit-labs/ssr (starting nothing), and the server-rendered page
// hydrates in Chromium — the declarative shadow roots are kept, not re-rendered — and starts the session.
import { createServer } from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../tools/find-chromium.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cache = join(root, 'node_modules/.cache/ssr-check'); // inside the project, so lit resolves as in an app
let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    const note = await body();
    passed += 1;
    console.log(`✓ ${name}${note ? `: ${note}` : ''}`);
  } catch (error) {
    failed += 1;
    console.log(`✗ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 8).join('\n    ')}`);
  }
}

mkdirSync(cache, { recursive: true });
let markup = '';
try {
  await check('the tags render on the server with @lit-labs/ssr', async () => {
    const { render } = await import('@lit-labs/ssr');
    const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
    const kit = join(cache, 'kit.mjs');
    await build({ entryPoints: [join(root, 'src/index.ts')], outfile: kit, bundle: true, format: 'esm', platform: 'node', target: 'node20', tsconfig: join(root, 'tsconfig.json'), external: ['lit', 'lit/*', '@lit/*', 'nanostores'], logLevel: 'error' });
    await import(pathToFileURL(kit).href);
    const { page, TAGS } = await import('./page.mjs');
    markup = await collectResult(render(page()));
    for (const tag of TAGS) {
      if (!new RegExp(`<${tag}[^>]*>\\s*<template shadowroot="open" shadowrootmode="open">`).test(markup)) throw new Error(`<${tag}> has no declarative shadow root:\n${markup.slice(0, 600)}`);
    }
    const kept = process.getActiveResourcesInfo().filter((r) => /Timeout|Immediate|Channel|Port|Interval/i.test(r));
    if (kept.length) throw new Error(`rendering left running: ${kept.join(', ')}`);
    return `${TAGS.length} declarative shadow roots, ${markup.length} bytes, nothing left running`;
  });

  await check('the server-rendered page hydrates in Chromium and starts the session', async () => {
    if (!markup) throw new Error('nothing was rendered');
    const bundle = await build({
      entryPoints: [join(root, 'test/ssr/client.js')], bundle: true, write: false, format: 'esm', target: 'es2022',
      conditions: ['browser', 'development'], alias: { 'para-session-kit': join(root, 'src/index.ts') },
      define: { 'process.env.NODE_ENV': '"development"' }, tsconfig: join(root, 'tsconfig.json'), logLevel: 'error',
    });
    const server = createServer((request, response) => {
      if (request.url === '/client.js') return response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.outputFiles[0].text);
      if (request.url === '/') return response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>SSR</title></head><body>${markup}</body></html>`);
      response.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
    try {
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' || (message.type() === 'warning' && !/lit\.dev\/msg\/dev-mode/.test(text))) problems.push(text);
      });
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      // Before any script: the status is already on screen, from the server.
      const before = await page.evaluate(() => {
        const status = document.querySelector('para-session-status');
        window.serverNode = status.shadowRoot?.querySelector('[part="base"]') ?? null;
        return { defined: !!customElements.get('para-session'), text: window.serverNode?.textContent.replace(/\s+/g, ' ').trim() };
      });
      if (before.defined || !before.text) throw new Error(`the server's markup did not show on its own: ${JSON.stringify(before)}`);
      // The server cannot know the session yet: it is being checked, not absent.
      if (before.text !== 'Checking session…') throw new Error(`the server's status says ${JSON.stringify(before.text)}, not "Checking session…"`);
      await page.addScriptTag({ url: '/client.js', type: 'module' });
      await page.waitForFunction(() => document.body.dataset.status === 'active', null, { timeout: 10_000 }).catch(() => {});
      const after = await page.evaluate(() => {
        const status = document.querySelector('para-session-status');
        return {
          status: document.body.dataset.status,
          // Hydrated, then rendered once afresh by the client: one status, not the server's beside the client's.
          bases: status.shadowRoot.querySelectorAll('[part="base"]').length,
          text: status.shadowRoot.querySelector('[part="base"]')?.textContent.replace(/\s+/g, ' ').trim(),
          time: status.shadowRoot.querySelector('[part="time"]')?.textContent,
          // The page's language, which the server could not see: the server wrote lang="en".
          lang: status.shadowRoot.querySelector('[part="base"]')?.getAttribute('lang'),
          guard: document.querySelector('para-session-guard').showing,
          guardSlot: document.querySelector('para-session-guard').shadowRoot.querySelector('slot')?.name,
        };
      });
      if (after.status !== 'active') throw new Error(`the session did not start: ${JSON.stringify(after)}`);
      if (after.bases !== 1) throw new Error(`the status holds ${after.bases} renders, not one`);
      // Before, the hydrated status never showed the time (a text its directive kept off the page) and kept the server's lang.
      const expected = { time: true, lang: 'en-GB', guard: 'default', guardSlot: '' };
      const seen = { time: /^(2 hrs|1 hr, 59 min) left$/.test(after.time) || after.time, lang: after.lang, guard: after.guard, guardSlot: after.guardSlot };
      if (JSON.stringify(seen) !== JSON.stringify(expected)) throw new Error(`after hydration: ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`);
      if (problems.length) throw new Error(`the page reported: ${problems.join(' | ')}`);
      return `server showed "${before.text}", hydrated to "${after.text}", guard shows ${after.guard}`;
    } finally {
      await browser.close();
      server.close();
    }
  });
} finally {
  rmSync(cache, { recursive: true, force: true });
}
console.log(`ssr: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
