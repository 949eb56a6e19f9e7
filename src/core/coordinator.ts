import type { SessionKind } from '../para/kind.js';
import type { SessionStatus } from './status.js';

/**
 * What one tab tells the others. Session facts only: never an exported session, a cookie or a secret.
 */
export type SharedSessionMessage =
  | {
      type: 'state';
      status: SessionStatus;
      kind: SessionKind | null;
      expiresAt: number | null;
      lastCheckedAt: number | null;
      lastExtendedAt: number | null;
      /** The sender's engine time when it sent this: a tab whose clock was set back learns from tabs that saw it happen. */
      sentAt: number;
    }
  | { type: 'activity'; at: number }
  /** This tab's engine time, sent to a tab whose clock reads behind (see `noteRemoteTime`). */
  | { type: 'clock'; sentAt: number }
  | { type: 'signed-out' }
  /**
   * The user signed out in that tab while the server was unreachable: every tab owes the logout until it goes
   * through. `clearPregenWallets`: the user asked to remove the pregenerated wallets too (see `LogoutOptions`).
   */
  /** `toNewTab`: told again to a tab that opened, not news of a press. */
  | { type: 'logout-owed'; clearPregenWallets?: true; toNewTab?: true }
  | { type: 'reauth-started' }
  /** The tab running the re-authentication gave up: the others leave `reauthenticating` for `expired`. */
  | { type: 'reauth-cancelled' }
  | { type: 'reauth-complete' }
  /** This tab is asking the server now: the answer other tabs wait for comes from it, not from another. */
  | { type: 'checking' };

export interface CoordinatorHooks {
  /** This tab became (or stopped being) the one that runs the keep-alive schedule. */
  onLeadershipChange(isLeader: boolean): void;
  /** A validated message from another tab of the same session; `from` is the sending tab's id. */
  onMessage(message: SharedSessionMessage, from?: string): void;
  /** Another tab of the session opened (or joined again): it missed what was said before. */
  onPeerJoined?(): void;
}

/**
 * Coordinates the tabs of one origin. The engine asks it who leads and tells it what happened;
 * `soloCoordinator` is the one-tab case, `createTabCoordinator` the cross-tab one.
 */
export interface TabCoordinator {
  /** Other tabs may hear this one: an SDK `paraLogout` may be another tab's re-auth and gets a grace period. */
  readonly crossTab?: boolean;
  start(hooks: CoordinatorHooks): void;
  stop(): void;
  publish(message: SharedSessionMessage): void;
  /**
   * Runs `task` unless another tab is already running the same one; then waits for that one (no longer than
   * `waitMs`, the coordinator's own limit by default).
   */
  exclusive?<T>(name: string, task: () => Promise<T>, waitMs?: number): Promise<T | undefined>;
  /** True while a leader may vanish unheard (a heartbeat lease): `confirmLeader` then asks it to answer. */
  readonly leaderMayVanish?: boolean;
  /** Asks the leader to answer now; this tab leads if none does. */
  confirmLeader?(): void;
  /**
   * `true`: this tab has no user session to keep (a wallet's, which never expires), so it leaves the lead to a
   * tab that has one, and does not stand for it; `false`: it stands again. May be called before `start()`.
   */
  standAside?(aside: boolean): void;
}

/** One tab alone: always the leader, nobody to tell. */
export function soloCoordinator(): TabCoordinator {
  return {
    start(hooks) {
      hooks.onLeadershipChange(true);
    },
    stop() {},
    publish() {},
  };
}
