// A web-test-runner reporter that counts leaf tests from the sessions' results and, when
// WTR_COUNTS_FILE is set, writes them there for scripts/test.mjs to merge with the Node tests.
import { writeFileSync } from 'node:fs';

function countTests(suite, counts) {
  if (!suite) return;
  for (const t of suite.tests ?? []) {
    if (t.skipped) counts.skipped += 1;
    else if (t.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const s of suite.suites ?? []) countTests(s, counts);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        countTests(session.testResults, counts);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }
      if (process.env.WTR_COUNTS_FILE) writeFileSync(process.env.WTR_COUNTS_FILE, JSON.stringify(counts));
    },
  };
}
