import { defineConfig } from 'vite';
import { ELEMENT_TAGS } from './tools/element-entries.mjs';
import { minifyCssLiteralsVite } from './tools/minify-css-literals.mjs';

// Library mode: Lit, @lit/context and nanostores stay external so apps dedupe them.
export default defineConfig({
  plugins: [minifyCssLiteralsVite()],
  server: { host: '127.0.0.1' },
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        // One entry per element, for apps that use only some of the tags (src/define).
        ...Object.fromEntries(ELEMENT_TAGS.map((tag) => [tag, `src/define/${tag}.ts`])),
        'locales/de': 'src/locales/de.ts',
        'locales/ar': 'src/locales/ar.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, 'nanostores'],
    },
    sourcemap: true,
  },
  // nanostores reads process.env.NODE_ENV (nanostores#97); the demo pages are served unbundled.
  define: { 'process.env.NODE_ENV': JSON.stringify('development') },
});
