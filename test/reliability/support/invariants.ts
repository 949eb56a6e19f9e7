import type { SessionStatus } from '../../../src/core/types.js';
import type { Tab, TabWorld } from '../../core/support/tab-world.js';

const SECOND = 1000;
/** Statuses that do not claim the session is usable. */
const NOT_CLAIMING_ACTIVE: readonly SessionStatus[] = ['expired', 'reauthenticating', 'offline', 'signed-out', 'idle'];

/**
 * The promises of the kit, checked against the server model.
 * - No false expiry: no tab ever enters `expired` while the model says the session is active.
 * - No missed expiry: once the model says expired, every visible, unfrozen tab shows `expired` (or
 *   `offline`, `reauthenticating`) by a deadline: the natural expiry time + 2 s, or for a revocation (which
 *   the engine can only learn from a truth check) the revocation + one truth-check interval + 2 s. A fault
 *   that hides the truth (network down, 429/5xx, a hanging request, a clock jump, a frozen or killed tab)
 *   pushes the deadline to the fault's end + the request timeout + the longest retry backoff (60 s).
 */
export class ExpiryInvariants {
  readonly violations: string[] = [];
  falseExpiries = 0;
  missedExpiries = 0;
  expiriesSeen = 0;
  private inactiveSince: number | null = null;
  private revokedAt: number | null = null;
  private faultUntil = -Infinity;
  private readonly watched = new Set<string>();

  constructor(
    private readonly world: TabWorld,
    private readonly truthCheckEveryMs: number,
    private readonly requestTimeoutMs = 20 * SECOND,
    /** Which of the world's sessions these promises are about. */
    private readonly session = 0,
  ) {}

  private get server() {
    return this.world.servers[this.session];
  }

  private engineOf(tab: Tab) {
    return tab.sessions[this.session].engine;
  }

  /** Subscribes to every tab not yet watched: a false expiry is caught at the moment it happens. */
  watchTabs(): void {
    for (const tab of this.world.tabs) {
      if (this.watched.has(tab.id)) continue;
      this.watched.add(tab.id);
      this.engineOf(tab).on('change', ({ state, previous }) => {
        if (state.status === 'expired' && previous.status !== 'expired' && this.server.isActive()) {
          this.falseExpiries += 1;
          this.violations.push(`false expiry of session ${this.session + 1} in ${tab.id} at ${new Date(this.world.clock.serverNow()).toISOString()}`);
        }
      });
    }
  }

  noteRevoked(): void {
    this.revokedAt = this.world.clock.serverNow();
  }

  /** A fault that can hide the truth ends at `until` (server time). */
  noteFault(until: number): void {
    this.faultUntil = Math.max(this.faultUntil, until);
  }

  check(frozen: ReadonlySet<string>): void {
    const { server } = this;
    const { clock } = this.world;
    const now = clock.serverNow();
    if (server.isActive()) {
      this.inactiveSince = null;
      this.revokedAt = null;
      return;
    }
    if (this.inactiveSince === null) {
      this.expiriesSeen += 1;
      this.inactiveSince = server.expiresAt !== null ? server.expiresAt : (this.revokedAt ?? now);
    }
    const base = server.expiresAt !== null ? this.inactiveSince + 2 * SECOND : this.inactiveSince + this.truthCheckEveryMs + 2 * SECOND;
    const deadline = Math.max(base, this.faultUntil + this.requestTimeoutMs + 62 * SECOND);
    if (now <= deadline) return;
    for (const tab of this.world.alive) {
      const visible = tab.environment.document.visibilityState === 'visible';
      if (!visible || frozen.has(tab.id) || NOT_CLAIMING_ACTIVE.includes(this.engineOf(tab).state.status)) continue;
      this.missedExpiries += 1;
      this.violations.push(`missed expiry of session ${this.session + 1} in ${tab.id} at ${new Date(now).toISOString()}: ${this.engineOf(tab).state.status} ${Math.round((now - this.inactiveSince) / 1000)} s after the server ended the session`);
      this.inactiveSince = now; // one report per tab per lapse, not one per step
    }
  }
}
