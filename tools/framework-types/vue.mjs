// Vue's GlobalComponents from custom-element-vuejs-integration, with its output fixed:
// - handlers were typed `CustomEvent<ParaSessionExpiredEvent>`, so `e.detail` was the event class: use the class;
// - read-only getters (`state`, `open`, …) were offered as props that Vue would try to set: drop them;
// - kebab-case keys (`"session-length"`, `"onpara-session-expired"`) never match: Vue camelizes template names;
// - it also put every tag into the global JSX namespace as a Vue component, which breaks React/Preact typing;
// - its props were only the element's own, so under strictTemplates `id`, `lang` or `@click` were errors;
// - each tag was a `DefineComponent`, so a template ref was a component instance: it is the element's constructor.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { escape, fix, widenAttributes } from './manifest.mjs';

export function vueTypes(manifest, elements, typesFrom) {
  const dir = mkdtempSync(join(tmpdir(), 'vue-types-'));
  try {
    generateVuejsTypes(structuredClone(manifest), { outdir: dir, fileName: 'vue.d.ts', globalTypePath: typesFrom, hideLogs: true });
    let text = readFileSync(join(dir, 'vue.d.ts'), 'utf8');
    text = fix(text, /CustomEvent<(\w+Event)>/g, '$1', 'type handlers with the event classes');
    for (const element of elements) {
      for (const name of element.readonly) {
        const line = new RegExp(`\\n\\s*${escape(name)}\\?: ${element.className}\\["${escape(name)}"\\];`);
        text = fix(text, line, '', `drop read-only ${element.tag}.${name}`);
      }
    }
    text = fix(text, /\ndeclare global \{[\s\S]*$/, '\n', 'drop the global JSX namespace');
    text = widenAttributes(text);
    // Vue (and vue-tsc) camelize what a template writes: `@para-session-expired` checks `onParaSessionExpired`.
    const camel = (kebab) => kebab.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    text = fix(text, /"on([a-z]+(?:-[a-z]+)+)"\?:/g, (_, name) => `on${camel(`-${name}`)}?:`, 'camelize event props');
    text = fix(text, /"([a-z]+(?:-[a-z]+)+)"\?:/g, (_, name) => `${camel(name)}?:`, 'camelize attribute props');
    // A tag as the element's constructor, not a Vue component: a template ref (`useTemplateRef`) is the element.
    for (const element of elements) {
      const component = new RegExp(`"${escape(element.tag)}": DefineComponent<(\\w+Props)>;`);
      text = fix(text, component, `"${element.tag}": ElementTag<${element.className}, $1>;`, `type ${element.tag} as its element`);
    }
    text = fix(text, /^import type \{ DefineComponent \} from "vue";/m, 'import type { HTMLAttributes, ReservedProps } from "vue";', 'import HTMLAttributes');
    text += "\n/** A tag's own props, and Vue's HTML attributes and native events (`id`, `lang`, `@click`) it does not define itself. */\ntype WithHTMLAttributes<Props> = Props & Omit<HTMLAttributes, keyof Props>;\n";
    text += "\n/** What vue-tsc reads for a tag: its ref is the element `E`; a template may set `Props` and Vue's HTML attributes. */\ntype ElementTag<E, Props> = new () => E & { $props: WithHTMLAttributes<Props> & ReservedProps };\n";
    return { 'vue.d.ts': `// Generated from custom-elements.json by tools/generate-framework-types.mjs: do not edit.\n${text}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
