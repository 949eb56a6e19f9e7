// React 19, Preact and Solid from @wc-toolkit/jsx-types, with its output fixed:
// - the event classes it names (ParaSessionExpiredEvent, …) are never imported, so `detail` became `any`;
// - a kebab-case attribute rejected the string every template writes (`warn-before="120"`);
// - its one `BaseProps<T>` for every framework had no DOM events, a `ref` that was the element itself and a
//   `style` record: each framework gets its own element attributes instead (`ref`, `onClick`, `style`, …);
// - Solid's `attr:` was offered only for kebab-case attributes: offer it for every documented attribute;
// - one file augments eight JSX runtimes and the global JSX namespace, which breaks a project without them:
//   split it into one file per framework that augments only that framework's module.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { escape, fix, widenAttributes } from './manifest.mjs';

const header = '// Generated from custom-elements.json by tools/generate-framework-types.mjs: do not edit.\n';

const augment = (module, elements) => `declare module '${module}' {
  namespace JSX {
    interface IntrinsicElements extends ${elements} {}
  }
}`;

/** A framework's entry: its own attributes for every tag, and the kit's tags in its JSX namespace. */
const entry = ({ imports, attributes, doc, map, modules }) => `${header}${imports}
import type { ${map} as ${map}Of, ElementClasses } from './jsx-elements.js';

/** ${doc} */
type FrameworkAttributes = { [Tag in keyof ElementClasses]: ${attributes('ElementClasses[Tag]')} };

export type ${map} = ${map}Of<FrameworkAttributes>;

${modules.map((m) => augment(m, map)).join('\n')}
`;

/** `attr:<name>` for each attribute that has none yet: an attribute's value, or a boolean attribute's presence. */
function addSolidAttributes(text, element) {
  const block = new RegExp(`(export type ${element.className}SolidJsProps = \\{\\n)([\\s\\S]*?\\n\\};)`);
  return fix(text, block, (_, open, body) => {
    const missing = element.attributes.filter((a) => !body.includes(`"attr:${a.name}"?:`));
    const lines = missing.map((a) => {
      const value = a.boolean ? '"" | true' : a.field ? `AttributeValue<${element.className}["${a.field}"]>` : 'string';
      const note = a.boolean ? ' Any `attr:` value turns it on: toggle it with `bool:`.' : '';
      return `  /** ${a.description}${note} */\n  "attr:${a.name}"?: ${value} | undefined;\n`;
    });
    return open + lines.join('') + body;
  }, `add attr: to ${element.tag}`);
}

/** The tag maps take the framework's attributes per tag; an element's own prop of the same name wins. */
function parameterizeTagMaps(text, elements) {
  text = fix(text, /\n\/\*\*\n \* This type can be used to create scoped tags[\s\S]*?\nexport type ScopedElements<[\s\S]*?\n\};\n/, '\n', 'drop the deprecated ScopedElements');
  text = fix(text, /\ntype BaseProps<T extends HTMLElement> = \{[\s\S]*?\n\};\n/, `
/** Each tag's element class: what a framework's \`ref\` and DOM handlers are typed with. */
export type ElementClasses = {
${elements.map((e) => `  "${e.tag}": ${e.className};`).join('\n')}
};

/** A framework's own attributes and events for each tag, e.g. React's \`HTMLAttributes<T> & { ref?: Ref<T> }\`. */
type AttributesPerTag = { [Tag in keyof ElementClasses]: object };

/** A tag's own props, and the framework's attributes for the names the element does not define itself. */
type WithFrameworkAttributes<Own, Framework> = Partial<Own> & Omit<Framework, keyof Own>;
`, 'replace BaseProps');
  text = fix(text, /export type (CustomElements|CustomElementsSolidJs) = \{/g, 'export type $1<Base extends AttributesPerTag> = {', 'parameterize the tag maps');
  for (const { tag, className } of elements) {
    const entries = new RegExp(`"${escape(tag)}": Partial<\\s*(${className}Props &\\s*(?:${className}SolidJsProps &\\s*)?)BaseProps<${className}> &\\s*BaseEvents\\s*>;`, 'g');
    text = fix(text, entries, (_, own) => `"${tag}": WithFrameworkAttributes<${own.replace(/\s+/g, ' ')}BaseEvents, Base["${tag}"]>;`, `give ${tag} the framework's attributes`);
  }
  return text;
}

export function jsxTypes(manifest, elements, typesFrom) {
  const dir = mkdtempSync(join(tmpdir(), 'jsx-types-'));
  try {
    generateJsxTypes(manifest, { outdir: dir, fileName: 'elements.d.ts', globalTypePath: typesFrom, stronglyTypedEvents: true });
    let shared = readFileSync(join(dir, 'elements.d.ts'), 'utf8');
    const eventClasses = [...new Set(elements.flatMap((e) => e.events.map((ev) => ev.type)))];
    shared = fix(shared, /^import type \{/m, `import type {\n  ${eventClasses.join(',\n  ')},`, 'import the event classes');
    shared = fix(shared, /\ndeclare (module "[^"]+"|global) \{[\s\S]*$/, '\n', 'drop the JSX runtime augmentations');
    shared = widenAttributes(shared);
    for (const element of elements) shared = addSolidAttributes(shared, element);
    shared = parameterizeTagMaps(shared, elements);
    return {
      'jsx-elements.d.ts': header + shared,
      'react.d.ts': entry({
        imports: "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
        doc: "React's attributes and DOM events on each tag, as on a `<div>`: `key`, a `ref` (object or callback), `onClick`, a `style` object and the rest.",
        attributes: (el) => `DetailedHTMLProps<HTMLAttributes<${el}>, ${el}>`,
        map: 'CustomElements',
        modules: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime'],
      }),
      'preact.d.ts': entry({
        imports: "import type { HTMLAttributes } from 'preact';",
        doc: "Preact's attributes and DOM events on each tag, `ref` included, as on a `<div>`.",
        attributes: (el) => `HTMLAttributes<${el}>`,
        map: 'CustomElements',
        modules: ['preact'],
      }),
      // `jsxImportSource: 'solid-js'` reads JSX from solid-js/jsx-runtime, where the namespace is declared.
      'solid.d.ts': entry({
        imports: "import type { JSX } from 'solid-js';",
        doc: "Solid's attributes and DOM events on each tag (`ref`, `onClick`, `on:click`, `classList`, …), as on a `<div>`.",
        attributes: (el) => `JSX.HTMLAttributes<${el}>`,
        map: 'CustomElementsSolidJs',
        modules: ['solid-js/jsx-runtime'],
      }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
