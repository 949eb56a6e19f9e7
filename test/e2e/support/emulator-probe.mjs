// What the e2e scenarios ask the in-process Para emulator: its HTTP controls, and per-user
// figures read from its request log and session list (several scenarios share one emulator).

export async function control(emu, name, body) {
  const response = await fetch(new URL(`/__emulator/${name}`, emu.apiUrl), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

const KEEP_ALIVE = 'POST /users/:id/session/keep-alive';

/** Answered keep-alive requests of one user (its id is in the path), with their epoch-ms times. */
export async function keepAlivesOf(emu, userId) {
  const log = await control(emu, 'log');
  return log
    .filter((e) => e.endpoint === KEEP_ALIVE && e.path.includes(`/users/${userId}/`) && e.status === 200)
    .map((e) => ({ at: Date.parse(e.t), path: e.path }));
}

/** Resolves with the time of the first answered keep-alive of `userId` after `after` (epoch ms). */
export async function nextKeepAlive(emu, userId, after, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = (await keepAlivesOf(emu, userId)).find((k) => k.at > after);
    if (found) return found.at;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no keep-alive from ${userId} within ${timeout} ms`);
}

/** The user's authenticated sessions as the emulator lists them (`live`, `ended`, `expiresAt`). */
export async function sessionsOf(emu, userId) {
  return (await control(emu, 'sessions')).filter((s) => s.userId === userId && s.authenticated);
}

/** The server's true expiry (epoch ms) of the user's newest live session; the store keeps ms precision. */
export function serverExpiry(emu, userId) {
  const live = [...emu.store.sessions.values()].filter((s) => s.userId === userId && s.authenticated && !s.ended);
  live.sort((a, b) => b.approvedAt - a.approvedAt);
  return live[0]?.expiresAt ?? null;
}

export const sleepUntil = (epochMs) => new Promise((r) => setTimeout(r, Math.max(0, epochMs - Date.now())));

/** Polls `fn` until it returns a truthy value (returned), or throws `what` after `timeout` ms. */
export async function waitUntil(fn, what, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
