import type { ParaIdentity, ParaSessionClient } from '../para/client.js';
import type { SessionKind } from '../para/kind.js';
import type { ExportSigners, SignOutPregen } from '../para/adapter.js';
import type { Clock } from './clock.js';
import type { SessionEnvironment } from './environment.js';
import type { TabCoordinator } from './coordinator.js';
import type { SessionStatus } from './status.js';
import type { AccountMatch } from '../para/identity.js';

export type { ParaSessionClient, SessionKind, ParaIdentity, SessionStatus, AccountMatch };

export type SessionErrorKind = 'network' | 'server' | 'config' | 'client';

export interface SessionError {
  kind: SessionErrorKind;
  message: string;
}

/** One immutable snapshot; the engine replaces it, never mutates it. */
export interface SessionState {
  status: SessionStatus;
  kind: SessionKind | null;
  /** Epoch ms; `null` when unknown or never expiring. */
  expiresAt: number | null;
  lastActivityAt: number | null;
  lastExtendedAt: number | null;
  lastCheckedAt: number | null;
  /** Whether this tab runs the keep-alive schedule. */
  leader: boolean;
  error: SessionError | null;
}

export type KeepAlivePolicy = 'activity' | 'always' | 'off';

export interface SessionOptions {
  /** Para's configured session length, seconds (60 … 30 days). Default 7200. */
  sessionLength: number;
  /** `activity` (default), `always`, or `off`. */
  keepAlive: KeepAlivePolicy;
  /** ParaProvider's switch; `true` means `keepAlive: 'off'`. */
  disableAutoKeepAlive: boolean;
  /** Extend this many seconds before expiry. Default 300. */
  refreshBefore: number;
  /** Warn an idle user this many seconds before expiry (≥ 20). Default 120. */
  warnBefore: number;
  /** Seconds between server truth checks that catch a revocation (visible tabs only). Default: a quarter session, 30 s … 15 min. */
  truthCheckEvery: number;
  /** Seconds a client call may take before the engine stops waiting. Default 20. */
  requestTimeout: number;
}

export interface EngineDependencies {
  clock: Clock;
  environment: SessionEnvironment;
  coordinator: TabCoordinator;
  random: () => number;
  fetch: typeof globalThis.fetch | undefined;
  /** Where warnings go; `console.warn` by default. */
  warn: (message: string) => void;
}

/** What the engine runs on; anything not given has a browser default. */
export type EngineSetup = Partial<EngineDependencies> & {
  /**
   * Coordinate with the other tabs (one leader, shared state). Default: on in a browser with
   * `BroadcastChannel` unless an `environment` is injected; `false` keeps this tab alone. Ignored when a
   * `coordinator` is given.
   */
  tabs?: boolean;
  /**
   * Origins besides the page's own that `sendSessionTo()` may post the session to, e.g.
   * `['https://api.example.com']`. Default none: same origin only, over `https:` (or localhost).
   */
  allowedOrigins?: readonly string[];
  /**
   * The name tabs of this session coordinate under (1–64 letters, digits, `. _ : -`). Default: derived from
   * the client's environment and API key, so two sessions or apps on one origin never hear each other.
   */
  channel?: string;
};

/** `createParaSession`'s one object: the session options and the engine's setup together. */
export type CreateSessionOptions = Partial<SessionOptions> & EngineSetup;

export type ExportOptions = ExportSigners;

/** `logout()`'s options (the SDK's own). */
export type LogoutOptions = SignOutPregen;

export interface EngineEventMap {
  change: { state: SessionState; previous: SessionState };
  extended: { expiresAt: number | null };
  warning: { expiresAt: number | null; secondsLeft: number };
  expired: { identity: ParaIdentity };
  'signed-out': Record<string, never>;
  'reauth-request': { identity: ParaIdentity };
  /**
   * `switchedAccount`: the user signed in as another account than the one that expired; `account` says
   * `same`, `switched` or `unconfirmed` (an identity is unknown). Only `same` resumes waiting callers.
   */
  'reauth-complete': { identity: ParaIdentity; previous: ParaIdentity; switchedAccount: boolean; account: AccountMatch };
  'reauth-cancel': { reason: string };
  error: { error: SessionError };
}

export type EngineEventType = keyof EngineEventMap;
