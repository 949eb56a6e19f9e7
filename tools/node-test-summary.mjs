// A node:test reporter that closes with the one line tools/run-tests.js reads: `N passed, N failed, N skipped`.
export default async function* summary(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let printed = false;
  const line = () => `demo-servers: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`;
  for await (const event of source) {
    const { data } = event;
    if (event.type === 'test:pass' || event.type === 'test:fail') {
      // Suites and whole files report too; count only the tests in them.
      if (data.details?.type === 'suite' || data.name === data.file) continue;
      if (event.type === 'test:fail') totals.failed += 1;
      else totals[data.skip || data.todo ? 'skipped' : 'passed'] += 1;
    }
    // The run's own plan comes after every file: print now, as --test-force-exit may end the stream early.
    if (event.type === 'test:plan' && data.nesting === 0 && !data.file && !printed) {
      printed = true;
      yield line();
    }
  }
  if (!printed) yield line();
}
