// A job of the allocation benchmarks, timed from the engine's own progress
// events: its wall and CPU time, its phases (resolve, gather, match,
// explain, makes, commit) and, per reason, the tests left without rows.
import { executeJob } from '@allot/core';

/**
 * Runs one job on `store` and returns its figures. The phases are spans
 * between the first and last progress event of each engine phase.
 */
export async function timedJob(store, workspace, refs, options = {}) {
  const marks = [];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const report = await executeJob(store, {
    workspace,
    tests: refs,
    ...options,
    onProgress: (p) => marks.push({ ...p, at: performance.now() }),
  });
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  const firstOf = (phase) => marks.find((m) => m.phase === phase)?.at;
  const lastOf = (phase) => marks.findLast((m) => m.phase === phase)?.at;
  const candidates = firstOf('candidates');
  const scanned = lastOf('candidates');
  const matched = firstOf('matching');
  const makes = firstOf('makes');
  const commit = firstOf('commit');
  const span = (a, b) => (a === undefined || b === undefined ? null : b - a);
  const phases = {
    resolve: span(start, candidates ?? end),
    gather: span(candidates, scanned),
    match: span(scanned, matched),
    // Reasons for the tests left without rows: a census of their finds.
    explain: span(matched, makes ?? commit),
    makes: span(makes, commit),
    commit: span(commit, end),
  };
  const reasons = {};
  for (const test of report.tests) {
    if (test.status !== 'failed') continue;
    reasons[test.reason] = (reasons[test.reason] ?? 0) + 1;
  }
  return {
    ms: end - start,
    // On a shared, loaded machine the wall time waits for a core; the CPU time does not.
    cpuMs: (cpu.user + cpu.system) / 1000,
    phases,
    cached: report.cached,
    allocated: report.allocated,
    made: report.made,
    failed: report.failed,
    reasons,
    jobId: report.jobId,
  };
}

/** The phases of a timed job on one line, in milliseconds. */
export const phaseLine = (job) =>
  Object.entries(job.phases)
    .map(([name, ms]) => `${name} ${ms === null ? '–' : ms.toFixed(0)}`)
    .join(', ');
