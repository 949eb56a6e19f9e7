import type { SessionStatus } from '../../../src/core/types.js';
import type { TabWorld } from '../../core/support/tab-world.js';

/** Statuses a session only enters for its own reasons: its expiry, its logout, its re-authentication. */
const OWN_REASONS_ONLY: readonly SessionStatus[] = ['expired', 'signed-out', 'reauthenticating'];

/** The cookie keeps whole seconds, and a corrected clock may put an answer a little off. */
const CLOCK_SLACK_MS = 2_000;

interface Snapshot {
  session: number;
  serverExpiresAt: number | null;
  tabs: Array<{ id: string; status: SessionStatus; expiresAt: number | null }>;
}

/**
 * The promise between sessions on one origin: what happens to one session (its expiry, logout, re-auth,
 * account switch and the messages they send) never changes another's state. Around such an event, every
 * other session whose own server did not change must show the same expiry and enter none of the statuses
 * only its own events explain.
 */
export class CrossSessionWatch {
  readonly violations: string[] = [];
  eventsWatched = 0;

  constructor(private readonly world: TabWorld) {}

  /** Runs `event` of session `session`, then `settle` (time passing), and compares every other session. */
  async around(session: number, what: string, event: () => Promise<void>, settle: () => Promise<void>): Promise<void> {
    const before = this.snapshot(session);
    await event();
    await settle();
    this.eventsWatched += 1;
    for (const earlier of before) {
      const server = this.world.servers[earlier.session];
      if (server.expiresAt !== earlier.serverExpiresAt || !server.isActive()) continue; // its own server moved or ended: its own news
      for (const was of earlier.tabs) {
        const tab = this.world.tabs.find((t) => t.id === was.id);
        if (!tab?.alive) continue;
        const now = tab.sessions[earlier.session].engine.state;
        const entered = now.status !== was.status && OWN_REASONS_ONLY.includes(now.status);
        // Catching up with its own server (a first check, a late answer) is that session's own news.
        const ownTruth = now.expiresAt === was.expiresAt || (now.expiresAt !== null && Math.abs(now.expiresAt - server.expiresAt!) <= CLOCK_SLACK_MS);
        if (!entered && ownTruth) continue;
        this.violations.push(
          `session ${session + 1}'s ${what} changed session ${earlier.session + 1} in ${tab.id}: ${was.status} → ${now.status}, expiresAt ${was.expiresAt} → ${now.expiresAt}`,
        );
      }
    }
  }

  private snapshot(except: number): Snapshot[] {
    return this.world.servers
      .map((server, session) => ({
        session,
        serverExpiresAt: server.expiresAt,
        tabs: this.world.alive.map((tab) => {
          const { status, expiresAt } = tab.sessions[session].engine.state;
          return { id: tab.id, status, expiresAt };
        }),
      }))
      .filter((snapshot) => snapshot.session !== except);
  }
}
