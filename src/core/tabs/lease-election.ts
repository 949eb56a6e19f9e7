import { Timer, type Clock } from '../clock.js';
import type { Election, ElectionContext } from './election.js';
import { HIDDEN_LEADER_NOTICE_MS } from './lock-election.js';
import type { ElectionMessage } from './wire.js';

/**
 * How often a leader beats, and the lease its followers give it. A follower of this version needs no beat: it asks
 * its leader whenever news is late (see `confirmLeader`). Followers of an earlier version take over once a lease
 * runs out: fast for a visible one, which takes over within seconds; slow for a hidden one, or while the leader is
 * hidden: a hidden tab's timers may run once a minute (intensive throttling), so a hidden leader's beats may come
 * almost twice as far apart as planned.
 */
const BEATS = {
  fast: { every: 2_000, lease: 6_000 },
  slow: { every: 50_000, lease: 150_000 },
  none: { every: null, lease: Infinity },
} as const;
/** How long a new tab listens for a leader before it leads itself; also how long a shown follower waits for its leader's answer. */
const ANSWER_WAIT_MS = 500;
/** Followers taking over spread their claims over this long, so one claims and the others hear it. */
const TAKEOVER_SPREAD_MS = 200;
/** Tabs a leader keeps in mind; a crashed follower never says goodbye (the oldest is forgotten first). */
const MAX_KNOWN_TABS = 64;

type Beat = keyof typeof BEATS;

/**
 * Where Web Locks are missing: the leader sends a heartbeat; a follower that hears none for a lease takes
 * over. Two leaders that hear each other keep the better one: visible first, then the smaller tab id.
 *
 * Followers of this version need no heartbeat: each asks its leader when it is shown and whenever news the
 * leader owed it is late, and leads when no answer comes within half a second. The leader beats only for tabs
 * of an earlier version: every 2 s while one is visible, every 50 s while they are hidden. Followers say when
 * they come, go and are shown or hidden.
 */
export class LeaseElection implements Election {
  leading = false;
  #stopped = true;
  #leaderId: string | null = null;
  #leaderVisible = false;
  #leaderBeat: Beat = 'slow';
  #leaderSeenAt = 0;
  /** The leader holds the Web Lock (a tab whose locks work, beside this one whose locks are refused): never led over. */
  #leaderLocks = false;
  /** When this follower, shown, asked its leader to answer (monotonic); the lead is its own if none came since. */
  #askedAt: number | null = null;
  /** When this tab was hidden (monotonic) while it ran; null while visible, and for a tab hidden since it started. */
  #hiddenAt: number | null = null;
  /** The other tabs heard from, and the beat each needs (a tab that only said hello is taken as an earlier, visible one). */
  readonly #others = new Map<string, Beat>();
  /** The beat this leader's timer was last set for (null: none). */
  #plannedEvery: number | null = null;
  readonly #beat: Timer;
  /** The leader's notice that it is hidden, or a follower's claim on a hidden leader's lead. */
  readonly #later: Timer;

  readonly #tabId: string;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #context: ElectionContext;

  constructor(tabId: string, clock: Clock, random: () => number, context: ElectionContext) {
    this.#tabId = tabId;
    this.#clock = clock;
    this.#random = random;
    this.#context = context;
    this.#beat = new Timer(clock);
    this.#later = new Timer(clock);
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#leaderId = null;
    this.#others.clear();
    this.#context.post({ type: 'hello' });
    this.#tick(ANSWER_WAIT_MS);
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#beat.cancel();
    this.#later.cancel();
    // A leader hands over; a follower lets its leader stop beating for it.
    this.#context.post({ type: 'resign' });
    this.leading = false;
  }

