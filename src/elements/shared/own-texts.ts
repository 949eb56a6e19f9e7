const warned = new Set<string>();

/**
 * The texts of `texts` that are strings: an app's unset value (`undefined` from a framework's empty binding,
 * a translation lookup that found nothing) keeps the built-in text instead of breaking the element's render.
 * A value of another kind (`null`, a number, an object where a text belongs) is said once per `where` and key.
 */
export function ownTexts<T extends object>(texts: T | null | undefined, where: string, nested: readonly string[] = []): Partial<T> {
  const kept: Record<string, unknown> = {};
  if (texts === null || typeof texts !== 'object') return kept as Partial<T>;
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') kept[key] = value;
    else if (nested.includes(key)) continue;
    else if (value !== undefined && !warned.has(`${where}.${key}`)) {
      warned.add(`${where}.${key}`);
      console.warn(`${where}.${key} is ${value === null ? 'null' : `a ${typeof value}`}, not a text; the built-in text is used.`);
    }
  }
  return kept as Partial<T>;
}
