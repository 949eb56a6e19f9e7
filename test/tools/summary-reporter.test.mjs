// The unit runner's summary names the files no test ran in because the browser failed them, for
// tools/run-tests.js to run once more; a file whose tests ran and failed is never among them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryReporter } from '../../tools/summary-reporter.js';

function unstartedOf(sessions) {
  const dir = mkdtempSync(join(tmpdir(), 'summary-'));
  const file = join(dir, 'unstarted.json');
  const before = process.env.PARA_UNSTARTED;
  const write = process.stdout.write;
  process.env.PARA_UNSTARTED = file;
  process.stdout.write = () => true;
  try {
    summaryReporter().onTestRunFinished({ sessions });
    return JSON.parse(readFileSync(file, 'utf8')).map((entry) => `${entry.engine} ${entry.file}`);
  } finally {
    process.stdout.write = write;
    if (before === undefined) delete process.env.PARA_UNSTARTED;
    else process.env.PARA_UNSTARTED = before;
    rmSync(dir, { recursive: true, force: true });
  }
}

const session = (file, errors, tests = []) => ({
  browser: { name: 'MiniBrowser' },
  testFile: join(process.cwd(), file),
  passed: false,
  errors: errors.map((message) => ({ message })),
  testResults: { tests, suites: [] },
});

test('a file the browser never started, or whose WebDriver session failed before any test, runs once more', () => {
  const unstarted = unstartedOf([
    session('a.test.ts', ['Browser tests did not start after 20000ms']),
    session('b.test.ts', ['WebDriverError: Request failed with error code UND_ERR_HEADERS_TIMEOUT when running "execute/sync" with method "POST"']),
  ]);
  assert.deepEqual(unstarted, ['webkit a.test.ts', 'webkit b.test.ts']);
});

test('a file whose tests ran and failed, or that failed to load, is not run again', () => {
  const unstarted = unstartedOf([
    session('c.test.ts', ['WebDriverError: lost'], [{ name: 'x', passed: false }]),
    session('d.test.ts', ['SyntaxError: Unexpected token']),
  ]);
  assert.deepEqual(unstarted, []);
});
