import type { SessionOptions, SessionState } from './types.js';

export const MIN_EXTENSION_GAP_MS = 10_000;

export type PlannedAction = 'extend' | 'warn' | 'confirm' | 'truth-check' | 'retry';

export interface PlanInput
  extends Pick<SessionState, 'status' | 'kind' | 'expiresAt' | 'lastActivityAt' | 'lastExtendedAt' | 'lastCheckedAt'> {
  now: number;
  options: Pick<SessionOptions, 'keepAlive' | 'refreshBefore' | 'warnBefore' | 'truthCheckEvery'>;
  visible: boolean;
  /** A failed request waiting to be tried again. */
  retryAt: number | null;
  /** A warning UI has claimed the user's explicit choice: activity no longer extends while expiring. */
  warningHeld: boolean;
}

export interface Plan {
  at: number;
  action: PlannedAction;
}

/** Whether the keep-alive policy wants an extension now (given the time has come). */
export function wantsExtension(input: PlanInput): boolean {
  const { keepAlive } = input.options;
  if (keepAlive === 'off') return false;
  if (keepAlive === 'always') return true;
  if (input.status === 'expiring' && input.warningHeld) return false;
  return input.lastActivityAt !== null && input.lastActivityAt > (input.lastExtendedAt ?? -Infinity);
}

/**
 * The next thing the leader must do, and when — derived from the expiry, never a bare poll.
 * Only the leader tab runs the plan; followers apply what it finds.
 */
export function planNext(input: PlanInput): Plan | null {
  if (input.status === 'offline') return input.retryAt !== null ? { at: input.retryAt, action: 'retry' } : null;
  return soonest(candidates(input));
}

/**
 * The next moment after `after` at which the leader's plan changes what every tab shows: an extension (a new
 * expiry), or (for a visible tab) the warning. A follower that sees no such news by then asks whether its leader
 * still runs.
 */
export function leaderNewsAt(input: PlanInput, after: number): number | null {
  const news = candidates(input).filter((plan) => (plan.action === 'extend' || (plan.action === 'warn' && input.visible)) && plan.at > after);
  return soonest(news)?.at ?? null;
}

/** Everything the plan could do next, for a session it keeps (none for an ended or a wallet's session). */
function candidates(input: PlanInput): Plan[] {
  if (input.status !== 'active' && input.status !== 'expiring') return [];
  if (input.kind !== 'user') return [];

  const candidates: Plan[] = [];
  if (input.retryAt !== null) candidates.push({ at: input.retryAt, action: 'retry' });
  if (input.expiresAt !== null) {
    const { refreshBefore, warnBefore } = input.options;
    candidates.push({ at: input.expiresAt, action: 'confirm' });
    let notBefore = -Infinity;
    if (input.retryAt === null && wantsExtension(input)) {
      // However the expiry reads, never extend twice within a short gap: a stale cookie must not cause a storm.
      notBefore = (input.lastExtendedAt ?? -Infinity) + MIN_EXTENSION_GAP_MS;
      // The warning is for an idle user: a session about to be extended is, at the latest, extended when it would come.
      const lead = Math.max(refreshBefore, input.status === 'active' ? warnBefore : 0);
      candidates.push({ at: Math.max(input.expiresAt - lead * 1000, notBefore), action: 'extend' });
    }
    // Not before that extension either: with `warn-before` within the gap of the session's length (60 and 55), the
    // warning would come first every time and warn a busy user (a tie goes to the extension, listed first).
    if (input.status === 'active') candidates.push({ at: Math.max(input.expiresAt - warnBefore * 1000, notBefore), action: 'warn' });
  }
  if (input.visible) {
    candidates.push({ at: (input.lastCheckedAt ?? input.now) + input.options.truthCheckEvery * 1000, action: 'truth-check' });
  }
  return candidates;
}

function soonest(plans: Plan[]): Plan | null {
  return plans.length === 0 ? null : plans.reduce((first, plan) => (plan.at < first.at ? plan : first));
}
