import type { SharedSessionMessage } from '../coordinator.js';
import type { SessionKind, SessionStatus } from '../types.js';

/** Bumped on any incompatible change: tabs running another version ignore each other's messages. */
export const WIRE_VERSION = 1;
const WIRE_APP = 'para-session-kit';

/** How tabs agree on a leader and on who runs a task; never session data. */
export type ElectionMessage =
  /** A tab started: the leader answers with `leader`. */
  | { type: 'hello' }
  /**
   * The leader's announcement (and, without Web Locks, its heartbeat). `beat`, without Web Locks: how often it
   * beats now, so how long a lease followers give it (absent from earlier versions: fast while visible).
   * `quiet`: it does not beat at all (every follower asks when it needs it); earlier versions read `beat` alone.
   * `lock`: it leads by holding the Web Lock, so a tab running the lease beside it (its locks refused) never
   * leads over it (absent from earlier versions).
   */
  | { type: 'leader'; visible: boolean; beat?: 'fast' | 'slow'; quiet?: boolean; lock?: boolean }
  /**
   * Without Web Locks: a follower says it is there, and whether it is visible, so the leader beats as it needs;
   * a visible one also asks the leader to answer. `watches`: it asks its leader whenever news is late, so it
   * needs no beat (absent from earlier versions: they need the fast beat while visible, the slow one while hidden).
   * `asks`: a hidden follower wants an answer now (a visible one always gets one).
   */
  | { type: 'follower'; visible: boolean; watches?: boolean; asks?: boolean }
  /** This tab is stopping on purpose: followers need not wait out a leader's lease; a leader forgets a follower. */
  | { type: 'resign' }
  /** Without Web Locks: this tab runs `name` until `until` (epoch ms) or `done`. */
  | { type: 'busy'; name: string; until: number }
  | { type: 'done'; name: string }
  /** With Web Locks: this tab, frozen or in the back-forward cache from now, still holds the lock of `name`. */
  | { type: 'frozen'; name: string };

export type Decoded =
  | { from: string; channel: 'session'; message: SharedSessionMessage }
  | { from: string; channel: 'election'; message: ElectionMessage };

export function encode(from: string, decoded: Omit<Decoded, 'from'>): Record<string, unknown> {
  return { app: WIRE_APP, v: WIRE_VERSION, from, channel: decoded.channel, message: decoded.message };
}

const STATUSES: readonly SessionStatus[] = ['idle', 'checking', 'active', 'expiring', 'expired', 'reauthenticating', 'signed-out', 'offline'];
const KINDS: ReadonlyArray<SessionKind | null> = ['user', 'external-wallet', 'pregen', null];

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isTimeOrNull = (value: unknown): value is number | null => value === null || isTime(value);
const isName = (value: unknown): value is string => typeof value === 'string' && /^[a-z-]{1,32}$/.test(value);

/** Rebuilds a session message from known fields only: anything else a sender added is dropped. */
function readSessionMessage(m: Fields): SharedSessionMessage | null {
  switch (m.type) {
    case 'state': {
      const { status, kind, expiresAt, lastCheckedAt, lastExtendedAt, sentAt } = m;
      if (!STATUSES.includes(status as SessionStatus) || !KINDS.includes(kind as SessionKind | null)) return null;
      if (!isTimeOrNull(expiresAt) || !isTimeOrNull(lastCheckedAt) || !isTimeOrNull(lastExtendedAt) || !isTime(sentAt)) return null;
      return { type: 'state', status: status as SessionStatus, kind: kind as SessionKind | null, expiresAt, lastCheckedAt, lastExtendedAt, sentAt };
    }
    case 'activity':
      return isTime(m.at) ? { type: 'activity', at: m.at } : null;
    case 'clock':
      return isTime(m.sentAt) ? { type: 'clock', sentAt: m.sentAt } : null;
    case 'logout-owed':
      return { type: 'logout-owed', ...(m.clearPregenWallets === true ? { clearPregenWallets: true } : {}), ...(m.toNewTab === true ? { toNewTab: true } : {}) };
    case 'signed-out':
    case 'reauth-started':
    case 'reauth-cancelled':
    case 'reauth-complete':
    case 'checking':
      return { type: m.type };
    default:
      return null;
  }
}

/** `message` with each of `flags` that `m` has, or null when one is not a boolean. */
function readFlags<M extends ElectionMessage, K extends keyof M>(m: Fields, message: M, flags: readonly K[]): M | null {
  for (const flag of flags) {
    const value = m[flag as string];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return null;
    (message as Record<K, boolean>)[flag] = value;
  }
  return message;
}

function readElectionMessage(m: Fields): ElectionMessage | null {
  switch (m.type) {
    case 'hello':
    case 'resign':
      return { type: m.type };
    case 'leader': {
      if (typeof m.visible !== 'boolean') return null;
      const message: Extract<ElectionMessage, { type: 'leader' }> = { type: 'leader', visible: m.visible };
      if (m.beat !== undefined) {
        if (m.beat !== 'fast' && m.beat !== 'slow') return null;
        message.beat = m.beat;
      }
      return readFlags(m, message, ['quiet', 'lock']);
    }
    case 'follower': {
      if (typeof m.visible !== 'boolean') return null;
      const message: Extract<ElectionMessage, { type: 'follower' }> = { type: 'follower', visible: m.visible };
      return readFlags(m, message, ['watches', 'asks']);
    }
    case 'busy':
      return isName(m.name) && isTime(m.until) ? { type: 'busy', name: m.name, until: m.until } : null;
    case 'done':
    case 'frozen':
      return isName(m.name) ? { type: m.type, name: m.name } : null;
    default:
      return null;
  }
}

/** A message from another tab, or `null` when it is malformed, foreign or from another version. */
export function decode(data: unknown): Decoded | null {
  if (!isRecord(data) || data.app !== WIRE_APP || data.v !== WIRE_VERSION) return null;
  if (typeof data.from !== 'string' || data.from.length === 0 || data.from.length > 64 || !isRecord(data.message)) return null;
  if (data.channel === 'session') {
    const message = readSessionMessage(data.message);
    return message && { from: data.from, channel: 'session', message };
  }
  if (data.channel === 'election') {
    const message = readElectionMessage(data.message);
    return message && { from: data.from, channel: 'election', message };
  }
  return null;
}
