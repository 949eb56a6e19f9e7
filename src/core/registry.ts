import { atom, type ReadableAtom } from 'nanostores';
import { initialState } from './state.js';
import type { SessionState } from './types.js';

type Session = { $state: ReadableAtom<SessionState> };

interface Registry {
  mirror: ReturnType<typeof atom<SessionState>>;
  connected: Session[];
  /** The window each running session listens on: the SDK's window events name no client. */
  pages: Map<object, EventTarget | null>;
  /** The element a session runs for: a new engine for the same `<para-session>` keeps its place. */
  owners: WeakMap<object, object>;
  /** Each owner's place in the order of first connection, while it stays connected. */
  places: WeakMap<object, number>;
  nextPlace: number;
  unsubscribe: (() => void) | null;
}

// One registry per page, shared by every copy of the kit on it (an app's bundle and a widget's self-contained
// one): `$paraSession` mirrors the first session whichever copy runs it, and sessions on one page count once.
const KEY = Symbol.for('para-session-kit.sessions');
const scope = globalThis as { [KEY]?: Registry };
const shared: Registry = (scope[KEY] ??= {
  mirror: atom<SessionState>(initialState()),
  connected: [],
  pages: new Map(),
  owners: new WeakMap(),
  places: new WeakMap(),
  nextPlace: 0,
  unsubscribe: null,
});
const { mirror, connected, pages, owners, places } = shared;

/**
 * A read-only atom mirroring the first connected `<para-session>` (or started headless engine);
 * `idle` when there is none. What Vue, React, Svelte, Solid, Angular and plain scripts subscribe to.
 */
export const $paraSession: ReadableAtom<SessionState> = mirror;

/** How many running sessions listen on `page` (the window its SDK events arrive on). */
export function sessionsOn(page: EventTarget | null): number {
  if (!page) return 0;
  let count = 0;
  for (const target of pages.values()) if (target === page) count += 1;
  return count;
}

function follow(): void {
  shared.unsubscribe?.();
  shared.unsubscribe = null;
  const first = connected[0];
  if (first) shared.unsubscribe = first.$state.subscribe((state) => mirror.set(state));
  else mirror.set(initialState());
}


/** `session` runs for `owner` (a `<para-session>`): it takes that owner's place, kept across engine changes. */
export function runsFor(session: object, owner: object): void {
  owners.set(session, owner);
}

/** The owner was disconnected: connected again, it comes after the sessions connected meanwhile. */
export function releasePlace(owner: object): void {
  places.delete(owner);
}

const placeOf = (session: object): number => {
  const owner = owners.get(session) ?? session;
  let place = places.get(owner);
  if (place === undefined) places.set(owner, (place = shared.nextPlace++));
  return place;
};

export function registerSession(session: Session, page: EventTarget | null = null): () => void {
  if (!connected.includes(session)) {
    const place = placeOf(session);
    const before = connected.findIndex((other) => placeOf(other) > place);
    connected.splice(before === -1 ? connected.length : before, 0, session);
  }
  if (page) pages.set(session, page);
  if (connected[0] === session) follow();
  return () => {
    pages.delete(session);
    const index = connected.indexOf(session);
    if (index === -1) return;
    connected.splice(index, 1);
    // A headless engine is its own owner: stopped, it gives its place up.
    if (!owners.has(session)) places.delete(session);
    if (index === 0) follow();
  };
}
