import * as core from '@actions/core';
import { formatValues } from '@allot/core';
import type { Outcome } from './outcome.js';

/** The job in the step's log: one line per test (secrets masked), then the counts. */
export function logOutcome(outcome: Outcome): void {
  const { report, missing } = outcome;
  if (report !== null) {
    core.startGroup(`allot job ${report.jobId}: ${report.tests.length} tests`);
    for (const t of report.tests) {
      const detail =
        t.status === 'failed' ? (t.reason ?? 'no reason given') : formatValues(t.values, t.secrets);
      core.info(`${t.status.padEnd(9)}  ${t.pool} / ${t.suite} / ${t.test}  ${detail}`);
    }
    core.endGroup();
    core.info(
      `job ${report.jobId}: ${report.allocated} allocated, ${report.made} made, ${report.reused} reused, ` +
        `${report.failed} failed (leases until ${report.expiresAt})`,
    );
    if (report.cached)
      core.info(
        `job ${report.jobId} was created by an earlier run with the same tests: ` +
          "that run's post step releases its leases, not this one's",
      );
  }
  if (missing.length > 0) {
    core.info(`${missing.length} requested tests are not defined in any pool:`);
    for (const t of missing)
      core.info(`  ${t.pool ?? '(any pool)'} / ${t.suite} / ${t.test}  (${t.source})`);
  }
}
