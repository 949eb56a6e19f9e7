import { writeSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium, findFirefox, selectedEngines } from './tools/browsers.js';
import { startWebKitDriver } from './tools/webkit-driver.js';
import { summaryReporter } from './tools/summary-reporter.js';
import { handleWebDriverSessionStartFailures } from './tools/webdriver-rejection.js';

// The runner's live terminal draws console output on its next repaint, so an error that ends the process can go
// unsaid: the unit step has died before its summary with no message. Say such an end straight to stderr.
process.on('uncaughtExceptionMonitor', (error, origin) => writeSync(2, `\n[test runner] ${origin}: ${error?.stack ?? error}\n`));
// A WebDriver session that fails to start ends only its file, not the whole run (see the module).
handleWebDriverSessionStartFailures();
process.prependListener('exit', (code) => {
  if (code) writeSync(2, `\n[test runner] exiting with code ${code}, called from:\n${new Error().stack.split('\n').slice(2, 10).join('\n')}\n`);
});

// One browser per engine, shared by every test file; BROWSERS=chromium,firefox narrows the run.
const engines = selectedEngines();
const launchers = {
  chromium: () => chromeLauncher({ launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs } }),
  // Stock Firefox over WebDriver BiDi, through puppeteer-core (which downloads nothing).
  // One file at a time: with two, one runs in a background tab, where Firefox clamps timers to 1 s and
  // keyboard input (sendKeys) reaches the other tab, so the focus tests press keys into the wrong page.
  firefox: () => chromeLauncher({ puppeteer, concurrency: 1, launchOptions: { browser: 'firefox', executablePath: findFirefox(), headless: true } }),
  // WebKitGTK's MiniBrowser through its WebDriver, under Xvfb when there is no display.
  webkit: async () => {
    const driver = await startWebKitDriver();
    const launcher = webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: driver.hostname,
      port: driver.port,
      logLevel: 'error',
      // Classic WebDriver: WebKitWebDriver does not speak BiDi, and asking for it fails session creation.
      // Eager: navigating (to each test file, and to about:blank after it) returns at DOMContentLoaded instead of
      // waiting on MiniBrowser's load event, which once never came for about:blank and failed a lane that had passed.
      capabilities: { ...driver.capabilities, 'wdio:enforceWebDriverClassic': true, pageLoadStrategy: 'eager' },
    });
    // One file at a time, in the top-level window: with concurrency > 1 the launcher runs files in
    // iframes, and MiniBrowser's driver loses them ("Invalid frame ID"), so key presses fail.
    const initialize = launcher.initialize.bind(launcher);
    return Object.assign(launcher, { concurrency: 1, initialize: (config) => initialize({ ...config, concurrency: 1 }) });
  },
};
const browsers = await Promise.all(engines.map((engine) => launchers[engine]()));
const soakConfig = {
  seed: /^\d+$/.test(process.env.SOAK_SEED ?? '') ? Number(process.env.SOAK_SEED) : null,
  explore: /^\d+$/.test(process.env.SOAK_EXPLORE ?? '') ? Number(process.env.SOAK_EXPLORE) : 0,
};

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 3,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers,
  // nanostores reads a bare process.env.NODE_ENV (nanostores#97); unbundled test pages must define it.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><title>para-session-kit tests</title></head>
  <body>
    <script>globalThis.process = { env: { NODE_ENV: 'development' } };</script>
    <!-- The soak's seeds: SOAK_SEED replays one run, SOAK_EXPLORE=N adds N random runs (test/reliability/README.md). -->
    <script>globalThis.soakConfig = ${JSON.stringify(soakConfig)};</script>
    <!-- Lit's one-time dev-mode notice would open every file's log; a passing test prints nothing else. -->
    <script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
