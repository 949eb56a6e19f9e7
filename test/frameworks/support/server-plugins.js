// Test-server plugins that compile each framework's own source format, as that framework's build would.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transformAsync } from '@babel/core';
import { build } from 'esbuild';
import { parse, compileScript } from 'vue/compiler-sfc';
import { fromRollup } from '@web/dev-server-rollup';
import rollupSvelte from 'rollup-plugin-svelte';

const root = process.cwd();
const fileOf = (path) => join(root, decodeURIComponent(path.split('?')[0]));
const kitSource = join(root, 'src/index.ts');

/**
 * `para-session-kit` is the source entry, served once, so apps and elements share one `$paraSession`;
 * `framework-versions` names the versions under test.
 */
export function kitAlias() {
  return {
    name: 'kit-alias',
    resolveImport({ source }) {
      if (source === 'para-session-kit') return '/src/index.ts';
      // The template compiler build: what Vue apps without a build step use; @nanostores/vue shares it.
      if (source === 'vue') return '/node_modules/vue/dist/vue.esm-browser.js';
      if (source === 'framework-versions') return '/__framework-versions.js';
      return undefined;
    },
    async serve({ path }) {
      if (path !== '/__framework-versions.js') return undefined;
      const versions = {};
      for (const name of ['react', 'preact', 'vue', 'svelte', 'solid-js', '@angular/core']) {
        versions[name] = JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
      }
      return { body: `export default ${JSON.stringify(versions)};`, type: 'js' };
    },
  };
}

/** React and Preact ship JSX (and React, CommonJS): bundle each `*.spec.jsx` with esbuild, as a React build would. */
export function jsxBundles() {
  return {
    name: 'jsx-bundles',
    async serve({ path }) {
      if (!path.split('?')[0].endsWith('.spec.jsx')) return undefined;
      const preact = path.includes('preact');
      const result = await build({
        entryPoints: [fileOf(path)],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2022',
        jsx: 'automatic',
        jsxImportSource: preact ? 'preact' : 'react',
        conditions: ['browser', 'development'],
        alias: { 'para-session-kit': kitSource },
        external: ['framework-versions'],
        define: { 'process.env.NODE_ENV': '"development"' },
        tsconfig: join(root, 'tsconfig.json'),
        sourcemap: 'inline',
        logLevel: 'error',
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}

const isCustomElement = (tag) => tag.startsWith('para-');

/** Vue single-file components, compiled with Vue's own compiler (custom elements: every `para-*` tag). */
export function vueSfc() {
  return {
    name: 'vue-sfc',
    async serve({ path }) {
      if (!path.endsWith('.vue')) return undefined;
      const filename = fileOf(path);
      // The template is parsed once, here: which tags are elements rather than components is decided now.
      const { descriptor, errors } = parse(await readFile(filename, 'utf8'), { filename, templateParseOptions: { isCustomElement } });
      if (errors.length) throw errors[0];
      const script = compileScript(descriptor, {
        id: path,
        inlineTemplate: true,
        templateOptions: { compilerOptions: { isCustomElement } },
      });
      return { body: script.content, type: 'js' };
    },
  };
}

/** Solid's JSX, compiled with babel-preset-solid (what vite-plugin-solid runs). */
export function solidJsx() {
  return {
    name: 'solid-jsx',
    async serve({ path }) {
      if (!/\/apps\/Solid\.jsx$/.test(path.split('?')[0])) return undefined;
      const filename = fileOf(path);
      const result = await transformAsync(await readFile(filename, 'utf8'), { filename, presets: [['babel-preset-solid', { generate: 'dom' }]], babelrc: false, configFile: false });
      return { body: result.code, type: 'js' };
    },
  };
}

/** Svelte 5 components, compiled in dev mode with rollup-plugin-svelte. */
export const svelte = () => fromRollup(rollupSvelte)({ include: '**/*.svelte', emitCss: false, compilerOptions: { dev: true } });
