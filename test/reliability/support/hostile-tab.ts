const HOUR = 3600_000;

/** What a hostile (or badly broken) tab on the channel sends: junk, far-future times, contradictions. */
export function hostileMessages(now: number): unknown[] {
  const envelope = (message: unknown) => ({ app: 'para-session-kit', v: 1, from: 'hostile', channel: 'session', message });
  const year = 365 * 24 * HOUR;
  return [
    null,
    'signed-out',
    envelope({ type: 'state', status: 'expired', kind: 'user', expiresAt: 'soon' }),
    envelope({ type: 'activity', at: now + 10 * year }),
    envelope({ type: 'clock', sentAt: now + year }),
    envelope({ type: 'state', status: 'active', kind: 'user', expiresAt: now + year, lastCheckedAt: now, lastExtendedAt: now, sentAt: now }),
    envelope({ type: 'state', status: 'expired', kind: 'user', expiresAt: null, lastCheckedAt: now, lastExtendedAt: null, sentAt: now }),
    envelope({ type: 'signed-out' }),
    envelope({ type: 'reauth-complete' }),
  ];
}
