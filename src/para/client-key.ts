/** What `ParaWeb` keeps about the app it was made for (`ctx.apiKey`, `ctx.env`). */
interface ClientContextSource {
  readonly ctx?: { readonly apiKey?: unknown; readonly env?: unknown };
}

/** FNV-1a, 32 bits: a channel name that tells API keys apart without spelling one out. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The client's app as `env:hash(apiKey)`, or `null` when the client does not say (then tabs share the default channel). */
export function readClientKey(client: unknown): string | null {
  try {
    const ctx = (client as ClientContextSource | null)?.ctx;
    const apiKey = ctx?.apiKey;
    if (typeof apiKey !== 'string' || apiKey.length === 0) return null;
    const env = typeof ctx?.env === 'string' && /^[A-Za-z0-9_-]{1,16}$/.test(ctx.env) ? ctx.env : 'env';
    return `${env}:${shortHash(apiKey)}`;
  } catch {
    return null; // A getter that throws: no key.
  }
}
