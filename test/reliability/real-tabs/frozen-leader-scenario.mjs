// A leader the browser freezes the moment it is hidden (Page Lifecycle; Chromium freezes background tabs to save
// power). A frozen page keeps its Web Lock and runs no timer: unless it lets go at `freeze`, no other tab leads and
// the session lapses in front of the user. Tab A's window is minimised (puppeteer-core pages can really be
// hidden), then frozen with the DevTools protocol at once, before its one-second "hidden" notice; B, in a window
// of its own, stays visible.
import puppeteer from 'puppeteer-core';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const read = (page) => page.evaluate(() => ({ status: window.sessionEl?.state.status, leader: window.sessionEl?.state.leader === true }));

async function until(what, condition, ms) {
  const deadline = Date.now() + ms;
  while (!(await condition().catch((error) => {
    // A page opened by the protocol may still be navigating to its URL: its first context goes away. Look again.
    if (/Execution context was destroyed|Cannot find context/.test(String(error?.message))) return false;
    throw error;
  }))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export async function frozenLeaderScenario({ executablePath, args, site, check }) {
  // 60 s sessions, 30 s left: refresh-before 20 s, so the next keep-alive is due 10 s in.
  site.reset('frozen', { lengthMs: 60_000, firstExpiryMs: 30_000 });
  const browser = await puppeteer.launch({ executablePath, args, headless: true });
  try {
    const a = await browser.newPage();
    await a.goto(`${site.origin}/tabs.html?page=A&session=frozen`);
    await until('tab A to lead', async () => (await read(a)).leader, 10_000);
    const cdp = await a.createCDPSession();
    const opened = browser.waitForTarget((target) => target.url().includes('page=B'));
    await cdp.send('Target.createTarget', { url: `${site.origin}/tabs.html?page=B&session=frozen`, newWindow: true });
    const b = await (await opened).page();
    await until('tab B to show the session', async () => (await read(b)).status === 'active', 10_000);
    const { windowId } = await cdp.send('Browser.getWindowForTarget');
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
    await until('tab A to be hidden', () => a.evaluate(() => document.visibilityState === 'hidden'), 5_000);
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    const requestsBefore = site.stats('frozen').log.length;
    await sleep(40_000);
    const stats = site.stats('frozen');
    const keepAlives = stats.log.slice(requestsBefore).filter((entry) => entry.endpoint === 'keep-alive').map((entry) => entry.page);
    const shown = await read(b);
    check('h. a leader frozen as it is hidden hands over: the visible tab keeps the session alive',
      stats.lapsedAt === null && shown.status === 'active' && shown.leader && keepAlives.length > 0 && !keepAlives.includes('A'),
      `lapsed ${stats.lapsedAt === null ? 'never' : 'yes'}; B ${shown.status}, leader ${shown.leader}; keep-alives from ${keepAlives.join(',') || 'nobody'}`);
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
    let twoLeaders = 0;
    for (let i = 0; i < 10; i += 1) {
      await sleep(1_000);
      const [x, y] = [await read(a), await read(b)];
      if (x.leader && y.leader) twoLeaders += 1;
    }
    check('h. back from frozen, one leader', twoLeaders === 0, `${twoLeaders} of 10 samples with two leaders`);
  } finally {
    await browser.close();
  }
}
