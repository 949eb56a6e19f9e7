// Screenshots of the scripted demo for the README: node demo/take-screenshots.mjs [baseUrl]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:5173';
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 960, height: 560 } });
const status = () => page.evaluate(() => document.querySelector('para-session').state.status);
const waitFor = async (wanted) => {
  for (let i = 0; i < 100 && (await status()) !== wanted; i += 1) await page.waitForTimeout(100);
  if ((await status()) !== wanted) throw new Error(`demo never reached ${wanted}, stuck at ${await status()}`);
};

await page.goto(`${base}/demo/index.html`);
await waitFor('active');
await page.screenshot({ path: 'docs/status-active.png' });

await page.click('#warn');
await waitFor('expiring');
await page.waitForTimeout(400);
await page.screenshot({ path: 'docs/status-expiring.png' });

await page.keyboard.press('Escape');
await page.click('#expire');
await waitFor('expired');
await page.waitForTimeout(400);
await page.screenshot({ path: 'docs/status-expired.png' });

await page.reload();
await waitFor('active');
await page.click('#offline');
await waitFor('offline');
await page.screenshot({ path: 'docs/status-offline.png' });

await browser.close();
