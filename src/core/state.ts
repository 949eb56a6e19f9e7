import type { SessionKind, SessionState, SessionStatus } from './types.js';

export const initialState = (): SessionState => ({
  status: 'idle',
  kind: null,
  expiresAt: null,
  lastActivityAt: null,
  lastExtendedAt: null,
  lastCheckedAt: null,
  leader: false,
  error: null,
});

/** The statuses in which the app may use the session. */
export function isUsableStatus(status: SessionStatus): boolean {
  return status === 'active' || status === 'expiring';
}

/** Usable, or unreachable with nothing that says the session ended: content may stay on screen. */
export function isPresentable(state: SessionState): boolean {
  return isUsableStatus(state.status) || (state.status === 'offline' && state.kind !== null);
}

export function secondsLeft(state: SessionState, now: number): number | null {
  return state.expiresAt === null ? null : Math.max(0, Math.ceil((state.expiresAt - now) / 1000));
}

/** A wallet's session: external or pregenerated, always active, never extended. */
export const isWalletKind = (kind: SessionKind | null): boolean => kind === 'external-wallet' || kind === 'pregen';
