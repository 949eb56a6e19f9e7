import { callWithin, type CallTimers } from '../para/adapter.js';

/** Where and how an export may go: the page's own origin, the listed ones, each call bounded in time. */
export interface ExportLimits {
  timers: CallTimers;
  timeoutMs: number;
  /** Origins besides the page's own that may receive the session (normalised by `readAllowedOrigins`). */
  allowedOrigins: readonly string[];
}

/** Plain `http:` leaks a bearer credential to the network; only the machine itself is exempt. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `allowedOrigins` as origins (`https://api.example.com`); an entry that is not one is ignored with a warning. */
export function readAllowedOrigins(input: unknown, warn: (message: string) => void): string[] {
  if (input === undefined || input === null) return [];
  const entries = Array.isArray(input) ? input : [input];
  const origins: string[] = [];
  for (const entry of entries) {
    let origin: string | null = null;
    try {
      const url = new URL(String(entry));
      // An origin is scheme, host and port only: a path would suggest a narrower rule than the check applies.
      if (url.origin !== 'null' && url.href === `${url.origin}/` && /^https?:$/.test(url.protocol)) origin = url.origin;
    } catch {
      origin = null;
    }
    if (origin) origins.push(origin);
    else warn(`createParaSession: allowedOrigins entry ${JSON.stringify(entry)} is not an origin like "https://api.example.com"; ignoring it.`);
  }
  return origins;
}

/** Where a relative URL resolves and which origin is the page's own. */
export interface PageAddress {
  base?: string;
  origin?: string;
}

/**
 * The page's base URL and origin. A `srcdoc` or `about:blank` frame's location is `about:…`, yet its document
 * has the parent's base URL and origin, which `fetch` uses: so does the check.
 */
export function pageAddress(): PageAddress | undefined {
  const scope = globalThis as { document?: { baseURI?: string }; location?: { href?: string }; origin?: string };
  const base = scope.document?.baseURI ?? scope.location?.href;
  if (!base) return undefined;
  let origin = scope.origin;
  if (typeof origin !== 'string') {
    try {
      origin = new URL(base).origin;
    } catch {
      origin = undefined;
    }
  }
  return { base, origin };
}

/**
 * Where `sendSessionTo(url)` may post, resolved against the page: its own origin or one in `allowedOrigins`,
 * over `https:` unless it is this machine. Throws a message naming the refused destination and the fix.
 */
export function checkSessionDestination(url: string | URL, page: PageAddress | string | undefined, allowedOrigins: readonly string[]): URL {
  const { base, origin } = typeof page === 'string' ? { base: page, origin: new URL(page).origin } : (page ?? {});
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    throw new Error(`sendSessionTo: ${JSON.stringify(String(url))} is not a URL${base ? '' : ' (outside a page, give an absolute URL)'}.`);
  }
  // An origin of its own (a sandboxed frame) is "null": nothing matches it, only allowedOrigins.
  const pageOrigin = origin && origin !== 'null' ? origin : null;
  if (target.origin !== pageOrigin && !allowedOrigins.includes(target.origin)) {
    throw new Error(
      `sendSessionTo: refusing to send the session to ${target.origin}: it is not this page's origin` +
        `${pageOrigin ? ` (${pageOrigin})` : ''}. List it in the allowedOrigins option to allow it.`,
    );
  }
  if (target.protocol !== 'https:' && !(target.protocol === 'http:' && LOOPBACK_HOSTS.has(target.hostname))) {
    throw new Error(`sendSessionTo: refusing to send the session over ${target.protocol} to ${target.origin}: use https: (plain http: only to localhost).`);
  }
  return target;
}

/**
 * POSTs the export as JSON `{ session }` to a checked destination, never following a redirect (which would
 * re-post the body to wherever it points). The caller's `init` may add headers, credentials or a signal.
 */
export async function sendSession(
  exportSession: () => Promise<string>,
  fetchImpl: typeof globalThis.fetch | undefined,
  url: string | URL,
  init: RequestInit = {},
  limits: ExportLimits,
): Promise<Response> {
  if (!fetchImpl) throw new Error('sendSessionTo needs fetch, which this environment does not have.');
  if (init.redirect !== undefined && init.redirect !== 'error') {
    throw new Error(`sendSessionTo: redirect ${JSON.stringify(init.redirect)} is not allowed: a redirect would re-post the session; it always uses "error".`);
  }
  const target = checkSessionDestination(url, pageAddress(), limits.allowedOrigins);
  const session = await exportSession();
  const headers = new Headers(init.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return callWithin(limits.timers, limits.timeoutMs, 'sendSessionTo', (signal) =>
    fetchImpl(target.href, {
      credentials: 'same-origin',
      ...init,
      method: init.method ?? 'POST',
      headers,
      body: JSON.stringify({ session }),
      redirect: 'error',
      signal: init.signal ? anySignal([init.signal, signal]) : signal,
    }),
  );
}

/** Aborts when any of `signals` does (`AbortSignal.any` where the browser has it). */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
