import type { ParaSessionClient } from '../para/client.js';
import type { ExportOptions } from './types.js';

/**
 * Exports the session for a server. Signers are left out unless asked for: a server that only verifies
 * the user has no business holding signing material. The string is returned, never stored or logged.
 */
export async function exportParaSession(client: ParaSessionClient, options: ExportOptions = {}): Promise<string> {
  const excludeSigners = options.excludeSigners !== false;
  if (typeof client.waitAndExportSession === 'function') return client.waitAndExportSession({ excludeSigners });
  if (typeof client.exportSession === 'function') return client.exportSession({ excludeSigners });
  throw new Error('This Para client cannot export sessions (no exportSession or waitAndExportSession).');
}

/** POSTs the export as JSON `{ session }`; the caller's `init` may add headers or credentials. */
export async function postSession(
  fetchImpl: typeof globalThis.fetch | undefined,
  url: string | URL,
  session: string,
  init: RequestInit = {},
): Promise<Response> {
  if (!fetchImpl) throw new Error('sendSessionTo needs fetch, which this environment does not have.');
  const headers = new Headers(init.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetchImpl(url, {
    credentials: 'same-origin',
    ...init,
    method: init.method ?? 'POST',
    headers,
    body: JSON.stringify({ session }),
  });
}
