import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, chromiumArgs } from './tools/find-chromium.js';
import { summaryReporter } from './tools/summary-reporter.js';

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 240_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs } })],
  // nanostores reads a bare process.env.NODE_ENV (nanostores#97); unbundled test pages must define it.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><title>para-session-kit tests</title></head>
  <body>
    <script>globalThis.process = { env: { NODE_ENV: 'development' } };</script>
    <!-- Lit's one-time dev-mode notice would open every file's log; a passing test prints nothing else. -->
    <script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
