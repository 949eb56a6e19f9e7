/** Per element, the last unknown value warned about for each attribute: one warning per mistake, not per render. */
const warned = new WeakMap<Element, Map<string, string>>();

/**
 * `value` when it is one of `allowed`; otherwise `fallback`, with one console warning per element and value
 * naming the attribute, what it accepts and what is used instead. An absent or empty attribute is the default.
 */
export function knownValue<T extends string>(element: Element, attribute: string, value: string | null | undefined, allowed: readonly T[], fallback: T): T {
  if ((allowed as readonly string[]).includes(value as string)) return value as T;
  if (value === null || value === undefined || value === '') return fallback;
  let seen = warned.get(element);
  if (!seen) warned.set(element, (seen = new Map()));
  if (seen.get(attribute) !== value) {
    seen.set(attribute, value);
    console.warn(`<${element.localName}>: ${attribute}="${value}" is not one of ${allowed.join(', ')}; using ${fallback}.`);
  }
  return fallback;
}
