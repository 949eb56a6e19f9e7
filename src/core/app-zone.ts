/**
 * zone.js (Angular's default change detection) checks the whole app after every timer and listener callback
 * added inside Angular's zone. The engine's own are not the app's business — activity listeners fire on every
 * pointer move and key press, the schedule's timers keep the zone busy — so they are added in the root zone.
 * What is the app's business, a state change or an event, is delivered in the zone the engine was created in,
 * so an app's subscribers run, and its view is checked, as if nothing had left it. Without zone.js both are plain calls.
 */
interface ZoneLike {
  run<T>(callback: () => T): T;
}

export type ZoneRunner = <T>(callback: () => T) => T;

const plainCall: ZoneRunner = (callback) => callback();

function zones(): { root?: ZoneLike; current?: ZoneLike } | undefined {
  return (globalThis as { Zone?: { root?: ZoneLike; current?: ZoneLike } }).Zone;
}

const runs = (zone: ZoneLike | undefined): zone is ZoneLike => typeof zone?.run === 'function';

/** Runs `register` in zone.js's root zone when zone.js is loaded: what it adds does not wake the app's zone. */
export function outsideAppZone<T>(register: () => T): T {
  const root = zones()?.root;
  return runs(root) ? root.run(register) : register();
}

/** The zone current now (an app's, when the app creates the engine) as a runner; a plain call without zone.js. */
export function currentAppZone(): ZoneRunner {
  const { root, current } = zones() ?? {};
  return runs(current) && current !== root ? (callback) => current.run(callback) : plainCall;
}
