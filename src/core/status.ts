/** Where a session stands; see the state table in the README. */
export type SessionStatus =
  | 'idle'
  | 'checking'
  | 'active'
  | 'expiring'
  | 'expired'
  | 'reauthenticating'
  | 'signed-out'
  | 'offline';
