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
