// The framework suite: each README recipe mounted by its framework in Chromium (see test/frameworks/).
// One file at a time: every page runs a real <para-session>, and pages of one origin would share a leader.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, chromiumArgs } from './tools/find-chromium.js';
import { summaryReporter } from './tools/summary-reporter.js';
import { jsxBundles, kitAlias, solidJsx, svelte, vueSfc } from './test/frameworks/support/server-plugins.js';

export default {
  files: ['test/frameworks/*.spec.{ts,jsx}'], // .spec: the unit config's test/**/*.test.ts leaves them to this one
  // `development` gives Lit's dev build (its warnings are failures here) and Svelte's client build.
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 15_000 } },
  mimeTypes: { '**/*.svelte': 'js', '**/*.vue': 'js', '**/*.jsx': 'js' },
  plugins: [kitAlias(), jsxBundles(), vueSfc(), solidJsx(), svelte(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs } })],
  // nanostores reads a bare process.env.NODE_ENV (nanostores#97); unbundled test pages must define it.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><title>para-session-kit framework tests</title></head>
  <body>
    <script>globalThis.process = { env: { NODE_ENV: 'development' } };</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
