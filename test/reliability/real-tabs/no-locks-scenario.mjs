// Tabs of a page without Web Locks (served over plain HTTP from another host: `navigator.locks` exists only
// in secure contexts): the kit elects by heartbeat lease. Chromium stands in, with `navigator.locks` removed.
// Two visible tabs hear a 2 s heartbeat; once the leader closes, the other leads and, alone, beats no more.
const SESSION_MS = 60_000;
const LISTEN_MS = 6_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const read = (page) =>
  page.evaluate(() => ({ status: window.sessionEl.state.status, leader: window.sessionEl.state.leader, locks: 'locks' in navigator }));
/** The lease election's `leader` messages this page heard (its own included: another channel object hears them). */
const beatsSince = (page, since) =>
  page.evaluate((at) => window.heardLeaders.filter((entry) => entry.at >= at).map((entry) => entry.beat ?? '-'), since);

export async function noLocksScenario({ browser, site, check, measure }) {
  site.reset('nolocks', { lengthMs: SESSION_MS, firstExpiryMs: 50_000 });
  const context = await browser.newContext();
  try {
    await context.addInitScript(() => {
      delete Navigator.prototype.locks;
      window.heardLeaders = [];
      new BroadcastChannel('para-session-kit').addEventListener('message', (event) => {
        const { channel, message } = event.data ?? {};
        if (channel === 'election' && message?.type === 'leader') window.heardLeaders.push({ at: Date.now(), beat: message.beat });
      });
    });
    const pages = [];
    for (const id of ['L', 'M']) {
      const page = await context.newPage();
      await page.goto(`${site.origin}/tabs.html?page=${id}&session=nolocks`);
      pages.push(page);
    }
    let states = [];
    for (const until = Date.now() + 10_000; Date.now() < until; await sleep(100)) {
      states = await Promise.all(pages.map(read));
      if (states.every((state) => state.status === 'active') && states.filter((state) => state.leader).length === 1) break;
    }
    const describe = (list) => list.map((state, i) => `${'LM'[i]}:${state.status}${state.leader ? '*' : ''}${state.locks ? ' (locks!)' : ''}`).join(' ');
    const one = states.every((state) => state.status === 'active' && !state.locks) && states.filter((state) => state.leader).length === 1;
    check('g. without Web Locks: one leader across two tabs (heartbeat lease)', one, describe(states));
    if (!one) return;
    const leader = pages[states.findIndex((state) => state.leader)];
    const other = pages.find((page) => page !== leader);

    let since = Date.now();
    await sleep(LISTEN_MS);
    const twoVisible = await beatsSince(other, since);
    measure(`without Web Locks, two visible tabs: ${twoVisible.length} heartbeats in ${LISTEN_MS / 1000} s (${twoVisible.join(',')})`);
    check('g. without Web Locks: a visible follower hears the 2 s heartbeat', twoVisible.length >= 2 && twoVisible.length <= 4 && twoVisible.every((beat) => beat === 'fast'),
      `${twoVisible.length} in ${LISTEN_MS} ms: ${twoVisible.join(',')}`);

    const closedAt = Date.now();
    await leader.close({ runBeforeUnload: false });
    let leads = false;
    for (const until = Date.now() + 3_000; Date.now() < until && !leads; await sleep(50)) leads = (await read(other)).leader;
    measure(`without Web Locks, handover after the leader closed: ${leads ? `${Date.now() - closedAt} ms or less` : 'none within 3 s'}`);
    check('g. without Web Locks: the other tab leads within 3 s of the leader closing', leads);

    since = Date.now() + 500; // its own first announcement as leader is not a heartbeat
    await sleep(500 + LISTEN_MS);
    const alone = await beatsSince(other, since);
    measure(`without Web Locks, one tab alone: ${alone.length} heartbeats in ${LISTEN_MS / 1000} s`);
    check('g. without Web Locks: a tab alone sends no heartbeat', alone.length === 0, `${alone.length} in ${LISTEN_MS} ms`);
  } finally {
    await context.close();
  }
}
