// What the type fixes need to know from custom-elements.json: each tag's read-only members, attributes and events.
import { readFileSync } from 'node:fs';

export function readManifest(file = 'custom-elements.json') {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const fields = (declaration.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy);
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        readonly: fields.filter((m) => m.readonly).map((m) => m.name),
        attributes: (declaration.attributes ?? []).map((a) => ({ name: a.name, field: a.fieldName, boolean: a.type?.text === 'boolean', description: a.description ?? '' })),
        events: (declaration.events ?? []).map((e) => ({ name: e.name, type: e.type?.text ?? 'Event' })),
      });
    }
  }
  if (elements.length === 0) throw new Error('custom-elements.json lists no custom element: run `npm run analyze`.');
  return elements;
}

/** Applies one textual fix and fails loudly when the generator's output no longer has the shape it fixes. */
export function fix(text, pattern, replacement, what) {
  if (!pattern.test(text)) throw new Error(`type generator output changed: cannot ${what}`);
  pattern.lastIndex = 0;
  return text.replace(pattern, replacement);
}

export const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The generators type a kebab-case attribute with its property's type, so `warn-before="120"` — the way
 * HTML and every template writes it — was an error: a numeric attribute also takes a numeric string.
 */
export function widenAttributes(text) {
  const widened = fix(text, /"((?:attr:|bool:)?[a-z]+(?:-[a-z]+)+)"\?: (\w+\["\w+"\])/g, '"$1"?: AttributeValue<$2>', 'widen attribute types');
  return `${widened}\n/** An attribute's value: a numeric attribute also takes a numeric string. */\ntype AttributeValue<T> = T | (T extends number ? \`\${number}\` : never);\n`;
}
