import { forecastClasses } from './explain.js';
import type { Resolved } from './find-classes.js';
import type { JobReport, TestOutcome } from './job-report.js';
import type { JobPlan } from './plan-job.js';
import type { ResolvedTest } from './resolve-tests.js';

/**
 * The report of a dry run: what each test would get, counted from the plan,
 * with a forecast per find since nothing was committed.
 */
export function dryRunReport(
  resolved: ResolvedTest[],
  errors: Map<Resolved, string>,
  plan: JobPlan,
  namespace: string,
): JobReport {
  const tests: TestOutcome[] = resolved.map((entry) => {
    const found = entry.error === null ? plan.tests.get(entry) : undefined;
    const reason = entry.error ?? errors.get(entry) ?? plan.failures.get(entry) ?? null;
    const status = found !== undefined ? 'allocated' : reason === null ? 'made' : 'failed';
    return { ...entry.ref, status, reason, values: [], secrets: entry.pool?.secrets ?? [] };
  });
  const count = (status: string) => tests.filter((t) => t.status === status).length;
  return {
    jobId: null,
    dryRun: true,
    cached: false,
    state: count('failed') > 0 ? 'failed' : 'complete',
    namespace,
    expiresAt: null,
    allocated: count('allocated'),
    made: count('made'),
    reused: 0,
    failed: count('failed'),
    tests,
    forecast: forecastClasses(
      [...plan.matched.keys()],
      plan.claims,
      plan.matched,
      plan.makesNeeded,
    ),
  };
}
