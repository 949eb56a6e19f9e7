import { DEFAULT_CHANNEL_NAME } from './tabs/tab-coordinator.js';

const CHANNEL_TEXT = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The tab channel (and lock prefix) of one session: the app's explicit `channel`, else the client's key
 * (environment and API key), else the kit's default. Sessions on one origin then never hear each other.
 */
export function sessionChannelName(explicit: unknown, clientKey: string | null, warn: (message: string) => void, source: string): string {
  const derived = clientKey ? `${DEFAULT_CHANNEL_NAME}:${clientKey}` : DEFAULT_CHANNEL_NAME;
  if (explicit === undefined || explicit === null) return derived;
  if (typeof explicit === 'string' && CHANNEL_TEXT.test(explicit)) return `${DEFAULT_CHANNEL_NAME}:channel:${explicit}`;
  warn(`${source}: channel=${JSON.stringify(explicit)} is not 1–64 letters, digits or . _ : -; using ${JSON.stringify(derived)}.`);
  return derived;
}
