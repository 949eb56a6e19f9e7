// The scripted demo (demo/index.html: every state in seconds, no network), driven as a visitor would in Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDemo } from '../../demo/serve.mjs';
import { launchEngine } from '../browsers/launch.mjs';
import { expiredDialog, status, warningDialog } from '../e2e/support/live-page.mjs';

describe('the scripted demo', () => {
  let demo;
  let browser;
  let page;
  before(async () => {
    demo = await startDemo({ port: 0, quiet: true });
    browser = await launchEngine('chromium');
    page = await (await browser.newContext()).newPage();
    await page.goto(`${demo.origin}/demo/index.html`);
    await page.waitForFunction(() => document.querySelector('para-session')?.state?.status === 'active', null, { timeout: 60_000 });
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('"Jump to warning" opens the warning for an idle user (the click itself is activity, which would extend)', async () => {
    await page.getByRole('button', { name: 'Jump to warning' }).click();
    await warningDialog(page).waitFor({ timeout: 10_000 });
    assert.equal(await status(page), 'expiring');
  });

  it('"Stay signed in" extends, and keep-alive is back to the page\'s policy', async () => {
    await warningDialog(page).getByRole('button', { name: 'Stay signed in' }).click();
    await warningDialog(page).waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await status(page), 'active');
    assert.equal(await page.evaluate(() => document.querySelector('para-session').keepAlive ?? null), null);
  });

  it('"Expire now" opens the expired dialog', async () => {
    await page.getByRole('button', { name: 'Expire now' }).click();
    await expiredDialog(page).waitFor({ timeout: 10_000 });
    assert.equal(await status(page), 'expired');
  });
});
