// Tabs of a page without Web Locks (served over plain HTTP from another host: `navigator.locks` exists only
// in secure contexts): the kit elects by heartbeat lease. Chromium stands in, with `navigator.locks` removed.
// Two visible tabs hear no fast heartbeat (a follower asks its leader when news is late); once the leader
// closes, the other leads and, alone, beats no more. A leader that hangs beside a visible tab (as a
// frozen or crashed one) loses its lead at the extension it owed, and the session lives on.
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
        if (channel === 'election' && message?.type === 'resign') window.heardResign = true;
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
    check('g. without Web Locks: two visible tabs hear at most the slow heartbeat', twoVisible.length <= 1 && twoVisible.every((beat) => beat === 'slow'),
      `${twoVisible.length} in ${LISTEN_MS} ms: ${twoVisible.join(',')}`);

    const closedAt = Date.now();
    // As a user closes a tab: with its unload handlers (`pagehide`), which Firefox may skip otherwise.
    await leader.close({ runBeforeUnload: true });
    let leads = false;
    for (const until = Date.now() + 3_000; Date.now() < until && !leads; await sleep(50)) leads = (await read(other)).leader;
    measure(`without Web Locks, handover after the leader closed: ${leads ? `${Date.now() - closedAt} ms or less` : 'none within 3 s'}`);
    // Firefox sometimes loses the message a closing page posts from `pagehide`: the follower then learns of it as
    // of a crash, at the next news the leader owed it (the extension here; the lease, 150 s, at the latest).
    const resignLost = !leads && !(await other.evaluate(() => window.heardResign === true));
    if (resignLost) {
      const owedAt = await other.evaluate(() => window.sessionEl.state.expiresAt - window.sessionEl.refreshBefore * 1000);
      for (const until = Math.max(owedAt, Date.now()) + 3_000; Date.now() < until && !leads; await sleep(50)) leads = (await read(other)).leader;
      measure(`without Web Locks, the closing leader's resign was lost: the other tab led ${leads ? `${Date.now() - owedAt} ms after the extension it was owed` : 'not within 3 s of the extension it was owed'}`);
    }
    check(
      resignLost
        ? 'g. without Web Locks: the other tab leads within 3 s of the extension a closed leader owed it (its resign was lost)'
        : 'g. without Web Locks: the other tab leads within 3 s of the leader closing',
      leads,
    );

    since = Date.now() + 500; // its own first announcement as leader is not a heartbeat
    await sleep(500 + LISTEN_MS);
    const alone = await beatsSince(other, since);
    measure(`without Web Locks, one tab alone: ${alone.length} heartbeats in ${LISTEN_MS / 1000} s`);
    // A tab whose leader's resign was lost still counts it a follower for a lease: at most a slow beat then.
    const quiet = alone.length === 0 || (resignLost && alone.length === 1 && alone[0] === 'slow');
    check('g. without Web Locks: a tab alone sends no heartbeat', quiet, `${alone.length} in ${LISTEN_MS} ms${resignLost ? ' (the closed tab never said it went)' : ''}`);
    if (leads) await hungLeader({ engine: browser.engine, context, site, leader: other, check, measure });
  } finally {
    await context.close();
  }
}

/**
 * A leader that stops answering (hung here; frozen or crashed alike) beside a visible follower: the follower asks
 * it when the extension it owed is a second late, leads half a second later, and extends the session itself.
 */
async function hungLeader({ engine, context, site, leader, check, measure }) {
  const follower = await context.newPage();
  await follower.goto(`${site.origin}/tabs.html?page=N&session=nolocks`);
  for (const until = Date.now() + 5_000; Date.now() < until && (await read(follower)).status !== 'active'; await sleep(100));
  const owed = () => follower.evaluate(() => ({ expiresAt: window.sessionEl.state.expiresAt, refreshBefore: window.sessionEl.refreshBefore }));
  let before = await owed();
  // An extension due within 3 s may come before the freeze: let it, and take the next one.
  if (before.expiresAt - before.refreshBefore * 1000 - Date.now() < 3_000) {
    await sleep(Math.max(0, before.expiresAt - before.refreshBefore * 1000 - Date.now()) + 2_000);
    before = await owed();
  }
  const owedAt = before.expiresAt - before.refreshBefore * 1000;
  // Hung: its page runs nothing from 3 s before the extension it owed until long after (a frozen or crashed tab
  // says as little). In Chromium a synchronous request to a late answer holds the main thread without spending
  // the CPU other tabs need; Firefox goes on running a page's timers and messages then, so there it is a loop.
  await sleep(Math.max(0, owedAt - 3_000 - Date.now()));
  const hung = leader.evaluate(([ms, loop]) => {
    if (loop) for (const end = Date.now() + ms; Date.now() < end; );
    else {
      const request = new XMLHttpRequest();
      request.open('GET', `/hang?ms=${ms}`, false);
      request.send();
    }
  }, [owedAt - Date.now() + 10_000, engine !== 'chromium']).catch(() => {});
  let state = await read(follower);
  for (const until = owedAt + 8_000; Date.now() < until && !state.leader; await sleep(50)) state = await read(follower);
  const ledAt = Date.now();
  measure(`without Web Locks, a hung leader: the visible follower led ${state.leader ? `${ledAt - owedAt} ms after the extension it was owed` : 'not within 8 s of the extension it was owed'}`);
  // 1.5 s by design (a second's grace, half a second for an answer); far less than the 150 s lease in any case.
  check('g. without Web Locks: a visible follower leads within 6 s of the extension a hung leader owed it', state.leader && ledAt - owedAt <= 6_000, `${ledAt - owedAt} ms`);
  let expiresAt = before.expiresAt;
  for (const until = Date.now() + 3_000; Date.now() < until && expiresAt <= before.expiresAt; await sleep(100)) expiresAt = await follower.evaluate(() => window.sessionEl.state.expiresAt);
  check('g. without Web Locks: the follower extends the session the hung leader did not', expiresAt > before.expiresAt && (await read(follower)).status === 'active', `expiry ${expiresAt - before.expiresAt} ms later`);
  await hung;
}
