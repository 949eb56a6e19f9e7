// The unit runner's config keeps going past a WebDriver session that failed to start (WebKitWebDriver hanging
// on a busy machine), and still ends on any other unhandled rejection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function runWith(rejection) {
  const result = spawnSync('npx', ['web-test-runner', '--config', 'test/tools/fixtures/rejection.config.js', 'test/tools/fixtures/slow-file.fixture.ts'], {
    cwd: root,
    env: { ...process.env, BROWSERS: 'chromium', REJECTION: rejection, CI: 'true' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test('a WebDriver session that failed to start is said, and the run goes on to its summary', () => {
  const { code, output } = runWith('webdriver');
  assert.match(output, /a WebDriver session did not start/);
  assert.match(output, /1 passed, 0 failed/);
  assert.equal(code, 0, output.slice(-2_000));
});

test('any other unhandled rejection still ends the run', () => {
  const { code, output } = runWith('other');
  assert.doesNotMatch(output, /a WebDriver session did not start/);
  assert.doesNotMatch(output, /1 passed, 0 failed/);
  assert.equal(code, 1, output.slice(-2_000));
});
