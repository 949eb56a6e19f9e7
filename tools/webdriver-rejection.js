import { writeSync } from 'node:fs';

// WebKitWebDriver can hang on navigating to a test file when the machine is busy, and fail minutes later.
// @web/test-runner-webdriver starts a file's session without awaiting it, so that failure is an unhandled
// rejection, which ends the whole runner (every engine) before its summary, and the step runs again from the
// start. The runner has by then counted the file as never started, and tools/run-tests.js runs such files once
// more: say it and go on. Any other unhandled rejection still ends the run, as before.

/** Whether `reason` is @web/test-runner-webdriver failing to open a test file's page. */
export function isWebDriverSessionStart(reason) {
  const stack = String(reason?.stack ?? reason);
  return /WebDriverError/.test(stack) && /SessionManager\.startSession/.test(stack);
}

export function handleWebDriverSessionStartFailures() {
  process.on('unhandledRejection', (reason) => {
    if (!isWebDriverSessionStart(reason)) throw reason;
    writeSync(2, `\n[test runner] a WebDriver session did not start; its file counts as never started: ${String(reason?.message ?? reason).split('\n')[0]}\n`);
  });
}
