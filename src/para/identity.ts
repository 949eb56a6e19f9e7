/** What the SDK client exposes about who is signed in. */
interface IdentitySource {
  readonly userId?: string | undefined;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
}

/** The identity the kit remembers so a re-authentication can be pre-filled and checked. */
export interface ParaIdentity {
  userId: string | null;
  email: string | null;
}

export function readIdentity(client: IdentitySource): ParaIdentity {
  const read = (key: 'userId' | 'email' | 'phone'): string | null => {
    try {
      const value = client[key];
      return typeof value === 'string' && value.length > 0 ? value : null;
    } catch {
      return null;
    }
  };
  return { userId: read('userId'), email: read('email') ?? read('phone') };
}

/** Whether whoever signed in is the account that expired; `unconfirmed` when the identities cannot tell. */
export type AccountMatch = 'same' | 'switched' | 'unconfirmed';

export function compareAccounts(identity: ParaIdentity, previous: ParaIdentity): AccountMatch {
  if (identity.userId && previous.userId) return identity.userId === previous.userId ? 'same' : 'switched';
  if (identity.email && previous.email) return identity.email.toLowerCase() === previous.email.toLowerCase() ? 'same' : 'switched';
  return 'unconfirmed';
}

/** A user who signs in as someone else than the account that expired is a different account, not a resumption. */
export function isSwitchedAccount(identity: ParaIdentity, previous: ParaIdentity): boolean {
  return compareAccounts(identity, previous) === 'switched';
}