  setVisible(visible: boolean): void {
    if (this.#stopped) return;
    this.#hiddenAt = visible ? null : (this.#hiddenAt ?? this.#clock.monotonic());
    if (!this.leading) return this.#followerShown(visible);
    this.#later.cancel();
    // A tab being closed is hidden first: a leader says it is hidden only after a second, which a closed tab
    // never reaches (it resigns instead), so the visible tabs do not all claim its lead at once.
    if (visible) {
      this.#announce();
      this.#tick(); // back to the visible heartbeat at once: followers now give it the visible lease
    } else if (this.#others.size > 0) {
      this.#later.at(this.#clock.now() + HIDDEN_LEADER_NOTICE_MS, () => {
        if (!this.leading) return;
        this.#announce();
        this.#tick();
      });
    }
  }

  onMessage(from: string, message: ElectionMessage): void {
    if (this.#stopped) return;
    switch (message.type) {
      case 'hello':
        this.#know(from, 'fast', true);
        break;
      case 'follower':
        // A follower that asks, or is visible (shown, or its leader's news is late), gets an answer.
        this.#know(from, message.watches === true ? 'none' : message.visible ? 'fast' : 'slow', message.visible || message.asks === true);
        break;
      case 'resign':
        this.#forget(from);
        if (from !== this.#leaderId) break;
        this.#leaderId = null;
        // Spread the takeover so followers rarely collide; a visible one goes first.
        this.#tick((this.#context.isVisible() ? 0 : TAKEOVER_SPREAD_MS) + Math.floor(this.#random() * TAKEOVER_SPREAD_MS));
        break;
      case 'leader':
        this.#forget(from);
        this.#heardLeader(from, message.visible, message.quiet === true ? 'none' : (message.beat ?? (message.visible ? 'fast' : 'slow')), message.lock === true);
        break;
    }
  }

  /**
   * News the leader owed this follower is late (see `SessionSchedule`): it asks its leader, and leads if none
   * answers. Every follower may ask at once: their waits are spread, so that one leads and the others hear it.
   */
  confirmLeader(): void {
    if (this.#stopped || this.leading) return;
    if (this.#leaderId === null) return this.#lead();
    this.#ask(Math.floor(this.#random() * TAKEOVER_SPREAD_MS));
  }

  /** A follower was shown or hidden: it tells its leader, and once shown makes sure the leader still answers. */
  #followerShown(visible: boolean): void {
    if (visible && !this.#leaderVisible && !this.#leaderLocks) return this.#lead();
    if (this.#leaderId === null) return;
    if (visible) return this.#ask();
    this.#report();
  }

  /** Asks the leader to answer (a report it answers); without an answer within `ANSWER_WAIT_MS` (and `spread`), it leads. */
  #ask(spread = 0): void {
    this.#report(true);
    this.#askedAt = this.#clock.monotonic();
    this.#tick(ANSWER_WAIT_MS + spread);
  }

  #heardLeader(from: string, visible: boolean, beat: Beat, locks: boolean): void {
    if (this.leading && !locks && this.#outranks(this.#context.isVisible(), this.#tabId, visible, from)) {
      this.#announce();
      return;
    }
    const known = from === this.#leaderId && !this.leading;
    this.#leaderId = from;
    this.#leaderVisible = visible;
    this.#leaderBeat = beat;
    this.#leaderSeenAt = this.#clock.monotonic();
    this.#leaderLocks = locks;
    if (this.leading) this.#setLeading(false);
    if (!known) this.#report(); // a new leader learns of this tab
    this.#tick(); // the lease starts again
    if (visible || locks || !this.#context.isVisible()) return;
    // A hidden leader: a visible follower claims its lead, after a random moment so that one claims first.
    this.#later.at(this.#clock.now() + Math.floor(this.#random() * TAKEOVER_SPREAD_MS), () => {
      if (!this.leading && !this.#leaderVisible && !this.#leaderLocks && this.#context.isVisible()) this.#lead();
    });
  }

  #outranks(visibleA: boolean, idA: string, visibleB: boolean, idB: string): boolean {
    if (visibleA !== visibleB) return visibleA;
    return idA < idB;
  }

  #know(tabId: string, needs: Beat, asked = false): void {
    this.#others.delete(tabId); // re-inserted last: the oldest is forgotten first
    this.#others.set(tabId, needs);
    if (this.#others.size > MAX_KNOWN_TABS) this.#others.delete(this.#others.keys().next().value as string);
    this.#followersChanged(asked);
  }

  #forget(tabId: string): void {
    if (this.#others.delete(tabId)) this.#followersChanged();
  }

  /** How often this leader beats now (null: not at all: no tab needs it). */
  #beatEvery(): number | null {
    return BEATS[this.#beatKind()].every;
  }

  /** The most any follower needs; a hidden leader beats slowly at most. */
  #beatKind(): Beat {
    const needs = new Set(this.#others.values());
    if (needs.has('fast')) return this.#saysVisible() ? 'fast' : 'slow';
    return needs.has('slow') ? 'slow' : 'none';
  }

  /** The followers changed, or one asked: a leader whose beat changes tells them at once (a longer lease must be heard). */
  #followersChanged(asked = false): void {
    if (!this.leading) return;
    const changed = this.#beatEvery() !== this.#plannedEvery;
    if (changed || asked) this.#announce();
    if (changed) this.#tick();
  }

  /**
   * The leader announces itself every heartbeat. A follower wakes only once its leader's lease has run out:
   * each heartbeat it hears moves that moment on, so while the leader lives a follower's timer never fires.
   */
  #tick(delay?: number): void {
    let wait: number;
    if (delay !== undefined) wait = delay;
    else if (this.leading) {
      this.#plannedEvery = this.#beatEvery();
      if (this.#plannedEvery === null) return this.#beat.cancel();
      wait = this.#plannedEvery;
    } else wait = this.#leaseLeft() + 1;
    if (wait === Infinity) return this.#beat.cancel(); // a quiet leader: this follower asks when it needs it
    this.#beat.at(this.#clock.now() + Math.max(0, wait), () => {
      if (this.#stopped) return;
      if (this.leading) this.#announce();
      else if (this.#leaderId === null || this.#leaseLeft() < 0 || this.#unanswered()) this.#lead();
      this.#tick();
    });
  }

  /** Shown, this follower asked its leader to answer, and no word came since. */
  #unanswered(): boolean {
    return this.#askedAt !== null && this.#leaderSeenAt < this.#askedAt;
  }

  /** Milliseconds until the leader's lease runs out (none without a known leader). */
  #leaseLeft(): number {
    if (this.#leaderId === null) return 0;
    return this.#leaderSeenAt + BEATS[this.#leaderBeat].lease - this.#clock.monotonic();
  }

  #lead(): void {
    this.#leaderId = this.#tabId;
    this.#leaderLocks = false;
    this.#leaderVisible = this.#context.isVisible();
    this.#askedAt = null;
    this.#setLeading(true);
    this.#announce();
    this.#tick();
  }

  /** Visible, or hidden for less than a second (see `setVisible`); a tab opened in the background is hidden. */
  #saysVisible(): boolean {
    if (this.#context.isVisible()) return true;
    return this.#hiddenAt !== null && this.#clock.monotonic() - this.#hiddenAt < HIDDEN_LEADER_NOTICE_MS;
  }

  #announce(): void {
    const kind = this.#beatKind();
    // A quiet leader says `slow` too: a follower of an earlier version it never heard of then takes over after a
    // lease, and the two leaders meet; `none` would be a message that version drops.
    if (kind === 'none') this.#context.post({ type: 'leader', visible: this.#saysVisible(), beat: 'slow', quiet: true });
    else this.#context.post({ type: 'leader', visible: this.#saysVisible(), beat: kind });
  }

  /** `asks`: the leader answers at once (a visible follower's report is answered anyway). */
  #report(asks = false): void {
    const visible = this.#context.isVisible();
    this.#context.post(asks && !visible ? { type: 'follower', visible, watches: true, asks } : { type: 'follower', visible, watches: true });
  }

  #setLeading(leading: boolean): void {
    if (this.leading === leading) return;
    this.leading = leading;
    this.#context.onLeadershipChange(leading);
  }
}
