/**
 * The baseline: ParaProvider's automatic keep-alive (`useAutoSessionKeepAlive` in @getpara/react-sdk-lite
 * 2.x), re-implemented from the reference notes on the SDK (`reference/para-sdk-2.x.md` in the shared project docs), "The React SDK's automatic keep-alive":
 *
 * - [R1] "in every tab, every 60 s" → one 60 s interval per tab, visible or not (no visibility handling).
 * - [R2] "it parses `Expires` from the session cookie" → `retrieveSessionCookie()`, no request.
 * - [R3] "no expiry or past expiry → logout" → `client.logout()`, and the app shows signed-out.
 * - [R4] "under 5 minutes left → `keepSessionAlive()` (result ignored)" → fire and forget.
 * - [R5] "it extends whether or not the user is there" → activity is never read.
 * - [R6] "Only when connected" → the loop runs while signed in and stops at its own logout.
 * - [R7] "the core SDK's `storage` listener reloads the session cookie in the other tabs when one tab
 *   extends" → modelled in bench/sim/cookie-sync.ts (core-sdk `utils/listeners.js`, `@CAPSULE/sessionCookie`).
 *
 * The reference does not say whether the loop also runs once on mount; like `setInterval`, the first tick
 * here is 60 s after start.
 */
import type { Clock, ParaSessionClient, TimerHandle } from '../src/core/index.js';

const INTERVAL_MS = 60_000; // [R1]
const THRESHOLD_MS = 5 * 60_000; // [R4]

export type BaselineStatus = 'active' | 'signed-out';

type BaselineClient = Pick<ParaSessionClient, 'keepSessionAlive' | 'retrieveSessionCookie' | 'logout'>;

function cookieExpiry(cookie: string | undefined): number | null {
  const match = cookie ? /(?:^|;)\s*expires\s*=\s*([^;]+)/i.exec(cookie) : null;
  const at = match ? Date.parse(match[1]) : NaN;
  return Number.isFinite(at) ? at : null;
}

export class ParaProviderLoop {
  status: BaselineStatus = 'active';
  private handle: TimerHandle | null = null;

  constructor(
    private readonly client: BaselineClient,
    private readonly clock: Clock,
    private readonly onChange: (status: BaselineStatus) => void = () => {},
  ) {}

  start(): void {
    this.status = 'active';
    this.arm();
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private arm(): void {
    this.handle = this.clock.setTimeout(() => this.tick(), INTERVAL_MS);
  }

  private tick(): void {
    this.handle = null;
    const expiresAt = cookieExpiry(this.client.retrieveSessionCookie?.()); // [R2]
    if (expiresAt === null || expiresAt <= this.clock.now()) {
      // [R3], [R6]: signed out; the provider is no longer connected, so the loop ends.
      this.status = 'signed-out';
      this.onChange(this.status); // before the logout request reaches the server
      void this.client.logout?.();
      return;
    }
    if (expiresAt - this.clock.now() < THRESHOLD_MS) void this.client.keepSessionAlive(); // [R4], [R5]
    this.arm();
  }
}
