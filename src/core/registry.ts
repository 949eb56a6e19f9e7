import { atom, type ReadableAtom } from 'nanostores';
import { initialState } from './state.js';
import type { SessionState } from './types.js';

const mirror = atom<SessionState>(initialState());
const connected: Array<{ $state: ReadableAtom<SessionState> }> = [];
let unsubscribe: (() => void) | null = null;

/**
 * A read-only atom mirroring the first connected `<para-session>` (or started headless engine);
 * `idle` when there is none. What Vue, React, Svelte, Solid, Angular and plain scripts subscribe to.
 */
export const $paraSession: ReadableAtom<SessionState> = mirror;

function follow(): void {
  unsubscribe?.();
  unsubscribe = null;
  const first = connected[0];
  if (first) unsubscribe = first.$state.subscribe((state) => mirror.set(state));
  else mirror.set(initialState());
}

export function registerSession(session: { $state: ReadableAtom<SessionState> }): () => void {
  if (!connected.includes(session)) connected.push(session);
  if (connected[0] === session) follow();
  return () => {
    const index = connected.indexOf(session);
    if (index === -1) return;
    connected.splice(index, 1);
    if (index === 0) follow();
  };
}
