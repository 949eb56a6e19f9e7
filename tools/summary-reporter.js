// Prints the plain closing line CI reads: `N passed, N failed, N skipped`.
function countResults(group, totals) {
  for (const test of group.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const suite of group.suites ?? []) countResults(suite, totals);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) countResults(session.testResults, totals);
        // A file that failed to load counts as a failure rather than vanishing from the total.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      process.stdout.write(`\nunit: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
