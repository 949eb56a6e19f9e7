import type { SessionStatus } from '../../core/types.js';

/** What `<para-session-status>` says; set `strings` with any subset to rephrase. */
export interface ParaSessionStatusStrings {
  status: Record<SessionStatus, string>;
  /** `signed-out` for a visitor who was never signed in on this page: neutral, not an alarm. */
  notSignedIn: string;
  /** `{time}` is replaced by the time left. */
  timeLeft: string;
}

/** What `strings` takes: any of the texts, and any of the status words (the rest keep the language's). */
export type ParaSessionStatusStringsInput = Partial<Omit<ParaSessionStatusStrings, 'status'>> & { status?: Partial<Record<SessionStatus, string>> };

export const defaultStatusStrings: ParaSessionStatusStrings = {
  status: {
    idle: 'No session',
    checking: 'Checking session…',
    active: 'Signed in',
    expiring: 'Session ending soon',
    expired: 'Session ended',
    reauthenticating: 'Signing in again…',
    'signed-out': 'Signed out',
    offline: 'Offline',
  },
  notSignedIn: 'Not signed in',
  timeLeft: '{time} left',
};
