import type { ElectionMessage } from './wire.js';

/** Who runs the keep-alive schedule among the tabs; one implementation per browser capability. */
export interface Election {
  readonly leading: boolean;
  start(): void;
  /** Gives up leadership and everything held for it; calls no hook afterwards. */
  stop(): void;
  /** This tab was shown or hidden: a visible tab is preferred as leader. */
  setVisible(visible: boolean): void;
  onMessage(from: string, message: ElectionMessage): void;
  /** Where a leader can vanish unheard: a follower asks its leader to answer, and leads if none does. */
  confirmLeader?(): void;
}

export interface ElectionContext {
  isVisible(): boolean;
  post(message: ElectionMessage): void;
  onLeadershipChange(leading: boolean): void;
}
