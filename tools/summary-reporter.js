// Prints the plain closing line CI reads: `N passed, N failed, N skipped`, with one line per engine above it.
function countResults(group, totals) {
  for (const test of group.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const suite of group.suites ?? []) countResults(suite, totals);
}

/** The launchers' own names (Chrome, Firefox, MiniBrowser, Safari) as the engines the run is about. */
export function engineOf(browserName = '') {
  const name = browserName.toLowerCase();
  if (name.includes('firefox')) return 'firefox';
  if (name.includes('minibrowser') || name.includes('webkit') || name.includes('safari')) return 'webkit';
  if (name.includes('chrom')) return 'chromium';
  return name || 'unknown';
}

const line = (label, t) => `${label}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      const perEngine = new Map();
      for (const session of sessions) {
        const engine = engineOf(session.browser?.name);
        if (!perEngine.has(engine)) perEngine.set(engine, { passed: 0, failed: 0, skipped: 0, files: 0 });
        const counts = { passed: 0, failed: 0, skipped: 0 };
        if (session.testResults) countResults(session.testResults, counts);
        // A file that failed to load counts as a failure rather than vanishing from the total.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
        const engineTotals = perEngine.get(engine);
        engineTotals.files += 1;
        for (const key of Object.keys(counts)) {
          engineTotals[key] += counts[key];
          totals[key] += counts[key];
        }
      }
      const rows = [...perEngine].map(([engine, t]) => `  ${line(engine, t)} (${t.files} files)`);
      process.stdout.write(`\nper engine:\n${rows.join('\n')}\nunit: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
