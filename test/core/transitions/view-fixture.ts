import { initialState } from '../../../src/core/state.js';
import type { Effect, SessionView, Step } from '../../../src/core/transitions/step.js';
import type { SessionState } from '../../../src/core/types.js';

export const NOW = 1_000_000_000;
export const MINUTE = 60_000;

/** An active user session an hour from expiry, checked just now, unless the test says otherwise. */
export function viewOf(state: Partial<SessionState> = {}, extra: Partial<Omit<SessionView, 'state'>> = {}): SessionView {
  return {
    now: NOW,
    state: { ...initialState(), status: 'active', kind: 'user', expiresAt: NOW + 60 * MINUTE, lastCheckedAt: NOW, leader: true, ...state },
    options: { refreshBefore: 300, warnBefore: 120, sessionLength: 7200 },
    knownUser: true,
    reauth: { open: false, logoutExpected: false, signingIn: false },
    checkingSince: null,
    logoutOwed: false,
    longestSessionMs: 7200 * 1000,
    warnedFor: null,
    ...extra,
  };
}

/** The effect types of a step, in order: what a reader checks first. */
export const effectsOf = (step: Step): Array<Effect['type']> => (step.effects ?? []).map((effect) => effect.type);
