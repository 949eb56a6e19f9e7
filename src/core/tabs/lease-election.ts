import { Timer, type Clock } from '../clock.js';
import type { Election, ElectionContext } from './election.js';
import { HIDDEN_LEADER_NOTICE_MS } from './lock-election.js';
import type { ElectionMessage } from './wire.js';

const HEARTBEAT_MS = 2_000;
/** A leader hidden for a second beats this often: its lease is longer, and hidden timers are throttled anyway. */
const HIDDEN_HEARTBEAT_MS = 25_000;
/** A visible leader silent this long is gone. */
const VISIBLE_LEASE_MS = 6_000;
/** Hidden tabs' timers may run once a minute (intensive throttling): give a hidden leader longer. */
const HIDDEN_LEASE_MS = 75_000;
/** How long a new tab listens for a leader before it leads itself. */
const STARTUP_WAIT_MS = 500;
/** Followers taking over spread their claims over this long, so one claims and the others hear it. */
const TAKEOVER_SPREAD_MS = 200;

/**
 * Where Web Locks are missing: the leader sends a heartbeat; a follower that hears none for a lease takes
 * over. Two leaders that hear each other keep the better one: visible first, then the smaller tab id.
 */
export class LeaseElection implements Election {
  leading = false;
  private stopped = true;
  private leaderId: string | null = null;
  private leaderVisible = false;
  private leaderSeenAt = 0;
  /** When this tab was hidden (monotonic) while it ran; null while visible, and for a tab hidden since it started. */
  private hiddenAt: number | null = null;
  private readonly beat: Timer;
  /** The leader's notice that it is hidden, or a follower's claim on a hidden leader's lead. */
  private readonly later: Timer;

  constructor(
    private readonly tabId: string,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly context: ElectionContext,
  ) {
    this.beat = new Timer(clock);
    this.later = new Timer(clock);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.leaderId = null;
    this.context.post({ type: 'hello' });
    this.tick(STARTUP_WAIT_MS);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.beat.cancel();
    this.later.cancel();
    if (this.leading) this.context.post({ type: 'resign' });
    this.leading = false;
  }

  setVisible(visible: boolean): void {
    if (this.stopped) return;
    this.hiddenAt = visible ? null : (this.hiddenAt ?? this.clock.monotonic());
    if (!this.leading) {
      if (visible && !this.leaderVisible) this.lead();
      return;
    }
    this.later.cancel();
    // A tab being closed is hidden first: a leader says it is hidden only after a second, which a closed tab
    // never reaches (it resigns instead), so the visible tabs do not all claim its lead at once.
    if (visible) {
      this.announce();
      this.tick(); // back to the visible heartbeat at once: followers now give it the visible lease
    } else this.later.at(this.clock.now() + HIDDEN_LEADER_NOTICE_MS, () => this.leading && this.announce());
  }

  onMessage(from: string, message: ElectionMessage): void {
    if (this.stopped) return;
    switch (message.type) {
      case 'hello':
        if (this.leading) this.announce();
        break;
      case 'resign':
        if (from !== this.leaderId) break;
        this.leaderId = null;
        // Spread the takeover so followers rarely collide; a visible one goes first.
        this.tick((this.context.isVisible() ? 0 : TAKEOVER_SPREAD_MS) + Math.floor(this.random() * TAKEOVER_SPREAD_MS));
        break;
      case 'leader':
        this.heardLeader(from, message.visible);
        break;
    }
  }

  private heardLeader(from: string, visible: boolean): void {
    if (this.leading && this.outranks(this.context.isVisible(), this.tabId, visible, from)) {
      this.announce();
      return;
    }
    this.leaderId = from;
    this.leaderVisible = visible;
    this.leaderSeenAt = this.clock.monotonic();
    if (this.leading) this.setLeading(false);
    this.tick(); // the lease starts again
    if (visible || !this.context.isVisible()) return;
    // A hidden leader: a visible follower claims its lead, after a random moment so that one claims first.
    this.later.at(this.clock.now() + Math.floor(this.random() * TAKEOVER_SPREAD_MS), () => {
      if (!this.leading && !this.leaderVisible && this.context.isVisible()) this.lead();
    });
  }

  private outranks(visibleA: boolean, idA: string, visibleB: boolean, idB: string): boolean {
    if (visibleA !== visibleB) return visibleA;
    return idA < idB;
  }

  /**
   * The leader announces itself every heartbeat. A follower wakes only once its leader's lease has run out:
   * each heartbeat it hears moves that moment on, so while the leader lives a follower's timer never fires.
   */
  private tick(delay?: number): void {
    const wait = delay ?? (this.leading ? (this.saysVisible() ? HEARTBEAT_MS : HIDDEN_HEARTBEAT_MS) : this.leaseLeft() + 1);
    this.beat.at(this.clock.now() + Math.max(0, wait), () => {
      if (this.stopped) return;
      if (this.leading) this.announce();
      else if (this.leaderId === null || this.leaseLeft() < 0) this.lead();
      this.tick();
    });
  }

  /** Milliseconds until the leader's lease runs out (none without a known leader). */
  private leaseLeft(): number {
    if (this.leaderId === null) return 0;
    return this.leaderSeenAt + (this.leaderVisible ? VISIBLE_LEASE_MS : HIDDEN_LEASE_MS) - this.clock.monotonic();
  }

  private lead(): void {
    this.leaderId = this.tabId;
    this.leaderVisible = this.context.isVisible();
    this.setLeading(true);
    this.announce();
    this.tick();
  }

  /** Visible, or hidden for less than a second (see `setVisible`); a tab opened in the background is hidden. */
  private saysVisible(): boolean {
    if (this.context.isVisible()) return true;
    return this.hiddenAt !== null && this.clock.monotonic() - this.hiddenAt < HIDDEN_LEADER_NOTICE_MS;
  }

  private announce(): void {
    this.context.post({ type: 'leader', visible: this.saysVisible() });
  }

  private setLeading(leading: boolean): void {
    if (this.leading === leading) return;
    this.leading = leading;
    this.context.onLeadershipChange(leading);
  }
}
