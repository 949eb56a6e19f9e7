import type { ParaSessionClient } from './client.js';

export type SessionKind = 'user' | 'external-wallet' | 'pregen';

/**
 * External wallets connected without Para auth never expire; a pregenerated wallet's session counts as
 * always active while its user share is loaded (Para's docs), which shows as a share with no user.
 */
export function detectSessionKind(client: ParaSessionClient): SessionKind {
  try {
    if (client.externalWalletConnectionType === 'CONNECTION_ONLY') return 'external-wallet';
    if (!client.userId && typeof client.getUserShare === 'function' && client.getUserShare()) return 'pregen';
  } catch {
    // A getter that throws tells us nothing special: treat it as a user session and ask the server.
  }
  return 'user';
}
