import { callClient, type CallOutcome, type CallTimers } from './call.js';
import { readIdentity, type ParaIdentity, type ParaSessionClient } from './client.js';
import { readClientKey } from './client-key.js';
import { parseCookieExpiry } from './cookie.js';
import { listenToParaEvents, type ParaEventHandlers } from './events.js';
import { detectSessionKind, type SessionKind } from './kind.js';

export type { CallOutcome, CallTimers } from './call.js';
/** The same deadline for a request the engine makes itself (the POST of an export). */
export { callWithin } from './call.js';

/** Whether an export carries the MPC signers. */
export interface ExportSigners {
  /** Leave the MPC signers out (default `true`); include them only for server-side signing. */
  excludeSigners?: boolean;
}

/** How a sign-out treats pregenerated wallets. */
export interface SignOutPregen {
  /**
   * Also remove the pregenerated wallets the SDK keeps in this browser (default `false`, as the SDK): kept,
   * their loaded user share reads as an active pregenerated session after a reload. Clear them only when the
   * app keeps each user share somewhere else, or the wallet is lost.
   */
  clearPregenWallets?: boolean;
}

/**
 * Everything the engine asks of Para, and the only way it asks. Each server call settles within the
 * request timeout; reads never throw.
 */
export interface ParaSessionPort {
  /** Why this client cannot run a session (missing methods), or `null`. */
  problem(): string | null;
  isSessionActive(): Promise<CallOutcome<boolean>>;
  keepSessionAlive(): Promise<CallOutcome<boolean>>;
  /** Whether the client has a `logout()`. */
  canLogout(): boolean;
  /** `null` when the client has no `logout()`. */
  logout(options?: SignOutPregen): Promise<CallOutcome<void>> | null;
  /** The session cookie string now, to tell after a request whether the server sent a new one. */
  sessionCookie(): string | undefined;
  /** The `Expires` of a cookie string, epoch ms. */
  cookieExpiry(cookie: string | undefined): number | null;
  /** The exported session (signers left out unless asked for); rejects when it cannot. */
  exportSession(options?: ExportSigners): Promise<string>;
  identity(): ParaIdentity;
  /** The app this client belongs to (environment and a hash of the API key), or `null` when it does not say. */
  clientKey(): string | null;
  kind(): SessionKind;
  /** The SDK's window events that move the session; returns the unsubscribe. */
  listen(target: EventTarget, handlers: ParaEventHandlers): () => void;
}

/** `timeoutSeconds` is read on every call, so a changed `requestTimeout` applies to the next one. */
export function paraSessionPort(client: ParaSessionClient, timers: CallTimers, timeoutSeconds: () => number): ParaSessionPort {
  const call = <T>(run: () => Promise<T> | T) => callClient(timers, timeoutSeconds() * 1000, run);
  return {
    problem() {
      if (!client || typeof client !== 'object') return 'No Para client was given.';
      if (typeof (client as { then?: unknown }).then === 'function') return 'The Para client is a Promise: set what it resolves to.';
      const missing = (['isSessionActive', 'keepSessionAlive'] as const).filter((method) => typeof client[method] !== 'function');
      return missing.length ? `The Para client has no ${missing.map((method) => `${method}()`).join(' or ')} method.` : null;
    },
    isSessionActive: () => call(() => client.isSessionActive()),
    keepSessionAlive: () => call(() => client.keepSessionAlive()),
    canLogout: () => typeof client.logout === 'function',
    // Only what was asked for: without it, the SDK's own default.
    logout: (options) => (typeof client.logout === 'function' ? call(() => (options?.clearPregenWallets ? client.logout!({ clearPregenWallets: true }) : client.logout!())) : null),
    sessionCookie() {
      try {
        return client.retrieveSessionCookie?.();
      } catch {
        return undefined;
      }
    },
    cookieExpiry: (cookie) => parseCookieExpiry(cookie),
    async exportSession(options = {}) {
      // A server that only verifies the user has no business holding signing material.
      const excludeSigners = options.excludeSigners !== false;
      const outcome = await call(() => {
        if (typeof client.waitAndExportSession === 'function') return client.waitAndExportSession({ excludeSigners });
        if (typeof client.exportSession === 'function') return client.exportSession({ excludeSigners });
        throw new Error('This Para client cannot export sessions (no exportSession or waitAndExportSession).');
      });
      if (!outcome.ok) throw outcome.error;
      if (typeof outcome.value !== 'string' || outcome.value === '') {
        throw new Error(`The Para client's exportSession returned ${outcome.value === '' ? 'an empty string' : String(outcome.value)}, not an exported session string.`);
      }
      return outcome.value;
    },
    identity: () => readIdentity(client),
    clientKey: () => readClientKey(client),
    kind: () => detectSessionKind(client),
    listen: listenToParaEvents,
  };
}
