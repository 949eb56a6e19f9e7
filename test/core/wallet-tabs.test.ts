import { expect } from "@open-wc/testing";
import { HOUR, MINUTE, SECOND } from "./support/harness.js";
import { TabWorld } from "./support/tab-world.js";
import { userActs } from "./support/fake-environment.js";

/** Opens a tab whose client is an external wallet connected without Para auth (CONNECTION_ONLY). */
async function openWalletTab(world: TabWorld) {
  const tab = world.open();
  tab.engine.stop();
  tab.client.externalWalletConnectionType = "CONNECTION_ONLY";
  tab.client.userId = undefined;
  tab.client.email = undefined;
  tab.engine.start();
  await world.advance(SECOND);
  return tab;
}

/** Counts a tab's own keepSessionAlive calls. */
function countKeepAlives(tab: ReturnType<TabWorld["open"]>) {
  const counted = { calls: 0 };
  const original = tab.client.keepSessionAlive.bind(tab.client);
  tab.client.keepSessionAlive = () => ((counted.calls += 1), original());
  return counted;
}

describe("an external-wallet tab beside a tab with a user session", () => {
  it("stays a wallet session, never expiring, while the user tab keeps its session alive for two hours", async () => {
    const world = new TabWorld({ sessionLength: 3600, keepAlive: "always" });
    const user = world.open();
    await world.advance(2 * SECOND);
    const wallet = await openWalletTab(world);
    const kinds = new Set<string | null>();
    wallet.engine.$state.listen((state) =>
      kinds.add(`${state.kind} ${state.status} ${state.expiresAt}`),
    );
    for (let i = 0; i < 120; i += 1) {
      userActs(user.environment);
      await world.advance(MINUTE);
    }
    const { kind, expiresAt, status } = wallet.engine.state;
    expect({ kind, expiresAt, status }, [...kinds].join(" / ")).to.deep.equal({
      kind: "external-wallet",
      expiresAt: null,
      status: "active",
    });
    expect(
      world.server.isActive(),
      "the user tab kept its own session",
    ).to.equal(true);
    world.closeAll();
  });

  it("makes no keepSessionAlive call once the user tab is gone, and leaves the lead to tabs with a user session", async () => {
    const world = new TabWorld({ sessionLength: 3600, keepAlive: "always" });
    const user = world.open();
    await world.advance(2 * SECOND);
    const wallet = await openWalletTab(world);
    const own = countKeepAlives(wallet);
    await world.advance(HOUR);
    world.close(user);
    await world.advance(2 * HOUR);
    expect({
      leader: wallet.engine.state.leader,
      keepAlives: own.calls,
      kind: wallet.engine.state.kind,
    }).to.deep.equal({ leader: false, keepAlives: 0, kind: "external-wallet" });
    world.closeAll();
  });

  it('is not put into "signing in" or "expired" when the user tab signs in again and cancels', async () => {
    const world = new TabWorld({ sessionLength: 3600 });
    const user = world.open();
    await world.advance(2 * SECOND);
    const wallet = await openWalletTab(world);
    const statuses: string[] = [];
    wallet.engine.$state.listen(
      (state) =>
        statuses[statuses.length - 1] !== state.status &&
        statuses.push(state.status),
    );
    world.server.revoke();
    void user.engine.check();
    await world.advance(2 * SECOND);
    expect(user.engine.state.status, "the user tab").to.equal("expired");
    const begun = user.engine.beginReauth();
    await world.advance(SECOND);
    await begun;
    user.engine.cancelReauth();
    await world.advance(2 * SECOND);
    expect(statuses, "statuses of the external-wallet tab").to.deep.equal([]);
    expect(wallet.engine.state.status).to.equal("active");
    world.closeAll();
  });

  it("becomes a user session, checked by its own client, once its client signs in with Para too (as another tab told it)", async () => {
    const world = new TabWorld({ sessionLength: 3600 });
    const user = world.open();
    await world.advance(2 * SECOND);
    const wallet = await openWalletTab(world);
    // The shared SDK storage now holds the user: this tab's client reads as a user's.
    wallet.client.externalWalletConnectionType = undefined;
    wallet.client.userId = user.client.userId;
    wallet.client.email = user.client.email;
    const extended = user.engine.extend();
    await world.advance(2 * SECOND);
    await extended;
    await world.advance(2 * SECOND);
    expect([
      wallet.engine.state.kind,
      wallet.engine.state.status,
      wallet.engine.state.expiresAt !== null,
    ]).to.deep.equal(["user", "active", true]);
    world.closeAll();
  });

  for (const locks of [true, false]) {
    it(`opened first, does not keep the lead from two busy user tabs opened after it: their session stays alive for 2 h${locks ? "" : " (without Web Locks: the lease)"}`, async () => {
      const world = new TabWorld({ sessionLength: 3600, locks });
      const wallet = await openWalletTab(world);
      const a = world.open();
      world.open();
      await world.advance(2 * SECOND);
      const statuses = new Set<string>();
      a.engine.$state.listen((state) => statuses.add(state.status));
      let lapsed = 0;
      for (let i = 0; i < 120; i += 1) {
        userActs(a.environment);
        await world.advance(MINUTE);
        if (!world.server.isActive()) lapsed += 1;
      }
      const leaders = world.leaders().map((tab) => tab.id);
      const keepAlives = world.server.counts.keepSessionAlive;
      expect({
        walletLeads: leaders.includes(wallet.id),
        leaders: leaders.length,
        lapsed,
        statuses: [...statuses].join(","),
        wallet: wallet.engine.state.kind,
      }).to.deep.equal({
        walletLeads: false,
        leaders: 1,
        lapsed: 0,
        statuses: "active",
        wallet: "external-wallet",
      });
      expect(
        keepAlives,
        "keep-alives for both user tabs in 2 h of 1 h sessions",
      ).to.be.within(1, 4);
      world.closeAll();
    });
  }

  it("when the user tab signs out: the user stays signed out, and the wallet tab stays a wallet session", async () => {
    const world = new TabWorld({ sessionLength: 3600 });
    const user = world.open();
    await world.advance(2 * SECOND);
    const wallet = await openWalletTab(world);
    const own = countKeepAlives(wallet);
    let warnings = 0;
    wallet.engine.on("warning", () => (warnings += 1));
    const out = user.engine.logout();
    await world.advance(2 * SECOND);
    await out;
    await world.advance(2 * SECOND);
    const userAfter = `${user.engine.state.status} server=${world.server.isActive()}`;
    const userLater = new Set<string>();
    user.engine.$state.listen((state) => userLater.add(state.status));
    let userExpired = 0;
    user.engine.on("expired", () => (userExpired += 1));
    // An idle hour later (the session length): the wallet is still connected.
    await world.advance(HOUR + 5 * MINUTE);
    const { kind, expiresAt, status } = wallet.engine.state;
    expect({
      userAfter,
      userLater: [...userLater].join(","),
      userExpired,
      wallet: { kind, expiresAt, status },
      warnings,
      keepAlives: own.calls,
    }).to.deep.equal({
      userAfter: "signed-out server=false",
      userLater: "",
      userExpired: 0,
      wallet: { kind: "external-wallet", expiresAt: null, status: "active" },
      warnings: 0,
      keepAlives: 0,
    });
    world.closeAll();
  });

  it('stands for the lead again once its own client signs in with Para, and keeps that session alive alone', async () => {
    const world = new TabWorld({ sessionLength: 3600 });
    const wallet = await openWalletTab(world);
    await world.advance(MINUTE);
    expect(wallet.engine.state.leader, 'a wallet session leads nothing').to.equal(false);
    wallet.client.externalWalletConnectionType = undefined;
    wallet.client.userId = 'user-a';
    wallet.client.email = 'a@b.co';
    world.server.signIn();
    wallet.environment.window.dispatchEvent(new CustomEvent('paraLogin', { detail: { data: null } }));
    await world.advance(5 * SECOND);
    let lapsed = 0;
    for (let i = 0; i < 120; i += 1) {
      userActs(wallet.environment);
      await world.advance(MINUTE);
      if (!world.server.isActive()) lapsed += 1;
    }
    expect({ kind: wallet.engine.state.kind, leader: wallet.engine.state.leader, lapsed }).to.deep.equal({ kind: 'user', leader: true, lapsed: 0 });
    world.closeAll();
  });
});
