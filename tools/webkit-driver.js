// Starts a WebKit WebDriver (WebKitGTK's WebKitWebDriver + MiniBrowser, or macOS's safaridriver) on a
// free port, under a private Xvfb display when there is no display (MiniBrowser has no headless mode).
// Each driver allows one session, so a second browser context is a second driver. Everything started
// here is stopped by stop(), and by the process's exit whatever happens.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { findWebKit } from './browsers.js';

const children = new Set();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

let display = null;
/** One Xvfb for the whole process, started on first use; `-displayfd` picks a free display number. */
function ensureDisplay(xvfb) {
  display ??= new Promise((resolve, reject) => {
    const child = track(spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdio[3].once('data', (chunk) => resolve({ name: `:${String(chunk).trim()}`, child }));
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display: ${err.trim().slice(-300)}`)));
  });
  return display;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url, child, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the WebKit WebDriver exited (${child.exitCode}) on start`);
    const ready = await fetch(`${url}/status`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the WebKit WebDriver did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/** The W3C capabilities that open a MiniBrowser (or Safari) for automation. */
export function webkitCapabilities(webkit = findWebKit()) {
  if (webkit.kind === 'safari') return { browserName: 'safari' };
  return {
    browserName: 'MiniBrowser',
    // --automation makes it drivable; without the second flag window.open returns null.
    'webkitgtk:browserOptions': { binary: webkit.browser, args: ['--automation', '--javascript-can-open-windows-automatically=true'] },
  };
}

/** A running driver: `{ url, hostname, port, capabilities, display, stop() }`. */
export async function startWebKitDriver() {
  const webkit = findWebKit();
  const env = { ...process.env };
  if (webkit.xvfb) env.DISPLAY = (await ensureDisplay(webkit.xvfb)).name;
  const port = await freePort();
  const args = webkit.kind === 'safari' ? ['--port', String(port)] : [`--port=${port}`];
  const child = track(spawn(webkit.driver, args, { env, stdio: ['ignore', 'ignore', 'pipe'] }));
  let log = '';
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}${log ? `: ${log.trim()}` : ''}`);
  }
  return {
    url,
    hostname: '127.0.0.1',
    port,
    capabilities: webkitCapabilities(webkit),
    display: env.DISPLAY ?? null,
    stop: () => stopChild(child),
  };
}

function stopChild(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Stops the shared Xvfb (after every driver is stopped). */
export async function stopDisplay() {
  if (!display) return;
  const started = await display.catch(() => null);
  display = null;
  if (started) await stopChild(started.child);
}
