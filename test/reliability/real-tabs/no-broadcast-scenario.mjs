// Tabs of a browser without BroadcastChannel (Safari before 15.4): the kit falls back to `storage` events,
// so two real tabs still share one leader and a logout. Chromium stands in, with the constructor removed.
const SESSION_MS = 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const read = (page) => page.evaluate(() => ({ status: window.sessionEl.state.status, leader: window.sessionEl.state.leader, hasChannel: 'BroadcastChannel' in window }));

export async function noBroadcastScenario({ browser, site, check }) {
  site.reset('nobc', { lengthMs: SESSION_MS, firstExpiryMs: 50_000 });
  const context = await browser.newContext();
  try {
    await context.addInitScript(() => {
      delete window.BroadcastChannel;
    });
    const pages = [];
    for (const id of ['P', 'Q']) {
      const page = await context.newPage();
      await page.goto(`${site.origin}/tabs.html?page=${id}&session=nobc`);
      pages.push(page);
    }
    let states = [];
    for (const until = Date.now() + 10_000; Date.now() < until; await sleep(100)) {
      states = await Promise.all(pages.map(read));
      if (states.every((state) => state.status === 'active') && states.filter((state) => state.leader).length === 1) break;
    }
    const describe = (list) => list.map((state, i) => `${'PQ'[i]}:${state.status}${state.leader ? '*' : ''}`).join(' ');
    check('f. without BroadcastChannel: one leader across two tabs (storage events)',
      states.every((state) => state.status === 'active' && !state.hasChannel) && states.filter((state) => state.leader).length === 1,
      describe(states));
    await pages[0].evaluate(() => window.sessionEl.logout());
    let other = null;
    for (const until = Date.now() + 1_000; Date.now() < until; await sleep(20)) {
      other = await read(pages[1]);
      if (other.status === 'signed-out') break;
    }
    check('f. without BroadcastChannel: logout reaches the other tab within 1 s', other?.status === 'signed-out', `Q: ${other?.status}`);
  } finally {
    await context.close();
  }
}
