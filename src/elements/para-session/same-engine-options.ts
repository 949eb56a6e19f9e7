/**
 * Whether two `engineOptions` objects set up the same engine: the same keys, each with the same value (an
 * array, such as `allowedOrigins`, by its items). A framework that writes the object inline passes a new,
 * equal one on every render; restarting the engine for it would re-render the app, which passes another.
 */
export function sameEngineOptions(next: unknown, before: unknown): boolean {
  if (next === before) return true;
  if (!isRecord(next) || !isRecord(before)) return false;
  const keys = Object.keys(next);
  if (keys.length !== Object.keys(before).length) return false;
  return keys.every((key) => Object.hasOwn(before, key) && sameValue(next[key], before[key]));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}
