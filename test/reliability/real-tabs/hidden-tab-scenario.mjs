// A tab that loads in the background with a 30-day session (Para's longest). Its expiry is further away
// than setTimeout can wait (2^31−1 ms ≈ 24.8 days): a delay that large fires at once, and a schedule that
// re-arms it loops. Playwright keeps every page visible, so this tab is opened with puppeteer-core, whose
// background tabs are really hidden.
import puppeteer from 'puppeteer-core';

const DAY_MS = 24 * 3600 * 1000;
const WATCH_MS = 5_000;
/** A settled page sets a few timers (heartbeat, countdown); a storm sets hundreds a second. */
const MAX_TIMERS = 20;

/** Counts every setTimeout the page makes, from before its first script runs. */
function countTimers() {
  window.timersSet = 0;
  const original = window.setTimeout;
  window.setTimeout = function (...args) {
    window.timersSet += 1;
    return original.apply(this, args);
  };
}

export async function hiddenTabScenario({ executablePath, args, site, check, measure }) {
  site.reset('long', { lengthMs: 30 * DAY_MS, firstExpiryMs: 30 * DAY_MS - 60_000 });
  const browser = await puppeteer.launch({ executablePath, args, headless: true });
  try {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(countTimers);
    // The tab opened after it is in front: the session page loads hidden.
    const front = await browser.newPage();
    await front.goto('data:text/html,<title>front</title>');
    await page.goto(`${site.origin}/long-session.html?page=H&session=long`);
    const visibility = await page.evaluate(() => document.visibilityState);
    await page.waitForFunction(() => window.sessionEl?.state.status === 'active', { timeout: 10_000 }).catch(() => {});
    const before = await page.evaluate(() => window.timersSet);
    const requestsBefore = site.stats('long').log.length;
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
    const seen = await page.evaluate(() => ({ timers: window.timersSet, status: window.sessionEl.state.status }));
    const timers = seen.timers - before;
    const requests = site.stats('long').log.length - requestsBefore;
    measure(`hidden tab, 30-day session: ${timers} timers and ${requests} requests in ${WATCH_MS / 1000} s (${visibility}, ${seen.status})`);
    check('e. a hidden tab with a 30-day session sets no timer storm',
      visibility === 'hidden' && seen.status === 'active' && timers <= MAX_TIMERS && requests === 0,
      `${timers} timers, ${requests} requests, visibility ${visibility}, status ${seen.status}`);
  } finally {
    await browser.close();
  }
}
