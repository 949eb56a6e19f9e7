// Svelte 5 element typings from custom-element-svelte-integration, with its Svelte 4 output fixed:
// - `bind:client` / `on:para-session-expired` are Svelte 4 syntax: Svelte 5 sets `client={…}` as a property
//   and binds `onpara-session-expired={…}`; read-only getters are dropped instead of offered to bind;
// - handlers were typed `CustomEvent<ParaSessionExpiredEvent>`: use the event class, whose `detail` is typed;
// - its base props name React's `JSX.Element`/`JSX.CSSProperties`: use Svelte's own `HTMLAttributes`, of each
//   tag's own element (so `e.currentTarget` of a DOM event is that element);
// - `declare namespace svelteHTML` inside a module augments nothing: augment `svelte/elements` instead.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { escape, fix, widenAttributes } from './manifest.mjs';

export function svelteTypes(manifest, elements, typesFrom) {
  const dir = mkdtempSync(join(tmpdir(), 'svelte-types-'));
  try {
    generateSvelteTypes(structuredClone(manifest), { outdir: dir, fileName: 'svelte.d.ts', globalTypePath: typesFrom, hideLogs: true });
    let text = readFileSync(join(dir, 'svelte.d.ts'), 'utf8');
    for (const element of elements) {
      for (const name of element.readonly) {
        const line = new RegExp(`\\n\\s*"bind:${escape(name)}"\\?: ${element.className}\\["${escape(name)}"\\];`);
        text = fix(text, line, '', `drop read-only ${element.tag}.${name}`);
      }
    }
    text = fix(text, /"bind:(\$?\w+)"\?:/g, (_, name) => (/^\w+$/.test(name) ? `${name}?:` : `"${name}"?:`), 'set properties directly');
    text = fix(text, /"on:([\w-]+)"\?: \(e: CustomEvent<(\w+Event)>\) => void;/g, '"on$1"?: (e: $2) => void;', 'use Svelte 5 event attributes');
    text = fix(text, /\ntype BaseProps = \{[\s\S]*?\n\};/, "\ntype BaseProps<E extends HTMLElement> = HTMLAttributes<E>;", "use Svelte's HTMLAttributes");
    // Each tag's own element as the target of its DOM events (`onclick={(e) => e.currentTarget.format}`).
    for (const element of elements) {
      const props = new RegExp(`"${escape(element.tag)}": Partial<(\\w+Props) & BaseProps & BaseEvents>;`);
      text = fix(text, props, `"${element.tag}": Partial<$1 & BaseProps<${element.className}> & BaseEvents>;`, `type ${element.tag}'s events with its element`);
    }
    text = fix(text, /^import type \{/m, "import type { HTMLAttributes } from 'svelte/elements';\nimport type {", 'import HTMLAttributes');
    text = fix(text, /\ndeclare namespace svelteHTML \{[\s\S]*$/, `
declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SvelteHTMLElements extends CustomElements {}
}
`, 'augment svelte/elements');
    text = widenAttributes(text);
    return { 'svelte.d.ts': `// Generated from custom-elements.json by tools/generate-framework-types.mjs: do not edit.\n${text}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
