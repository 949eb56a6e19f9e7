/**
 * The part of `ParaWeb` 2.x the kit uses. A real `ParaWeb` instance is assignable to it
 * (proved by `test/types/para-client.types.ts`); the kit never imports the SDK at run time.
 */
export interface ParaStateSnapshot {
  corePhase?: string;
  authPhase?: string;
  authStateInfo?: {
    passkeyUrl?: string | null;
    passwordUrl?: string | null;
    pinUrl?: string | null;
    verificationUrl?: string | null;
    [key: string]: unknown;
  } | null;
  error?: unknown;
  isReady?: boolean;
}

export interface ParaSessionClient {
  isSessionActive(): Promise<boolean>;
  keepSessionAlive(): Promise<boolean>;
  refreshSession?(opts?: { shouldOpenPopup?: boolean }): Promise<string>;
  exportSession?(opts?: { excludeSigners?: boolean }): string;
  waitAndExportSession?(opts?: { excludeSigners?: boolean }): Promise<string>;
  logout?(opts?: { clearPregenWallets?: boolean }): Promise<void>;
  retrieveSessionCookie?: () => string | undefined;
  onStatePhaseChange?(callback: (snapshot: ParaStateSnapshot) => void): () => void;
  readonly externalWalletConnectionType?: string | undefined;
  readonly userId?: string | undefined;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  getUserShare?(): string | null;
  authenticateWithEmailOrPhone?(params: never): Promise<unknown>;
  authenticateWithOAuth?(params: never): Promise<unknown>;
  cancelAuthFlow?(): Promise<void>;
}

export { readIdentity, type ParaIdentity } from './identity.js';
