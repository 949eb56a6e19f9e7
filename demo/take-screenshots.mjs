// Screenshots of the scripted demo for the README. Starts the demo server itself (run it in its own
// network namespace: the emulator takes ports 8080/3003):  node demo/take-screenshots.mjs
// Status: active, expiring, expired, offline. Dialog: warning and expired, each in light, dark,
// right to left (Arabic) and forced colours.
import { chromium } from 'playwright-core';
import { startDemo } from './serve.mjs';
import { viteCacheDir } from './vite-para.mjs';

const demo = await startDemo({ port: 0, cacheDir: viteCacheDir('screenshots'), quiet: true, env: {} });
const base = new URL(demo.url).origin;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});

async function openScripted({ colorScheme = 'light', forcedColors = 'none', lang = null } = {}) {
  const page = await browser.newPage({ viewport: { width: 960, height: 640 } });
  await page.emulateMedia({ colorScheme, forcedColors, reducedMotion: 'reduce' });
  await page.goto(`${base}/demo/index.html`, { timeout: 120_000 });
  if (lang) await page.evaluate((lang) => Object.assign(document.documentElement, { lang, dir: 'rtl' }), lang);
  return page;
}

const status = (page) => page.evaluate(() => document.querySelector('para-session').state.status);
async function waitFor(page, wanted) {
  for (let i = 0; i < 200 && (await status(page)) !== wanted; i += 1) await page.waitForTimeout(100);
  if ((await status(page)) !== wanted) throw new Error(`demo never reached ${wanted}, stuck at ${await status(page)}`);
}

// The status element on its own, as before.
{
  const page = await openScripted();
  await waitFor(page, 'active');
  await page.screenshot({ path: 'docs/status-active.png' });
  await page.click('#warn');
  await waitFor(page, 'expiring');
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/status-expiring.png' });
  await page.evaluate(() => document.getElementById('expire').click());
  await waitFor(page, 'expired');
  await page.keyboard.press('Escape'); // Cancel: the page with the "Sign in again" bar
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'docs/status-expired.png' });
  await page.close();
}

const variants = [
  { name: 'light' },
  { name: 'dark', colorScheme: 'dark' },
  { name: 'rtl', lang: 'ar' },
  { name: 'forced-colors', forcedColors: 'active' },
];
for (const variant of variants) {
  const page = await openScripted(variant);
  await waitFor(page, 'active');
  await page.click('#warn');
  await waitFor(page, 'expiring');
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/dialog-warning-${variant.name}.png` });
  // The scripted server ends the session while the warning is open: the same dialog turns into the expired view.
  await page.evaluate(() => document.getElementById('expire').click());
  await waitFor(page, 'expired');
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/dialog-expired-${variant.name}.png` });
  await page.close();
}

{
  const page = await openScripted();
  await waitFor(page, 'active');
  await page.click('#offline');
  await waitFor(page, 'offline');
  await page.screenshot({ path: 'docs/status-offline.png' });
  await page.close();
}

await browser.close();
await demo.close();
console.log('screenshots written to docs/');
