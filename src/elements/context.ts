import { createContext } from '@lit/context';
import type { ReadableAtom } from 'nanostores';
import type { Clock } from '../core/clock.js';
import type { ParaSessionEngine } from '../core/engine.js';
import type { SessionEnvironment } from '../core/environment.js';
import type { ReauthRequest } from '../core/reauth-room.js';
import type { SessionState } from '../core/types.js';
import type { ParaReauthCompleteDetail } from './events.js';

export type { ReauthRequest } from '../core/reauth-room.js';

/**
 * What `<para-session>` provides. One stable object per provider: it outlives client swaps, and
 * consumers subscribe to its atoms rather than waiting for the context to be provided again.
 */
export interface ParaSessionContext {
  /** The running engine, or `null` while the provider has no client. */
  readonly $engine: ReadableAtom<ParaSessionEngine | null>;
  /** The current engine's state; `idle` while there is none. */
  readonly $state: ReadableAtom<SessionState>;
  /** The engine's `$reauth`: set when it asks for a sign-in, cleared when it completes or is cancelled. */
  readonly $reauth: ReadableAtom<ReauthRequest | null>;
  /** The engine's clock, so countdowns agree with the engine (and tests can drive both). */
  readonly clock: Clock;
  /** The engine's document and window, for visibility. */
  readonly environment: SessionEnvironment;
  onReauthComplete(listener: (detail: ParaReauthCompleteDetail) => void): () => void;
  /** Only one dialog per provider may be open: the first to claim it wins until it releases. */
  claimDialog(owner: object): boolean;
  releaseDialog(owner: object): void;
  /** Calls `listener` when the dialog that had the claim released it (another copy of the kit may lack it). */
  onDialogReleased?(listener: () => void): () => void;
  /**
   * True while the dialog asks which account goes on (another account signed in than the one whose session ended):
   * the guard keeps the previous account's content hidden meanwhile. Another copy of the kit may lack it.
   */
  readonly $accountQuestion?: ReadableAtom<boolean>;
  /** The dialog holding the claim says whether it asks that question. */
  askAccount?(owner: object, asking: boolean): void;
}

// A registered symbol: elements of another copy of the kit on the page (a widget's bundle) find this copy's provider.
export const paraSessionContext = createContext<ParaSessionContext | undefined>(Symbol.for('para-session-kit.session'));
