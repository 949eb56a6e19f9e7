// The framework suite's Angular-with-zone.js specs (test/frameworks/zone/), built as the Angular CLI builds an app
// that loads zone.js: native async/await (and async generators, for-await) lowered to generators over the global,
// zone-patched Promise, in every module the app bundles (the kit and node_modules included), so zones follow async work.
import { transform } from 'esbuild';
import base from './web-test-runner.frameworks.config.js';

const NOT_THE_APPS = /\/zone\.js\/|@web\/|__web|mocha|chai/;

function zoneAsyncLowering() {
  return {
    name: 'zone-async-lowering',
    async transform(context) {
      if (!context.response.is('js') || typeof context.body !== 'string' || NOT_THE_APPS.test(context.path)) return undefined;
      const { code } = await transform(context.body, {
        loader: 'js',
        target: 'es2022',
        sourcemap: 'inline',
        sourcefile: context.path,
        supported: { 'async-await': false, 'async-generator': false, 'for-await': false },
      });
      return { body: code };
    },
  };
}

export default {
  ...base,
  files: ['test/frameworks/zone/*.spec.ts'],
  plugins: [...base.plugins, zoneAsyncLowering()],
};
