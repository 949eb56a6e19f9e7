// React 19, Preact and Solid from @wc-toolkit/jsx-types, with its output fixed:
// - the event classes it names (ParaSessionExpiredEvent, …) are never imported, so `detail` became `any`;
// - a kebab-case attribute rejected the string every template writes (`warn-before="120"`);
// - one file augments eight JSX runtimes and the global JSX namespace, which breaks a project without them:
//   split it into one file per framework that augments only that framework's module.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { fix, widenAttributes } from './manifest.mjs';

const augment = (module, elements) => `declare module '${module}' {
  namespace JSX {
    interface IntrinsicElements extends ${elements} {}
  }
}`;

export function jsxTypes(manifest, elements, typesFrom) {
  const dir = mkdtempSync(join(tmpdir(), 'jsx-types-'));
  try {
    generateJsxTypes(manifest, { outdir: dir, fileName: 'elements.d.ts', globalTypePath: typesFrom, stronglyTypedEvents: true });
    let shared = readFileSync(join(dir, 'elements.d.ts'), 'utf8');
    const eventClasses = [...new Set(elements.flatMap((e) => e.events.map((ev) => ev.type)))];
    shared = fix(shared, /^import type \{/m, `import type {\n  ${eventClasses.join(',\n  ')},`, 'import the event classes');
    shared = fix(shared, /\ndeclare (module "[^"]+"|global) \{[\s\S]*$/, '\n', 'drop the JSX runtime augmentations');
    shared = widenAttributes(shared);
    const header = "// Generated from custom-elements.json by tools/generate-framework-types.mjs: do not edit.\n";
    const wrapper = (body) => `${header}import type { CustomElements, CustomElementsSolidJs } from './jsx-elements.js';\n\n${body}\nexport type { CustomElements, CustomElementsSolidJs };\n`;
    return {
      'jsx-elements.d.ts': header + shared,
      'react.d.ts': wrapper(['react', 'react/jsx-runtime', 'react/jsx-dev-runtime'].map((m) => augment(m, 'CustomElements')).join('\n')),
      'preact.d.ts': wrapper(augment('preact', 'CustomElements')),
      // `jsxImportSource: 'solid-js'` reads JSX from solid-js/jsx-runtime, where the namespace is declared.
      'solid.d.ts': wrapper(augment('solid-js/jsx-runtime', 'CustomElementsSolidJs')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
