// What the specs import from files only the test server compiles (see server-plugins.js).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<{ para: unknown }>;
  export default component;
}
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<{ para: unknown; onExpired: (identity: import('../../../src/index.js').ParaIdentity) => void }>;
  export default component;
}
declare module '*/Solid.jsx' {
  export function App(props: { para: unknown; onExpired: (identity: import('../../../src/index.js').ParaIdentity) => void }): Element;
}
declare module 'framework-versions' { const versions: Record<string, string>; export default versions; }
