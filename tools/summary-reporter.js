// Prints the plain closing line CI reads: `N passed, N failed, N skipped`, with one line per engine above it.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

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

/**
 * A file whose page never ran a test: the browser did not start it, or its WebDriver session failed before any
 * test ran (a navigation that timed out on a busy machine, then the session's stop failing too). No assertion
 * was evaluated either way.
 */
function neverStarted(session) {
  const ran = (session.testResults?.tests?.length ?? 0) + (session.testResults?.suites?.length ?? 0);
  return !session.passed && ran === 0 && (session.errors ?? []).some((error) => /did not start|WebDriverError/.test(error?.message ?? ''));
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
      // Files the browser never started, for tools/run-tests.js to run once more (PARA_UNSTARTED names where).
      const unstarted = sessions.filter(neverStarted).map((session) => ({ engine: engineOf(session.browser?.name), file: relative(process.cwd(), session.testFile) }));
      if (process.env.PARA_UNSTARTED) writeFileSync(process.env.PARA_UNSTARTED, JSON.stringify(unstarted));
      const rows = [...perEngine].map(([engine, t]) => `  ${line(engine, t)} (${t.files} files)`);
      process.stdout.write(`\nper engine:\n${rows.join('\n')}\nunit: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
