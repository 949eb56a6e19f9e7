/**
 * Para keeps the session cookie string (`x-capsule-sid`) client-side; its `Expires` attribute is the
 * only expiry the client can read. Signing extends the session server-side without updating it.
 */
export function parseCookieExpiry(cookie: string | null | undefined): number | null {
  if (typeof cookie !== 'string' || cookie.length === 0) return null;
  const match = /(?:^|;)\s*expires\s*=\s*([^;]+)/i.exec(cookie);
  if (!match) return null;
  const at = Date.parse(match[1].trim());
  return Number.isFinite(at) ? at : null;
}
