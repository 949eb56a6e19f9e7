/** Exponential backoff with jitter, capped, and never later than a share of the time left. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** A retry lands within this share of the time left before expiry, so it can still save the session. */
  shareOfTimeLeft: number;
  minMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 60_000, shareOfTimeLeft: 0.25, minMs: 1_000 };

export function retryDelay(
  attempt: number,
  random: () => number,
  timeLeftMs: number | null,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  // "Equal jitter": at least half the step, so tabs spread out but nobody retries at once.
  let delay = exponential / 2 + (random() * exponential) / 2;
  if (timeLeftMs !== null && timeLeftMs > 0) delay = Math.min(delay, timeLeftMs * policy.shareOfTimeLeft);
  return Math.max(policy.minMs, Math.round(delay));
}
